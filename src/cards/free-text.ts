import type { PiiKind } from '../domain/pii';
import { nlPrivacy, piiKindList } from '../i18n/nl';
import { text } from './elements';
import type { CardElement } from './types';

/**
 * The "need-to-know" toggle of a form with free text: with it on, likely identifiers are stored
 * (marked, audited). It appears once the server refused the text for identifiers (the draft then
 * carries the toggle's id), so the author first gets the chance to remove them, and a crowded card
 * does not carry it for everyone.
 */
export function piiConfirmToggles(draft: Partial<Record<string, string>> | undefined, id: string): CardElement[] {
  return draft && Object.hasOwn(draft, id) ? [piiConfirmToggle(id)] : [];
}

export function piiConfirmToggle(id: string): CardElement {
  // valueOn "true", valueOff "false" and unchecked are the schema defaults; left out to save card bytes.
  return { type: 'Input.Toggle', id, title: nlPrivacy.piiConfirmToggle };
}

/** The mark under an item whose author confirmed the need-to-know of identifiers in it. */
export function piiConfirmedMark(kinds: readonly PiiKind[] | undefined): CardElement[] {
  return kinds && kinds.length > 0 ? [text(nlPrivacy.piiConfirmedMark, { size: 'small', color: 'warning', spacing: 'none' })] : [];
}

/** Warning for the desk in a personal view: the police summary looks like it holds identifiers. */
export function summaryPiiWarning(kinds: readonly PiiKind[] | undefined): CardElement[] {
  return kinds && kinds.length > 0
    ? [text(nlPrivacy.summaryPiiWarning(piiKindList(kinds)), { size: 'small', color: 'warning', spacing: 'small' })]
    : [];
}
