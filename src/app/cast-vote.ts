import type { Case } from '../domain/case';
import { decideVote } from '../domain/decisions';
import type { PartnerOrg } from '../domain/orgs';
import type { PiiKind } from '../domain/pii';
import type { ViewVia } from '../domain/views';
import { voteInputSchema, type ConcernVote, type VoteInput } from '../domain/vote';
import { decisionLocation, runCaseCommand, type CommandOutcome } from './case-command';
import type { AppDeps } from './deps';
import { fail, ok, type Result, fieldsOf } from './errors';
import { checkFreeText } from './pii-gate';

/**
 * "Wie heeft er nog buikpijn?": one vote per organisation per round. A later vote of the same
 * organisation overwrites the earlier one (same id); every vote stays in the audit trail. One read of
 * the case partition, one commit (src/domain/decisions decides what follows the vote).
 */
export async function castVote(
  deps: AppDeps,
  args: {
    caseId: string;
    aadObjectId: string | undefined;
    input: unknown;
    /** The "need-to-know" toggle. */ piiConfirm?: boolean;
    /** Answered with the voter's case view (audited in the same commit). */
    answerView?: ViewVia;
  },
): Promise<Result<ConcernVote>> {
  const r = await castVoteWithView(deps, args);
  return r.ok ? ok(r.value.value) : r;
}

/** castVote, returning the case as the vote left it (the answer's view is built from it, no reload). */
export async function castVoteWithView(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; input: unknown; piiConfirm?: boolean; answerView?: ViewVia },
): Promise<Result<CommandOutcome<ConcernVote>>> {
  // Parsed before the load, refused inside the command: authorisation still comes first (an outsider
  // hears "not on the roster", never whether the input was valid).
  const parsed = voteInputSchema.safeParse(args.input);
  const pii = parsed.success ? checkFreeText(deps, [parsed.data.reason], args.piiConfirm === true) : undefined;
  const r = await runCaseCommand<ConcernVote, 'case_closed' | 'round_closed' | 'invalid_input' | 'pii_found'>(
    deps,
    {
      caseId: args.caseId,
      aadObjectId: args.aadObjectId,
      attempted: 'vote.cast',
      ...(args.answerView ? { answerView: args.answerView } : {}),
    },
    (bundle, actor, ctx) => {
      if (!parsed.success) return { ok: false, error: 'invalid_input' as const };
      if (pii && !pii.ok) return { ok: false, error: 'pii_found' as const };
      return decideVote(
        bundle,
        {
          actor,
          input: parsed.data,
          ...(pii?.ok && pii.value ? { piiConfirmed: pii.value } : {}),
          location: decisionLocation(deps, bundle.theCase.body.locationId),
        },
        ctx,
      );
    },
  );
  if (!r.ok && r.error.code === 'invalid_input' && !parsed.success) return fail('invalid_input', fieldsOf(parsed.error.issues));
  if (!r.ok && r.error.code === 'pii_found' && pii && !pii.ok) return pii;
  if (r.ok)
    deps.log.info(
      { caseId: args.caseId, orgId: r.value.actor.orgId, round: r.value.value.round, concern: r.value.value.concern },
      'vote cast',
    );
  return r;
}

/**
 * A vote recorded for an organisation by someone already authorised for it (the desk records VT's
 * answer by phone): decided and committed like castVote. `closeAsVoter: false` never closes the round.
 */
export async function recordVote(
  deps: AppDeps,
  theCase: Case,
  args: { orgId: PartnerOrg; voterId: string; input: VoteInput; closeAsVoter?: boolean; piiConfirmed?: PiiKind[] },
): Promise<Result<ConcernVote>> {
  const r = await runCaseCommand(
    deps,
    // the caller authorised this act; the recorded organisation is the one voting
    {
      caseId: theCase.id,
      aadObjectId: args.voterId,
      attempted: 'vote.cast',
      preAuthorized: { aadObjectId: args.voterId, orgId: args.orgId },
    },
    (bundle, _actor, ctx) =>
      decideVote(
        bundle,
        {
          actor: { aadObjectId: args.voterId, orgId: args.orgId },
          input: args.input,
          ...(args.piiConfirmed ? { piiConfirmed: args.piiConfirmed } : {}),
          location: decisionLocation(deps, bundle.theCase.body.locationId),
          mayCloseRound: args.closeAsVoter !== false,
        },
        ctx,
      ),
  );
  return r.ok ? ok(r.value.value) : r;
}
