import type { AuditEntry } from '../audit';
import type { Case } from '../case';
import type { CaseBundle } from '../case-bundle';
import type { EscalationRecord } from '../escalation-record';
import { amsterdamToUtc } from '../local-time';
import type { CaseAction } from '../rounds/case-lifecycle';
import {
  markPrepared,
  meetingReminderJobId,
  setMeetingMoment,
  type MeetingError,
  type MeetingMomentInput,
  type PrepareError,
} from '../aftercare/meeting';
import { recordOutcome, type ActieoverlegOutcome, type OutcomeError, type OutcomeInput } from '../aftercare/outcome';
import { ADVICE_JOB_IDS } from './advice-decisions';
import { JOB_IDS, snapshotOf } from './follow-up';
import type { CaseDecision, CaseSnapshot, Decided, DecisionActor, DecisionContext, JobIntent } from './types';

/**
 * The Actieoverleg as a meeting and its outcome (issue 15 items 1-2), on the case bundle: the
 * casusverantwoordelijke sets the moment, an invitee marks "voorbereid", the casusverantwoordelijke
 * records the outcome. Each returns ONE CaseDecision for runCaseCommand's one commit: the escalation as
 * it now is (replaced on the version read), for the outcome its actions on the case, the audit entry
 * and the jobs (the Actieoverleg card's refresh, the day-before reminder, the terugkoppeling).
 * Pure: the actor, the location's reminder time and "now" come in.
 */

export type MeetingRefusal = MeetingError | PrepareError | 'no_meeting' | 'not_escalated' | 'case_closed';
export type OutcomeRefusal = OutcomeError | 'not_escalated' | 'case_closed';

/** An action of the outcome is due at the end of the working day of its date (Amsterdam time). */
export const OUTCOME_ACTION_DUE_TIME = '17:00';
const outcomeActionId = (i: number): string => `ao-action-${i + 1}`;
export const outcomeFeedbackJobId = (revision: number): string => `job:aoOutcomeFeedback:${revision}`;

const refreshAo = (now: string): JobIntent => ({
  id: JOB_IDS.refreshActieoverleg,
  type: 'refreshActieoverleg',
  dueAt: now,
  mode: 'request',
});

/**
 * The case's actions with the outcome's: slot i is `ao-action-<i+1>`; a correction replaces an
 * earlier outcome action that is still open, keeps one that was settled, and drops open ones
 * beyond the new list.
 */
export function withOutcomeActions(c: Case, outcome: ActieoverlegOutcome, now: string): CaseAction[] {
  const ours = new Set(outcome.actions.map((_a, i) => outcomeActionId(i)));
  const kept = c.actions.filter((a) => !a.id.startsWith('ao-action-') || a.status !== 'open' || ours.has(a.id));
  const next = [...kept];
  outcome.actions.forEach((a, i) => {
    const id = outcomeActionId(i);
    const at = next.findIndex((x) => x.id === id);
    if (at >= 0 && next[at]?.status !== 'open') return;
    const action: CaseAction = {
      id,
      what: a.what,
      orgId: a.owner,
      dueAt: amsterdamToUtc(a.due, OUTCOME_ACTION_DUE_TIME) ?? `${a.due}T16:00:00.000Z`,
      status: 'open',
      createdAt: now,
    };
    if (at >= 0) next[at] = action;
    else next.push(action);
  });
  return next;
}

/** The open, escalated case's escalation, or the refusal. */
function escalationOf(b: CaseBundle): { ok: true; e: EscalationRecord } | { ok: false; error: 'case_closed' | 'not_escalated' } {
  if (b.theCase.body.status !== 'open') return { ok: false, error: 'case_closed' };
  const e = b.escalation?.body;
  return e ? { ok: true, e } : { ok: false, error: 'not_escalated' };
}

function decided<T>(
  b: CaseBundle,
  value: T,
  parts: {
    actor: DecisionActor;
    escalation: EscalationRecord;
    audit: Pick<AuditEntry, 'action' | 'detail'>;
    jobs: JobIntent[];
    nextCase?: Case;
  },
  ctx: DecisionContext,
): Decided<T, never> {
  const after: CaseSnapshot = { ...snapshotOf(b), escalation: parts.escalation, ...(parts.nextCase ? { theCase: parts.nextCase } : {}) };
  const decision: CaseDecision = {
    nextCase: after.theCase,
    votes: [],
    contributions: [],
    escalationUpdate: parts.escalation,
    audit: [
      {
        id: ctx.newAuditId(),
        caseId: b.theCase.body.id,
        at: ctx.now,
        actorId: parts.actor.aadObjectId,
        actorOrg: parts.actor.orgId,
        ...parts.audit,
      },
    ],
    jobs: parts.jobs,
  };
  return { ok: true, value, decision, after };
}

/** Nothing to write (a re-delivered click). */
function unchanged<T>(b: CaseBundle, value: T): Decided<T, never> {
  return {
    ok: true,
    value,
    decision: { nextCase: b.theCase.body, votes: [], contributions: [], audit: [], jobs: [] },
    after: snapshotOf(b),
  };
}

/** "Moment vastleggen": the casusverantwoordelijke sets (or moves) the moment; a reminder the day before, once per revision. */
export function decideMeetingMoment(
  b: CaseBundle,
  args: { actor: DecisionActor; input: MeetingMomentInput; reminderLocalTime: string },
  ctx: DecisionContext,
): Decided<{ at: string; reminderAt?: string }, MeetingRefusal> {
  const found = escalationOf(b);
  if (!found.ok) return found;
  const e = found.e;
  const caseId = b.theCase.body.id;
  const res = setMeetingMoment({
    caseId,
    input: args.input,
    actor: args.actor,
    caseOwnerOrg: e.caseOwner?.orgId,
    invitees: e.attendees,
    ...(e.meeting ? { previous: e.meeting } : {}),
    reminderLocalTime: args.reminderLocalTime,
    now: ctx.now,
  });
  if (!res.ok) return res;
  const m = res.meeting;
  const jobs: JobIntent[] = [refreshAo(ctx.now)];
  if (m.reminderAt)
    jobs.push({
      id: meetingReminderJobId(caseId, m.revision),
      type: 'meetingReminder',
      dueAt: m.reminderAt,
      payload: { revision: m.revision },
      mode: 'ensure',
    });
  return decided(
    b,
    { at: m.at, ...(m.reminderAt ? { reminderAt: m.reminderAt } : {}) },
    {
      actor: args.actor,
      escalation: { ...e, meeting: m },
      audit: { action: 'actieoverleg.meeting', detail: { revision: String(m.revision), at: m.at, via: m.teamsLink ? 'teams' : 'place' } },
      jobs,
    },
    ctx,
  );
}

/** "Voorbereid": an invited partner says it is prepared, with what it brings. */
export function decidePrepared(
  b: CaseBundle,
  args: { actor: DecisionActor; brings: string },
  ctx: DecisionContext,
): Decided<{ changed: boolean }, MeetingRefusal> {
  const found = escalationOf(b);
  if (!found.ok) return found;
  const e = found.e;
  if (!e.meeting) return { ok: false, error: 'no_meeting' };
  const res = markPrepared(e.meeting, args.actor, args.brings, ctx.now);
  if (!res.ok) return res;
  if (!res.changed) return unchanged(b, { changed: false });
  return decided(
    b,
    { changed: true },
    {
      actor: args.actor,
      escalation: { ...e, meeting: res.meeting },
      audit: { action: 'actieoverleg.prepared', detail: { revision: String(e.meeting.revision) } },
      jobs: [refreshAo(ctx.now)],
    },
    ctx,
  );
}

/**
 * The outcome: on the escalation, its actions on the case (due at the end of that working day), the
 * refresh of both cards (and of the OvJ's advice card once sent: it shows the outcome) and the
 * terugkoppeling job of this revision.
 */
export function decideOutcome(
  b: CaseBundle,
  args: { actor: DecisionActor; input: OutcomeInput },
  ctx: DecisionContext,
): Decided<{ changed: boolean }, OutcomeRefusal> {
  const found = escalationOf(b);
  if (!found.ok) return found;
  const e = found.e;
  const c = b.theCase.body;
  const res = recordOutcome({
    caseId: c.id,
    input: args.input,
    actor: args.actor,
    caseOwnerOrg: e.caseOwner?.orgId,
    meeting: e.meeting,
    ...(e.outcome ? { previous: e.outcome } : {}),
    now: ctx.now,
  });
  if (!res.ok) return res;
  if (!res.changed) return unchanged(b, { changed: false });
  const o = res.outcome;
  const now = ctx.now;
  const jobs: JobIntent[] = [
    refreshAo(now),
    { id: JOB_IDS.refreshCard, type: 'refreshCard', dueAt: now, mode: 'request' },
    { id: outcomeFeedbackJobId(o.revision), type: 'aoOutcomeFeedback', dueAt: now, payload: { revision: o.revision }, mode: 'ensure' },
    ...(b.advice?.body.adviceRef
      ? [{ id: ADVICE_JOB_IDS.refreshAdvice, type: 'refreshAdvice' as const, dueAt: now, mode: 'request' as const }]
      : []),
  ];
  return decided(
    b,
    { changed: true },
    {
      actor: args.actor,
      escalation: { ...e, outcome: o },
      nextCase: { ...c, actions: withOutcomeActions(c, o, now) },
      audit: {
        action: 'actieoverleg.outcome',
        detail: {
          revision: String(o.revision),
          decisions: String(o.decisions.length),
          actions: String(o.actions.length),
          zvh: String(o.zvhCasusregie),
        },
      },
      jobs,
    },
    ctx,
  );
}
