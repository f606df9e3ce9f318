import type { AuditEntry } from '../audit';
import type { CaseBundle } from '../case-bundle';
import type { Contribution } from '../contribution';
import type { PartnerOrg } from '../orgs';
import type { PiiKind } from '../pii';
import { applyConsultationEvent } from '../vt/consultation';
import type { VtAnswerKind, VtConsultationRecord } from '../vt/record';
import { refreshJobs, snapshotOf } from './follow-up';
import type { CaseSnapshot, Decided, DecisionActor, DecisionContext, JobIntent } from './types';
import { actorAudit } from './audit-entry';

const MINUTE_MS = 60_000;

/** The id of the desk's call-back reminder after "bel mij terug" (one per consultation). */
export const callBackReminderJobId = (seq: number): string => `job:vtReminder:${seq}:callBack`;

/**
 * Who the consultation `seq` asked: the on-call member, and the backup once asked. Only they may
 * answer for VT (they need not be on the desk roster). A refusal names its code; `audit` says whether
 * it is an access denial to record (a person who was not asked), not a stale card (another seq).
 */
export function consultedVtActor(
  b: CaseBundle,
  args: { aadObjectId: string | undefined; seq: number },
): { ok: true; actor: DecisionActor } | { ok: false; error: 'vt_closed' | 'vt_not_consulted'; audit: boolean } {
  const r = b.vtConsultation?.body;
  if (!r || r.seq !== args.seq) return { ok: false, error: 'vt_closed', audit: false };
  const s = r.state;
  const asked = [s.primary, s.status === 'backup_asked' || s.backupAskedAt ? s.backup : undefined].filter((x): x is string => !!x);
  if (!args.aadObjectId || !asked.includes(args.aadObjectId)) return { ok: false, error: 'vt_not_consulted', audit: true };
  return { ok: true, actor: { aadObjectId: args.aadObjectId, orgId: 'vt' } };
}

/** The actor as VT: what VT answers is recorded under VT, whatever the answering person's roster organisation. */
const asVt = (actor: DecisionActor): DecisionActor => ({ aadObjectId: actor.aadObjectId, orgId: 'vt' });

/** VT's information as a contribution of the case: its text, source and need-to-know as the use case resolved them. */
export interface VtContributionInput {
  /** A fresh document id (contributions are never overwritten). */
  id: string;
  text: string;
  source: Contribution['source'];
  needToKnow: string;
  piiConfirmed?: PiiKind[];
  /** "Zichtbaar voor", resolved against the roster (absent: everyone who may see the case). */
  visibleTo?: PartnerOrg[];
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function vtContribution(caseId: string, actor: DecisionActor, input: VtContributionInput, now: string): Contribution {
  return {
    id: input.id,
    caseId,
    orgId: 'vt',
    authorId: actor.aadObjectId,
    text: input.text,
    source: input.source,
    needToKnow: input.needToKnow,
    ...(input.piiConfirmed && input.piiConfirmed.length > 0 ? { piiConfirmed: input.piiConfirmed } : {}),
    ...(input.visibleTo ? { visibleTo: input.visibleTo } : {}),
    createdAt: now,
  };
}

const piiDetail = (kinds: readonly PiiKind[] | undefined): { piiConfirmed?: string } =>
  kinds && kinds.length > 0 ? { piiConfirmed: kinds.join(',') } : {};

export interface VtAnswerArgs {
  actor: DecisionActor;
  seq: number;
  kind: VtAnswerKind;
  contribution: VtContributionInput;
  /** For 'call_back': the number to call back (checked by the use case). */
  phone?: string;
  /** For 'call_back': minutes until the desk is reminded in the thread. */
  callBackReminderMinutes: number;
}

/**
 * VT answers the question (known, not known, call me back): the answer closes the consultation as
 * answered and becomes VT's context information on the case, in one commit with its audit entry, the
 * desk's call-back reminder (for 'call_back') and the card refreshes. A second answer is refused.
 */
export function decideVtAnswer(
  b: CaseBundle,
  args: VtAnswerArgs,
  ctx: DecisionContext,
): Decided<{ kind: VtAnswerKind; consultation: VtConsultationRecord }, 'case_closed' | 'vt_closed' | 'vt_already_answered'> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  const r = b.vtConsultation?.body;
  if (!r || r.seq !== args.seq) return { ok: false, error: 'vt_closed' };
  // Answered already (e.g. by the backup): the consultation's state machine refuses a second answer.
  const answered = applyConsultationEvent(r.state, { type: 'answer', at: ctx.now, by: args.actor.aadObjectId });
  if (!answered.ok) return { ok: false, error: 'vt_already_answered' };
  const contribution = vtContribution(c.id, args.actor, args.contribution, ctx.now);
  const phone = args.kind === 'call_back' ? (args.phone ?? '').trim() : undefined;
  const consultation: VtConsultationRecord = {
    ...r,
    state: answered.state,
    ...(phone !== undefined ? { callBack: { phone, requestedAt: ctx.now } } : {}),
    answers: [
      ...r.answers,
      {
        kind: args.kind,
        by: args.actor.aadObjectId,
        at: ctx.now,
        contributionId: contribution.id,
        ...(phone !== undefined ? { phone } : {}),
      },
    ],
  };
  const state: CaseSnapshot = {
    ...snapshotOf(b),
    contributions: [...b.contributions, contribution].sort(byId),
    vtConsultation: consultation,
  };
  const audit: AuditEntry = actorAudit(c, asVt(args.actor), 'vt.answered', ctx, {
    seq: args.seq,
    kind: args.kind,
    contributionId: contribution.id,
    ...piiDetail(args.contribution.piiConfirmed),
  });
  const reminder: JobIntent[] =
    args.kind === 'call_back'
      ? [
          {
            // The call-back is the desk's task now: remind the desk in the thread until it is marked done.
            id: callBackReminderJobId(args.seq),
            type: 'vtReminder',
            dueAt: new Date(Date.parse(ctx.now) + args.callBackReminderMinutes * MINUTE_MS).toISOString(),
            payload: { seq: args.seq, target: 'callBack' },
            mode: 'request',
          },
        ]
      : [];
  return {
    ok: true,
    value: { kind: args.kind, consultation },
    decision: {
      nextCase: c,
      votes: [],
      contributions: [contribution],
      audit: [audit],
      jobs: [...reminder, ...refreshJobs(state, ctx.now, { newEscalation: false })],
      vtConsultation: consultation,
    },
    after: state,
  };
}

/**
 * Further information from a consulted VT member (also what a refused late answer is offered as): a VT
 * contribution with its need-to-know reason; the consultation itself does not change.
 */
export function decideVtInfo(
  b: CaseBundle,
  args: { actor: DecisionActor; seq: number; contribution: VtContributionInput },
  ctx: DecisionContext,
): Decided<Contribution, 'case_closed'> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  const contribution = vtContribution(c.id, args.actor, args.contribution, ctx.now);
  const state: CaseSnapshot = { ...snapshotOf(b), contributions: [...b.contributions, contribution].sort(byId) };
  return {
    ok: true,
    value: contribution,
    decision: {
      nextCase: c,
      votes: [],
      contributions: [contribution],
      audit: [actorAudit(c, asVt(args.actor), 'vt.info', ctx, { seq: args.seq, contributionId: contribution.id })],
      jobs: refreshJobs(state, ctx.now, { newEscalation: false }),
    },
    after: state,
  };
}

/** The desk called VT back ("Teruggebeld"): closes the open call-back task once; 'unchanged' when there is none. */
export function decideCalledBack(
  b: CaseBundle,
  args: { actor: DecisionActor },
  ctx: DecisionContext,
): Decided<{ changed: boolean }, 'case_closed' | 'unknown_action'> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  const r = b.vtConsultation?.body;
  if (!r) return { ok: false, error: 'unknown_action' };
  if (!r.callBack || r.callBack.doneAt !== undefined)
    return { ok: true, value: { changed: false }, decision: noChange(b), after: snapshotOf(b) };
  const consultation: VtConsultationRecord = { ...r, callBack: { ...r.callBack, doneAt: ctx.now, doneBy: args.actor.aadObjectId } };
  const state: CaseSnapshot = { ...snapshotOf(b), vtConsultation: consultation };
  return {
    ok: true,
    value: { changed: true },
    decision: {
      nextCase: c,
      votes: [],
      contributions: [],
      audit: [actorAudit(c, args.actor, 'vt.calledBack', ctx, { seq: r.seq })],
      jobs: refreshJobs(state, ctx.now, { newEscalation: false }),
      vtConsultation: consultation,
    },
    after: state,
  };
}

/** Nothing to write but the case version (a click that changed nothing, e.g. "teruggebeld" twice). */
function noChange(b: CaseBundle) {
  return { nextCase: b.theCase.body, votes: [], contributions: [], audit: [], jobs: [] };
}
