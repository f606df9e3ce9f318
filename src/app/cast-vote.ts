import { isCurrentRoundOpen } from '../domain/rounds';
import type { Case } from '../domain/case';
import type { PartnerOrg } from '../domain/orgs';
import { voteId, voteInputSchema, type ConcernVote, type VoteInput } from '../domain/vote';
import { auditId } from '../store/repository';
import { openCaseFor, requestCardRefresh } from './case-access';
import { evaluateEscalation } from './course/escalate';
import { closeRound } from './course/rounds';
import type { AppDeps } from './deps';
import { fail, ok, type Result, fieldsOf } from './errors';
import type { PiiKind } from '../domain/pii';
import { checkFreeText, piiAuditDetail } from './pii-gate';

/**
 * "Wie heeft er nog buikpijn?": one vote per organisation per round. A later vote of the same
 * organisation overwrites the earlier one (same id); every vote stays in the audit trail.
 */
export async function castVote(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; input: unknown; /** The "need-to-know" toggle. */ piiConfirm?: boolean },
): Promise<Result<ConcernVote>> {
  const access = await openCaseFor(deps, args.caseId, args.aadObjectId, 'vote.cast');
  if (!access.ok) return access;
  const parsed = voteInputSchema.safeParse(args.input);
  if (!parsed.success) {
    return fail('invalid_input', fieldsOf(parsed.error.issues));
  }
  const pii = checkFreeText(deps, [parsed.data.reason], args.piiConfirm === true);
  if (!pii.ok) return pii;
  const { theCase, member } = access.value;
  return recordVote(deps, theCase, {
    orgId: member.orgId,
    voterId: member.aadObjectId,
    input: parsed.data,
    ...(pii.value ? { piiConfirmed: pii.value } : {}),
  });
}

/** Store a vote for an organisation (after authorization), then escalate / close the round if due. */
export async function recordVote(
  deps: AppDeps,
  theCase: Case,
  args: { orgId: PartnerOrg; voterId: string; input: VoteInput; closeAsVoter?: boolean; piiConfirmed?: PiiKind[] },
): Promise<Result<ConcernVote>> {
  if (theCase.status !== 'open') return fail('case_closed');
  if (!isCurrentRoundOpen(theCase.rounds)) return fail('round_closed');
  const castAt = deps.clock.now().toISOString();
  const vote: ConcernVote = {
    id: voteId(theCase.round, args.orgId),
    caseId: theCase.id,
    round: theCase.round,
    orgId: args.orgId,
    concern: args.input.concern,
    ...(args.input.reason ? { reason: args.input.reason } : {}),
    ...(args.piiConfirmed ? { piiConfirmed: args.piiConfirmed } : {}),
    acuteUnsafe: args.input.acuteUnsafe,
    voterId: args.voterId,
    castAt,
  };
  await deps.repo.putVote(vote, {
    id: auditId({ at: castAt }),
    caseId: theCase.id,
    at: castAt,
    action: 'vote.cast',
    actorId: args.voterId,
    actorOrg: args.orgId,
    detail: { round: vote.round, concern: vote.concern, acuteUnsafe: vote.acuteUnsafe, ...piiAuditDetail(args.piiConfirmed) },
  });
  deps.log.info({ caseId: theCase.id, orgId: args.orgId, round: vote.round, concern: vote.concern }, 'vote cast');
  // Acute unsafety escalates at once; a round in which every expected organisation voted closes itself.
  await evaluateEscalation(deps, theCase.id);
  if (args.closeAsVoter !== false) await closeRound(deps, { caseId: theCase.id, aadObjectId: args.voterId, reason: 'all_voted' });
  await requestCardRefresh(deps, theCase.id);
  return ok(vote);
}
