import type { AdviceDraft, AdviceRecord, AdviceStatus, PatternKind } from './advice/types';

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

/** The patterns of an advice draft (`stalking` was English already). */
export const OLD_PATTERN_KIND: Readonly<Record<string, PatternKind>> = {
  oude_bekende: 'returning',
  kinderen: 'children',
  dwingende_controle: 'coercive_control',
  risicotaxatie: 'risk_assessment',
  wapen: 'weapon',
};

const own = <T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** An advice draft: the kinds of its patterns. */
export function normalizeAdviceDraft(d: AdviceDraft): AdviceDraft {
  if (!d.patterns.some((p) => own(OLD_PATTERN_KIND, p.kind) !== undefined)) return d;
  return { ...d, patterns: d.patterns.map((p) => ({ ...p, kind: own(OLD_PATTERN_KIND, p.kind) ?? p.kind })) };
}

/** The advice document: its status and its draft. */
export function normalizeAdvice(a: AdviceRecord): AdviceRecord {
  const status = own(OLD_ADVICE_STATUS, a.status);
  const draft = normalizeAdviceDraft(a.draft);
  if (status === undefined && draft === a.draft) return a;
  return { ...a, ...(status ? { status } : {}), draft };
}
