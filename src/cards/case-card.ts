import { CONTRIBUTION_SOURCES } from '../domain/contribution';
import { nlCards as t } from '../i18n/nl/cards';
import { nlViews } from '../i18n/nl/views';
import { cardBytes, takeWithinBudget } from './budget';
import {
  actionsSection,
  chairSection,
  closureSection,
  escalationLine,
  type CardDensity,
  prefill,
  reAgendaLine,
  regieSection,
  roundSection,
} from './case-course';
import { heading, text, type ContainerStyle } from './elements';
import { contributionCounts, contributionItem, factsSection, headerSection, newestFirst, safetySection, termijnSection } from './sections';
import { minTrimmedLength } from './text';
import type { AdaptiveCard, CardElement } from './types';
import { renderTemplate } from './template';
import { dangerLines, statusLine } from './case-top';
import { nlCaseCards } from '../i18n/nl/case-cards';
import { DIALOGS, INPUTS, VERBS } from './verbs';
import type { CaseCardView } from './view';
import { vtSection } from './case-vt';
import { piiConfirmToggles, summaryPiiWarning } from './free-text';
import { adviceSection } from './case-advice';
import { askedOfYouSection, questionsSection, safetySignalDangerLines, safetySignalsSection } from './safety-signals';

export { minTrimmedLength };

/**
 * Limits of the channel card. Teams rejects messages over ~100 KB (UTF-16, 80 KB advised); we stay
 * far below so that the card reads at a glance and, with the message envelope, still fits the
 * older 40 KB limit that some Teams documentation states.
 */
export const CASE_CARD_LIMITS = {
  maxBytes: 38 * 1024,
  contributionBytes: 16 * 1024,
  maxContributions: 5,
  contributionText: 400,
  needToKnow: 200,
  summary: 600,
  voteReason: 300,
} as const;

/**
 * From full to lean. A crowded case (many organisations with long reasons, many actions, the
 * chair's controls, 60 refresh users, a Veilig Thuis consultation) steps down until at least one
 * contribution fits; what is left out stays available in Details (reasons, full texts) or is
 * counted ("en nog N"). The last step lists no open actions (only counts them; overdue ones stay
 * in "Actie afronden") and shows only the latest step of the VT consultation.
 */
export const CASE_CARD_DENSITIES: readonly CardDensity[] = [
  {
    summary: CASE_CARD_LIMITS.summary,
    contributionText: CASE_CARD_LIMITS.contributionText,
    needToKnow: CASE_CARD_LIMITS.needToKnow,
    voteReason: CASE_CARD_LIMITS.voteReason,
    votes: 'blocks',
    actionWhat: 160,
    maxOpenActions: 8,
    compactActions: false,
    hints: true,
    confirmations: true,
    vt: 'full',
  },
  {
    summary: 400,
    contributionText: 300,
    needToKnow: 150,
    voteReason: 160,
    votes: 'lines',
    actionWhat: 100,
    maxOpenActions: 5,
    compactActions: true,
    hints: true,
    confirmations: true,
    vt: 'full',
  },
  {
    summary: 250,
    contributionText: 200,
    needToKnow: 100,
    voteReason: 0,
    votes: 'grouped',
    actionWhat: 80,
    maxOpenActions: 2,
    compactActions: true,
    hints: false,
    confirmations: true,
    vt: 'full',
  },
  {
    summary: 0,
    contributionText: 150,
    needToKnow: 80,
    voteReason: 0,
    votes: 'grouped',
    actionWhat: 60,
    maxOpenActions: 0,
    compactActions: true,
    hints: false,
    confirmations: false,
    vt: 'compact',
  },
];

function visibleToInput(view: CaseCardView): CardElement[] {
  const orgs = view.rosterOrgs ?? [];
  if (orgs.length < 2) return [];
  const drafted = view.draft?.[INPUTS.contribVisibleTo];
  return [
    {
      type: 'Input.ChoiceSet',
      id: INPUTS.contribVisibleTo,
      label: nlViews.restricted.input,
      isMultiSelect: true,
      style: 'expanded',
      value: drafted ?? orgs.join(','),
      choices: orgs.map((o) => ({ title: t.orgs[o], value: o })),
    },
    text(nlViews.restricted.inputHint, { isSubtle: true, size: 'small', spacing: 'none' }),
  ];
}

function contributionActions(view: CaseCardView): CardElement {
  const caseId = view.case.id;
  const draft = view.draft;
  return {
    type: 'Action.ShowCard',
    title: t.actions.addContribution,
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Text',
          id: INPUTS.contribText,
          ...prefill(draft, INPUTS.contribText),
          label: t.inputs.contribText,
          placeholder: t.inputs.contribTextPlaceholder,
          isMultiline: true,
          maxLength: 2000,
          isRequired: true,
          errorMessage: t.inputs.contribTextError,
        },
        {
          type: 'Input.ChoiceSet',
          id: INPUTS.contribSource,
          ...prefill(draft, INPUTS.contribSource),
          label: t.inputs.contribSource,
          placeholder: t.inputs.contribSourcePlaceholder,
          style: 'compact',
          isRequired: true,
          errorMessage: t.inputs.contribSourceError,
          choices: CONTRIBUTION_SOURCES.map((s) => ({ title: t.sources[s], value: s })),
        },
        {
          type: 'Input.Text',
          id: INPUTS.contribNeedToKnow,
          ...prefill(draft, INPUTS.contribNeedToKnow),
          label: t.inputs.contribNeedToKnow,
          placeholder: t.inputs.contribNeedToKnowPlaceholder,
          isMultiline: true,
          maxLength: 500,
          regex: minTrimmedLength(10),
          isRequired: true,
          errorMessage: t.inputs.contribNeedToKnowError,
        },
        ...piiConfirmToggles(draft, INPUTS.contribPiiConfirm),
        ...visibleToInput(view),
      ],
      actions: [
        {
          type: 'Action.Execute',
          title: t.actions.submitContribution,
          verb: VERBS.addContribution,
          data: { caseId },
          associatedInputs: 'auto',
          style: 'positive',
        },
      ],
    },
  };
}

function concernActions(caseId: string, draft: CaseCardView['draft'], hints: boolean): CardElement {
  return {
    type: 'Action.ShowCard',
    title: t.actions.concern,
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Text',
          id: INPUTS.voteReason,
          ...prefill(draft, INPUTS.voteReason),
          label: t.inputs.voteReason,
          placeholder: t.inputs.voteReasonPlaceholder,
          isMultiline: true,
          maxLength: 500,
          regex: minTrimmedLength(3),
          isRequired: true,
          errorMessage: t.inputs.voteReasonError,
        },
        { type: 'Input.Toggle', id: INPUTS.voteAcute, title: t.inputs.voteAcute, valueOn: 'true', valueOff: 'false', value: 'false' },
        ...(hints ? [text(nlCaseCards.acuteHint, { size: 'small', isSubtle: true, spacing: 'none' })] : []),
        ...piiConfirmToggles(draft, INPUTS.votePiiConfirm),
      ],
      actions: [
        { type: 'Action.Execute', title: t.actions.submitConcern, verb: VERBS.voteConcern, data: { caseId }, associatedInputs: 'auto' },
      ],
    },
  };
}

/** The card's own action row: context information and Details (the votes sit at the top, see primaryActions). */
function actions(view: CaseCardView): CardElement[] {
  const caseId = view.case.id;
  const details: CardElement = {
    type: 'Action.Submit',
    title: t.actions.details,
    data: { msteams: { type: 'task/fetch' }, dialog: DIALOGS.details, caseId },
    associatedInputs: 'none',
  };
  // A closed case takes no more input (the server refuses it too); it can still be read.
  if (view.case.status === 'closed') return [details];
  return [contributionActions(view), details];
}

/** The one or two primary actions, right under the status and the danger: Buikpijn (a form) and Geen buikpijn. */
function primaryActions(view: CaseCardView, d: CardDensity): CardElement[] {
  if (view.case.status === 'closed') return [];
  const caseId = view.case.id;
  return [
    concernActions(caseId, view.draft, d.hints),
    { type: 'Action.Execute', title: t.actions.noConcern, verb: VERBS.voteNoConcern, data: { caseId }, associatedInputs: 'none' },
  ];
}

function contributionsHead(view: CaseCardView, d: CardDensity): CardElement[] {
  const head = [heading(t.contributions.heading(view.contributions.length))];
  if (view.contributions.length === 0) return [...head, text(t.contributions.none, { isSubtle: true, spacing: 'none' })];
  if (!d.confirmations) return head;
  return [...head, text(`${t.contributions.byOrg}: ${contributionCounts(view.contributions)}`, { spacing: 'none' })];
}

/** What `cards/case-card.json` binds: the layout rule's parts, in its order (docs/cards.md). */
export interface CaseCardModel {
  caseId: string;
  refreshVerb: string;
  refreshUserIds: string[];
  notice?: { text: string; style: 'good' | 'attention' };
  /** Line 1: status and what is asked of this person. */
  status: { text: string; style: ContainerStyle };
  header: CardElement[];
  dangerHeading: string;
  danger: string[];
  /** Escalation and closure: what happened to the case, right under the danger. */
  alerts: CardElement[];
  primaryActions: CardElement[];
  /** The round: who has buikpijn and why (standing reasons too), who has not voted (once). */
  picture: CardElement[];
  /** Veilig Thuis (a setup task such as an unknown region, the consultation and "Vraag VT"). */
  tasks: CardElement[];
  toggles: { details: string; chair: string };
  /** Behind "Meer tonen": termijn, safety, facts, contributions, regie, actions, advice. */
  details: CardElement[];
  /** Behind "Voorzitter": the chair's controls. */
  chair: CardElement[];
  actions: CardElement[];
}

const renderModel = (model: CaseCardModel): AdaptiveCard => renderTemplate('cards', 'case-card', model);

/**
 * The case card (`cards/case-card.json`), in the order of the layout rule: status line, danger,
 * primary actions, the picture; Veilig Thuis; then details and the chair's controls behind toggles.
 * The contributions get whatever room the rest leaves; a crowded case steps down in density.
 */
export function caseCardModel(view: CaseCardView): CaseCardModel {
  const contributions = newestFirst(view.contributions);
  const itemsAt = (d: CardDensity) => contributions.map((c) => contributionItem(c, { textMax: d.contributionText, needMax: d.needToKnow }));
  const olderNote = (n: number) => text(t.contributions.olderOnCard(n), { isSubtle: true, size: 'small' });
  const fixed = {
    caseId: view.case.id,
    refreshVerb: VERBS.refresh,
    refreshUserIds: view.refreshUserIds,
    ...(view.notice ? { notice: { text: view.notice.text, style: view.notice.kind } } : {}),
    status: statusLine(view),
    dangerHeading: nlCaseCards.danger.heading,
    danger: [...dangerLines(view), ...safetySignalDangerLines(view)],
    alerts: [...escalationLine(view), ...closureSection(view)],
    toggles: nlCaseCards.toggles,
    actions: actions(view),
  };
  const parts = (d: CardDensity) => {
    const items = itemsAt(d);
    const before = [
      termijnSection(view),
      ...reAgendaLine(view),
      // A crowded card leaves the full safety list to Details: the danger block names the risks.
      ...(d.hints ? [safetySection(view)] : []),
      // Risk, measures and questions; their forms only on a card that is not crowded (else in the personal view's fullest density).
      ...safetySignalsSection(view, d.hints),
      ...questionsSection(view, d.hints),
      // The leanest card (summary 0) leaves the facts to Details.
      ...(d.summary > 0 ? factsSection(view, d.summary) : []),
      ...(view.viewerOrg !== undefined ? summaryPiiWarning(view.case.summaryPii) : []),
      ...contributionsHead(view, d),
    ];
    const after = [...regieSection(view), ...actionsSection(view, d), ...adviceSection(view, d)];
    const model: CaseCardModel = {
      ...fixed,
      header: [headerSection(view, { personal: view.viewerOrg !== undefined, explainFlags: d.hints })],
      primaryActions: primaryActions(view, d),
      picture: roundSection(view, d),
      tasks: [...askedOfYouSection(view), ...vtSection(view, d)],
      details: [...before, ...after],
      chair: chairSection(view, d),
    };
    // Everything but the contributions, plus room for the "N oudere" note.
    const rest = cardBytes(renderModel(model)) + cardBytes(olderNote(contributions.length));
    return { model, before, after, items, rest, firstItem: items.length > 0 ? cardBytes(items[0]) + 2 : 0 };
  };
  // The fullest density that leaves room for at least one contribution; else the leanest.
  let chosen = parts(CASE_CARD_DENSITIES[0] as CardDensity);
  for (const d of CASE_CARD_DENSITIES.slice(1)) {
    if (chosen.rest + chosen.firstItem <= CASE_CARD_LIMITS.maxBytes) break;
    chosen = parts(d);
  }
  const { before, after, items, model } = chosen;
  // Whatever the rest of the card leaves goes to the contributions.
  const budget = Math.min(CASE_CARD_LIMITS.contributionBytes, CASE_CARD_LIMITS.maxBytes - chosen.rest);
  const fit = takeWithinBudget(items, budget, cardBytes, CASE_CARD_LIMITS.maxContributions);
  return { ...model, details: [...before, ...fit.taken, ...(fit.omitted > 0 ? [olderNote(fit.omitted)] : []), ...after] };
}

export function buildCaseCard(view: CaseCardView): AdaptiveCard {
  return renderModel(caseCardModel(view));
}
