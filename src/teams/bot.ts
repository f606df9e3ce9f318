import { ActivityTypes, CardFactory, INVOKE_RESPONSE_KEY, MessageFactory, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { readCaseDetails, viewCase } from '../views/case-view';
import type { ServiceUrlAllowlist } from '../domain/service-urls';
import type { AppDeps } from '../app/deps';
import { buildDetailsCard } from '../cards/details-card';
import { DIALOGS, dialogFetchDataSchema, INPUTS, adviceEditDialogSubmitSchema } from '../cards/verbs';
import { nlMessages, nlTrust } from '../i18n/nl';
import { captureConversationRef } from './conversation-refs';
import { dutchError } from './errors-nl';
import { answerInvoke, parseInvokeData } from './invoke-response';
import { errorClass, knownActivityType, knownInvokeName } from './log-safe';
import { courseCardVerbs } from './course-handlers';
import { aftercareCardVerbs } from './aftercare-verbs';
import { registerCardVerbs } from './card-verbs';
import { caseCardVerbs } from './case-verbs';
import { verdiepingReadingVerbs } from './verdieping-verbs';
import { safetyCardVerbs } from './safety-verbs';
import { vtCardVerbs, vtMessageCommands } from './vt-handlers';
import { viewAdvice } from '../jobs/advice-jobs';
import { buildAdviceCard } from '../cards/advice-card';
import { buildAdviceEditDialogCard } from '../cards/case-advice';
import { draftAdvice } from '../app/advice/advice';
import { buildAgenda } from '../jobs/course-timers';
import { buildAgendaCard } from '../cards/agenda-card';
import { buildNewCasePromptCard, registerNewCaseDialog } from './new-case-dialog';
import { inlineDialogVerbs } from './inline-dialog-verbs';
import { privacyCardVerbs, privacyMessageCommands } from './privacy-handlers';
import { registerMessageCommands, type MessageCommand } from './message-commands';
import { reportMessageCommands } from './report-handlers';
import type { CsvLinks } from '../app/report/csv-link';
import { countEvent, EVENTS } from '../telemetry';

export function createBot(
  deps: AppDeps,
  adapter: TeamsAdapter,
  opts: { botAppId?: string; allowedTenants: string[]; serviceUrls: ServiceUrlAllowlist; reportCsv?: CsvLinks },
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
    // A reply within a turn goes to the activity's serviceUrl: a turn from anywhere else is not served
    // (with an app id the token already binds the serviceUrl; in local mode nothing else would stop it).
    if (!opts.serviceUrls.allows(context.activity.serviceUrl)) {
      deps.log.warn({ type: knownActivityType(context.activity.type) }, 'activity with a serviceUrl outside the allowlist refused');
      if (context.activity.type === ActivityTypes.Invoke) await answerInvoke(context, nlMessages.errors.unknownAction);
      return false;
    }
    const tenant =
      context.activity.conversation?.tenantId ?? (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    if (opts.allowedTenants.length > 0 && (!tenant || !opts.allowedTenants.includes(tenant))) {
      countEvent(EVENTS.turnRefused, { why: 'tenant' });
      deps.log.warn(
        { type: knownActivityType(context.activity.type), event: EVENTS.turnRefused, why: 'tenant' },
        'activity from a tenant outside the allowlist ignored',
      );
      return false;
    }
    // The turn got here authenticated (Bot Framework JWT with an app id; local mode has no other proof).
    await captureConversationRef(context, deps, opts.serviceUrls);
    return true;
  });

  // The new-case dialog and its inline form (for clients without dialogs; its own parse, like the dialog's
  // submit). Before the table: the table ends with the catch-all for forged or outdated verbs.
  registerNewCaseDialog(app, deps);
  // Every card verb in one table, registered by one loop (src/teams/card-verbs.ts), then the catch-all.
  registerCardVerbs(app, deps, [
    ...caseCardVerbs(deps),
    ...courseCardVerbs(deps),
    ...vtCardVerbs(deps),
    ...privacyCardVerbs(deps),
    ...inlineDialogVerbs(deps),
    ...verdiepingReadingVerbs(deps),
    ...safetyCardVerbs(deps),
    ...aftercareCardVerbs(deps),
  ]);

  const dialogData = async (
    context: TurnContext,
    dialog: string,
    data: unknown,
  ): Promise<{ caseId: string; page?: number } | { refusal: string }> => {
    const said: string[] = [];
    const d = await parseInvokeData(context, deps, dialog, dialogFetchDataSchema, data, async (text) => said.push(text));
    return d?.caseId
      ? { caseId: d.caseId, ...(d.page !== undefined ? { page: d.page } : {}) }
      : { refusal: said[0] ?? nlMessages.errors.unknownAction };
  };

  app.taskModules.fetch(DIALOGS.details, async (context, _state, data) => {
    const parsed = await dialogData(context, DIALOGS.details, data);
    if ('refusal' in parsed) return parsed.refusal;
    const view = await readCaseDetails(deps, parsed.caseId, context.activity.from?.aadObjectId);
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
    const parsed = await dialogData(context, DIALOGS.adviceDetails, data);
    if ('refusal' in parsed) return parsed.refusal;
    const view = await viewAdvice(deps, parsed.caseId, context.activity.from?.aadObjectId);
    if (!view.ok) return dutchError(view.error);
    return {
      title: nlMessages.chat.adviceDialogTitle,
      width: 'large' as const,
      height: 'large' as const,
      card: CardFactory.adaptiveCard(buildAdviceCard({ ...view.value, expanded: true, page: parsed.page ?? 0 })),
    };
  };
  app.taskModules.fetch(DIALOGS.adviceDetails, async (context, _state, data) => adviceDetails(context, data));
  app.taskModules.submit(DIALOGS.adviceDetails, async (context, _state, data) => adviceDetails(context, data));

  // "Advies aanpassen" as a dialog (the crowded case card has no room for the inline form).
  app.taskModules.fetch(DIALOGS.editAdvice, async (context, _state, data) => {
    const parsed = await dialogData(context, DIALOGS.editAdvice, data);
    if ('refusal' in parsed) return parsed.refusal;
    const view = await viewCase(deps, parsed.caseId, context.activity.from?.aadObjectId);
    if (!view.ok) return dutchError(view.error);
    const card = buildAdviceEditDialogCard(view.value);
    if (!card) return nlMessages.advice.alreadySent;
    return { title: nlMessages.chat.adviceDialogTitle, width: 'large', height: 'large', card: CardFactory.adaptiveCard(card) };
  });
  app.taskModules.submit(DIALOGS.editAdvice, async (context, _state, data) => {
    const said: string[] = [];
    const d = await parseInvokeData(context, deps, DIALOGS.editAdvice, adviceEditDialogSubmitSchema, data, async (text) => said.push(text));
    if (d === undefined) return said[0] ?? nlMessages.errors.unknownAction;
    const result = await draftAdvice(deps, {
      caseId: d.caseId,
      aadObjectId: context.activity.from?.aadObjectId,
      summary: d[INPUTS.adviceSummary],
      interventionIds: d[INPUTS.adviceInterventions],
      piiConfirm: d[INPUTS.advicePiiConfirm] === 'true',
      details: d.details,
    });
    return result.ok ? nlMessages.advice.drafted : dutchError(result.error);
  });

  // Every message command in one table, registered by one loop (src/teams/message-commands.ts). Mentions
  // are removed before matching: "agenda" works with or without "@ZSM HG" in the channel.
  const newCaseCommand: MessageCommand = {
    name: 'nieuwe zaak',
    pattern: /^(nieuwe zaak|nieuw)$/i,
    run: async (context) => {
      const member = deps.directory.member(context.activity.from?.aadObjectId);
      const locations = deps.directory
        .allLocations()
        .filter((l) => member?.locations.includes(l.id))
        .map((l) => ({ id: l.id, name: l.name }));
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(buildNewCasePromptCard(locations))));
    },
  };

  // The agenda only where its readers are all on the roster: the location's own channel, or the
  // member's personal chat. Never in a group chat or another team's channel.
  const agendaCommand: MessageCommand = {
    name: 'agenda',
    pattern: /^agenda$/i,
    run: async (context) => {
      const channelId = (context.activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
      const kind = context.activity.conversation?.conversationType;
      const member = deps.directory.member(context.activity.from?.aadObjectId);
      if (kind !== 'personal' && !channelId) {
        await context.sendActivity(nlTrust.agendaOnlyChannelOrPersonal);
        return;
      }
      const location = channelId
        ? deps.directory.allLocations().find((l) => l.channelId === channelId)
        : member
          ? deps.directory.location(member.locations[0])
          : undefined;
      if (!location || !member || !member.locations.includes(location.id)) {
        await context.sendActivity(nlMessages.chat.agendaUnknownLocation);
        return;
      }
      const agenda = await buildAgenda(deps, location);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(buildAgendaCard(agenda))));
    },
  };

  registerMessageCommands(app, [
    newCaseCommand,
    agendaCommand,
    ...privacyMessageCommands(deps),
    ...vtMessageCommands(deps),
    ...reportMessageCommands(deps, opts.reportCsv),
  ]);

  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity(nlMessages.chat.help);
  });

  app.error(async (context, err) => {
    deps.log.error(
      { type: knownActivityType(context.activity.type), name: knownInvokeName(context.activity.name), err: errorClass(err) },
      'turn failed',
    );
    if (context.activity.type === ActivityTypes.Invoke && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
      await answerInvoke(context, nlMessages.errors.temporary).catch(() => undefined);
    }
  });

  return app;
}
