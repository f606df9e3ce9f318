import { detectPiiIn, type PiiKind } from '../domain/pii';
import type { AppDeps } from './deps';
import { ok, type Result } from './errors';

/**
 * The free-text gate every command runs before it stores user text. Identifiers found and not
 * confirmed: refused with the kinds (never the values). Confirmed: the kinds to mark the stored item
 * with (and to audit). Nothing found: undefined.
 */
export function checkFreeText(
  deps: Pick<AppDeps, 'clock'>,
  texts: readonly (string | undefined)[],
  confirmed: boolean,
): Result<PiiKind[] | undefined> {
  const kinds = detectPiiIn(texts, { referenceYear: deps.clock.now().getUTCFullYear() });
  if (kinds.length === 0) return ok(undefined);
  if (!confirmed) return { ok: false, error: { code: 'pii_found', piiKinds: kinds } };
  return ok(kinds);
}

/** Audit detail for a confirmed item: the kinds, comma-separated (no values). */
export function piiAuditDetail(kinds: readonly PiiKind[] | undefined): { piiConfirmed?: string } {
  return kinds && kinds.length > 0 ? { piiConfirmed: kinds.join(',') } : {};
}
