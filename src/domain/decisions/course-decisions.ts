import { reAgendaAllowed } from '../verdieping/time-follows';
import type { AuditAction } from '../audit';
import type { Case } from '../case';
import type { CaseBundle } from '../case-bundle';
import type { EscalationRecord } from '../escalation-record';
import type { PartnerOrg } from '../orgs';
import type { PiiKind } from '../pii';
import {
  handOverCaseLead,
  mayJudgeAction,
  newAction,
  reAgenda,
  settleAction,
  takeCaseLead,
  type ActionInput,
  type ActionVerdict,
  type CaseLeadError,
} from '../rounds';
import { JOB_IDS, refreshJobs, snapshotOf } from './follow-up';
import type { CaseSnapshot, Decided, DecisionActor, DecisionContext } from './types';
import { actorAudit } from './audit-entry';

/**
 * The chair's and the lead's verbs on the course of a case (regie, lead actions, door-agenderen, the
 * Actieoverleg's casusverantwoordelijke and concrete question), each as a pure decision on the case as
 * loaded: allowed or refused, and everything that follows for one commit. A repeated click that asks
 * for what is already true is `changed: false`: no audit entry, no job (the commit then only holds the
 * actor's view audit, when the answer shows the case).
 */
export interface CourseOutcome {
  changed: boolean;
}

/** The acting member with what the roster says about their role (the chair may hand over and judge). */
export interface CourseActor extends DecisionActor {
  chair: boolean;
}

type Detail = Record<string, string | number | boolean>;

/** Nothing to write for the action itself (the click asked for what is already so). */
function unchanged<E extends string>(b: CaseBundle): Decided<CourseOutcome, E> {
  const c = b.theCase.body;
  return {
    ok: true,
    value: { changed: false },
    decision: { nextCase: c, votes: [], contributions: [], audit: [], jobs: [] },
    after: snapshotOf(b),
  };
}

/** A change of the case document: the new case, its audit entry, the card refreshes (Actieoverleg too when escalated). */
function caseChanged<E extends string>(
  b: CaseBundle,
  nextCase: Case,
  actor: DecisionActor,
  action: AuditAction,
  ctx: DecisionContext,
  detail?: Detail,
): Decided<CourseOutcome, E> {
  const state: CaseSnapshot = { ...snapshotOf(b), theCase: nextCase };
  return {
    ok: true,
    value: { changed: true },
    decision: {
      nextCase,
      votes: [],
      contributions: [],
      audit: [actorAudit(b.theCase.body, actor, action, ctx, detail)],
      jobs: refreshJobs(state, ctx.now, { newEscalation: false }),
    },
    after: state,
  };
}

const closed = (b: CaseBundle): boolean => b.theCase.body.status !== 'open';

// ---- regie ----

/** Regie: one organisation takes the lead when nobody has it (its own organisation again: unchanged). */
export function decideTakeLead(
  b: CaseBundle,
  args: { actor: DecisionActor },
  ctx: DecisionContext,
): Decided<CourseOutcome, 'case_closed' | CaseLeadError> {
  if (closed(b)) return { ok: false, error: 'case_closed' };
  const c = b.theCase.body;
  const res = takeCaseLead(c.caseLead?.orgId, args.actor.orgId);
  if (!res.ok) return { ok: false, error: res.error };
  if (!res.changed) return unchanged(b);
  return caseChanged(b, { ...c, caseLead: { orgId: res.lead, since: ctx.now } }, args.actor, 'lead.take', ctx, { orgId: res.lead });
}

/** Hand regie over, by the lead organisation or the chair; never two leads at once. `to` is parsed by the caller. */
export function decideHandOverLead(
  b: CaseBundle,
  args: { actor: CourseActor; to: PartnerOrg },
  ctx: DecisionContext,
): Decided<CourseOutcome, 'case_closed' | CaseLeadError> {
  if (closed(b)) return { ok: false, error: 'case_closed' };
  const c = b.theCase.body;
  const res = handOverCaseLead(c.caseLead?.orgId, { orgId: args.actor.orgId, chair: args.actor.chair }, args.to);
  if (!res.ok) return { ok: false, error: res.error };
  if (!res.changed) return unchanged(b);
  return caseChanged(b, { ...c, caseLead: { orgId: res.lead, since: ctx.now } }, args.actor, 'lead.handover', ctx, {
    from: c.caseLead?.orgId ?? '',
    to: res.lead,
  });
}

// ---- lead actions ----

/** An action: what, which organisation, by when (the due moment must lie ahead). `id` is fresh (the caller's). */
export function decideAddAction(
  b: CaseBundle,
  args: { actor: DecisionActor; id: string; input: ActionInput },
  ctx: DecisionContext,
): Decided<CourseOutcome & { actionId: string }, 'case_closed' | 'not_in_future' | 'invalid_time'> {
  if (closed(b)) return { ok: false, error: 'case_closed' };
  const c = b.theCase.body;
  const made = newAction(args.id, args.input, ctx.now);
  if (!made.ok) return { ok: false, error: made.error === 'due_not_in_future' ? 'not_in_future' : 'invalid_time' };
  const r = caseChanged<never>(b, { ...c, actions: [...c.actions, made.action] }, args.actor, 'action.add', ctx, {
    actionId: made.action.id,
    orgId: made.action.orgId,
  });
  if (!r.ok) return r;
  return { ...r, value: { changed: true, actionId: made.action.id } };
}

/** Settle an overdue action (gedaan, omstandigheden veranderd, niet uitgevoerd): by its organisation, the lead or the chair. */
export function decideSettleAction(
  b: CaseBundle,
  args: { actor: CourseActor; actionId: string; verdict: ActionVerdict },
  ctx: DecisionContext,
): Decided<CourseOutcome, 'case_closed' | 'unknown_action' | 'not_allowed' | 'already_settled'> {
  if (closed(b)) return { ok: false, error: 'case_closed' };
  const c = b.theCase.body;
  const action = c.actions.find((a) => a.id === args.actionId);
  if (!action) return { ok: false, error: 'unknown_action' };
  if (!mayJudgeAction(action, { orgId: args.actor.orgId, chair: args.actor.chair }, c.caseLead?.orgId))
    return { ok: false, error: 'not_allowed' };
  const res = settleAction(action, args.verdict, ctx.now);
  if (!res.ok) return { ok: false, error: res.error };
  if (!res.changed) return unchanged(b);
  return caseChanged(b, { ...c, actions: c.actions.map((a) => (a.id === action.id ? res.action : a)) }, args.actor, 'action.settle', ctx, {
    actionId: action.id,
    verdict: args.verdict,
  });
}

// ---- door-agenderen ----

/**
 * Door-agenderen: the chair puts the case on the agenda of a later discussion (ahead, within the
 * maximum). The per-location reminder of that moment lives outside the case partition: the caller
 * stores it (insert if absent) from `value.at`; a reminder whose moment no case holds any more posts nothing.
 */
export function decideReAgenda(
  b: CaseBundle,
  args: { actor: DecisionActor; at: string | undefined },
  ctx: DecisionContext,
): Decided<CourseOutcome & { at: string }, 'case_closed' | 'invalid_time' | 'not_in_future' | 'too_far' | 'reagenda_in_verdieping'> {
  if (closed(b)) return { ok: false, error: 'case_closed' };
  // In verdieping the next moment is the horizon, moved by the chair (issue 14 item 1): no second moment next to it.
  if (!reAgendaAllowed(b.verdieping?.phase?.body)) return { ok: false, error: 'reagenda_in_verdieping' };
  if (!args.at) return { ok: false, error: 'invalid_time' };
  const c = b.theCase.body;
  const res = reAgenda(args.at, ctx.now);
  if (!res.ok) return { ok: false, error: res.error };
  if (c.reAgendaAt === res.at) {
    const same = unchanged<never>(b);
    return same.ok ? { ...same, value: { changed: false, at: res.at } } : same;
  }
  const r = caseChanged<never>(b, { ...c, reAgendaAt: res.at }, args.actor, 'case.reAgenda', ctx, { at: res.at });
  return r.ok ? { ...r, value: { changed: true, at: res.at } } : r;
}

// ---- Actieoverleg ----

/** A change of the escalation document: written conditionally, audited, the Actieoverleg card refreshed. */
function escalationChanged<E extends string>(
  b: CaseBundle,
  next: EscalationRecord,
  actor: DecisionActor,
  action: AuditAction,
  ctx: DecisionContext,
  detail?: Detail,
): Decided<CourseOutcome, E> {
  const c = b.theCase.body;
  return {
    ok: true,
    value: { changed: true },
    decision: {
      nextCase: c,
      votes: [],
      contributions: [],
      escalationUpdate: next,
      audit: [actorAudit(c, actor, action, ctx, detail)],
      jobs: [{ id: JOB_IDS.refreshActieoverleg, type: 'refreshActieoverleg', dueAt: ctx.now, mode: 'request' }],
    },
    after: { ...snapshotOf(b), escalation: next },
  };
}

/** "Ik word casusverantwoordelijke": the first partner to claim it gets it; never two (the same person again: unchanged). */
export function decideBecomeCaseOwner(
  b: CaseBundle,
  args: { actor: DecisionActor },
  ctx: DecisionContext,
): Decided<CourseOutcome, 'case_closed' | 'not_escalated' | 'owner_taken'> {
  if (closed(b)) return { ok: false, error: 'case_closed' };
  const e = b.escalation?.body;
  if (!e) return { ok: false, error: 'not_escalated' };
  if (e.caseOwner) return e.caseOwner.aadObjectId === args.actor.aadObjectId ? unchanged(b) : { ok: false, error: 'owner_taken' };
  const next: EscalationRecord = { ...e, caseOwner: { orgId: args.actor.orgId, aadObjectId: args.actor.aadObjectId, at: ctx.now } };
  return escalationChanged(b, next, args.actor, 'actieoverleg.owner', ctx);
}

/**
 * The chair sharpens the concrete question for the Actieoverleg. The question is parsed and checked
 * for personal data by the caller; `piiConfirmed` holds the kinds the chair confirmed (kinds only in the audit).
 */
export function decideEditQuestion(
  b: CaseBundle,
  args: { actor: DecisionActor; question: string; piiConfirmed?: PiiKind[] },
  ctx: DecisionContext,
): Decided<CourseOutcome, 'case_closed' | 'not_escalated'> {
  if (closed(b)) return { ok: false, error: 'case_closed' };
  const e = b.escalation?.body;
  if (!e) return { ok: false, error: 'not_escalated' };
  if (e.question === args.question) return unchanged(b);
  const { questionPiiConfirmed: _earlier, ...rest } = e;
  const kinds = args.piiConfirmed && args.piiConfirmed.length > 0 ? args.piiConfirmed : undefined;
  const next: EscalationRecord = { ...rest, question: args.question, ...(kinds ? { questionPiiConfirmed: kinds } : {}) };
  return escalationChanged(b, next, args.actor, 'actieoverleg.question', ctx, kinds ? { piiConfirmed: kinds.join(',') } : undefined);
}
