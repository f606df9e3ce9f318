import type { AuditEntry } from '../audit';
import type { CaseBundle } from '../case-bundle';
import type { EscalationRecord } from '../escalation-record';
import { repeatCheckOf } from '../aftercare/repeat-escalation';
import { actieoverlegAttendees, decideEscalation, defaultConcreteQuestion } from '../rounds/escalation';
import type { CaseSnapshot, DecisionLocation, JobIntent } from './types';
import { SYSTEM_ACTOR } from './types';

/** Job ids (one per case each; repeated requests coalesce). Same values as src/app uses. */
export const JOB_IDS = {
  refreshCard: 'job:refreshCard',
  refreshActieoverleg: 'job:refreshActieoverleg',
  postActieoverleg: 'job:postActieoverleg',
  escalationCheck: 'job:escalationCheck',
} as const;

export function snapshotOf(b: CaseBundle): CaseSnapshot {
  return {
    theCase: b.theCase.body,
    votes: b.votes,
    contributions: b.contributions,
    ...(b.escalation ? { escalation: b.escalation.body } : {}),
    ...(b.vtConsultation ? { vtConsultation: b.vtConsultation.body } : {}),
    ...(b.advice ? { advice: b.advice.body } : {}),
    ...(b.cardRef ? { cardRef: b.cardRef } : {}),
    ...(b.verdieping ? { verdieping: b.verdieping } : {}),
    ...(b.returning ? { returning: b.returning } : {}),
  };
}

export interface EscalationFollowUp {
  escalation?: EscalationRecord;
  audit: AuditEntry[];
  /** When only a time rule could fire later: the moment to check again. */
  nextCheckAt?: string;
}

/**
 * Whether this state of the case goes to the Actieoverleg (the pure policy), as documents: the
 * escalation record (inserted if absent) and its audit entry, attributed to the system.
 */
export function escalationFollowUp(state: CaseSnapshot, location: DecisionLocation | undefined, now: string): EscalationFollowUp {
  if (state.escalation || !location || state.theCase.status !== 'open') return { audit: [] };
  const d = decideEscalation(
    {
      votes: state.votes,
      rounds: state.theCase.rounds,
      caseStatus: state.theCase.status,
      escalatedAlready: false,
      now,
      ...(state.returning?.summary.daysSinceLast !== undefined ? { returningDaysSinceLast: state.returning.summary.daysSinceLast } : {}),
      repeat: repeatCheckOf({
        ...(state.advice ? { advice: state.advice } : {}),
        votes: state.votes,
        contributions: state.contributions,
        measures: (state.verdieping?.measures ?? []).map((m) => m.body),
      }),
    },
    location.escalation,
  );
  if (!d.escalate) return { audit: [], ...(d.nextCheckAt ? { nextCheckAt: d.nextCheckAt } : {}) };
  const caseId = state.theCase.id;
  const escalation: EscalationRecord = {
    caseId,
    at: now,
    rule: d.rule,
    orgs: d.orgs,
    reasons: d.reasons,
    question: defaultConcreteQuestion(state.theCase.facts),
    attendees: actieoverlegAttendees(state.theCase.kmFlag),
  };
  return {
    escalation,
    audit: [
      {
        // deterministic: two processes deciding the same escalation write one line
        id: `audit:${now}:escalated`,
        caseId,
        at: now,
        action: 'case.escalated',
        actorId: SYSTEM_ACTOR,
        detail: { rule: d.rule, orgs: d.orgs.join(',') },
      },
    ],
  };
}

/**
 * The delivery work that follows any change of a case: its posted card is refreshed; an escalated
 * case keeps its Actieoverleg card current too, and gets its post job back if a crash lost it.
 */
export function refreshJobs(state: CaseSnapshot, now: string, opts: { newEscalation: boolean; nextCheckAt?: string }): JobIntent[] {
  const jobs: JobIntent[] = [{ id: JOB_IDS.refreshCard, type: 'refreshCard', dueAt: now, mode: 'request' }];
  if (state.escalation) {
    if (opts.newEscalation || !state.escalation.actieoverlegRef)
      jobs.push({ id: JOB_IDS.postActieoverleg, type: 'postActieoverleg', dueAt: now, mode: 'ensure' });
    jobs.push({ id: JOB_IDS.refreshActieoverleg, type: 'refreshActieoverleg', dueAt: now, mode: 'request' });
  } else if (opts.nextCheckAt) {
    jobs.push({ id: JOB_IDS.escalationCheck, type: 'escalationCheck', dueAt: opts.nextCheckAt, mode: 'request' });
  }
  return jobs;
}

/** The earlier of two optional instants (ISO strings of one format compare as text). */
export const earlier = (a: string | undefined, b: string | undefined): string | undefined => (a && b ? (a < b ? a : b) : (a ?? b));
