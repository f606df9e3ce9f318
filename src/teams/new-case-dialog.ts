import { randomUUID } from 'node:crypto';
import { CardFactory } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AppDeps } from '../app/deps';
import { intakeCase } from '../app/intake-case';
import { buildNewCaseCard, parseNewCaseForm } from '../cards/new-case-card';
import { DIALOGS } from '../cards/verbs';
import { nlMessages } from '../i18n/nl';
import { dutchError } from './errors-nl';

/** "Nieuwe zaak": desk staff start a case from Teams. Dialogs are covered by HTTP tests (the Playground opens none). */
export function registerNewCaseDialog(app: Application<TurnState>, deps: AppDeps): void {
  const formFor = (aadObjectId: string | undefined, error?: string) => {
    const member = deps.directory.member(aadObjectId);
    const locations = deps.directory.allLocations().filter((l) => member?.locations.includes(l.id));
    return {
      title: nlMessages.chat.newCaseDialogTitle,
      width: 'large' as const,
      height: 'large' as const,
      card: CardFactory.adaptiveCard(
        buildNewCaseCard({ locations: locations.map((l) => ({ id: l.id, name: l.name })), ...(error ? { error } : {}) }),
      ),
    };
  };

  app.taskModules.fetch(DIALOGS.newCase, async (context) => {
    const member = deps.directory.member(context.activity.from?.aadObjectId);
    if (!member) return nlMessages.errors.notOnRoster;
    return formFor(member.aadObjectId);
  });

  app.taskModules.submit(DIALOGS.newCase, async (context, _state, data) => {
    const aad = context.activity.from?.aadObjectId;
    const member = deps.directory.member(aad);
    if (!member) return nlMessages.errors.notOnRoster;
    const form = parseNewCaseForm(data, deps.clock.now(), `teams-${randomUUID()}`);
    if (!form.ok) return formFor(aad, form.errors.join(' '));
    const result = await intakeCase(deps, form.intake, { kind: 'member', aadObjectId: member.aadObjectId });
    if (!result.ok) return formFor(aad, dutchError(result.error));
    return nlMessages.ok.caseCreated;
  });
}
