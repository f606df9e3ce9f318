import { nlPrivacy } from '../i18n/nl/privacy';
import { bindTemplate } from './bind';
import type { AdaptiveCard } from './types';

/** What `cards/erase-confirm.json` binds: the privacy officer's confirmation before a case is erased. */
export interface EraseConfirmModel {
  question: string;
  button: string;
  verb: string;
  caseId: string;
}

/** The confirmation card of `wis <zaakcode>`: the case code in the question, the case id only in the button's data. */
export function buildEraseConfirmCard(opts: { caseId: string; shown: string; verb: string }): AdaptiveCard {
  const model: EraseConfirmModel = {
    question: nlPrivacy.chat.eraseConfirm(opts.shown),
    button: nlPrivacy.chat.eraseButton,
    verb: opts.verb,
    caseId: opts.caseId,
  };
  return bindTemplate('cards', 'erase-confirm', model);
}
