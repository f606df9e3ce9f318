import type { AppDeps } from '../app/deps';
import type { AppError, Result } from '../app/errors';
import { addVtInfo, answerVt, viewVtConsultation, voteAsVt } from '../app/vt/answer';
import { claimOnCall, deskAsksVt, markCalledBack, setVtRegion } from '../app/vt/desk';
import { vtCardFor } from '../jobs/vt-jobs';
import { amsterdamShort } from '../domain/local-time';
import { caseActionDataSchema, INPUTS, VERBS, vtActionDataSchema, vtRegionDataSchema } from '../cards/verbs';
import { nlMessages, nlTrust, nlVtAdviceFixes } from '../i18n/nl';
import { dutchError } from './errors-nl';
import type { MessageCommand } from './message-commands';
import { cardVerb, type CardVerb } from './card-verbs';
import type { Notice, StrictSchema } from './invoke-response';

type VtData = ReturnType<typeof vtActionDataSchema.parse>;

/** The refresh verb is Teams' automatic personal view; every other verb answers an action. */
const via = (verb: string) => (verb === VERBS.vtRefresh ? ('refresh' as const) : ('action' as const));

/**
 * Desk side ("Vraag VT", region) on the case card; VT side (answers, vote) on the 1:1 consultation card.
 * Rows of the card-verb table (src/teams/card-verbs.ts), registered by its one loop.
 */
export function vtCardVerbs(deps: AppDeps): CardVerb[] {
  const verbs: CardVerb[] = [];
  /** A desk verb on the case card: answers with the actor's case card. */
  const deskVerb = <T extends { caseId: string }>(
    verb: string,
    schema: StrictSchema<T>,
    run: (d: T, aad: string | undefined) => Promise<Result<unknown>>,
    okText: string,
  ) =>
    verbs.push(
      cardVerb({ verb, schema, command: (d, actor) => run(d, actor.aadObjectId), answer: { kind: 'case', okText: () => okText } }),
    );
  deskVerb(VERBS.askVt, caseActionDataSchema, (d, aad) => deskAsksVt(deps, { caseId: d.caseId, aadObjectId: aad }), nlMessages.vt.asked);
  deskVerb(
    VERBS.vtCalledBack,
    caseActionDataSchema,
    (d, aad) => markCalledBack(deps, { caseId: d.caseId, aadObjectId: aad }),
    nlVtAdviceFixes.vt.calledBack,
  );
  deskVerb(
    VERBS.setVtRegion,
    vtRegionDataSchema,
    (d, aad) => setVtRegion(deps, { caseId: d.caseId, aadObjectId: aad, regionId: d[INPUTS.vtRegion] }),
    nlMessages.vt.regionSet,
  );

  const vtVerb = (
    verb: string,
    run: (d: VtData, aad: string | undefined) => Promise<Result<unknown>>,
    /** The thank-you on success; null for the refresh, which answers nothing (an explicit undefined would take a default). */
    okText: string | null = nlMessages.vt.answered,
  ) =>
    verbs.push(
      cardVerb({
        verb,
        schema: vtActionDataSchema,
        command: (d, actor) => run(d, actor.aadObjectId),
        answer: {
          kind: 'card',
          ...(okText !== null ? { okText } : {}),
          render: async (d: VtData, aad: string | undefined, notice: Notice | undefined, failure: AppError | undefined) => {
            // Someone who was not asked gets only the reason, not the consultation card.
            if (failure?.code === 'vt_not_consulted' && verb === VERBS.vtRefresh) return nlTrust.vtNotForYou;
            if (failure?.code === 'vt_not_consulted') return notice?.text ?? nlMessages.errors.unknownAction;
            // A refused late answer that carried information is offered again as further information.
            const extra =
              failure?.code === 'vt_already_answered' || failure?.code === 'invalid_input'
                ? { text: d[INPUTS.vtText], needToKnow: d[INPUTS.vtNeedToKnow] }
                : undefined;
            const card = await vtCardFor(deps, d.caseId, aad, notice, via(verb), extra);
            if (!card.ok) return dutchError(card.error);
            return card.value ?? notice?.text ?? nlMessages.errors.unknownAction;
          },
        },
      }),
    );
  const base = (d: VtData, aad: string | undefined) => ({ caseId: d.caseId, seq: d.seq, aadObjectId: aad });
  // The consultation card's refresh: only who was asked or the location's roster; every view audited.
  vtVerb(VERBS.vtRefresh, (d, aad) => viewVtConsultation(deps, base(d, aad)), null);
  vtVerb(VERBS.vtKnown, (d, aad) =>
    answerVt(deps, {
      ...base(d, aad),
      kind: 'known',
      text: d[INPUTS.vtText],
      needToKnow: d[INPUTS.vtNeedToKnow],
      piiConfirm: d[INPUTS.vtPiiConfirm] === 'true',
      visibleTo: d[INPUTS.vtVisibleTo],
    }),
  );
  vtVerb(VERBS.vtNotKnown, (d, aad) => answerVt(deps, { ...base(d, aad), kind: 'not_known' }));
  vtVerb(VERBS.vtCallBack, (d, aad) => answerVt(deps, { ...base(d, aad), kind: 'call_back', phone: d[INPUTS.vtPhone] }));
  vtVerb(VERBS.vtConcern, (d, aad) =>
    voteAsVt(deps, {
      ...base(d, aad),
      input: { concern: true, reason: d[INPUTS.vtReason] ?? '', acuteUnsafe: d[INPUTS.vtAcute] === 'true' },
      piiConfirm: d[INPUTS.vtVotePiiConfirm] === 'true',
    }),
  );
  vtVerb(
    VERBS.vtAddInfo,
    (d, aad) =>
      addVtInfo(deps, {
        ...base(d, aad),
        text: d[INPUTS.vtText],
        needToKnow: d[INPUTS.vtNeedToKnow],
        piiConfirm: d[INPUTS.vtPiiConfirm] === 'true',
        visibleTo: d[INPUTS.vtVisibleTo],
      }),
    nlVtAdviceFixes.vt.extraAdded,
  );
  vtVerb(VERBS.vtNoConcern, (d, aad) => voteAsVt(deps, { ...base(d, aad), input: { concern: false } }));
  return verbs;
}

/** In the personal chat: a VT staff member takes the on-call duty now. */
export const vtMessageCommands = (deps: AppDeps): MessageCommand[] => [
  {
    name: 'ik heb dienst',
    pattern: /^ik heb (nu )?dienst$/i,
    run: async (context) => {
      const r = await claimOnCall(deps, context.activity.from?.aadObjectId);
      if (!r.ok) {
        await context.sendActivity(nlMessages.vt.onCallNotInSchedule);
        return;
      }
      await context.sendActivity(r.value.map((x) => nlMessages.vt.onCallClaimed(x.regionName, amsterdamShort(x.until))).join('\n'));
    },
  },
];
