import { callBackOpen } from '../domain/vt/record';
import { nlCards as t } from '../i18n/nl/cards';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { prefill, type CardDensity } from './case-course';
import { actionSet, container, text, type ContainerStyle } from './elements';
import { plainTruncate } from './text';
import type { CardElement } from './types';
import { INPUTS, VERBS } from './verbs';
import type { CaseCardView } from './view';
import {
  answerLines,
  consultationStatusColor,
  consultationStatusParts,
  isConsultationOpen,
  latestStatusPart,
  nextStepText,
} from './vt-sections';

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

function regionForm(view: CaseCardView, vt: Vt): CardElement {
  const value = view.draft?.[INPUTS.vtRegion] ? prefill(view.draft, INPUTS.vtRegion) : vt.regionId ? { value: vt.regionId } : {};
  return {
    type: 'Action.ShowCard',
    title: t.vt.changeRegion,
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.ChoiceSet',
          id: INPUTS.vtRegion,
          ...value,
          label: t.vt.regionInput,
          ...(value.value ? {} : { placeholder: t.vt.regionPlaceholder }),
          style: 'compact',
          isRequired: true,
          errorMessage: t.vt.regionError,
          choices: vt.regionChoices.map((r) => ({ title: r.name, value: r.id })),
        },
      ],
      actions: [
        {
          type: 'Action.Execute',
          title: t.vt.regionSubmit,
          verb: VERBS.setVtRegion,
          data: { caseId: view.case.id },
          associatedInputs: 'auto',
        },
      ],
    },
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
  const items: CardElement[] = [];
  // The leanest card puts the latest step on the heading's line.
  if (c && compact) {
    items.push(
      text(`**${title}** · ${t.vt.status(latestStatusPart(c, view.now))}`, { color: consultationStatusColor(c.state), weight: 'bolder' }),
    );
  } else {
    items.push(text(title, { weight: 'bolder' }));
  }
  if (unknown) items.push(text(t.vt.regionUnknown, { weight: 'bolder', color: 'attention', spacing: 'small' }));
  if (vt.warning === 'no_one_on_call')
    items.push(text(name ? t.vt.noOneOnCall(name) : t.vt.noOneOnCallNoRegion, { weight: 'bolder', color: 'attention', spacing: 'small' }));

  if (c) {
    if (d.hints) items.push(text(t.vt.question(plainTruncate(c.question, CASE_VT_LIMITS.question)), { size: 'small', spacing: 'small' }));
    if (!compact) {
      const status = consultationStatusParts(c, view.now).join(t.vt.statusSeparator);
      items.push(text(t.vt.status(status), { weight: 'bolder', color: consultationStatusColor(c.state), spacing: 'small' }));
    }
    const next = nextStepText(c.state, view.now);
    if (next) items.push(text(next, { size: 'small', spacing: 'none' }));
    items.push(...answerLines(c, view.now, { compact }));
    if (c.callBack && callBackOpen(c))
      items.push(text(fx.vt.callBackOpen(c.callBack.phone), { weight: 'bolder', color: 'warning', spacing: 'small' }));
    if (c.state.status === 'geen_reactie' && vt.warning !== 'no_one_on_call')
      items.push(text(t.vt.callYourself, { weight: 'bolder', color: 'attention', spacing: 'small' }));
  } else if (d.hints && !unknown) {
    items.push(text(t.vt.never, { isSubtle: true, spacing: 'none', size: 'small' }));
  }

  if (view.case.status !== 'closed') {
    const ask: CardElement = {
      type: 'Action.Execute',
      title: t.vt.ask,
      verb: VERBS.askVt,
      data: { caseId: view.case.id },
      associatedInputs: 'none',
      style: 'positive',
    };
    const calledBack: CardElement = {
      type: 'Action.Execute',
      title: fx.vt.calledBackButton,
      verb: VERBS.vtCalledBack,
      data: { caseId: view.case.id },
      associatedInputs: 'none',
      style: 'positive',
    };
    const buttons = [
      ...(c && callBackOpen(c) ? [calledBack] : []),
      ...(mayAskVt(view) ? [ask] : []),
      ...(vt.regionChoices.length > 0 ? [regionForm(view, vt)] : []),
    ];
    if (buttons.length > 0) items.push(actionSet(buttons, { spacing: 'small' }));
  }

  // An unknown region is a task for the desk, not danger: it stays in the neutral box.
  const attention = vt.warning === 'no_one_on_call' || c?.state.status === 'geen_reactie';
  const style: ContainerStyle = attention ? 'attention' : 'emphasis';
  return [container(items, { style, spacing: 'medium' })];
}
