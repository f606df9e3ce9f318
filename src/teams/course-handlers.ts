import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { answerFollowUp, decide, draftAdvice, sendAdvice } from '../app/advice/advice';
import { viewAdvice } from '../app/advice/jobs';
import { buildAdviceCard } from '../cards/advice-card';
import { becomeCaseOwner, editConcreteQuestion, viewActieoverleg } from '../app/course/actieoverleg';
import { closeCase, closeCaseDespiteConcern, reAgendaCase } from '../app/course/closing';
import { addAction, handOverLead, settleAction, takeLead } from '../app/course/lead-actions';
import { closeRoundAsChair, startRound } from '../app/course/rounds';
import type { CaseSnapshot } from '../domain/decisions';
import type { AppDeps } from '../app/deps';
import type { Result } from '../app/errors';
import { buildActieoverlegCard } from '../cards/actieoverleg-card';
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
import type { CaseCardView } from '../cards/view';
import { amsterdamShort } from '../domain/local-time';
import type { ViewVia } from '../domain/views';
import { nlMessages } from '../i18n/nl';
import { dutchError } from './errors-nl';
import { parseInvokeData, registerCardVerb, respondToFailure, respondWithCase, respondWithSnapshot } from './invoke-response';
import type { z } from 'zod';

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: z.ZodError } };

/**
 * One Action.Execute verb of the case's course: parse the data with its schema, run the use case as
 * the roster member who pressed it, answer with their card (notice on top) or the Dutch reason.
 */
function caseVerb<T extends { caseId: string }, R>(
  app: Application<TurnState>,
  deps: AppDeps,
  verb: string,
  schema: Schema<T>,
  run: (data: T, aad: string | undefined) => Promise<Result<R>>,
  okText: (value: R) => string,
  draft?: (data: T) => CaseCardView['draft'],
  /** The case as the command left it (its view was audited in the command's commit): answered without a reload. */
  answeredFrom?: (value: R) => CaseSnapshot,
): void {
  app.adaptiveCards.actionExecute(verb, async (context: TurnContext, _state, raw) => {
    const data = await parseInvokeData(context, deps, verb, schema, raw);
    if (data === undefined) return '';
    const result = await run(data, context.activity.from?.aadObjectId);
    if (result.ok && answeredFrom)
      await respondWithSnapshot(context, deps, answeredFrom(result.value), { kind: 'good', text: okText(result.value) });
    else if (result.ok) await respondWithCase(context, deps, data.caseId, { kind: 'good', text: okText(result.value) });
    else await respondToFailure(context, deps, data.caseId, result.error, draft?.(data));
    return '';
  });
}

export function registerCourseHandlers(app: Application<TurnState>, deps: AppDeps): void {
  const ok = nlMessages.ok;
  caseVerb(
    app,
    deps,
    VERBS.startRound,
    caseActionDataSchema,
    (d, aad) => startRound(deps, { caseId: d.caseId, aadObjectId: aad, answerView: 'action' }),
    (v) => ok.roundStarted(v.round),
    undefined,
    (v) => v.after,
  );
  caseVerb(
    app,
    deps,
    VERBS.closeRound,
    caseActionDataSchema,
    (d, aad) => closeRoundAsChair(deps, { caseId: d.caseId, aadObjectId: aad, answerView: 'action' }),
    (v) => ok.roundClosed(v.round),
    undefined,
    (v) => v.after,
  );
  caseVerb(
    app,
    deps,
    VERBS.takeLead,
    caseActionDataSchema,
    (d, aad) => takeLead(deps, { caseId: d.caseId, aadObjectId: aad }),
    () => ok.leadTaken,
  );
  caseVerb(
    app,
    deps,
    VERBS.handOverLead,
    leadDataSchema,
    (d, aad) => handOverLead(deps, { caseId: d.caseId, aadObjectId: aad, to: d[INPUTS.leadTo] }),
    () => ok.leadHandedOver,
  );
  caseVerb(
    app,
    deps,
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
      }),
    () => ok.actionAdded,
  );
  caseVerb(
    app,
    deps,
    VERBS.settleAction,
    settleActionDataSchema,
    (d, aad) => settleAction(deps, { caseId: d.caseId, aadObjectId: aad, actionId: d.actionId, verdict: d[INPUTS.actionVerdict] }),
    () => ok.actionSettled,
  );
  caseVerb(
    app,
    deps,
    VERBS.reAgenda,
    reAgendaDataSchema,
    (d, aad) => reAgendaCase(deps, { caseId: d.caseId, aadObjectId: aad, date: d[INPUTS.reAgendaDate], time: d[INPUTS.reAgendaTime] }),
    (v) => ok.reAgenda(amsterdamShort(v.at)),
  );
  caseVerb(
    app,
    deps,
    VERBS.closeCase,
    caseActionDataSchema,
    (d, aad) => closeCase(deps, { caseId: d.caseId, aadObjectId: aad }),
    () => ok.caseClosed,
  );
  caseVerb(
    app,
    deps,
    VERBS.closeDespiteConcern,
    closeDataSchema,
    (d, aad) => closeCaseDespiteConcern(deps, { caseId: d.caseId, aadObjectId: aad, reason: d[INPUTS.closeReason] }),
    () => ok.caseClosed,
    (d) => ({ [INPUTS.closeReason]: d[INPUTS.closeReason] }),
  );

  // Advice to the OvJ (from the case card), and the follow-up answer.
  caseVerb(
    app,
    deps,
    VERBS.draftAdvice,
    caseActionDataSchema,
    (d, aad) => draftAdvice(deps, { caseId: d.caseId, aadObjectId: aad }),
    () => nlMessages.advice.drafted,
  );
  caseVerb(
    app,
    deps,
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
  );
  caseVerb(
    app,
    deps,
    VERBS.sendAdvice,
    caseActionDataSchema,
    (d, aad) => sendAdvice(deps, { caseId: d.caseId, aadObjectId: aad }),
    () => nlMessages.advice.sent,
  );
  caseVerb(
    app,
    deps,
    VERBS.followUp,
    followUpDataSchema,
    (d, aad) =>
      answerFollowUp(deps, {
        caseId: d.caseId,
        aadObjectId: aad,
        text: d[INPUTS.followUpText],
        close: d[INPUTS.followUpClose] === 'true',
        piiConfirm: d[INPUTS.followUpPiiConfirm] === 'true',
      }),
    () => nlMessages.advice.followUpSaved,
    (d) => ({ [INPUTS.followUpText]: d[INPUTS.followUpText], [INPUTS.followUpPiiConfirm]: d[INPUTS.followUpPiiConfirm] ?? 'false' }),
  );

  // The advice card (at the OvJ) answers with the advice card.
  const adviceVerb = <T extends { caseId: string }>(
    verb: string,
    schema: Schema<T>,
    run: (d: T, aad: string | undefined) => Promise<Result<unknown>>,
    okText?: string,
    via: ViewVia = 'action',
  ) =>
    registerCardVerb(
      app,
      deps,
      verb,
      schema,
      run,
      async (d, aad, notice) => {
        const view = await viewAdvice(deps, d.caseId, aad, notice, via);
        // When the card cannot be shown, the reason the action failed (e.g. a closed case) comes first.
        return view.ok ? buildAdviceCard(view.value) : (notice?.text ?? dutchError(view.error));
      },
      okText,
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
    schema: Schema<T>,
    run: (d: T, aad: string | undefined) => Promise<Result<unknown>>,
    okText?: string,
    via: ViewVia = 'action',
  ) =>
    registerCardVerb(
      app,
      deps,
      verb,
      schema,
      run,
      async (d, aad, notice) => {
        const view = await viewActieoverleg(deps, d.caseId, aad, notice, via);
        return view.ok ? buildActieoverlegCard(view.value) : (notice?.text ?? dutchError(view.error));
      },
      okText,
    );
  aoVerb(VERBS.aoRefresh, caseActionDataSchema, noChange, undefined, 'refresh');
  aoVerb(VERBS.aoOpen, caseActionDataSchema, noChange, undefined, 'open');
  aoVerb(VERBS.aoBecomeOwner, caseActionDataSchema, (d, aad) => becomeCaseOwner(deps, { caseId: d.caseId, aadObjectId: aad }), ok.ownerSet);
  aoVerb(
    VERBS.aoEditQuestion,
    aoQuestionDataSchema,
    (d, aad) =>
      editConcreteQuestion(deps, {
        caseId: d.caseId,
        aadObjectId: aad,
        question: d[INPUTS.aoQuestion],
        piiConfirm: d[INPUTS.aoQuestionPiiConfirm] === 'true',
      }),
    ok.questionChanged,
  );
}
