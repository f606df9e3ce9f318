import type { AdviceRecord, AdviceStatus } from './advice/types';

/**
 * Advice values that were Dutch before issue 11 item 6 (docs/glossary.md, "Stored values"); same
 * mechanism as src/domain/old-values-aftercare.ts: a table old -> new, applied when the store reads
 * (documents are never rewritten). Pure; every function returns its input (the same object) when
 * nothing in it is old.
 */
export const OLD_ADVICE_STATUS: Readonly<Record<string, AdviceStatus>> = {
  concept: 'draft',
  verzonden: 'sent',
  besloten: 'decided',
};

const own = <T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** The advice document: its status. */
export function normalizeAdvice(a: AdviceRecord): AdviceRecord {
  const status = own(OLD_ADVICE_STATUS, a.status);
  return status === undefined ? a : { ...a, status };
}
