import { z } from 'zod';
import type { PartnerOrg } from '../orgs';
import { requireMillis, DAY_MS, type Instant } from '../rounds/time';
import type { ReceivingKind } from './handover';

/**
 * Oude bekenden: earlier cases of the same person (found through the keyed pseudonym index). The
 * case card shows only counts, dates, decisions, outcome and whether a measure still runs: never a
 * person, a summary or an earlier case's text.
 */
export const returningConfigSchema = z
  .object({
    /** A person with an earlier case within this many days is a signal for the escalation policy. */
    signalDays: z
      .number()
      .int()
      .min(1)
      .max(5 * 365)
      .default(365),
  })
  .strict();
export type ReturningConfig = z.infer<typeof returningConfigSchema>;

export type EarlierDecision = 'escalated' | 'closed' | 'closed_despite_concern' | 'open';

/** What the pseudonym index and the earlier case's report row say about one earlier case. */
export interface EarlierCase {
  caseId: string;
  intakeAt: string;
  decision: EarlierDecision;
  decidedAt?: string;
  handoverKind?: ReceivingKind;
  /** A measure (e.g. a restraining order, supervision) still running at the new intake. */
  measureRunningUntil?: string;
  /** The earlier case's lead, if known: notified once that the person is back. */
  lead?: { orgId: PartnerOrg; aadObjectId: string };
}

/** The oude-bekenden record of a new case (one document in its partition): counts, dates and decisions, no person. */
export interface ReturningRecord {
  caseId: string;
  summary: ReturningSummary;
  /** The earlier cases as the personal view may show them (ids for the links, dates, decisions, what came of it). */
  earlier: (Pick<EarlierCase, 'caseId' | 'intakeAt' | 'decision' | 'decidedAt' | 'handoverKind' | 'measureRunningUntil'> & {
    /** The answer to "wat is ervan gekomen?" in the earlier case's report row, if any. */
    followUp?: string;
  })[];
}

export interface ReturningSummary {
  count: number;
  firstIntakeAt?: string;
  lastIntakeAt?: string;
  decisions: Record<EarlierDecision, number>;
  /** The last earlier case's handover, if it was closed with one. */
  lastHandover?: ReceivingKind;
  measureRunning: boolean;
  /** Days from the last earlier intake to this one (whole days, rounded down). */
  daysSinceLast?: number;
  signal: boolean;
}

/**
 * The oude-bekenden line of a new case card. Only cases with an intake strictly before the new
 * case's count (a re-delivery of the same case or a later one is not "earlier"); the new case itself
 * is never counted.
 */
export function returningSummary(
  newCase: { caseId: string; intakeAt: Instant },
  earlier: readonly EarlierCase[],
  config: ReturningConfig,
): ReturningSummary {
  const at = requireMillis(newCase.intakeAt, 'intakeAt');
  const cases = earlier
    .filter((e) => e.caseId !== newCase.caseId && Date.parse(e.intakeAt) < at)
    .sort((a, b) => Date.parse(a.intakeAt) - Date.parse(b.intakeAt));
  const decisions: Record<EarlierDecision, number> = { escalated: 0, closed: 0, closed_despite_concern: 0, open: 0 };
  for (const c of cases) decisions[c.decision]++;
  const last = cases.at(-1);
  const daysSinceLast = last ? Math.floor((at - Date.parse(last.intakeAt)) / DAY_MS) : undefined;
  return {
    count: cases.length,
    ...(cases[0] ? { firstIntakeAt: cases[0].intakeAt } : {}),
    ...(last ? { lastIntakeAt: last.intakeAt } : {}),
    decisions,
    ...(last?.handoverKind ? { lastHandover: last.handoverKind } : {}),
    measureRunning: cases.some((c) => c.measureRunningUntil !== undefined && Date.parse(c.measureRunningUntil) > at),
    ...(daysSinceLast !== undefined ? { daysSinceLast } : {}),
    signal: daysSinceLast !== undefined && daysSinceLast <= config.signalDays,
  };
}

/**
 * Who gets the 1:1 "this person is back" note: the lead of each earlier case who is still on a
 * roster, once per person (the lead of two earlier cases gets one note), each with a deterministic
 * note id so a restart or re-delivery sends it once.
 */
export function returningLeadNotes(
  newCaseId: string,
  earlier: readonly EarlierCase[],
  onRoster: (aadObjectId: string) => boolean,
): { noteId: string; aadObjectId: string; orgId: PartnerOrg; earlierCaseIds: string[] }[] {
  const byLead = new Map<string, { orgId: PartnerOrg; ids: string[] }>();
  for (const e of earlier) {
    if (!e.lead || e.caseId === newCaseId || !onRoster(e.lead.aadObjectId)) continue;
    const cur = byLead.get(e.lead.aadObjectId) ?? { orgId: e.lead.orgId, ids: [] };
    cur.ids.push(e.caseId);
    byLead.set(e.lead.aadObjectId, cur);
  }
  return [...byLead.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([aad, v]) => ({
      noteId: `returning-note:${newCaseId}:${aad}`,
      aadObjectId: aad,
      orgId: v.orgId,
      earlierCaseIds: [...v.ids].sort(),
    }));
}
