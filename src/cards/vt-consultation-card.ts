import { VT_PHONE_PATTERN } from '../domain/vt/phone';
import { MAX_REASON } from '../domain/rounds';
import { nlCards as t } from '../i18n/nl/cards';
import { nlViews } from '../i18n/nl/views';
import type { PartnerOrg } from '../domain/orgs';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { CASE_CARD_LIMITS } from './case-card';
import { actionSet, container, heading, text } from './elements';
import { caseRef, factsSection, headerSection, noticeSection, safetySection, termijnSection } from './sections';
import { formatAmsterdamShort, minTrimmedLength, plainTruncate, truncate } from './text';
import { CARD_SCHEMA, type AdaptiveCard, type CardElement } from './types';
import { INPUTS, VERBS } from './verbs';
import type { VtConsultationCardView } from './view';
import { answerLines, answeredByBackup, isConsultationOpen, zsmName } from './vt-sections';
import { piiConfirmToggle } from './free-text';

/**
 * Limits of the consultation card in the 1:1 chat with VT's on-call member. One case, no
 * contributions: it stays small, but keeps to the case card's byte budget all the same.
 */
export const VT_CONSULTATION_CARD_LIMITS = {
  maxBytes: CASE_CARD_LIMITS.maxBytes,
  question: MAX_REASON,
  summary: CASE_CARD_LIMITS.summary,
  knownText: 2000,
  needToKnow: 500,
  reason: 500,
} as const;

/**
 * Dutch phone numbers as typed: 0 or +31, then a non-zero digit and 7–12 digits, spaces or hyphens
 * ("06 12345678", "020-1234567", "+31612345678"). The same pattern the server checks
 * (src/app/vt/answer.ts), so the client never accepts what the server refuses.
 */
export const VT_PHONE_REGEX = VT_PHONE_PATTERN;

type Data = { caseId: string; seq: number };

const execute = (title: string, verb: string, data: Data, extra: Record<string, unknown> = {}): CardElement => ({
  type: 'Action.Execute',
  title,
  verb,
  data,
  associatedInputs: 'none',
  ...extra,
});

/** An inline form; its Execute sends `{ caseId, seq }` plus the form's own inputs. */
const form = (title: string, body: CardElement[], submit: CardElement): CardElement => ({
  type: 'Action.ShowCard',
  title,
  card: { type: 'AdaptiveCard', body, actions: [{ ...submit, associatedInputs: 'auto' }] },
});

/** "Zichtbaar voor": the expected organisations of the location (default: all = no restriction). */
function visibleTo(orgs: readonly PartnerOrg[]): CardElement[] {
  const choices = orgs.filter((o) => o !== 'vt');
  if (choices.length < 2) return [];
  return [
    {
      type: 'Input.ChoiceSet',
      id: INPUTS.vtVisibleTo,
      label: nlViews.restricted.input,
      isMultiSelect: true,
      style: 'expanded',
      value: choices.join(','),
      choices: choices.map((o) => ({ title: t.orgs[o], value: o })),
    },
    text(nlViews.restricted.inputHint, { isSubtle: true, size: 'small', spacing: 'none' }),
  ];
}

/** What VT knows and why it is needed; also the further-information form after the answer (with a refused answer's text). */
function knownForm(
  data: Data,
  orgs: readonly PartnerOrg[],
  opts: { title: string; submit: CardElement; draft?: VtConsultationCardView['extraDraft'] } = {
    title: t.vt.known,
    submit: execute(t.vt.knownSubmit, VERBS.vtKnown, data, { style: 'positive' }),
  },
): CardElement {
  const value = (v: string | undefined, max: number) => (v ? { value: truncate(v, max) } : {});
  return form(
    opts.title,
    [
      {
        type: 'Input.Text',
        id: INPUTS.vtText,
        label: t.vt.knownText,
        placeholder: t.vt.knownTextPlaceholder,
        isMultiline: true,
        maxLength: VT_CONSULTATION_CARD_LIMITS.knownText,
        isRequired: true,
        errorMessage: t.vt.knownTextError,
        ...value(opts.draft?.text, VT_CONSULTATION_CARD_LIMITS.knownText),
      },
      {
        type: 'Input.Text',
        id: INPUTS.vtNeedToKnow,
        label: t.vt.knownNeedToKnow,
        placeholder: t.vt.knownNeedToKnowPlaceholder,
        isMultiline: true,
        maxLength: VT_CONSULTATION_CARD_LIMITS.needToKnow,
        regex: minTrimmedLength(10),
        isRequired: true,
        errorMessage: t.vt.knownNeedToKnowError,
        ...value(opts.draft?.needToKnow, VT_CONSULTATION_CARD_LIMITS.needToKnow),
      },
      piiConfirmToggle(INPUTS.vtPiiConfirm),
      ...visibleTo(orgs),
    ],
    opts.submit,
  );
}

function callBackForm(data: Data): CardElement {
  return form(
    t.vt.callBack,
    [
      {
        type: 'Input.Text',
        id: INPUTS.vtPhone,
        style: 'tel',
        label: t.vt.phone,
        placeholder: t.vt.phonePlaceholder,
        maxLength: 20,
        regex: VT_PHONE_REGEX,
        isRequired: true,
        errorMessage: t.vt.phoneError,
      },
    ],
    execute(t.vt.callBackSubmit, VERBS.vtCallBack, data),
  );
}

function concernForm(data: Data): CardElement {
  return form(
    t.vt.concern,
    [
      {
        type: 'Input.Text',
        id: INPUTS.vtReason,
        label: t.vt.concernReason,
        placeholder: t.vt.concernReasonPlaceholder,
        isMultiline: true,
        maxLength: VT_CONSULTATION_CARD_LIMITS.reason,
        regex: minTrimmedLength(3),
        isRequired: true,
        errorMessage: t.vt.concernReasonError,
      },
      { type: 'Input.Toggle', id: INPUTS.vtAcute, title: t.vt.concernAcute, valueOn: 'true', valueOff: 'false', value: 'false' },
      piiConfirmToggle(INPUTS.vtVotePiiConfirm),
    ],
    execute(t.vt.concernSubmit, VERBS.vtConcern, data),
  );
}

/** The first question with its answer buttons: is the family known to VT (or call me back). */
function answerSection(data: Data, orgs: readonly PartnerOrg[]): CardElement[] {
  return [
    heading(t.vt.knownHeading, { separator: true, spacing: 'large' }),
    actionSet([knownForm(data, orgs), execute(t.vt.notKnown, VERBS.vtNotKnown, data), callBackForm(data)], { spacing: 'small' }),
  ];
}

/**
 * After the answer: further information as VT context information (not a second answer). A refused
 * late answer comes back here with what it carried, so nothing typed is lost.
 */
function extraSection(data: Data, orgs: readonly PartnerOrg[], draft: VtConsultationCardView['extraDraft']): CardElement[] {
  const extra = knownForm(data, orgs, { title: fx.vt.extraButton, submit: execute(fx.vt.extraSubmit, VERBS.vtAddInfo, data), draft });
  return [
    heading(fx.vt.extraHeading, { separator: true, spacing: 'large' }),
    text(fx.vt.extraIntro, { isSubtle: true, spacing: 'small' }),
    actionSet([extra], { spacing: 'small' }),
  ];
}

/** The second question: VT's buikpijn (a vote for VT in the current round, not an answer). */
function concernSection(data: Data): CardElement[] {
  return [
    heading(t.vt.concernHeading, { separator: true, spacing: 'large' }),
    actionSet([concernForm(data), execute(t.vt.noConcern, VERBS.vtNoConcern, data)], { spacing: 'small' }),
  ];
}

/** What happened to the consultation, for a closed one; who answered is named by role. */
function outcomeSection(view: VtConsultationCardView): CardElement[] {
  const s = view.consultation.state;
  const at = (iso: string) => formatAmsterdamShort(iso, view.now);
  if (s.status === 'beantwoord') {
    const byBackup = answeredByBackup(s);
    const mine = byBackup === view.toBackup;
    const who = mine ? t.vt.answeredByYou : t.vt.answeredByOther(byBackup ? t.vt.backupName : t.vt.primaryName);
    return [
      container(
        [
          text(t.vt.answeredOutcomeBy(at(s.answeredAt), who), { weight: 'bolder', color: 'good' }),
          ...answerLines(view.consultation, view.now),
        ],
        {
          style: 'good',
          spacing: 'medium',
        },
      ),
    ];
  }
  if (s.status === 'geen_reactie') {
    return [
      container([text(t.vt.lateNote(at(s.closedAt)), { weight: 'bolder', color: 'warning' })], { style: 'warning', spacing: 'medium' }),
    ];
  }
  return [];
}

/**
 * The question to VT's on-call member in a 1:1 chat: who asks (the ZSM location), when, the
 * backup's note, the question (prominent), the termijn, and the minimised facts (persons only as
 * role and age; no names, birth dates or pseudonyms). Then the answers: known (with the
 * information and why it is needed), not known, call me back (a phone number), and buikpijn or
 * none. Every action carries `{ caseId, seq }`, so an answer lands on this consultation only.
 * Once answered the card shows the outcome and no answer buttons (only the buikpijn buttons stay:
 * a vote is not an answer, and VT may still have buikpijn); after "geen reactie" every button
 * stays, because a late answer still reaches the case. A closed case takes no input at all.
 */
export function buildVtConsultationCard(view: VtConsultationCardView): AdaptiveCard {
  const c = view.consultation;
  const data: Data = { caseId: view.case.id, seq: c.seq };
  const s = c.state;
  const caseOpen = view.case.status !== 'closed';
  // Answered: no more answers (the domain refuses a second one); buikpijn stays open for VT.
  const mayAnswer = caseOpen && s.status !== 'beantwoord';
  const body: CardElement[] = [
    ...(view.notice ? [noticeSection(view.notice)] : []),
    text(t.vt.cardTitle(zsmName(view.location.name)), { weight: 'bolder', size: 'large' }),
    text(t.vt.cardMeta(c.regionName, caseRef(view.case.id), formatAmsterdamShort(s.askedAt, view.now)), {
      isSubtle: true,
      spacing: 'none',
      size: 'small',
    }),
    ...(view.toBackup && (isConsultationOpen(s) || s.status === 'geen_reactie')
      ? [container([text(t.vt.toBackup, { weight: 'bolder', color: 'warning' })], { style: 'warning', spacing: 'small' })]
      : []),
    ...outcomeSection(view),
    ...(!caseOpen ? [text(t.vt.caseClosed, { isSubtle: true, spacing: 'small' })] : []),
    container(
      [
        text(t.vt.questionHeading, { weight: 'bolder', size: 'small' }),
        text(plainTruncate(c.question, VT_CONSULTATION_CARD_LIMITS.question), { weight: 'bolder', size: 'medium', spacing: 'small' }),
      ],
      { style: 'accent', spacing: 'medium' },
    ),
    headerSection(view),
    termijnSection(view),
    safetySection(view),
    ...factsSection(view, VT_CONSULTATION_CARD_LIMITS.summary),
    ...(mayAnswer ? answerSection(data, view.location.expectedOrgs) : []),
    ...(caseOpen && s.status === 'beantwoord' ? extraSection(data, view.location.expectedOrgs, view.extraDraft) : []),
    ...(caseOpen ? concernSection(data) : []),
  ];
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    refresh: { action: { type: 'Action.Execute', verb: VERBS.vtRefresh, data } },
    body,
  };
}
