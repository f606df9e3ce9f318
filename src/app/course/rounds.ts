import { allVoted, closeRound as closeRoundRule, isCurrentRoundOpen, carryOver } from '../../domain/rounds';
import type { RoundCloseReason } from '../../domain/rounds';
import { decideCloseRound, decideStartRound, type CaseSnapshot } from '../../domain/decisions';
import type { ViewVia } from '../../domain/views';
import { decisionLocation, runCaseCommand } from '../case-command';
import { requestCardRefresh } from '../case-access';
import type { AppDeps } from '../deps';
import type { Result } from '../errors';
import { changeCase } from './change-case';
import { evaluateEscalation } from './escalate';

/**
 * The chair asks "wie heeft er nog buikpijn?": a new round, with reminders for who has not voted.
 * One partition read, one commit (src/domain/decisions decideStartRound).
 */
export async function startRound(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; answerView?: ViewVia },
): Promise<Result<{ round: number; after: CaseSnapshot }>> {
  const r = await runCaseCommand(
    deps,
    {
      caseId: args.caseId,
      aadObjectId: args.aadObjectId,
      attempted: 'round.start',
      need: 'chair',
      ...(args.answerView ? { answerView: args.answerView } : {}),
    },
    (bundle, actor, ctx) => decideStartRound(bundle, { actor, location: decisionLocation(deps, bundle.theCase.body.locationId) }, ctx),
  );
  return r.ok ? { ok: true, value: { round: r.value.value.round, after: r.value.after } } : r;
}

/**
 * The chair closes the current round: one partition read, one commit (the round close, an escalation
 * the closed round completes, the card refreshes), and the case as it left it for the answer.
 */
export async function closeRoundAsChair(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; answerView?: ViewVia },
): Promise<Result<{ round: number; changed: boolean; after: CaseSnapshot }>> {
  const r = await runCaseCommand(
    deps,
    {
      caseId: args.caseId,
      aadObjectId: args.aadObjectId,
      attempted: 'round.close',
      need: 'chair',
      ...(args.answerView ? { answerView: args.answerView } : {}),
    },
    (bundle, actor, ctx) => decideCloseRound(bundle, { actor, location: decisionLocation(deps, bundle.theCase.body.locationId) }, ctx),
  );
  return r.ok ? { ok: true, value: { round: r.value.value.round, changed: true, after: r.value.after } } : r;
}

/**
 * Close the current round (by the chair, or by the bot once every expected organisation voted; a
 * vote decides that itself now, src/domain/decisions, so 'all_voted' is only a re-check here).
 */
export async function closeRound(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; reason: RoundCloseReason },
): Promise<Result<{ round: number; changed: boolean }>> {
  if (args.reason === 'chair') {
    const r = await closeRoundAsChair(deps, args);
    return r.ok ? { ok: true, value: { round: r.value.round, changed: r.value.changed } } : r;
  }
  const result = await changeCase(deps, { ...args, attempted: 'round.close', need: 'member' }, async (c, _member, now) => {
    if (!isCurrentRoundOpen(c.rounds)) return { kind: 'unchanged' };
    const location = deps.directory.location(c.locationId);
    const votes = await deps.repo.listVotes(c.id);
    if (!location || !allVoted(location.expectedOrgs, votes, c.round)) return { kind: 'unchanged' };
    const closed = closeRoundRule(c.rounds, args.reason, now);
    if (!closed.ok) return { kind: 'refuse', code: 'no_open_round' };
    const overdue = carryOver(c.actions, now).needVerdict.length;
    return {
      kind: 'change',
      next: { ...c, rounds: closed.rounds },
      action: 'round.close',
      detail: { round: c.round, reason: args.reason, overdueActions: overdue },
    };
  });
  if (!result.ok) return result;
  if (result.value.changed) {
    await evaluateEscalation(deps, args.caseId);
    await requestCardRefresh(deps, args.caseId);
  }
  return { ok: true, value: { round: result.value.theCase.round, changed: result.value.changed } };
}
