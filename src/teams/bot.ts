import { ActivityTypes, CardFactory, INVOKE_RESPONSE_KEY, MessageFactory, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { addContribution } from '../app/add-contribution';
import { castVote } from '../app/cast-vote';
import { readCaseDetails, viewCase } from '../app/case-view';
import type { AppDeps } from '../app/deps';
import { buildCaseCard } from '../cards/case-card';
import { buildDetailsCard } from '../cards/details-card';
import {
  addContributionDataSchema,
  caseActionDataSchema,
  DIALOGS,
  dialogFetchDataSchema,
  INPUTS,
  VERBS,
  voteDataSchema,
  adviceEditDataSchema,
} from '../cards/verbs';
import { nlMessages } from '../i18n/nl';
import { captureConversationRef } from './conversation-refs';
import { dutchError } from './errors-nl';
import { answerInvoke, respondToFailure, respondWithCase } from './invoke-response';
import { registerCourseHandlers } from './course-handlers';
import { registerVtHandlers } from './vt-handlers';
import { viewAdvice } from '../app/advice/jobs';
import { buildAdviceCard } from '../cards/advice-card';
import { buildAdviceEditDialogCard } from '../cards/case-advice';
import { draftAdvice } from '../app/advice/advice';
import { buildAgenda } from '../app/course/timers';
import { buildAgendaCard } from '../cards/agenda-card';
import { registerNewCaseDialog } from './new-case-dialog';

export function createBot(
  deps: AppDeps,
  adapter: TeamsAdapter,
  opts: { botAppId?: string; allowedTenants: string[] },
): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    ...(opts.botAppId ? { botAppId: opts.botAppId } : {}),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    taskModules: { taskDataFilter: 'dialog' },
    turnStateFactory: () => new TurnState(),
  });

  app.turn('beforeTurn', async (context) => {
    const tenant =
      context.activity.conversation?.tenantId ?? (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    if (opts.allowedTenants.length > 0 && (!tenant || !opts.allowedTenants.includes(tenant))) {
      deps.log.warn({ tenant: tenant ?? 'none', type: context.activity.type }, 'activity from a tenant outside the allowlist ignored');
      return false;
    }
    await captureConversationRef(context, deps.repo);
    return true;
  });

  app.adaptiveCards.actionExecute(VERBS.refresh, async (context, _state, data) => {
    const parsed = caseActionDataSchema.safeParse(data);
    if (!parsed.success) return answerInvoke(context, nlMessages.errors.unknownAction).then(() => '');
    const view = await viewCase(deps, parsed.data.caseId, context.activity.from?.aadObjectId);
    await answerInvoke(context, view.ok ? buildCaseCard(view.value) : dutchError(view.error));
    return '';
  });

  app.adaptiveCards.actionExecute(VERBS.addContribution, async (context, _state, data) => {
    const parsed = addContributionDataSchema.safeParse(data);
    if (!parsed.success) return answerInvoke(context, nlMessages.errors.unknownAction).then(() => '');
    const d = parsed.data;
    const result = await addContribution(deps, {
      caseId: d.caseId,
      aadObjectId: context.activity.from?.aadObjectId,
      input: { text: d[INPUTS.contribText] ?? '', source: d[INPUTS.contribSource] ?? '', needToKnow: d[INPUTS.contribNeedToKnow] ?? '' },
    });
    if (result.ok) await respondWithCase(context, deps, d.caseId, { kind: 'good', text: nlMessages.ok.contributionAdded });
    else
      await respondToFailure(context, deps, d.caseId, result.error, {
        [INPUTS.contribText]: d[INPUTS.contribText],
        [INPUTS.contribSource]: d[INPUTS.contribSource],
        [INPUTS.contribNeedToKnow]: d[INPUTS.contribNeedToKnow],
      });
    return '';
  });

  const voteHandler = (concern: boolean) => async (context: TurnContext, _state: TurnState, data: Record<string, unknown>) => {
    const parsed = voteDataSchema.safeParse(data);
    if (!parsed.success) return answerInvoke(context, nlMessages.errors.unknownAction).then(() => '');
    const d = parsed.data;
    const input = concern
      ? { concern: true, reason: d[INPUTS.voteReason] ?? '', acuteUnsafe: d[INPUTS.voteAcute] === 'true' }
      : { concern: false };
    const result = await castVote(deps, { caseId: d.caseId, aadObjectId: context.activity.from?.aadObjectId, input });
    if (result.ok)
      await respondWithCase(context, deps, d.caseId, {
        kind: 'good',
        text: concern ? nlMessages.ok.voteConcern : nlMessages.ok.voteNoConcern,
      });
    else await respondToFailure(context, deps, d.caseId, result.error, { [INPUTS.voteReason]: d[INPUTS.voteReason] });
    return '';
  };
  app.adaptiveCards.actionExecute(VERBS.voteConcern, voteHandler(true));
  app.adaptiveCards.actionExecute(VERBS.voteNoConcern, voteHandler(false));

  registerCourseHandlers(app, deps);
  registerVtHandlers(app, deps);

  // Anything else (forged or outdated verbs): a clear Dutch message, nothing changes.
  app.adaptiveCards.actionExecute(/.*/, async (context) => {
    deps.log.warn(
      { verb: String((context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb ?? '').slice(0, 40) },
      'unknown card verb',
    );
    await answerInvoke(context, nlMessages.errors.unknownAction);
    return '';
  });

  app.taskModules.fetch(DIALOGS.details, async (context, _state, data) => {
    const parsed = dialogFetchDataSchema.safeParse(data);
    if (!parsed.success || !parsed.data.caseId) return nlMessages.errors.unknownAction;
    const view = await readCaseDetails(deps, parsed.data.caseId, context.activity.from?.aadObjectId);
    if (!view.ok) return dutchError(view.error);
    return {
      title: nlMessages.chat.detailsDialogTitle,
      width: 'large',
      height: 'large',
      card: CardFactory.adaptiveCard(buildDetailsCard(view.value)),
    };
  });

  // The advice's Details, page by page: "Volgende/Vorige pagina" submit the dialog with the page wanted.
  const adviceDetails = async (context: TurnContext, data: unknown) => {
    const parsed = dialogFetchDataSchema.safeParse(data);
    if (!parsed.success || !parsed.data.caseId) return nlMessages.errors.unknownAction;
    const view = await viewAdvice(deps, parsed.data.caseId, context.activity.from?.aadObjectId);
    if (!view.ok) return dutchError(view.error);
    return {
      title: nlMessages.chat.adviceDialogTitle,
      width: 'large' as const,
      height: 'large' as const,
      card: CardFactory.adaptiveCard(buildAdviceCard({ ...view.value, expanded: true, page: parsed.data.page ?? 0 })),
    };
  };
  app.taskModules.fetch(DIALOGS.adviceDetails, async (context, _state, data) => adviceDetails(context, data));
  app.taskModules.submit(DIALOGS.adviceDetails, async (context, _state, data) => adviceDetails(context, data));

  // "Advies aanpassen" as a dialog (the crowded case card has no room for the inline form).
  app.taskModules.fetch(DIALOGS.editAdvice, async (context, _state, data) => {
    const parsed = dialogFetchDataSchema.safeParse(data);
    if (!parsed.success || !parsed.data.caseId) return nlMessages.errors.unknownAction;
    const view = await viewCase(deps, parsed.data.caseId, context.activity.from?.aadObjectId);
    if (!view.ok) return dutchError(view.error);
    const card = buildAdviceEditDialogCard(view.value);
    if (!card) return nlMessages.advice.alreadySent;
    return { title: nlMessages.chat.adviceDialogTitle, width: 'large', height: 'large', card: CardFactory.adaptiveCard(card) };
  });
  app.taskModules.submit(DIALOGS.editAdvice, async (context, _state, data) => {
    const parsed = adviceEditDataSchema.safeParse(data);
    if (!parsed.success) return nlMessages.errors.unknownAction;
    const result = await draftAdvice(deps, {
      caseId: parsed.data.caseId,
      aadObjectId: context.activity.from?.aadObjectId,
      summary: parsed.data[INPUTS.adviceSummary],
      interventionIds: parsed.data[INPUTS.adviceInterventions],
      details: parsed.data.details,
    });
    return result.ok ? nlMessages.advice.drafted : dutchError(result.error);
  });

  registerNewCaseDialog(app, deps);

  app.message(/^\s*(nieuwe zaak|nieuw)\s*$/i, async (context) => {
    await context.sendActivity(
      MessageFactory.attachment(
        CardFactory.adaptiveCard({
          type: 'AdaptiveCard',
          version: '1.5',
          body: [{ type: 'TextBlock', text: nlMessages.chat.newCasePrompt, wrap: true }],
          actions: [
            {
              type: 'Action.Submit',
              title: nlMessages.chat.newCaseButton,
              data: { msteams: { type: 'task/fetch' }, dialog: DIALOGS.newCase },
            },
          ],
        }),
      ),
    );
  });

  app.message(/^\s*agenda\s*$/i, async (context) => {
    const channelId = (context.activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
    const member = deps.directory.member(context.activity.from?.aadObjectId);
    const location =
      deps.directory.allLocations().find((l) => l.channelId === channelId) ??
      (member ? deps.directory.location(member.locations[0]) : undefined);
    if (!location || !member || !member.locations.includes(location.id)) {
      await context.sendActivity(nlMessages.chat.agendaUnknownLocation);
      return;
    }
    const agenda = await buildAgenda(deps, location);
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(buildAgendaCard(agenda))));
  });

  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity(nlMessages.chat.help);
  });

  app.error(async (context, err) => {
    deps.log.error(
      { type: context.activity.type, name: context.activity.name, err: err instanceof Error ? err.message.slice(0, 300) : 'unknown' },
      'turn failed',
    );
    if (context.activity.type === ActivityTypes.Invoke && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
      await answerInvoke(context, nlMessages.errors.temporary).catch(() => undefined);
    }
  });

  return app;
}
