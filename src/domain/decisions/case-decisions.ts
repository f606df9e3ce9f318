import type { AuditEntry } from '../audit';
import type { CaseBundle } from '../case-bundle';
import type { Contribution, ContributionInput } from '../contribution';
import type { PartnerOrg } from '../orgs';
import type { PiiKind } from '../pii';
import { carryOver } from '../rounds/case-lifecycle';
import { allVoted, closeRound, isCurrentRoundOpen, startRound, type RoundInfo } from '../rounds/round';
import { voteId, type ConcernVote, type VoteInput } from '../vote';
import { earlier, escalationFollowUp, refreshJobs, snapshotOf } from './follow-up';
import type { CaseDecision, CaseSnapshot, Decided, DecisionActor, DecisionContext, DecisionLocation, JobIntent } from './types';
import { SYSTEM_ACTOR } from './types';
import { actorAudit } from './audit-entry';

const piiDetail = (kinds: readonly PiiKind[] | undefined): { piiConfirmed?: string } =>
  kinds && kinds.length > 0 ? { piiConfirmed: kinds.join(',') } : {};

/** Lists keep the store's order (by id), so a view built from the decision equals one built from a reload. */
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const upsertById = <T extends { id: string }>(list: readonly T[], item: T): T[] =>
  [...list.filter((x) => x.id !== item.id), item].sort(byId);

/** Close the open round of `state` (reason given), audited as `actor`; undefined when no round is open. */
function closeOpenRound(
  state: CaseSnapshot,
  reason: 'chair' | 'all_voted',
  actor: { actorId: string; actorOrg?: string },
  ctx: DecisionContext,
): { state: CaseSnapshot; audit: AuditEntry } | undefined {
  const c = state.theCase;
  const closed = closeRound(c.rounds, reason, ctx.now);
  if (!closed.ok) return undefined;
  const rounds: RoundInfo[] = closed.rounds;
  return {
    state: { ...state, theCase: { ...c, rounds } },
    audit: {
      id: ctx.newAuditId(),
      caseId: c.id,
      at: ctx.now,
      action: 'round.close',
      ...actor,
      detail: { round: c.round, reason, overdueActions: carryOver(c.actions, ctx.now).needVerdict.length },
    },
  };
}

export interface VoteArgs {
  actor: DecisionActor;
  input: VoteInput;
  piiConfirmed?: PiiKind[];
  location: DecisionLocation | undefined;
  /** False: this vote never closes the round by itself (VT's answer by phone, recorded by the desk). */
  mayCloseRound?: boolean;
}

/**
 * "Wie heeft er nog buikpijn?": one vote per organisation per round (a re-vote overwrites, the audit
 * keeps both). What follows in the same commit: an escalation when the vote completes a rule (acute
 * unsafety at once), the automatic close of the round when every expected organisation voted (by
 * the system, not the voter) and the escalation that close may complete, and the card refreshes.
 */
export function decideVote(b: CaseBundle, args: VoteArgs, ctx: DecisionContext): Decided<ConcernVote, 'case_closed' | 'round_closed'> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  if (!isCurrentRoundOpen(c.rounds)) return { ok: false, error: 'round_closed' };
  const vote: ConcernVote = {
    id: voteId(c.round, args.actor.orgId),
    caseId: c.id,
    round: c.round,
    orgId: args.actor.orgId,
    concern: args.input.concern,
    ...(args.input.reason ? { reason: args.input.reason } : {}),
    ...(args.piiConfirmed ? { piiConfirmed: args.piiConfirmed } : {}),
    acuteUnsafe: args.input.acuteUnsafe,
    voterId: args.actor.aadObjectId,
    castAt: ctx.now,
  };
  const audit: AuditEntry[] = [
    actorAudit(c, args.actor, 'vote.cast', ctx, {
      round: vote.round,
      concern: vote.concern,
      acuteUnsafe: vote.acuteUnsafe,
      ...piiDetail(args.piiConfirmed),
    }),
  ];
  let state: CaseSnapshot = { ...snapshotOf(b), votes: upsertById(b.votes, vote) };
  // 1. the vote itself may complete a rule (acute unsafety escalates at once)
  const first = escalationFollowUp(state, args.location, ctx.now);
  let escalation = first.escalation;
  let nextCheckAt = first.nextCheckAt;
  audit.push(...first.audit);
  if (escalation) state = { ...state, escalation };
  // 2. a round in which every expected organisation voted closes itself
  if (args.mayCloseRound !== false && args.location && allVoted(args.location.expectedOrgs, state.votes, c.round)) {
    const closed = closeOpenRound(state, 'all_voted', { actorId: SYSTEM_ACTOR }, ctx);
    if (closed) {
      state = closed.state;
      audit.push(closed.audit);
      // 3. the closed round may complete a round rule
      if (!escalation) {
        const second = escalationFollowUp(state, args.location, ctx.now);
        escalation = second.escalation;
        nextCheckAt = escalation ? undefined : earlier(nextCheckAt, second.nextCheckAt);
        audit.push(...second.audit);
        if (escalation) state = { ...state, escalation };
      }
    }
  }
  if (escalation) nextCheckAt = undefined;
  const decision: CaseDecision = {
    nextCase: state.theCase,
    votes: [vote],
    contributions: [],
    ...(escalation ? { escalation } : {}),
    audit,
    jobs: refreshJobs(state, ctx.now, { newEscalation: !!escalation, ...(nextCheckAt ? { nextCheckAt } : {}) }),
  };
  return { ok: true, value: vote, decision, after: state };
}

export interface ContributionArgs {
  actor: DecisionActor;
  input: Omit<ContributionInput, 'visibleTo'>;
  piiConfirmed?: PiiKind[];
  /** The restriction as the use case resolved it from the roster (absent: everyone who may see the case). */
  visibleTo?: PartnerOrg[];
  /** A fresh document id (contributions are never overwritten). */
  id: string;
}

/** Contextinformatie: a partner adds what it knows; the organisation is the actor's, never input. */
export function decideContribution(b: CaseBundle, args: ContributionArgs, ctx: DecisionContext): Decided<Contribution, 'case_closed'> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  const contribution: Contribution = {
    id: args.id,
    caseId: c.id,
    orgId: args.actor.orgId,
    authorId: args.actor.aadObjectId,
    ...args.input,
    ...(args.piiConfirmed ? { piiConfirmed: args.piiConfirmed } : {}),
    ...(args.visibleTo ? { visibleTo: args.visibleTo } : {}),
    createdAt: ctx.now,
  };
  const state: CaseSnapshot = { ...snapshotOf(b), contributions: [...b.contributions, contribution].sort(byId) };
  const audit: AuditEntry = actorAudit(c, args.actor, 'contribution.add', ctx, {
    contributionId: contribution.id,
    source: contribution.source,
    ...piiDetail(args.piiConfirmed),
    ...(args.visibleTo ? { visibleTo: args.visibleTo.join(',') } : {}),
  });
  return {
    ok: true,
    value: contribution,
    decision: {
      nextCase: c,
      votes: [],
      contributions: [contribution],
      audit: [audit],
      jobs: refreshJobs(state, ctx.now, { newEscalation: false }),
    },
    after: state,
  };
}

/** The chair closes the current round; the closed round may complete an escalation rule. */
export function decideCloseRound(
  b: CaseBundle,
  args: { actor: DecisionActor; location: DecisionLocation | undefined },
  ctx: DecisionContext,
): Decided<{ round: number }, 'case_closed' | 'no_open_round'> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  const closed = closeOpenRound(snapshotOf(b), 'chair', { actorId: args.actor.aadObjectId, actorOrg: args.actor.orgId }, ctx);
  if (!closed) return { ok: false, error: 'no_open_round' };
  let state = closed.state;
  const follow = escalationFollowUp(state, args.location, ctx.now);
  if (follow.escalation) state = { ...state, escalation: follow.escalation };
  return {
    ok: true,
    value: { round: c.round },
    decision: {
      nextCase: state.theCase,
      votes: [],
      contributions: [],
      ...(follow.escalation ? { escalation: follow.escalation } : {}),
      audit: [closed.audit, ...follow.audit],
      jobs: refreshJobs(state, ctx.now, {
        newEscalation: !!follow.escalation,
        ...(follow.nextCheckAt ? { nextCheckAt: follow.nextCheckAt } : {}),
      }),
    },
    after: state,
  };
}

const MINUTE_MS = 60_000;

/** The chair asks "wie heeft er nog buikpijn?": a new round, with reminders for who has not voted yet. */
export function decideStartRound(
  b: CaseBundle,
  args: { actor: DecisionActor; location: DecisionLocation | undefined },
  ctx: DecisionContext,
): Decided<{ round: number }, 'case_closed' | 'round_open' | 'invalid_time'> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  const started = startRound(c.rounds, args.actor.aadObjectId, ctx.now);
  if (!started.ok) return { ok: false, error: started.error === 'round_open' ? 'round_open' : 'invalid_time' };
  const n = started.round.number;
  const state: CaseSnapshot = { ...snapshotOf(b), theCase: { ...c, rounds: started.rounds, round: n } };
  const reminders: JobIntent[] = [];
  const r = args.location?.reminders;
  if (r) {
    const at = (minutes: number) => new Date(Date.parse(started.round.startedAt) + minutes * MINUTE_MS).toISOString();
    const payload = { round: n };
    reminders.push(
      { id: `job:missingVotes:${n}`, type: 'missingVotes', dueAt: at(r.missingVotesAfterMinutes), payload, mode: 'request' },
      { id: `job:deputy:${n}`, type: 'deputyReminder', dueAt: at(r.deputyAfterMinutes), payload, mode: 'request' },
    );
  }
  return {
    ok: true,
    value: { round: n },
    decision: {
      nextCase: state.theCase,
      votes: [],
      contributions: [],
      audit: [actorAudit(c, args.actor, 'round.start', ctx, { round: n })],
      jobs: [...reminders, ...refreshJobs(state, ctx.now, { newEscalation: false })],
    },
    after: state,
  };
}
