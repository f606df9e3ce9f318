import { nlDialogsInline } from '../i18n/nl/dialogs-inline';
import { nlCards as t } from '../i18n/nl/cards';
import { nlCaseCards } from '../i18n/nl/case-cards';
import { interventionList, openConcernOrgs, proposalLine } from './advice-sections';
import { prefill, type CardDensity } from './case-course';
import { renderPart } from './parts';
import { nlPrivacy } from '../i18n/nl/privacy';
import { orgNames } from './sections';
import { formatAmsterdamShort, minTrimmedLength, plainTruncate, truncate } from './text';
import type { AdaptiveCard, CardElement } from './types';
import { DIALOGS, INPUTS, VERBS } from './verbs';
import type { CaseCardView } from './view';
import { adviceEditModel, buildAdviceEditDialog, type AdviceEditModel } from './advice-edit-dialog';
import { handoverInputs, type CloseFormPart } from './case-closing';
import { nlClosing } from '../i18n/nl/closing';

/**
 * The advice to the OvJ on the case card: "Advies opstellen" while there is none; the concept with
 * "Advies aanpassen" and "Verstuur naar OvJ"; that it was sent; the OvJ's decision and the remaining
 * buikpijn it acknowledged; and, when the OvJ asks what came of it, the form "Wat is ervan gekomen?".
 * Buttons sit in an ActionSet in the body; every form opens inline. Who may draft, send or answer is
 * the bot's check: the buttons are there for everyone.
 */

export const CASE_ADVICE_LIMITS = {
  /** The edit form holds the summary whole: the server replaces the summary with what the form sends. */
  summaryInput: 2000,
  followUpText: 2000,
  followUpMin: 3,
  /** The decision's text, acknowledgement and follow-up answer on the case card (and on the leanest card). */
  decisionText: 300,
  decisionTextLean: 100,
  decisionListLean: 120,
} as const;

type Advice = NonNullable<CaseCardView['advice']>;

/**
 * The advice part of the case card (cards/parts/advice.json). `none`: no advice yet (the draft
 * button); `advice`: the lines of the concept, the sent advice or the decision (null = not shown);
 * each button is there when its key is.
 */
export interface AdvicePartModel {
  caseId: string;
  heading: string;
  none?: { hint: string | null; title: string; verb: string };
  advice?: {
    line: string | null;
    summary: string | null;
    proposal: string | null;
    openConcern: string | null;
    decisionText: string | null;
    ack: string | null;
    answer: string | null;
    asked: string | null;
  };
  editDialog?: { title: string; dialog: string };
  /** Beside the dialog button on the leanest card: the same form in the message itself (Action.Execute). */
  editHere?: { title: string; verb: string };
  editForm?: Pick<AdviceEditModel, 'summary' | 'piiConfirm' | 'interventions' | 'details'> & {
    title: string;
    submit: string;
    verb: string;
  };
  followUp?: {
    title: string;
    textId: string;
    value: string | null;
    label: string;
    placeholder: string | null;
    max: number;
    regex: string;
    error: string;
    closeId: string;
    close: string;
    piiConfirm: { id: string; title: string } | null;
    /** Closing with the answer names who takes the case over (issue 15; case-closing.ts). */
    handover: (Pick<CloseFormPart, 'party' | 'items' | 'note' | 'noneReason'> & { hint: string }) | null;
    submit: string;
    verb: string;
  };
  send?: { title: string; question: string; confirm: string; verb: string };
  view?: { title: string; dialog: string };
}

type Lines = NonNullable<AdvicePartModel['advice']>;
const noLines: Lines = {
  line: null,
  summary: null,
  proposal: null,
  openConcern: null,
  decisionText: null,
  ack: null,
  answer: null,
  asked: null,
};

/**
 * The leanest step of the case card (the only one without confirmations): the advice section then
 * keeps to a few lines and opens "Advies aanpassen" as a dialog, because the inline form must hold
 * the whole summary (up to 2,000 characters) and does not fit a crowded card.
 */
const isLeanest = (d: CardDensity): boolean => !d.confirmations;

const viewAdvice = (): AdvicePartModel['view'] => ({ title: t.advice.view, dialog: DIALOGS.adviceDetails });

/** Whether the case card shows the advice section: an advice exists, or one can be drafted (open case, palette known). */
export function showsAdviceSection(view: CaseCardView): boolean {
  return view.advice !== undefined || (view.palette !== undefined && view.case.status !== 'closed');
}

/** The inline "Advies aanpassen" form: the same inputs as the dialog (the whole summary, the proposal, the details). */
function editForm(view: CaseCardView): AdvicePartModel['editForm'] {
  const m = adviceEditModel(view);
  if (!m) return undefined;
  return {
    title: t.advice.edit,
    summary: m.summary,
    piiConfirm: m.piiConfirm,
    interventions: m.interventions,
    details: m.details,
    submit: t.advice.editSubmit,
    verb: VERBS.editAdvice,
  };
}

function followUpForm(view: CaseCardView, lean: boolean): NonNullable<AdvicePartModel['followUp']> {
  const draft = view.draft;
  return {
    title: t.advice.followUp,
    textId: INPUTS.followUpText,
    value: prefill(draft, INPUTS.followUpText).value ?? null,
    label: t.advice.followUpText,
    placeholder: lean ? null : t.advice.followUpPlaceholder,
    max: CASE_ADVICE_LIMITS.followUpText,
    regex: minTrimmedLength(CASE_ADVICE_LIMITS.followUpMin),
    error: t.advice.followUpError,
    closeId: INPUTS.followUpClose,
    close: t.advice.followUpClose,
    // The need-to-know toggle appears once the server refused the text for identifiers (see free-text.ts).
    piiConfirm:
      draft && Object.hasOwn(draft, INPUTS.followUpPiiConfirm)
        ? { id: INPUTS.followUpPiiConfirm, title: nlPrivacy.piiConfirmToggle }
        : null,
    // The leanest card has no room for the handover: there the chair closes from the close view.
    handover: lean ? null : { hint: nlClosing.form.afterFollowUp, ...handoverInputs(view, view.location) },
    submit: t.advice.followUpSubmit,
    verb: VERBS.followUp,
  };
}

/**
 * "Verstuur naar OvJ" asks first (the OvJ gets the advice as it stands, and it can no longer be
 * edited): the same input in every client, inline (Action.ShowCard), no dialog needed. Only the
 * leanest card, which has no room for confirmations, sends at once.
 */
function conceptPart(view: CaseCardView, advice: Advice, d: CardDensity): Partial<AdvicePartModel> {
  const draft = advice.draft;
  const open = view.case.status !== 'closed';
  const lean = isLeanest(d);
  const proposal = proposalLine(draft.interventions, view.palette ?? []);
  const lines: Lines = {
    ...noLines,
    line: t.advice.caseConcept(draft.version, formatAmsterdamShort(draft.composedAt, view.now)),
    summary: draft.summary.trim() && !lean ? plainTruncate(draft.summary, d.summary) : null,
    proposal: lean ? null : proposal ? t.advice.caseProposal(proposal) : t.advice.caseProposalNone,
    openConcern: draft.openConcern.length > 0 ? t.advice.caseOpenConcern(orgNames(openConcernOrgs(draft), lean)) : null,
  };
  if (!open) return { advice: lines, view: viewAdvice() };
  const send = {
    title: t.advice.send,
    question: nlCaseCards.confirmSend.question,
    confirm: nlCaseCards.confirmSend.confirm,
    verb: VERBS.sendAdvice,
  };
  // The leanest card has no room for the form: the dialog, and the same form in the message itself
  // ("Hier aanpassen") for clients that cannot open a dialog.
  const edit = lean
    ? {
        editDialog: { title: t.advice.edit, dialog: DIALOGS.editAdvice },
        editHere: { title: nlDialogsInline.editAdvice.hereButton, verb: VERBS.editAdviceHere },
      }
    : { editForm: editForm(view) };
  return { advice: lines, ...edit, send, view: viewAdvice() };
}

function sentPart(view: CaseCardView, advice: Advice): Partial<AdvicePartModel> {
  const at = formatAmsterdamShort(advice.sentAt ?? advice.draft.composedAt, view.now);
  const proposal = proposalLine(advice.draft.interventions, view.palette ?? []);
  return {
    advice: { ...noLines, line: t.advice.caseSent(at), proposal: proposal ? t.advice.caseProposal(proposal) : null },
    view: viewAdvice(),
  };
}

function decidedPart(view: CaseCardView, advice: Advice, d: CardDensity): Partial<AdvicePartModel> {
  const decision = advice.decision;
  const f = advice.followUp;
  const lean = isLeanest(d);
  const max = lean ? CASE_ADVICE_LIMITS.decisionTextLean : CASE_ADVICE_LIMITS.decisionText;
  const lines: Lines = { ...noLines };
  if (decision) {
    const labels = interventionList(decision.interventions, view.palette ?? []) || t.advice.decisionNone;
    const list = lean ? truncate(labels, CASE_ADVICE_LIMITS.decisionListLean) : labels;
    lines.line = t.advice.caseDecided(formatAmsterdamShort(decision.at, view.now), list);
    if (decision.freeText && !lean) lines.decisionText = t.advice.decisionTextLine(plainTruncate(decision.freeText, max));
    if (decision.concernAcknowledgement) {
      const orgs = openConcernOrgs(advice.draft);
      const ack = plainTruncate(decision.concernAcknowledgement, max);
      lines.ack = orgs.length > 0 ? t.advice.decisionAck(orgNames(orgs, lean), ack) : t.advice.decisionAckNoOrgs(ack);
    }
  }
  if (f?.answer && f.answeredAt)
    lines.answer = t.advice.followUpAnswer(formatAmsterdamShort(f.answeredAt, view.now), plainTruncate(f.answer, max));
  const asked = f?.askedAt !== undefined && f.answeredAt === undefined && view.case.status !== 'closed';
  if (asked && f?.askedAt && !lean) lines.asked = t.advice.followUpAsked(formatAmsterdamShort(f.askedAt, view.now));
  // The leanest card leaves "Advies bekijken" out here: the decision itself is on the card.
  return { advice: lines, ...(asked ? { followUp: followUpForm(view, lean) } : {}), ...(lean ? {} : { view: viewAdvice() }) };
}

/** The advice section of the case card (after the actions, before the chair's controls). */
export function adviceSection(view: CaseCardView, d: CardDensity): CardElement[] {
  if (!showsAdviceSection(view)) return [];
  const advice = view.advice;
  const base = { caseId: view.case.id, heading: t.advice.caseHeading };
  if (!advice) {
    return renderPart('advice', {
      ...base,
      none: { hint: d.hints ? t.advice.caseNone : null, title: t.advice.draft, verb: VERBS.draftAdvice },
    } satisfies AdvicePartModel);
  }
  const part =
    advice.status === 'draft'
      ? conceptPart(view, advice, d)
      : advice.status === 'sent'
        ? sentPart(view, advice)
        : decidedPart(view, advice, d);
  return renderPart('advice', { ...base, ...part } satisfies AdvicePartModel);
}

/**
 * The "Advies aanpassen" dialog (task/fetch DIALOGS.editAdvice), for the leanest case card: the same
 * inputs as the inline form; its Action.Submit sends `{ dialog, caseId, adviceSummary,
 * adviceInterventions }` as the dialog's submit (the bot hands that to VERBS.editAdvice's handler).
 */
export function buildAdviceEditDialogCard(view: Pick<CaseCardView, 'case' | 'palette' | 'draft' | 'advice'>): AdaptiveCard | undefined {
  return buildAdviceEditDialog(view); // laid out by dialogs/advice-edit.json
}
