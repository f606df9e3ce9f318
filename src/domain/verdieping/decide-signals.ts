import type { AuditEntry } from '../audit';
import type { CaseBundle } from '../case-bundle';
import type { Contribution, ContributionInput } from '../contribution';
import type { CaseDecision, CaseSnapshot, Decided, DecisionActor, DecisionContext, JobIntent } from '../decisions/types';
import { SYSTEM_ACTOR } from '../decisions/types';
import { refreshJobs, snapshotOf } from '../decisions/follow-up';
import type { EscalationRecord } from '../escalation-record';
import type { PiiKind } from '../pii';
import { actieoverlegAttendees, defaultConcreteQuestion } from '../rounds/escalation';
import { EMPTY_VERDIEPING, type VerdiepingDocs, type VerdiepingDocWrite } from './bundle';
import type { VerdiepingActor } from './common';
import type { QuestionReminderPolicy, RiskLevel, SafetyEscalationPolicy } from './config';
import { questionReminderIntent } from './question-reminder';
import {
  answerInfo,
  askInfo,
  declineInfo,
  type DeclineReason,
  type InfoRequest,
  type InfoRequestInput,
  type SettleError,
} from './info-request';
import {
  addMeasure,
  decideSafetyEscalation,
  recordRiskOutcome,
  reportViolation,
  requestRisk,
  type MeasureInput,
  type RiskAssessment,
  type RiskRequestInput,
  type RunningMeasure,
} from './safety-signals';

/**
 * The decisions of informatievragen, risk instruments and running measures (issue 14 items 4-5) on
 * the case bundle: each returns ONE CaseDecision (the verdieping document, its audit entry, the card
 * refresh and, for a violation or a high-risk outcome, the escalation record with its Actieoverleg
 * post job) so the click is one commit. Pure: ids and "now" come in.
 */

const verdOf = (b: CaseBundle): VerdiepingDocs => b.verdieping ?? EMPTY_VERDIEPING;
const vActor = (a: DecisionActor): VerdiepingActor => ({ orgId: a.orgId, userId: a.aadObjectId, chair: false });
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The list with `body` put in at its id (etag '' for a document this decision writes: the snapshot is for views only). */
function put<T extends { id: string }>(list: readonly { body: T; etag: string }[], body: T): { body: T; etag: string }[] {
  return [...list.filter((x) => x.body.id !== body.id), { body, etag: '' }].sort((a, b) => byId(a.body, b.body));
}

function audit(
  b: CaseBundle,
  actor: DecisionActor,
  ctx: DecisionContext,
  action: AuditEntry['action'],
  detail: AuditEntry['detail'],
): AuditEntry {
  return {
    id: ctx.newAuditId(),
    caseId: b.theCase.body.id,
    at: ctx.now,
    action,
    actorId: actor.aadObjectId,
    actorOrg: actor.orgId,
    ...(detail ? { detail } : {}),
  };
}

function decided<T>(
  value: T,
  state: CaseSnapshot,
  parts: {
    audit: AuditEntry[];
    writes: VerdiepingDocWrite[];
    contributions?: Contribution[];
    escalation?: EscalationRecord;
    jobs?: JobIntent[];
  },
  now: string,
): Decided<T, never> {
  const decision: CaseDecision = {
    nextCase: state.theCase,
    votes: [],
    contributions: parts.contributions ?? [],
    ...(parts.escalation ? { escalation: parts.escalation } : {}),
    audit: parts.audit,
    jobs: [...refreshJobs(state, now, { newEscalation: !!parts.escalation }), ...(parts.jobs ?? [])],
    verdieping: parts.writes,
  };
  return { ok: true, value, decision, after: state };
}

// ---- informatievragen ----

export function decideAskInfo(
  b: CaseBundle,
  args: { actor: DecisionActor; input: InfoRequestInput; id: string; reminder?: QuestionReminderPolicy },
  ctx: DecisionContext,
): Decided<InfoRequest, 'case_closed' | 'ask_own_org' | 'too_many_open'> {
  const v = verdOf(b);
  const r = askInfo({
    id: args.id,
    caseId: b.theCase.body.id,
    caseOpen: b.theCase.body.status === 'open',
    existing: v.infoRequests.map((x) => x.body),
    actor: vActor(args.actor),
    input: args.input,
    now: ctx.now,
  });
  if (!r.ok) return r;
  const state: CaseSnapshot = { ...snapshotOf(b), verdieping: { ...v, infoRequests: put(v.infoRequests, r.request) } };
  return decided(
    r.request,
    state,
    {
      audit: [audit(b, args.actor, ctx, 'infoRequest.asked', { requestId: r.request.id, toOrg: r.request.toOrg })],
      writes: [{ kind: 'inforequest', id: r.request.id, body: r.request, etag: null }],
      // The first reminder to the asked organisation, in the same commit (it says nothing once answered).
      jobs: [args.reminder ? questionReminderIntent(r.request, args.reminder) : null].filter((j): j is JobIntent => j !== null),
    },
    ctx.now,
  );
}

export type SettleInfoError = SettleError | 'case_closed' | 'unknown_item';

/**
 * The asked organisation answers: the answer is a contribution of that organisation (its text, source
 * and need-to-know as any contribution), linked to the question, written in the same commit.
 */
export function decideAnswerInfo(
  b: CaseBundle,
  args: {
    actor: DecisionActor;
    requestId: string;
    input: Omit<ContributionInput, 'visibleTo'>;
    piiConfirmed?: PiiKind[];
    contributionId: string;
  },
  ctx: DecisionContext,
): Decided<{ request: InfoRequest; contribution: Contribution }, SettleInfoError> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  const v = verdOf(b);
  const found = v.infoRequests.find((x) => x.body.id === args.requestId);
  if (!found) return { ok: false, error: 'unknown_item' };
  const contribution: Contribution = {
    id: args.contributionId,
    caseId: c.id,
    orgId: args.actor.orgId,
    authorId: args.actor.aadObjectId,
    ...args.input,
    ...(args.piiConfirmed && args.piiConfirmed.length > 0 ? { piiConfirmed: args.piiConfirmed } : {}),
    createdAt: ctx.now,
  };
  const r = answerInfo({ request: found.body, actor: vActor(args.actor), contribution, now: ctx.now });
  if (!r.ok) return r;
  // A repeated answer to a question already answered with another contribution is refused by answerInfo.
  if (!r.changed) return { ok: false, error: 'already_settled' };
  const state: CaseSnapshot = {
    ...snapshotOf(b),
    contributions: [...b.contributions, contribution].sort(byId),
    verdieping: { ...v, infoRequests: put(v.infoRequests, r.request) },
  };
  return decided(
    { request: r.request, contribution },
    state,
    {
      audit: [
        audit(b, args.actor, ctx, 'contribution.add', {
          contributionId: contribution.id,
          source: contribution.source,
          requestId: r.request.id,
        }),
        audit(b, args.actor, ctx, 'infoRequest.answered', { requestId: r.request.id, contributionId: contribution.id }),
      ],
      writes: [{ kind: 'inforequest', id: r.request.id, body: r.request, etag: found.etag }],
      contributions: [contribution],
    },
    ctx.now,
  );
}

export function decideDeclineInfo(
  b: CaseBundle,
  args: { actor: DecisionActor; requestId: string; reason: DeclineReason; note?: string },
  ctx: DecisionContext,
): Decided<InfoRequest, SettleInfoError> {
  if (b.theCase.body.status !== 'open') return { ok: false, error: 'case_closed' };
  const v = verdOf(b);
  const found = v.infoRequests.find((x) => x.body.id === args.requestId);
  if (!found) return { ok: false, error: 'unknown_item' };
  const r = declineInfo({
    request: found.body,
    actor: vActor(args.actor),
    reason: args.reason,
    ...(args.note ? { note: args.note } : {}),
    now: ctx.now,
  });
  if (!r.ok) return r;
  if (!r.changed) return { ok: false, error: 'already_settled' };
  const state: CaseSnapshot = { ...snapshotOf(b), verdieping: { ...v, infoRequests: put(v.infoRequests, r.request) } };
  return decided(
    r.request,
    state,
    {
      audit: [audit(b, args.actor, ctx, 'infoRequest.declined', { requestId: r.request.id, reason: args.reason })],
      writes: [{ kind: 'inforequest', id: r.request.id, body: r.request, etag: found.etag }],
    },
    ctx.now,
  );
}

// ---- the safety escalation, in the same decision as the signal ----

/**
 * decideSafetyEscalation on the state after the signal; when it fires, the escalation record (the same
 * document the round rules write, inserted if absent) and its audit entry, attributed to the system.
 */
export function safetyEscalationOf(
  state: CaseSnapshot,
  policy: SafetyEscalationPolicy,
  now: string,
): { escalation: EscalationRecord; audit: AuditEntry } | undefined {
  const v = state.verdieping ?? EMPTY_VERDIEPING;
  const d = decideSafetyEscalation(
    {
      assessments: v.riskAssessments.map((x) => x.body),
      measures: v.measures.map((x) => x.body),
      caseStatus: state.theCase.status,
      escalatedAlready: state.escalation !== undefined,
    },
    policy,
  );
  if (!d.escalate) return undefined;
  const caseId = state.theCase.id;
  return {
    escalation: {
      caseId,
      at: now,
      rule: d.rule,
      orgs: d.orgs,
      reasons: [],
      question: defaultConcreteQuestion(state.theCase.facts),
      attendees: actieoverlegAttendees(state.theCase.kmFlag),
    },
    audit: {
      id: `audit:${now}:escalated`,
      caseId,
      at: now,
      action: 'case.escalated',
      actorId: SYSTEM_ACTOR,
      detail: {
        rule: d.rule,
        orgs: d.orgs.join(','),
        ...(d.measureIds.length > 0 ? { measureIds: d.measureIds.join(',') } : {}),
        ...(d.assessmentIds.length > 0 ? { assessmentIds: d.assessmentIds.join(',') } : {}),
      },
    },
  };
}

function withEscalation(state: CaseSnapshot, policy: SafetyEscalationPolicy | undefined, now: string) {
  const e = policy ? safetyEscalationOf(state, policy, now) : undefined;
  return e ? { state: { ...state, escalation: e.escalation }, escalation: e.escalation, audit: [e.audit] } : { state, audit: [] };
}

// ---- risk instruments ----

export function decideRequestRisk(
  b: CaseBundle,
  args: { actor: DecisionActor; input: RiskRequestInput; instruments: readonly string[]; id: string },
  ctx: DecisionContext,
): Decided<RiskAssessment, 'case_closed' | 'unknown_instrument' | 'already_requested'> {
  const v = verdOf(b);
  const r = requestRisk({
    id: args.id,
    caseId: b.theCase.body.id,
    caseOpen: b.theCase.body.status === 'open',
    instruments: args.instruments,
    existing: v.riskAssessments.map((x) => x.body),
    actor: vActor(args.actor),
    input: args.input,
    now: ctx.now,
  });
  if (!r.ok) return r;
  const state: CaseSnapshot = { ...snapshotOf(b), verdieping: { ...v, riskAssessments: put(v.riskAssessments, r.assessment) } };
  return decided(
    r.assessment,
    state,
    {
      audit: [
        audit(b, args.actor, ctx, 'risk.requested', {
          assessmentId: r.assessment.id,
          instrument: r.assessment.instrument,
          fromOrg: r.assessment.fromOrg,
        }),
      ],
      writes: [{ kind: 'riskassessment', id: r.assessment.id, body: r.assessment, etag: null }],
    },
    ctx.now,
  );
}

/** The asked organisation records the outcome; a level the location counts as high escalates in the same commit. */
export function decideRiskOutcome(
  b: CaseBundle,
  args: { actor: DecisionActor; assessmentId: string; level: RiskLevel; date: string; todayLocal: string; policy?: SafetyEscalationPolicy },
  ctx: DecisionContext,
): Decided<
  { assessment: RiskAssessment; escalated: boolean },
  'case_closed' | 'unknown_item' | 'not_asked_org' | 'date_in_future' | 'already_recorded'
> {
  if (b.theCase.body.status !== 'open') return { ok: false, error: 'case_closed' };
  const v = verdOf(b);
  const found = v.riskAssessments.find((x) => x.body.id === args.assessmentId);
  if (!found) return { ok: false, error: 'unknown_item' };
  const r = recordRiskOutcome({
    assessment: found.body,
    actor: vActor(args.actor),
    level: args.level,
    date: args.date,
    todayLocal: args.todayLocal,
    now: ctx.now,
  });
  if (!r.ok) return r;
  if (!r.changed) return { ok: false, error: 'already_recorded' };
  const after = withEscalation(
    { ...snapshotOf(b), verdieping: { ...v, riskAssessments: put(v.riskAssessments, r.assessment) } },
    args.policy,
    ctx.now,
  );
  return decided(
    { assessment: r.assessment, escalated: after.escalation !== undefined },
    after.state,
    {
      audit: [audit(b, args.actor, ctx, 'risk.outcome', { assessmentId: r.assessment.id, level: args.level }), ...after.audit],
      writes: [{ kind: 'riskassessment', id: r.assessment.id, body: r.assessment, etag: found.etag }],
      ...(after.escalation ? { escalation: after.escalation } : {}),
    },
    ctx.now,
  );
}

// ---- running measures ----

export function decideAddMeasure(
  b: CaseBundle,
  args: { actor: DecisionActor; input: MeasureInput; todayLocal: string; id: string },
  ctx: DecisionContext,
): Decided<RunningMeasure, 'case_closed' | 'until_in_past'> {
  const v = verdOf(b);
  const r = addMeasure({
    id: args.id,
    caseId: b.theCase.body.id,
    caseOpen: b.theCase.body.status === 'open',
    actor: vActor(args.actor),
    input: args.input,
    todayLocal: args.todayLocal,
    now: ctx.now,
  });
  if (!r.ok) return r;
  const state: CaseSnapshot = { ...snapshotOf(b), verdieping: { ...v, measures: put(v.measures, r.measure) } };
  return decided(
    r.measure,
    state,
    {
      audit: [
        audit(b, args.actor, ctx, 'measure.added', { measureId: r.measure.id, type: r.measure.type, holderOrg: r.measure.holderOrg }),
      ],
      writes: [{ kind: 'measure', id: r.measure.id, body: r.measure, etag: null }],
    },
    ctx.now,
  );
}

/**
 * Any roster member reports a violation; with the location's policy (violation on, the default) the
 * case goes to the Actieoverleg in the same commit. A re-delivered report (same moment, same
 * organisation) changes nothing and is refused as such.
 */
export function decideViolation(
  b: CaseBundle,
  args: { actor: DecisionActor; measureId: string; at: string; violationLocalDate: string; note?: string; policy?: SafetyEscalationPolicy },
  ctx: DecisionContext,
): Decided<
  { measure: RunningMeasure; violationId: string; escalated: boolean },
  'case_closed' | 'unknown_item' | 'in_future' | 'measure_ended' | 'too_many' | 'already_settled'
> {
  const v = verdOf(b);
  const found = v.measures.find((x) => x.body.id === args.measureId);
  if (!found) return { ok: false, error: 'unknown_item' };
  const r = reportViolation({
    measure: found.body,
    caseOpen: b.theCase.body.status === 'open',
    actor: vActor(args.actor),
    at: args.at,
    violationLocalDate: args.violationLocalDate,
    ...(args.note ? { note: args.note } : {}),
    now: ctx.now,
  });
  if (!r.ok) return r;
  if (!r.changed) return { ok: false, error: 'already_settled' };
  const after = withEscalation({ ...snapshotOf(b), verdieping: { ...v, measures: put(v.measures, r.measure) } }, args.policy, ctx.now);
  return decided(
    { measure: r.measure, violationId: r.violation.id, escalated: after.escalation !== undefined },
    after.state,
    {
      audit: [audit(b, args.actor, ctx, 'measure.violation', { measureId: r.measure.id, violationId: r.violation.id }), ...after.audit],
      writes: [{ kind: 'measure', id: r.measure.id, body: r.measure, etag: found.etag }],
      ...(after.escalation ? { escalation: after.escalation } : {}),
    },
    ctx.now,
  );
}
