import type { PiiKind } from '../domain/pii';
import { nlPrivacy, piiKindList } from '../i18n/nl';
import { renderOne, renderPart } from './parts';
import type { CardElement } from './types';

/**
 * The free-text part (cards/parts/free-text.json): the need-to-know toggle of a form, the mark under
 * an item whose author confirmed identifiers, and the desk's warning about the police summary.
 */
export interface FreeTextModel {
  toggle?: { id: string; title: string };
  mark?: string;
  warning?: string;
}

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
  return renderOne('free-text', { toggle: { id, title: nlPrivacy.piiConfirmToggle } } satisfies FreeTextModel);
}

/** The mark under an item whose author confirmed the need-to-know of identifiers in it. */
export function piiConfirmedMark(kinds: readonly PiiKind[] | undefined): CardElement[] {
  return kinds && kinds.length > 0 ? renderPart('free-text', { mark: nlPrivacy.piiConfirmedMark } satisfies FreeTextModel) : [];
}

/** Warning for the desk in a personal view: the police summary looks like it holds identifiers. */
export function summaryPiiWarning(kinds: readonly PiiKind[] | undefined): CardElement[] {
  return kinds && kinds.length > 0
    ? renderPart('free-text', { warning: nlPrivacy.summaryPiiWarning(piiKindList(kinds)) } satisfies FreeTextModel)
    : [];
}
