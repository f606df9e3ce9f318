import { createHmac } from 'node:crypto';
import type { Hasher } from './ports';

/** Stable JSON (sorted keys) so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function createHasher(key: string): Hasher {
  const hmac = (purpose: string, value: string): string => createHmac('sha256', key).update(`${purpose}\u0000${value}`).digest('hex');
  return {
    // Deterministic: the same external id always maps to the same case (idempotent intake, also on Cosmos).
    caseId: (externalId) => hmac('case', externalId).slice(0, 24),
    personPseudonym: (sourceKey) => hmac('person', sourceKey).slice(0, 32),
    // Keyed too: the stored hash of an intake body cannot be confirmed by someone who guesses the body.
    digest: (value) => hmac('digest', canonicalJson(value)),
  };
}
