import { randomUUID } from 'node:crypto';
import { CardFactory } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AppDeps } from '../app/deps';
import { intakeCase } from '../app/intake-case';
import { buildNewCaseCard, NEW_CASE_INPUTS, parseNewCaseForm } from '../cards/new-case-card';
import { buildNewCasePromptCard as buildPromptCard } from '../cards/new-case-prompt';
import type { AdaptiveCard } from '../cards/types';
import { DIALOGS } from '../cards/verbs';
import { nlMessages } from '../i18n/nl';
import { dutchError } from './errors-nl';
import { answerInvoke } from './invoke-response';

/** The inline "Nieuwe zaak" form's verb (Action.Execute works where a dialog cannot open). */
export const NEW_CASE_INLINE_VERB = 'newCase.inline';

type Locations = { id: string; name: string }[];

/**
 * The reply to `nieuwe zaak` (cards/new-case-prompt.json): the dialog button, and the same form
 * inline behind "Hier invullen" for clients that cannot open a dialog. Both submit to the same intake.
 */
export function buildNewCasePromptCard(
  locations: Locations,
  inline: { error?: string; values?: Record<string, string> } = {},
): AdaptiveCard {
  return buildPromptCard({ locations, inlineVerb: NEW_CASE_INLINE_VERB, ...inline });
}

/** "Nieuwe zaak": desk staff start a case from Teams. Dialogs are covered by HTTP tests (the Playground opens none). */
export function registerNewCaseDialog(app: Application<TurnState>, deps: AppDeps): void {
  const locationsOf = (aadObjectId: string | undefined): Locations => {
    const member = deps.directory.member(aadObjectId);
    return deps.directory
      .allLocations()
      .filter((l) => member?.locations.includes(l.id))
      .map((l) => ({ id: l.id, name: l.name }));
  };

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

  // The inline form: the same parse and intake as the dialog. The answer replaces the message; the typed
  // values come back only in a personal chat (in a channel, others would see them).
  app.adaptiveCards.actionExecute(NEW_CASE_INLINE_VERB, async (context, _state, data) => {
    const aad = context.activity.from?.aadObjectId;
    const member = deps.directory.member(aad);
    if (!member) return answerInvoke(context, nlMessages.errors.notOnRoster).then(() => '');
    const raw: Record<string, unknown> = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    const personal = context.activity.conversation?.conversationType === 'personal';
    const again = (error: string) =>
      answerInvoke(context, buildNewCasePromptCard(locationsOf(aad), { error, ...(personal ? { values: typedValues(raw) } : {}) }));
    const form = parseNewCaseForm(raw, deps.clock.now(), `teams-${randomUUID()}`);
    if (!form.ok) return again(form.errors.join(' ')).then(() => '');
    const result = await intakeCase(deps, form.intake, { kind: 'member', aadObjectId: member.aadObjectId });
    if (!result.ok) return again(dutchError(result.error)).then(() => '');
    await answerInvoke(context, nlMessages.ok.caseCreated);
    return '';
  });
}

/** The form's own fields, as strings (to show the form again); nothing else from the submit. */
function typedValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of Object.values(NEW_CASE_INPUTS)) {
    const v = raw[id];
    if (typeof v === 'string' && v.length <= 2000) out[id] = v;
  }
  return out;
}
