import { callBackOpen } from '../domain/vt/record';
import { nlCards as t } from '../i18n/nl/cards';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { prefill, type CardDensity } from './case-course';
import type { ContainerStyle } from './elements';
import { renderPart } from './parts';
import { plainTruncate } from './text';
import type { CardElement } from './types';
import { INPUTS, VERBS } from './verbs';
import type { CaseCardView } from './view';
import { answerLines, consultationStatusParts, isConsultationOpen, latestStatusPart, nextStepText } from './vt-sections';

/**
 * The Veilig Thuis section of the case card: the region (or that it is unknown), a warning when
 * nobody is on call, the latest consultation (every step with its time, the next step, VT's
 * answers — the call-back number too: the desk needs it) and the buttons "Vraag VT" and "Regio
 * wijzigen". Buttons sit in an ActionSet in the body, so the card's own action row stays as it is.
 */

export const CASE_VT_LIMITS = {
  /** The question on the case card (the desk wrote it; the full text went to VT). */
  question: 200,
} as const;

type Vt = NonNullable<CaseCardView['vt']>;

/** "Vraag VT" only when no consultation is open; never on a closed case or without a region. */
export function mayAskVt(view: CaseCardView): boolean {
  const vt = view.vt;
  if (!vt || view.case.status === 'closed' || vt.regionId === undefined) return false;
  return !vt.consultation || !isConsultationOpen(vt.consultation.state);
}

function regionName(vt: Vt): string | undefined {
  return vt.regionName ?? vt.consultation?.regionName ?? vt.regionId;
}

/** The Veilig Thuis part of the case card (cards/parts/vt.json); `null` or absent = not shown. */
export interface VtPartModel {
  caseId: string;
  /** An unknown region is a task for the desk, not danger: it stays in the neutral box. */
  style: ContainerStyle;
  heading: string;
  regionUnknown: string | null;
  noOneOnCall: string | null;
  question: string | null;
  status: string | null;
  next: string | null;
  answers: { text: string; weight: 'bolder' | null }[];
  callBack: string | null;
  callYourself: string | null;
  never: string | null;
  calledBack?: { title: string; verb: string };
  ask?: { title: string; verb: string };
  region?: {
    title: string;
    inputId: string;
    value: string | null;
    label: string;
    placeholder: string | null;
    error: string;
    choices: readonly { id: string; name: string }[];
    submit: string;
    verb: string;
  };
}

function regionModel(view: CaseCardView, vt: Vt): NonNullable<VtPartModel['region']> {
  const value = (view.draft?.[INPUTS.vtRegion] ? prefill(view.draft, INPUTS.vtRegion).value : vt.regionId) ?? null;
  return {
    title: t.vt.changeRegion,
    inputId: INPUTS.vtRegion,
    value,
    label: t.vt.regionInput,
    placeholder: value ? null : t.vt.regionPlaceholder,
    error: t.vt.regionError,
    choices: vt.regionChoices,
    submit: t.vt.regionSubmit,
    verb: VERBS.setVtRegion,
  };
}

export function vtSection(view: CaseCardView, d: CardDensity): CardElement[] {
  const vt = view.vt;
  if (!vt) return [];
  const name = regionName(vt);
  const unknown = vt.warning === 'region_unknown' || name === undefined;
  const title = name && !unknown ? t.vt.heading(name) : t.vt.headingNoRegion;
  const c = vt.consultation;
  const compact = d.vt === 'compact';
  const open = view.case.status !== 'closed';
  const attention = vt.warning === 'no_one_on_call' || c?.state.status === 'no_answer';
  const model: VtPartModel = {
    caseId: view.case.id,
    style: attention ? 'attention' : 'emphasis',
    // The leanest card puts the latest step on the heading's line.
    heading: c && compact ? `**${title}** · ${t.vt.status(latestStatusPart(c, view.now))}` : title,
    regionUnknown: unknown ? t.vt.regionUnknown : null,
    noOneOnCall: vt.warning === 'no_one_on_call' ? (name ? t.vt.noOneOnCall(name) : t.vt.noOneOnCallNoRegion) : null,
    question: c && d.hints ? t.vt.question(plainTruncate(c.question, CASE_VT_LIMITS.question)) : null,
    status: c && !compact ? t.vt.status(consultationStatusParts(c, view.now).join(t.vt.statusSeparator)) : null,
    next: (c && nextStepText(c.state, view.now)) || null,
    // The answers' wording is the consultation card's (vt-sections.ts); the case card takes its lines.
    answers: c ? answerLines(c, view.now, { compact }) : [],
    callBack: c?.callBack && callBackOpen(c) ? fx.vt.callBackOpen(c.callBack.phone) : null,
    callYourself: c?.state.status === 'no_answer' && vt.warning !== 'no_one_on_call' ? t.vt.callYourself : null,
    never: !c && d.hints && !unknown ? t.vt.never : null,
    ...(open && c && callBackOpen(c) ? { calledBack: { title: fx.vt.calledBackButton, verb: VERBS.vtCalledBack } } : {}),
    ...(open && mayAskVt(view) ? { ask: { title: t.vt.ask, verb: VERBS.askVt } } : {}),
    ...(open && vt.regionChoices.length > 0 ? { region: regionModel(view, vt) } : {}),
  };
  return renderPart('vt', model);
}
