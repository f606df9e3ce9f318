import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AppDeps } from '../app/deps';
import { runReportCommand } from '../app/report/command';
import type { CsvLinks } from '../app/report/csv-link';
import { buildReportCard } from '../cards/report-card';
import { nlAftercare } from '../i18n/nl/aftercare';
import { nlReport } from '../i18n/nl/report';
import type { MessageCommand } from './message-commands';

const isPersonal = (context: TurnContext): boolean => context.activity.conversation?.conversationType === 'personal';

/** `rapportage [locatie] [periode]` for the chair and the coordinator, in a personal chat only. */
export const reportMessageCommands = (deps: AppDeps, csvLinks?: CsvLinks): MessageCommand[] => [
  {
    name: 'rapportage',
    pattern: /^rapportage(\s+.*)?$/i,
    run: async (context, text) => {
      if (!isPersonal(context)) return void (await context.sendActivity(nlReport.onlyPersonal));
      const a = await runReportCommand(deps, context.activity.from?.aadObjectId, text, csvLinks);
      switch (a.kind) {
        case 'refused':
          return void (await context.sendActivity(nlReport.refused[a.reason]));
        case 'help':
          return void (await context.sendActivity(nlReport.help));
        case 'unknown_location':
          return void (await context.sendActivity(nlReport.unknownLocation));
        case 'period':
          return void (await context.sendActivity(`${nlAftercare.report.periodErrors[a.error]} ${nlReport.help}`));
        case 'report': {
          const card = buildReportCard({
            period: a.view.period,
            locations: a.view.locations,
            perLocation: a.view.perLocation,
            total: a.view.total,
            ...(a.csvUrl ? { csvUrl: a.csvUrl } : {}),
          });
          return void (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))));
        }
      }
    },
  },
];
