import { nlCards as t } from '../i18n/nl/cards';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { nlCaseCards } from '../i18n/nl/case-cards';
import {
  interventionChoices,
  interventionDetailInputs,
  interventionList,
  openConcernOrgs,
  proposalLine,
  proposedValue,
} from './advice-sections';
import { prefill, type CardDensity } from './case-course';
import { actionSet, container, heading, text } from './elements';
import { orgNames } from './sections';
import { formatAmsterdamShort, minTrimmedLength, plainTruncate, truncate } from './text';
import type { AdaptiveCard, CardElement } from './types';
import { DIALOGS, INPUTS, VERBS } from './verbs';
import type { CaseCardView } from './view';
import { piiConfirmToggle, piiConfirmToggles } from './free-text';
import { buildAdviceEditDialog } from './advice-edit-dialog';

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

const execute = (title: string, verb: string, caseId: string, extra: Record<string, unknown> = {}): CardElement => ({
  type: 'Action.Execute',
  title,
  verb,
  data: { caseId },
  associatedInputs: 'none',
  ...extra,
});

/** "Verstuur naar OvJ" asks for a confirmation first, inline (works in every client). */
function confirmSend(caseId: string): CardElement {
  return {
    type: 'Action.ShowCard',
    title: t.advice.send,
    card: {
      type: 'AdaptiveCard',
      body: [text(nlCaseCards.confirmSend.question, { weight: 'bolder' })],
      actions: [execute(nlCaseCards.confirmSend.confirm, VERBS.sendAdvice, caseId, { style: 'positive' })],
    },
  };
}

const viewAdvice = (caseId: string): CardElement => ({
  type: 'Action.Submit',
  title: t.advice.view,
  data: { msteams: { type: 'task/fetch' }, dialog: DIALOGS.adviceDetails, caseId },
  associatedInputs: 'none',
});

/**
 * The leanest step of the case card (the only one without confirmations): the advice section then
 * keeps to a few lines and opens "Advies aanpassen" as a dialog, because the inline form must hold
 * the whole summary (up to 2,000 characters) and does not fit a crowded card.
 */
const isLeanest = (d: CardDensity): boolean => !d.confirmations;

const editDialog = (caseId: string): CardElement => ({
  type: 'Action.Submit',
  title: t.advice.edit,
  data: { msteams: { type: 'task/fetch' }, dialog: DIALOGS.editAdvice, caseId },
  associatedInputs: 'none',
});

/** Whether the case card shows the advice section: an advice exists, or one can be drafted (open case, palette known). */
export function showsAdviceSection(view: CaseCardView): boolean {
  return view.advice !== undefined || (view.palette !== undefined && view.case.status !== 'closed');
}

/** The inputs of "Advies aanpassen": the whole summary (the server replaces it with what is sent) and the proposal. */
export function adviceEditInputs(view: Pick<CaseCardView, 'palette' | 'draft'>, advice: Advice): CardElement[] {
  const palette = view.palette ?? [];
  const typed = prefill(view.draft, INPUTS.adviceSummary);
  const summary = typed.value ?? advice.draft.summary;
  const typedIds = prefill(view.draft, INPUTS.adviceInterventions).value;
  const ids = typedIds ?? proposedValue(advice.draft, palette);
  const body: CardElement[] = [
    {
      type: 'Input.Text',
      id: INPUTS.adviceSummary,
      ...(summary ? { value: summary } : {}),
      label: t.advice.editSummary,
      placeholder: t.advice.editSummaryPlaceholder,
      isMultiline: true,
      maxLength: CASE_ADVICE_LIMITS.summaryInput,
    },
    piiConfirmToggle(INPUTS.advicePiiConfirm),
  ];
  // Without a palette there is nothing to choose; the server then keeps no interventions either way.
  if (palette.length > 0) {
    body.push({
      type: 'Input.ChoiceSet',
      id: INPUTS.adviceInterventions,
      label: t.advice.editInterventions,
      isMultiSelect: true,
      ...(ids ? { value: ids } : {}),
      choices: interventionChoices(palette),
    });
    body.push(...interventionDetailInputs(advice.draft.interventions, palette));
    body.push({ type: 'TextBlock', text: fx.interventionDetails.hint, wrap: true, size: 'small', isSubtle: true });
  }
  return body;
}

function editForm(view: CaseCardView, advice: Advice): CardElement {
  return {
    type: 'Action.ShowCard',
    title: t.advice.edit,
    card: {
      type: 'AdaptiveCard',
      body: adviceEditInputs(view, advice),
      actions: [{ ...execute(t.advice.editSubmit, VERBS.editAdvice, view.case.id), associatedInputs: 'auto' }],
    },
  };
}

function followUpForm(view: CaseCardView, lean: boolean): CardElement {
  return {
    type: 'Action.ShowCard',
    title: t.advice.followUp,
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Text',
          id: INPUTS.followUpText,
          ...prefill(view.draft, INPUTS.followUpText),
          label: t.advice.followUpText,
          ...(lean ? {} : { placeholder: t.advice.followUpPlaceholder }),
          isMultiline: true,
          maxLength: CASE_ADVICE_LIMITS.followUpText,
          regex: minTrimmedLength(CASE_ADVICE_LIMITS.followUpMin),
          isRequired: true,
          errorMessage: t.advice.followUpError,
        },
        {
          type: 'Input.Toggle',
          id: INPUTS.followUpClose,
          title: t.advice.followUpClose,
          valueOn: 'true',
          valueOff: 'false',
          value: 'false',
        },
        ...piiConfirmToggles(view.draft, INPUTS.followUpPiiConfirm),
      ],
      actions: [{ ...execute(t.advice.followUpSubmit, VERBS.followUp, view.case.id, { style: 'positive' }), associatedInputs: 'auto' }],
    },
  };
}

/**
 * "Verstuur naar OvJ" asks first (the OvJ gets the advice as it stands, and it can no longer be
 * edited): the same input in every client, inline (Action.ShowCard), no dialog needed. Only the
 * leanest card, which has no room for confirmations, sends at once.
 */
function conceptItems(view: CaseCardView, advice: Advice, d: CardDensity): CardElement[] {
  const draft = advice.draft;
  const open = view.case.status !== 'closed';
  const items: CardElement[] = [
    text(t.advice.caseConcept(draft.version, formatAmsterdamShort(draft.composedAt, view.now)), { weight: 'bolder', color: 'warning' }),
  ];
  const lean = isLeanest(d);
  if (draft.summary.trim() && !lean) items.push(text(plainTruncate(draft.summary, d.summary), { spacing: 'small' }));
  const proposal = proposalLine(draft.interventions, view.palette ?? []);
  if (!lean) items.push(text(proposal ? t.advice.caseProposal(proposal) : t.advice.caseProposalNone, { spacing: 'small', size: 'small' }));
  if (draft.openConcern.length > 0) {
    const orgs = orgNames(openConcernOrgs(draft), lean);
    items.push(text(t.advice.caseOpenConcern(orgs), { color: 'attention', weight: 'bolder', spacing: 'small' }));
  }
  const edit = lean ? editDialog(view.case.id) : editForm(view, advice);
  const buttons = open ? [edit, confirmSend(view.case.id), viewAdvice(view.case.id)] : [viewAdvice(view.case.id)];
  items.push(actionSet(buttons, { spacing: 'small' }));
  return items;
}

function sentItems(view: CaseCardView, advice: Advice): CardElement[] {
  const at = formatAmsterdamShort(advice.sentAt ?? advice.draft.composedAt, view.now);
  const items: CardElement[] = [text(t.advice.caseSent(at), { weight: 'bolder', color: 'accent' })];
  const proposal = proposalLine(advice.draft.interventions, view.palette ?? []);
  if (proposal) items.push(text(t.advice.caseProposal(proposal), { spacing: 'small', size: 'small' }));
  items.push(actionSet([viewAdvice(view.case.id)], { spacing: 'small' }));
  return items;
}

function decidedItems(view: CaseCardView, advice: Advice, d: CardDensity): CardElement[] {
  const decision = advice.decision;
  const f = advice.followUp;
  const lean = isLeanest(d);
  const max = lean ? CASE_ADVICE_LIMITS.decisionTextLean : CASE_ADVICE_LIMITS.decisionText;
  const items: CardElement[] = [];
  if (decision) {
    const labels = interventionList(decision.interventions, view.palette ?? []) || t.advice.decisionNone;
    const list = lean ? truncate(labels, CASE_ADVICE_LIMITS.decisionListLean) : labels;
    items.push(text(t.advice.caseDecided(formatAmsterdamShort(decision.at, view.now), list), { weight: 'bolder', color: 'good' }));
    if (decision.freeText && !lean)
      items.push(text(t.advice.decisionTextLine(plainTruncate(decision.freeText, max)), { spacing: 'small', size: 'small' }));
    if (decision.concernAcknowledgement) {
      const orgs = openConcernOrgs(advice.draft);
      const ack = plainTruncate(decision.concernAcknowledgement, max);
      items.push(
        text(orgs.length > 0 ? t.advice.decisionAck(orgNames(orgs, lean), ack) : t.advice.decisionAckNoOrgs(ack), {
          color: 'warning',
          spacing: 'small',
          size: 'small',
        }),
      );
    }
  }
  if (f?.answer && f.answeredAt) {
    items.push(
      text(t.advice.followUpAnswer(formatAmsterdamShort(f.answeredAt, view.now), plainTruncate(f.answer, max)), {
        spacing: 'small',
        size: 'small',
      }),
    );
  }
  const asked = f?.askedAt !== undefined && f.answeredAt === undefined && view.case.status !== 'closed';
  if (asked && f?.askedAt && !lean) {
    items.push(
      text(t.advice.followUpAsked(formatAmsterdamShort(f.askedAt, view.now)), { weight: 'bolder', color: 'accent', spacing: 'small' }),
    );
  }
  // The leanest card leaves "Advies bekijken" out here: the decision itself is on the card.
  const buttons = [...(asked ? [followUpForm(view, lean)] : []), ...(lean ? [] : [viewAdvice(view.case.id)])];
  if (buttons.length > 0) items.push(actionSet(buttons, { spacing: 'small' }));
  return items;
}

/** The advice section of the case card (after the actions, before the chair's controls). */
export function adviceSection(view: CaseCardView, d: CardDensity): CardElement[] {
  if (!showsAdviceSection(view)) return [];
  const advice = view.advice;
  const head = heading(t.advice.caseHeading, { separator: true, spacing: 'large' });
  if (!advice) {
    return [
      head,
      ...(d.hints ? [text(t.advice.caseNone, { isSubtle: true, size: 'small', spacing: 'none' })] : []),
      actionSet([execute(t.advice.draft, VERBS.draftAdvice, view.case.id, { style: 'positive' })], { spacing: 'small' }),
    ];
  }
  const body =
    advice.status === 'concept'
      ? conceptItems(view, advice, d)
      : advice.status === 'verzonden'
        ? sentItems(view, advice)
        : decidedItems(view, advice, d);
  return [head, container(body, { spacing: 'small' })];
}

/**
 * The "Advies aanpassen" dialog (task/fetch DIALOGS.editAdvice), for the leanest case card: the same
 * inputs as the inline form; its Action.Submit sends `{ dialog, caseId, adviceSummary,
 * adviceInterventions }` as the dialog's submit (the bot hands that to VERBS.editAdvice's handler).
 */
export function buildAdviceEditDialogCard(view: Pick<CaseCardView, 'case' | 'palette' | 'draft' | 'advice'>): AdaptiveCard | undefined {
  return buildAdviceEditDialog(view); // laid out by dialogs/advice-edit.json
}
