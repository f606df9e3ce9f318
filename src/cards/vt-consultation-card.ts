import { VT_PHONE_PATTERN } from '../domain/vt/phone';
import { MAX_REASON } from '../domain/rounds';
import type { PartnerOrg } from '../domain/orgs';
import { nlCards as t } from '../i18n/nl/cards';
import { nlCardsOther as o } from '../i18n/nl/cards-other';
import { nlPrivacy } from '../i18n/nl/privacy';
import { nlViews } from '../i18n/nl/views';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { bindTemplate } from './bind';
import { CASE_CARD_LIMITS } from './case-card';
import {
  factsModel,
  headerModel,
  line,
  safetyModel,
  termijnModel,
  type FactsModel,
  type HeaderModel,
  type LineModel,
  type NoticeModel,
  type SafetyModel,
  type TermijnModel,
} from './case-model';
import { caseRef } from './sections';
import { formatAmsterdamShort, minTrimmedLength, plainTruncate, truncate } from './text';
import { CARD_SCHEMA, type AdaptiveCard } from './types';
import { INPUTS, VERBS } from './verbs';
import type { VtConsultationCardView } from './view';
import { answeredByBackup, isConsultationOpen, zsmName } from './vt-sections';

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

/** The view model bound to cards/vt-consultation.json. `null` leaves a property out; `$when` drops a part. */
export interface VtConsultationModel {
  schema: string;
  data: { caseId: string; seq: number };
  notice: NoticeModel | null;
  /** Line 1: what is asked of this person, and by when. */
  status: LineModel;
  title: string;
  meta: string;
  /** Shown to the backup while the consultation waits: the primary did not react. */
  backupNote: string | null;
  /** After an answer or "geen reactie": what happened (in a coloured box, signed with ✓ or ⚠). */
  outcome: { style: 'good' | 'warning'; lines: LineModel[] } | null;
  question: { heading: string; text: string };
  safety: SafetyModel;
  /** The answer buttons (first question) or, once answered, the further-information form. */
  answer: {
    heading: string;
    intro: string | null;
    /** Answer mode: known, not known, call back; else only further information. */
    answerMode: boolean;
    known: {
      title: string;
      submitTitle: string;
      submitVerb: string;
      submitStyle: 'positive' | null;
      text: { label: string; placeholder: string; max: number; error: string; value: string | null };
      needToKnow: { label: string; placeholder: string; max: number; regex: string; error: string; value: string | null };
      piiConfirm: string;
      visibleTo: { label: string; hint: string; value: string; choices: { title: string; value: string }[] } | null;
    };
    notKnown: string;
    callBack: { title: string; label: string; placeholder: string; regex: string; error: string; submit: string };
  } | null;
  concern: {
    heading: string;
    title: string;
    reason: { label: string; placeholder: string; max: number; regex: string; error: string };
    acute: string;
    acuteHint: string;
    piiConfirm: string;
    submit: string;
    noConcern: string;
  } | null;
  header: HeaderModel;
  termijn: TermijnModel;
  facts: FactsModel;
  inputs: typeof INPUTS;
  verbs: typeof VERBS;
}

function visibleTo(orgs: readonly PartnerOrg[]): NonNullable<VtConsultationModel['answer']>['known']['visibleTo'] {
  const choices = orgs.filter((org) => org !== 'vt');
  if (choices.length < 2) return null;
  return {
    label: nlViews.restricted.input,
    hint: nlViews.restricted.inputHint,
    value: choices.join(','),
    choices: choices.map((org) => ({ title: t.orgs[org], value: org })),
  };
}

function statusLine(view: VtConsultationCardView, termijn: TermijnModel): LineModel {
  const s = view.consultation.state;
  if (view.case.status === 'closed') return line(t.vt.caseClosed, null, 'bolder');
  if (s.status === 'answered') return line(o.vt.statusAnswered, 'good', 'bolder');
  if (s.status === 'no_answer') return line(`⚠ ${o.vt.statusLate}`, 'attention', 'bolder');
  return line(termijn.passed ? `⚠ ${o.vt.statusAskedPassed}` : o.vt.statusAsked(termijn.short), 'accent', 'bolder');
}

/** One line per answer, signed (✓, ☎) so colour is never the only signal; no yellow text. */
function answerLines(view: VtConsultationCardView): LineModel[] {
  const a = t.vt.answers;
  return view.consultation.answers.map((answer) => {
    const at = formatAmsterdamShort(answer.at, view.now);
    if (answer.kind === 'known') return line(a.known(at), 'good', 'bolder');
    if (answer.kind === 'not_known') return line(a.not_known(at));
    return line(answer.phone ? a.call_back(at, answer.phone) : a.callBackNoPhone(at), null, 'bolder');
  });
}

function outcome(view: VtConsultationCardView): VtConsultationModel['outcome'] {
  const s = view.consultation.state;
  const at = (iso: string) => formatAmsterdamShort(iso, view.now);
  if (s.status === 'answered') {
    const byBackup = answeredByBackup(s);
    const who = byBackup === view.toBackup ? t.vt.answeredByYou : t.vt.answeredByOther(byBackup ? t.vt.backupName : t.vt.primaryName);
    return { style: 'good', lines: [line(t.vt.answeredOutcomeBy(at(s.answeredAt), who), 'good', 'bolder'), ...answerLines(view)] };
  }
  if (s.status === 'no_answer') return { style: 'warning', lines: [line(t.vt.lateNote(at(s.closedAt)), null, 'bolder')] };
  return null;
}

/**
 * What the consultation card shows, for this copy (on-call member or backup) at this moment. The
 * answer buttons are there while an answer is possible (also after "geen reactie": a late answer
 * still reaches the case); once answered only further information; a closed case takes no input.
 */
export function vtConsultationModel(view: VtConsultationCardView): VtConsultationModel {
  const c = view.consultation;
  const s = c.state;
  const caseOpen = view.case.status !== 'closed';
  const mayAnswer = caseOpen && s.status !== 'answered';
  const answered = caseOpen && s.status === 'answered';
  const termijn = termijnModel(view);
  const draft = answered ? view.extraDraft : undefined;
  const orgs = view.location.expectedOrgs;
  const L = VT_CONSULTATION_CARD_LIMITS;
  return {
    schema: CARD_SCHEMA,
    data: { caseId: view.case.id, seq: c.seq },
    notice: view.notice ?? null,
    status: statusLine(view, termijn),
    title: t.vt.cardTitle(zsmName(view.location.name)),
    meta: t.vt.cardMeta(c.regionName, caseRef(view.case.id), formatAmsterdamShort(s.askedAt, view.now)),
    backupNote: view.toBackup && (isConsultationOpen(s) || s.status === 'no_answer') ? t.vt.toBackup : null,
    outcome: outcome(view),
    question: { heading: t.vt.questionHeading, text: plainTruncate(c.question, L.question) },
    safety: safetyModel(view),
    answer:
      mayAnswer || answered
        ? {
            heading: answered ? fx.vt.extraHeading : t.vt.knownHeading,
            intro: answered ? fx.vt.extraIntro : null,
            answerMode: !answered,
            known: {
              title: answered ? fx.vt.extraButton : t.vt.known,
              submitTitle: answered ? fx.vt.extraSubmit : t.vt.knownSubmit,
              submitVerb: answered ? VERBS.vtAddInfo : VERBS.vtKnown,
              submitStyle: answered ? null : 'positive',
              text: {
                label: t.vt.knownText,
                placeholder: t.vt.knownTextPlaceholder,
                max: L.knownText,
                error: t.vt.knownTextError,
                value: draft?.text ? truncate(draft.text, L.knownText) : null,
              },
              needToKnow: {
                label: t.vt.knownNeedToKnow,
                placeholder: t.vt.knownNeedToKnowPlaceholder,
                max: L.needToKnow,
                regex: minTrimmedLength(10),
                error: t.vt.knownNeedToKnowError,
                value: draft?.needToKnow ? truncate(draft.needToKnow, L.needToKnow) : null,
              },
              piiConfirm: nlPrivacy.piiConfirmToggle,
              visibleTo: visibleTo(orgs),
            },
            notKnown: t.vt.notKnown,
            callBack: {
              title: t.vt.callBack,
              label: t.vt.phone,
              placeholder: t.vt.phonePlaceholder,
              regex: VT_PHONE_REGEX,
              error: t.vt.phoneError,
              submit: t.vt.callBackSubmit,
            },
          }
        : null,
    concern: caseOpen
      ? {
          heading: t.vt.concernHeading,
          title: t.vt.concern,
          reason: {
            label: t.vt.concernReason,
            placeholder: t.vt.concernReasonPlaceholder,
            max: L.reason,
            regex: minTrimmedLength(3),
            error: t.vt.concernReasonError,
          },
          acute: t.vt.concernAcute,
          acuteHint: o.vt.acuteHint,
          piiConfirm: nlPrivacy.piiConfirmToggle,
          submit: t.vt.concernSubmit,
          noConcern: t.vt.noConcern,
        }
      : null,
    header: headerModel(view),
    termijn,
    facts: factsModel(view, L.summary),
    inputs: INPUTS,
    verbs: VERBS,
  };
}

/**
 * The question to VT's on-call member in a 1:1 chat, laid out by cards/vt-consultation.json: line 1
 * what is asked of them and by when, the question, the danger (children, weapon, contact, custody),
 * the answer buttons, the buikpijn buttons; the case picture (header, termijn, facts) last. Persons
 * only as role and age; who answered is named by role. Every action carries `{ caseId, seq }`.
 */
export function buildVtConsultationCard(view: VtConsultationCardView): AdaptiveCard {
  return bindTemplate('cards', 'vt-consultation', vtConsultationModel(view));
}
