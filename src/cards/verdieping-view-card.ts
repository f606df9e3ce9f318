import { caseCode } from '../domain/case-code';
import { nlDialogsInline } from '../i18n/nl/dialogs-inline';
import { nlVerdiepingView as t } from '../i18n/nl/verdieping-view';
import { renderActions } from './parts';
import { askedOfYouForms, safetySignalForms } from './safety-signals';
import { renderTemplate } from './template';
import type { AdaptiveCard, CardElement } from './types';
import { VERBS } from './verbs';
import type { CaseCardView } from './view';
import { verdiepingChairControls, verdiepingForms } from './verdieping-card';
import type { ButtonModel, FormModel } from './verdieping-form-model';
import { VD_INPUTS as I, VD_VIEW_VERB, type VerdiepingDraft } from './verdieping-inputs';
import { cardBytes } from './budget';
import { CASE_CARD_LIMITS } from './case-card';
import { nlVerdiepingRules } from '../i18n/nl/verdieping-rules';

/**
 * The verdieping view (cards/verdieping.json): the details and controls of verdieping in a separate
 * personal card (docs/cards.md), opened from the case card's one "Verdiepen" button. Every form
 * keeps the verb and input ids of its command; after a submit the answer is the case card again.
 */
export interface VerdiepingViewModel {
  caseId: string;
  title: string;
  intro: string;
  /** After a refused form: the reason, and that what was typed is still in the form. */
  notice?: { text: string; style: 'good' | 'attention' };
  empty: string;
  sections: { heading: string; forms: CardElement[] }[];
  back: { title: string; verb: string };
}

const section = (heading: string, forms: FormModel[], buttons: ButtonModel[] = []) =>
  forms.length + buttons.length === 0 ? [] : [{ heading, forms: renderActions('verdieping-form', { forms, buttons }) }];

/** A refused form comes back with its notice and what was typed (`draft`, by input id). */
export interface VerdiepingViewExtras {
  notice?: { kind: 'good' | 'attention'; text: string };
  draft?: VerdiepingDraft;
  /** Only the sections that hold the refused form (a long draft on a large case; see buildVerdiepingCard). */
  onlyDraftSections?: boolean;
}

/** The input ids of the chair's horizon form: a draft with one of these belongs to the chair's section. */
const CHAIR_INPUTS: readonly string[] = [I.reason, I.date, I.time, I.note];

export function verdiepingViewModel(view: CaseCardView, extras: VerdiepingViewExtras = {}): VerdiepingViewModel {
  const draft = extras.draft ?? {};
  const chair = verdiepingChairControls(view, draft);
  return {
    caseId: view.case.id,
    title: t.title(`Zaak ${caseCode(view.case.id)}`),
    intro: t.intro,
    ...(extras.notice
      ? {
          notice: {
            text: extras.draft ? `${extras.notice.text} ${nlVerdiepingRules.formKept}` : extras.notice.text,
            style: extras.notice.kind,
          },
        }
      : {}),
    empty: t.empty,
    sections: extras.onlyDraftSections
      ? Object.keys(draft).some((k) => CHAIR_INPUTS.includes(k))
        ? section(t.sections.chair, chair.forms)
        : section(t.sections.reading, verdiepingForms(view, draft))
      : [
          ...section(t.sections.asked, askedOfYouForms(view)),
          ...section(t.sections.reading, verdiepingForms(view, draft)),
          ...section(t.sections.signals, safetySignalForms(view)),
          ...section(t.sections.chair, chair.forms, chair.buttons),
        ],
    back: { title: nlDialogsInline.backToCase, verb: VERBS.open },
  };
}

export function buildVerdiepingCard(view: CaseCardView, extras: VerdiepingViewExtras = {}): AdaptiveCard {
  const full = renderTemplate('cards', 'verdieping', verdiepingViewModel(view, extras));
  // A refused form keeps all its text (up to 5 × 2,000 characters): when that does not fit next to the
  // other forms, only the refused form's section comes back (the others are one "Verdiepen" away).
  if (!extras.draft || cardBytes(full) <= CASE_CARD_LIMITS.maxBytes) return full;
  return renderTemplate('cards', 'verdieping', verdiepingViewModel(view, { ...extras, onlyDraftSections: true }));
}

/** The case card's one "Verdiepen" button (cards/parts/verdieping-open.json), in the card's own action row: where everything of verdieping is done. */
export function verdiepingOpenButton(view: CaseCardView): CardElement[] {
  if (view.case.status === 'closed') return [];
  if (view.viewerOrg === undefined && !view.viewerIsChair && view.verdieping === undefined) return [];
  return renderActions('verdieping-open', { title: t.open, verb: VD_VIEW_VERB, caseId: view.case.id });
}
