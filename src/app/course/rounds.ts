import { decideCloseRound, decideStartRound, type CaseSnapshot } from '../../domain/decisions';
import type { ViewVia } from '../../domain/views';
import { decisionLocation, runCaseCommand } from '../case-command';
import type { AppDeps } from '../deps';
import type { Result } from '../errors';

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
