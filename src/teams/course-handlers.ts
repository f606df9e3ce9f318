import { answerFollowUp, decide, draftAdvice, sendAdvice } from '../app/advice/advice';
import { viewAdvice } from '../jobs/advice-jobs';
import { buildAdviceCard } from '../cards/advice-card';
import { becomeCaseOwner, editConcreteQuestion } from '../app/course/actieoverleg';
import { viewActieoverleg } from '../views/actieoverleg-view';
import { closeCase, closeCaseDespiteConcern } from '../app/course/closing';
import { reAgendaCase } from '../app/course/re-agenda';
import { addAction, handOverLead, settleAction, takeLead } from '../app/course/lead-actions';
import { closeRoundAsChair, startRound } from '../app/course/rounds';
import type { AppDeps } from '../app/deps';
import { buildActieoverlegCard } from '../cards/actieoverleg-card';
import { actieoverlegCommandVerb } from './actieoverleg-answer';
import {
  adviceEditDataSchema,
  decideDataSchema,
  followUpDataSchema,
  addActionDataSchema,
  aoQuestionDataSchema,
  caseActionDataSchema,
  closeDataSchema,
  INPUTS,
  leadDataSchema,
  reAgendaDataSchema,
  settleActionDataSchema,
  VERBS,
} from '../cards/verbs';
import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import { amsterdamShort } from '../domain/local-time';
import type { ViewVia } from '../domain/views';
import type { CaseSnapshot } from '../domain/decisions';
import type { Result } from '../app/errors';
import type { CaseCardView } from '../cards/view';
import { nlMessages } from '../i18n/nl';
import { dutchError } from './errors-nl';
import { cardVerb, type Actor, type CardVerb } from './card-verbs';
import { answerInvoke, MESSAGE_ONLY, respondToFailure, respondWithSnapshot, type Notice, type StrictSchema } from './invoke-response';
import { viewCase } from '../views/case-view';
import { buildCloseFormCard } from '../cards/case-closing';

/** The course of a case: rows of the card-verb table (src/teams/card-verbs.ts), registered by its one loop. */
export function courseCardVerbs(deps: AppDeps): CardVerb[] {
  const ok = nlMessages.ok;
  /** A verb on the case card: answers with the actor's case card (confirmation or reason on top). */
  const caseVerb = <T extends { caseId: string }, R>(
    verb: string,
    schema: StrictSchema<T>,
    command: (d: T, aad: string | undefined) => Promise<Result<R>>,
    okText: (value: R) => string,
    draft?: (d: T) => CaseCardView['draft'],
    snapshot?: (value: R) => CaseSnapshot,
  ): CardVerb =>
    cardVerb({
      verb,
      schema,
      command: (d, actor: Actor) => command(d, actor.aadObjectId),
      answer: { kind: 'case', okText, ...(draft ? { draft } : {}), ...(snapshot ? { snapshot } : {}) },
    });
  const verbs: CardVerb[] = [];
  verbs.push(
    caseVerb(
      VERBS.startRound,
      caseActionDataSchema,
      (d, aad) => startRound(deps, { caseId: d.caseId, aadObjectId: aad, answerView: 'action' }),
      (v) => ok.roundStarted(v.round),
      undefined,
      (v) => v.after,
    ),
  );
  verbs.push(
    caseVerb(
      VERBS.closeRound,
      caseActionDataSchema,
      (d, aad) => closeRoundAsChair(deps, { caseId: d.caseId, aadObjectId: aad, answerView: 'action' }),
      (v) => ok.roundClosed(v.round),
      undefined,
      (v) => v.after,
    ),
  );
  verbs.push(
    caseVerb(
      VERBS.takeLead,
      caseActionDataSchema,
      (d, aad) => takeLead(deps, { caseId: d.caseId, aadObjectId: aad, answerView: 'action' }),
      () => ok.leadTaken,
      undefined,
      (v) => v.after,
    ),
  );
  verbs.push(
    caseVerb(
      VERBS.handOverLead,
      leadDataSchema,
      (d, aad) => handOverLead(deps, { caseId: d.caseId, aadObjectId: aad, to: d[INPUTS.leadTo], answerView: 'action' }),
      () => ok.leadHandedOver,
      undefined,
      (v) => v.after,
    ),
  );
  verbs.push(
    caseVerb(
      VERBS.addAction,
      addActionDataSchema,
      (d, aad) =>
        addAction(deps, {
          caseId: d.caseId,
          aadObjectId: aad,
          what: d[INPUTS.actionWhat],
          orgId: d[INPUTS.actionOrg],
          dueDate: d[INPUTS.actionDueDate],
          dueTime: d[INPUTS.actionDueTime],
          answerView: 'action',
        }),
      () => ok.actionAdded,
      undefined,
      (v) => v.after,
    ),
  );
  verbs.push(
    caseVerb(
      VERBS.settleAction,
      settleActionDataSchema,
      (d, aad) =>
        settleAction(deps, {
          caseId: d.caseId,
          aadObjectId: aad,
          actionId: d.actionId,
          verdict: d[INPUTS.actionVerdict],
          answerView: 'action',
        }),
      () => ok.actionSettled,
      undefined,
      (v) => v.after,
    ),
  );
  verbs.push(
    caseVerb(
      VERBS.reAgenda,
      reAgendaDataSchema,
      (d, aad) =>
        reAgendaCase(deps, {
          caseId: d.caseId,
          aadObjectId: aad,
          date: d[INPUTS.reAgendaDate],
          time: d[INPUTS.reAgendaTime],
          answerView: 'action',
        }),
      (v) => ok.reAgenda(amsterdamShort(v.at)),
      undefined,
      (v) => v.after,
    ),
  );
  const handoverOf = (
    d: Partial<Pick<z.infer<typeof closeDataSchema>, 'handoverParty' | 'handoverItems' | 'handoverNote' | 'handoverNoneReason'>>,
  ) => ({
    party: d[INPUTS.handoverParty],
    items: d[INPUTS.handoverItems],
    note: d[INPUTS.handoverNote],
    noneReason: d[INPUTS.handoverNoneReason],
  });
  // What the chair typed comes back in the form after a refusal (the reason, the party, the note; never in a message).
  const closeDraft = (d: z.infer<typeof closeDataSchema>): CaseCardView['draft'] => ({
    [INPUTS.closeReason]: d[INPUTS.closeReason],
    [INPUTS.handoverParty]: d[INPUTS.handoverParty],
    [INPUTS.handoverItems]: d[INPUTS.handoverItems],
    [INPUTS.handoverNote]: d[INPUTS.handoverNote],
    [INPUTS.handoverNoneReason]: d[INPUTS.handoverNoneReason],
  });
  // Closing with a handover: the chair opens the close view; a refusal answers with that view again
  // (the reason on top, what was typed kept), a closing with the case card.
  verbs.push(
    cardVerb({
      verb: VERBS.closeForm,
      schema: caseActionDataSchema,
      command: (d, actor) => viewCase(deps, d.caseId, actor.aadObjectId),
      answer: { kind: 'direct', respond: (context, r) => answerInvoke(context, r.ok ? buildCloseFormCard(r.value) : dutchError(r.error)) },
    }),
  );
  type CloseData = z.infer<typeof closeDataSchema>;
  type Closed = Result<{ after: CaseSnapshot }>;
  const closeAnswer = async (context: TurnContext, data: CloseData, r: Closed): Promise<void> => {
    if (r.ok) return respondWithSnapshot(context, deps, r.value.after, { kind: 'good', text: ok.caseClosed });
    // Access refusals get a message; a closed case or a non-chair the case card with the reason.
    if (MESSAGE_ONLY.has(r.error.code) || r.error.code === 'case_closed' || r.error.code === 'not_chair')
      return respondToFailure(context, deps, data.caseId, r.error);
    const view = await viewCase(deps, data.caseId, context.activity.from?.aadObjectId);
    if (!view.ok) return answerInvoke(context, dutchError(r.error));
    const draft = r.error.code === 'invalid_input' || r.error.code === 'safety_not_placed' ? closeDraft(data) : undefined;
    await answerInvoke(
      context,
      buildCloseFormCard({ ...view.value, notice: { kind: 'attention', text: dutchError(r.error) }, ...(draft ? { draft } : {}) }),
    );
  };
  /** A close verb: the command's result travels with the data it was given, so a refusal can show what was typed. */
  const closeVerb = (verb: string, run: (d: CloseData, aad: string | undefined) => Promise<Closed>): CardVerb =>
    cardVerb({
      verb,
      schema: closeDataSchema,
      command: async (d, actor) => ({ ok: true, value: { data: d, result: await run(d, actor.aadObjectId) } }),
      answer: {
        kind: 'direct',
        respond: (context, r) => (r.ok ? closeAnswer(context, r.value.data, r.value.result) : answerInvoke(context, dutchError(r.error))),
      },
    });
  verbs.push(
    closeVerb(VERBS.closeCase, (d, aad) =>
      closeCase(deps, { caseId: d.caseId, aadObjectId: aad, handover: handoverOf(d), answerView: 'action' }),
    ),
    closeVerb(VERBS.closeDespiteConcern, (d, aad) =>
      closeCaseDespiteConcern(deps, {
        caseId: d.caseId,
        aadObjectId: aad,
        reason: d[INPUTS.closeReason],
        handover: handoverOf(d),
        answerView: 'action',
      }),
    ),
  );

  // Advice to the OvJ (from the case card), and the follow-up answer.
  verbs.push(
    caseVerb(
      VERBS.draftAdvice,
      caseActionDataSchema,
      (d, aad) => draftAdvice(deps, { caseId: d.caseId, aadObjectId: aad }),
      () => nlMessages.advice.drafted,
    ),
  );
  verbs.push(
    caseVerb(
      VERBS.editAdvice,
      adviceEditDataSchema,
      (d, aad) =>
        draftAdvice(deps, {
          caseId: d.caseId,
          aadObjectId: aad,
          summary: d[INPUTS.adviceSummary] ?? '',
          interventionIds: d[INPUTS.adviceInterventions] ?? '',
          piiConfirm: d[INPUTS.advicePiiConfirm] === 'true',
          details: d.details,
        }),
      () => nlMessages.advice.drafted,
    ),
  );
  verbs.push(
    caseVerb(
      VERBS.sendAdvice,
      caseActionDataSchema,
      (d, aad) => sendAdvice(deps, { caseId: d.caseId, aadObjectId: aad }),
      () => nlMessages.advice.sent,
    ),
  );
  verbs.push(
    caseVerb(
      VERBS.followUp,
      followUpDataSchema,
      (d, aad) =>
        answerFollowUp(deps, {
          caseId: d.caseId,
          aadObjectId: aad,
          text: d[INPUTS.followUpText],
          close: d[INPUTS.followUpClose] === 'true',
          piiConfirm: d[INPUTS.followUpPiiConfirm] === 'true',
          handover: handoverOf(d),
        }),
      () => nlMessages.advice.followUpSaved,
      (d) => ({
        [INPUTS.followUpText]: d[INPUTS.followUpText],
        [INPUTS.followUpPiiConfirm]: d[INPUTS.followUpPiiConfirm] ?? 'false',
        [INPUTS.handoverParty]: d[INPUTS.handoverParty],
        [INPUTS.handoverItems]: d[INPUTS.handoverItems],
        [INPUTS.handoverNote]: d[INPUTS.handoverNote],
        [INPUTS.handoverNoneReason]: d[INPUTS.handoverNoneReason],
      }),
    ),
  );

  // The advice card (at the OvJ) answers with the advice card.
  const adviceVerb = <T extends { caseId: string }>(
    verb: string,
    schema: StrictSchema<T>,
    run: (d: T, aad: string | undefined) => Promise<Result<unknown>>,
    okText?: string,
    via: ViewVia = 'action',
  ) =>
    verbs.push(
      cardVerb({
        verb,
        schema,
        command: (d, actor) => run(d, actor.aadObjectId),
        answer: {
          kind: 'card',
          ...(okText !== undefined ? { okText } : {}),
          render: async (d, aad, notice: Notice | undefined) => {
            const view = await viewAdvice(deps, d.caseId, aad, notice, via);
            // When the card cannot be shown, the reason the action failed (e.g. a closed case) comes first.
            return view.ok ? buildAdviceCard(view.value) : (notice?.text ?? dutchError(view.error));
          },
        },
      }),
    );
  const noChange = async () => ({ ok: true as const, value: undefined });
  adviceVerb(VERBS.adviceRefresh, caseActionDataSchema, noChange, undefined, 'refresh');
  adviceVerb(VERBS.adviceOpen, caseActionDataSchema, noChange, undefined, 'open');
  adviceVerb(
    VERBS.decide,
    decideDataSchema,
    (d, aad) =>
      decide(deps, {
        caseId: d.caseId,
        aadObjectId: aad,
        interventionIds: d[INPUTS.decisionInterventions],
        text: d[INPUTS.decisionText],
        concernAcknowledgement: d[INPUTS.decisionConcern],
        piiConfirm: d[INPUTS.decisionPiiConfirm] === 'true',
        details: d.details,
      }),
    nlMessages.advice.decided,
  );

  // The Actieoverleg card answers with the Actieoverleg card, not the case card.
  const aoVerb = <T extends { caseId: string }>(
    verb: string,
    schema: StrictSchema<T>,
    run: (d: T, aad: string | undefined) => Promise<Result<unknown>>,
    okText?: string,
    via: ViewVia = 'action',
  ) =>
    verbs.push(
      cardVerb({
        verb,
        schema,
        command: (d, actor) => run(d, actor.aadObjectId),
        answer: {
          kind: 'card',
          ...(okText !== undefined ? { okText } : {}),
          render: async (d, aad, notice: Notice | undefined) => {
            const view = await viewActieoverleg(deps, d.caseId, aad, notice, via);
            return view.ok ? buildActieoverlegCard(view.value) : (notice?.text ?? dutchError(view.error));
          },
        },
      }),
    );
  aoVerb(VERBS.aoRefresh, caseActionDataSchema, noChange, undefined, 'refresh');
  aoVerb(VERBS.aoOpen, caseActionDataSchema, noChange, undefined, 'open');
  verbs.push(
    actieoverlegCommandVerb(
      deps,
      VERBS.aoBecomeOwner,
      caseActionDataSchema,
      (d, aad) => becomeCaseOwner(deps, { caseId: d.caseId, aadObjectId: aad, answerView: 'action' }),
      ok.ownerSet,
    ),
  );
  verbs.push(
    actieoverlegCommandVerb(
      deps,
      VERBS.aoEditQuestion,
      aoQuestionDataSchema,
      (d, aad) =>
        editConcreteQuestion(deps, {
          caseId: d.caseId,
          aadObjectId: aad,
          question: d[INPUTS.aoQuestion],
          piiConfirm: d[INPUTS.aoQuestionPiiConfirm] === 'true',
          answerView: 'action',
        }),
      ok.questionChanged,
    ),
  );
  return verbs;
}
