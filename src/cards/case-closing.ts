import { HANDED_OVER_ITEMS, MAX_HANDOVER_TEXT, type Handover } from '../domain/aftercare/handover';
import { unplacedOf } from '../domain/decisions/close-decisions';
import type { CaseClosure } from '../domain/escalation-record';
import type { Location } from '../domain/roster';
import { canClose, CLOSE_DESPITE_CONCERN_MIN_REASON, concernedOrgs, MAX_REASON } from '../domain/rounds';
import { personRefs } from '../domain/verdieping/common';
import { nlAftercare } from '../i18n/nl/aftercare';
import { nlCards as t } from '../i18n/nl/cards';
import { nlClosing as n } from '../i18n/nl/closing';
import { personLabel } from '../i18n/nl/verdieping';
import { orgNames } from './sections';
import { minTrimmedLength, plainTruncate } from './text';
import { INPUTS, VERBS } from './verbs';
import { bindTemplate } from './bind';
import type { AdaptiveCard } from './types';
import { caseCode } from '../domain/case-code';
import { nlDialogsInline } from '../i18n/nl/dialogs-inline';
import { nlCloseView } from '../i18n/nl/close-view';
import type { CaseCardView } from './view';

/**
 * Closing with a handover (issue 15) under the safety plan's closing rule (issue 14): the chair's one
 * close form (cards/parts/case-chair.json, `closeForm`) and the handover lines of a closed case
 * (cards/parts/case-closure.json, `handover`).
 */

interface Choice {
  title: string;
  value: string;
}

/** The model of the chair's close form: normal ("Zaak sluiten") or "Sluiten ondanks …" with its reason. */
export interface CloseFormPart {
  title: string;
  concern: string | null;
  unplaced: string | null;
  reason: {
    inputId: string;
    value: string | null;
    label: string;
    placeholder: string;
    maxLength: number;
    regex: string;
    errorMessage: string;
  } | null;
  party: { id: string; value: string | null; label: string; placeholder: string; errorMessage: string; choices: Choice[] };
  items: { id: string; value: string | null; label: string; choices: Choice[] };
  note: { id: string; value: string | null; label: string; placeholder: string; maxLength: number };
  noneReason: { id: string; value: string | null; label: string; placeholder: string; maxLength: number };
  submit: string;
  verb: string;
  style: 'destructive' | null;
}

const draftValue = (view: CaseCardView, id: keyof NonNullable<CaseCardView['draft']>, max: number): string | null => {
  const v = view.draft?.[id];
  return v ? v.slice(0, max) : null;
};

/** The persons without a safety holder, as labels ("kind, 13 jr"); empty when the rule does not apply. */
export function unplacedLabels(view: Pick<CaseCardView, 'case' | 'verdiepingDocs'>): string[] {
  const all = personRefs(view.case.persons);
  const unplaced = new Set(unplacedOf(view.case, view.verdiepingDocs));
  return all.filter((p) => unplaced.has(p.ref)).map((p) => personLabel(p, all));
}

/**
 * The close form, for an open case: "Zaak sluiten" when the domain allows a normal close (round closed,
 * no standing buikpijn, safety placed); "Sluiten ondanks …" with the chair's reason when buikpijn
 * stands or a person has no safety holder; none while the round is open without buikpijn (close the
 * round first). Both name who takes the case over.
 */
export function closeFormModel(view: CaseCardView): CloseFormPart | null {
  const concern = concernedOrgs(view.votes, view.case.round);
  const unplaced = unplacedLabels(view);
  const roundsOk = canClose(view.votes, view.case.rounds ?? []).ok;
  const despite = concern.length > 0 || unplaced.length > 0;
  if (!despite && !roundsOk) return null;
  const what =
    concern.length > 0 && unplaced.length > 0 ? n.form.despiteBoth : concern.length > 0 ? n.form.despiteBuikpijn : n.form.despiteSafety;
  return {
    title: despite ? n.form.despiteTitle(what) : n.form.title,
    concern: concern.length > 0 ? n.form.concernLine(orgNames(concern)) : null,
    unplaced: unplaced.length > 0 ? n.form.unplacedLine(unplaced.join(', ')) : null,
    reason: despite
      ? {
          inputId: INPUTS.closeReason,
          value: draftValue(view, INPUTS.closeReason, MAX_REASON),
          label: t.chair.closeReason,
          placeholder: t.chair.closeReasonPlaceholder,
          maxLength: MAX_REASON,
          regex: minTrimmedLength(CLOSE_DESPITE_CONCERN_MIN_REASON),
          errorMessage: t.chair.closeReasonError(CLOSE_DESPITE_CONCERN_MIN_REASON),
        }
      : null,
    ...handoverInputs(view, view.location),
    submit: despite ? n.form.despiteSubmit : n.form.submit,
    verb: despite ? VERBS.closeDespiteConcern : VERBS.closeCase,
    style: despite ? 'destructive' : null,
  };
}

/** The chair's button that opens the close view: "Zaak sluiten…" or "Sluiten ondanks …"; none while closing cannot be done. */
export function closeOpenButton(view: CaseCardView): { title: string; verb: string } | null {
  const form = closeFormModel(view);
  return form ? { title: `${form.title}…`, verb: VERBS.closeForm } : null;
}

/** cards/close-form.json: the close view, with the reason of a refusal on top and what was typed kept. */
export interface CloseViewModel {
  caseId: string;
  title: string;
  intro: string;
  notice: { style: 'attention' | 'good'; text: string } | null;
  form: CloseFormPart | null;
  /** Above the note and the reason for no handover, which follow the close button (first screen, issue 12). */
  optionalHeading: string;
  nothing: string | null;
  back: { title: string; verb: string };
}

export function closeViewModel(view: CaseCardView): CloseViewModel {
  const full = view.case.status === 'open' ? closeFormModel(view) : null;
  // The reason is one line here (first screen, issue 12): a placeholder that fits it.
  const form = full?.reason ? { ...full, reason: { ...full.reason, placeholder: nlCloseView.reasonPlaceholder } } : full;
  return {
    caseId: view.case.id,
    title: n.view.title(caseCode(view.case.id)),
    intro: n.view.intro,
    notice: view.notice ? { style: view.notice.kind === 'good' ? 'good' : 'attention', text: view.notice.text } : null,
    form,
    optionalHeading: nlCloseView.optionalHeading,
    nothing: form ? null : view.case.status === 'open' ? n.view.nothing : n.view.closed,
    back: { title: nlDialogsInline.backToCase, verb: VERBS.open },
  };
}

export function buildCloseFormCard(view: CaseCardView): AdaptiveCard {
  return bindTemplate('cards', 'close-form', closeViewModel(view));
}

/** The handover inputs (party, items, note, reason for none), shared by the chair's form and the follow-up's close. */
export function handoverInputs(view: CaseCardView, location: Location): Pick<CloseFormPart, 'party' | 'items' | 'note' | 'noneReason'> {
  return {
    party: {
      id: INPUTS.handoverParty,
      value: draftValue(view, INPUTS.handoverParty, 64),
      label: n.form.party,
      placeholder: n.form.partyPlaceholder,
      errorMessage: n.form.partyError,
      choices: location.aftercare.receivingParties.map((p) => ({ title: p.label, value: p.id })),
    },
    items: {
      id: INPUTS.handoverItems,
      value: draftValue(view, INPUTS.handoverItems, 200),
      label: n.form.items,
      choices: HANDED_OVER_ITEMS.map((i) => ({ title: nlAftercare.handover.item[i], value: i })),
    },
    note: {
      id: INPUTS.handoverNote,
      value: draftValue(view, INPUTS.handoverNote, MAX_HANDOVER_TEXT),
      label: n.form.note,
      placeholder: n.form.notePlaceholder,
      maxLength: MAX_HANDOVER_TEXT,
    },
    noneReason: {
      id: INPUTS.handoverNoneReason,
      value: draftValue(view, INPUTS.handoverNoneReason, MAX_HANDOVER_TEXT),
      label: n.form.noneReason,
      placeholder: n.form.noneReasonPlaceholder,
      maxLength: MAX_HANDOVER_TEXT,
    },
  };
}

/** The receiving party's label from the location's configuration (its id when no longer configured). */
export function partyLabel(h: Handover, location: Location | undefined): string {
  return location?.aftercare.receivingParties.find((p) => p.id === h.partyId)?.label ?? nlAftercare.handover.kind[h.kind] ?? h.partyId;
}

/** The handover lines of a closed case: to whom and what (or why nobody), the note, and persons without a safety holder. */
export function closureHandoverLines(closure: CaseClosure, view: Pick<CaseCardView, 'case' | 'location'>, noteMax = 300): string[] {
  const h = closure.handover;
  const all = personRefs(view.case.persons);
  const unplaced = (closure.unplacedSafety ?? []).map((ref) => {
    const p = all.find((x) => x.ref === ref);
    return p ? personLabel(p, all) : ref;
  });
  return [
    ...(h
      ? h.kind === 'none'
        ? [n.card.handoverNone(plainTruncate(h.noneReason ?? '', noteMax))]
        : [n.card.handoverTo(partyLabel(h, view.location), h.handedOver.map((i) => nlAftercare.handover.item[i].toLowerCase()).join(', '))]
      : []),
    ...(h?.note ? [n.card.note(plainTruncate(h.note, noteMax))] : []),
    ...(unplaced.length > 0 ? [n.card.despiteSafety(unplaced.join(', '))] : []),
  ];
}
