import { addContributionWithView } from '../app/add-contribution';
import { castVoteWithView } from '../app/cast-vote';
import { viewCase } from '../views/case-view';
import type { AppDeps } from '../app/deps';
import { renderCaseCard } from '../views/render-cache';
import { addContributionDataSchema, caseActionDataSchema, INPUTS, VERBS, voteDataSchema } from '../cards/verbs';
import { nlMessages } from '../i18n/nl';
import { cardVerb, type CardVerb } from './card-verbs';
import { dutchError } from './errors-nl';
import { answerInvoke } from './invoke-response';

/** The case card's own verbs (its personal view, contributions, votes): rows of the card-verb table. */
export function caseCardVerbs(deps: AppDeps): CardVerb[] {
  // The personal view of a case: Teams' automatic refresh (refresh.userIds) or "Openen" on the channel message.
  const view = (verb: string, via: 'refresh' | 'open'): CardVerb =>
    cardVerb({
      verb,
      schema: caseActionDataSchema,
      command: (d, actor) => viewCase(deps, d.caseId, actor.aadObjectId, undefined, via),
      answer: { kind: 'direct', respond: (context, r) => answerInvoke(context, r.ok ? renderCaseCard(r.value) : dutchError(r.error)) },
    });

  const vote = (concern: boolean): CardVerb =>
    cardVerb({
      verb: concern ? VERBS.voteConcern : VERBS.voteNoConcern,
      schema: voteDataSchema,
      command: (d, actor) =>
        castVoteWithView(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: actor.aadObjectId,
          input: concern
            ? { concern: true, reason: d[INPUTS.voteReason] ?? '', acuteUnsafe: d[INPUTS.voteAcute] === 'true' }
            : { concern: false },
          piiConfirm: d[INPUTS.votePiiConfirm] === 'true',
        }),
      answer: {
        kind: 'case',
        okText: () => (concern ? nlMessages.ok.voteConcern : nlMessages.ok.voteNoConcern),
        snapshot: (v) => v.after,
        lean: true,
        draft: (d) => ({ [INPUTS.voteReason]: d[INPUTS.voteReason], [INPUTS.votePiiConfirm]: d[INPUTS.votePiiConfirm] ?? 'false' }),
      },
    });

  return [
    view(VERBS.refresh, 'refresh'),
    view(VERBS.open, 'open'),
    cardVerb({
      verb: VERBS.addContribution,
      schema: addContributionDataSchema,
      command: (d, actor) =>
        addContributionWithView(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: actor.aadObjectId,
          input: {
            text: d[INPUTS.contribText] ?? '',
            source: d[INPUTS.contribSource] ?? '',
            needToKnow: d[INPUTS.contribNeedToKnow] ?? '',
          },
          piiConfirm: d[INPUTS.contribPiiConfirm] === 'true',
          visibleTo: d[INPUTS.contribVisibleTo],
        }),
      answer: {
        kind: 'case',
        okText: () => nlMessages.ok.contributionAdded,
        snapshot: (v) => v.after,
        draft: (d) => ({
          [INPUTS.contribText]: d[INPUTS.contribText],
          [INPUTS.contribSource]: d[INPUTS.contribSource],
          [INPUTS.contribNeedToKnow]: d[INPUTS.contribNeedToKnow],
          [INPUTS.contribPiiConfirm]: d[INPUTS.contribPiiConfirm] ?? 'false',
          [INPUTS.contribVisibleTo]: d[INPUTS.contribVisibleTo],
        }),
      },
    }),
    vote(true),
    vote(false),
  ];
}
