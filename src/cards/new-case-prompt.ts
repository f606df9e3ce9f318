import { nlMessages } from '../i18n/nl/messages';
import { nlDialogsInline } from '../i18n/nl/dialogs-inline';
import { bindTemplate } from './bind';
import { buildNewCaseCard, type NewCaseCardOptions } from './new-case-card';
import type { AdaptiveCard } from './types';
import { DIALOGS } from './verbs';

/** What `cards/new-case-prompt.json` binds: the reply to `nieuwe zaak`. */
export interface NewCasePromptModel {
  prompt: string;
  inlineHint: string;
  dialogButton: string;
  dialog: string;
  inlineButton: string;
  /**
   * The same form as the dialog (dialogs/new-case.json), submitting inline with an Action.Execute
   * verb; as the card of an Action.ShowCard it carries no `version` or `$schema` of its own.
   */
  form: Omit<AdaptiveCard, 'version' | '$schema'>;
}

function inlineCard(card: AdaptiveCard): NewCasePromptModel['form'] {
  const { version, $schema, ...inline } = card;
  void version;
  void $schema;
  return inline;
}

/**
 * The reply to `nieuwe zaak`: the dialog button, and the same form inline behind "Hier invullen"
 * (Action.ShowCard) for clients that cannot open a dialog. Both submit to the same intake.
 */
export function buildNewCasePromptCard(opts: NewCaseCardOptions & { inlineVerb: string }): AdaptiveCard {
  const model: NewCasePromptModel = {
    prompt: nlMessages.chat.newCasePrompt,
    inlineHint: nlDialogsInline.newCase.inlineHint,
    dialogButton: nlMessages.chat.newCaseButton,
    dialog: DIALOGS.newCase,
    inlineButton: nlDialogsInline.newCase.inlineButton,
    form: inlineCard(buildNewCaseCard(opts)),
  };
  return bindTemplate('cards', 'new-case-prompt', model);
}
