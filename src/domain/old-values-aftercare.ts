import { renamed } from './old-values';
import type { FollowUpOutcome } from './aftercare/follow-up';
import type { ReportDecision, ReportRow } from './aftercare/report';
import type { EarlierDecision, ReturningRecord } from './aftercare/returning';
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

const own = renamed;

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

/** The case's decision in a report row, and in the oude-bekenden record of a later case (`EarlierDecision`). */
export const OLD_REPORT_DECISION: Readonly<Record<string, ReportDecision>> = {
  geescaleerd: 'escalated',
  gesloten: 'closed',
  gesloten_ondanks_buikpijn: 'closed_despite_concern',
};

/** "Wat is ervan gekomen?" in a report row (`onbeantwoord`: asked, not answered). */
export const OLD_FOLLOW_UP_OUTCOME: Readonly<Record<string, FollowUpOutcome | 'unanswered'>> = {
  uitgevoerd: 'carried_out',
  deels_uitgevoerd: 'partly_carried_out',
  niet_uitgevoerd: 'not_carried_out',
  onbekend: 'unknown',
  onbeantwoord: 'unanswered',
};

/**
 * A report row's decision and follow-up. The report counts rows in memory after this read step
 * (src/domain/aftercare/report.ts), so old and new values are counted alike; no query filters on them.
 */
export function normalizeReportRowAftercare(r: ReportRow): ReportRow {
  const decision = r.decision === undefined ? undefined : own(OLD_REPORT_DECISION, r.decision);
  const followUp = r.followUp === undefined ? undefined : own(OLD_FOLLOW_UP_OUTCOME, r.followUp);
  if (decision === undefined && followUp === undefined) return r;
  return { ...r, ...(decision ? { decision } : {}), ...(followUp ? { followUp } : {}) };
}

/** The oude-bekenden record: the decision counts (keys), each earlier case's decision and follow-up. */
export function normalizeReturning(r: ReturningRecord): ReturningRecord {
  const counts = r.summary.decisions as Record<string, number>;
  const oldKeys = Object.keys(counts).some((k) => own(OLD_REPORT_DECISION, k) !== undefined);
  const oldEarlier = r.earlier.some(
    (e) =>
      own(OLD_REPORT_DECISION, e.decision) !== undefined ||
      (e.followUp !== undefined && own(OLD_FOLLOW_UP_OUTCOME, e.followUp) !== undefined),
  );
  if (!oldKeys && !oldEarlier) return r;
  const decisions = oldKeys
    ? (Object.fromEntries(Object.entries(counts).map(([k, n]) => [own(OLD_REPORT_DECISION, k) ?? k, n])) as Record<EarlierDecision, number>)
    : r.summary.decisions;
  const earlier = oldEarlier
    ? r.earlier.map((e) => ({
        ...e,
        decision: own(OLD_REPORT_DECISION, e.decision) ?? e.decision,
        ...(e.followUp !== undefined ? { followUp: own(OLD_FOLLOW_UP_OUTCOME, e.followUp) ?? e.followUp } : {}),
      }))
    : r.earlier;
  return { ...r, summary: oldKeys ? { ...r.summary, decisions } : r.summary, earlier };
}
