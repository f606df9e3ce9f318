import type { Case } from './case';
import type { Contribution, ContributionSource } from './contribution';
import type { ActionVerdict } from './rounds/inputs';

/**
 * Aftercare/advice/rounds stored values that were Dutch before issue 11 item 6 (docs/glossary.md,
 * "Stored values"); same mechanism as src/domain/old-values.ts: a table old -> new, applied when the
 * store reads (documents are never rewritten) and at the zod edge of a card submit (cards already
 * posted in Teams still send the old choice values). Pure; every function returns its input (the same
 * object) when nothing in it is old.
 */
export const OLD_ACTION_VERDICT: Readonly<Record<string, ActionVerdict>> = {
  gedaan: 'done',
  omstandigheden_veranderd: 'circumstances_changed',
  niet_uitgevoerd: 'not_carried_out',
};

export const OLD_CONTRIBUTION_SOURCE: Readonly<Record<string, ContributionSource>> = {
  eigen_systeem: 'own_system',
  gesprek_betrokkene: 'talk_with_involved',
  melding: 'report',
  ketenpartner: 'partner_org',
  overig: 'other',
};

const own = <T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/**
 * For `z.preprocess` at a submit edge: an old value becomes its new name, anything else passes on
 * unchanged for the enum that follows to accept or refuse.
 */
export const fromOld =
  <T extends string>(table: Readonly<Record<string, T>>) =>
  (value: unknown): unknown =>
    own(table, value) ?? value;

/** The current name of a source as stored (old or new); unknown values pass through. */
export function currentContributionSource(source: string): string {
  return own(OLD_CONTRIBUTION_SOURCE, source) ?? source;
}

export function normalizeContribution(c: Contribution): Contribution {
  const source = own(OLD_CONTRIBUTION_SOURCE, c.source);
  return source === undefined ? c : { ...c, source };
}

/** The case document: the status of its actions (an action's status is `open` or its verdict). */
export function normalizeCaseAftercare(c: Case): Case {
  const old = c.actions.some((a) => own(OLD_ACTION_VERDICT, a.status) !== undefined);
  if (!old) return c;
  return { ...c, actions: c.actions.map((a) => ({ ...a, status: own(OLD_ACTION_VERDICT, a.status) ?? a.status })) };
}
