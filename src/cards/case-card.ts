import { CONTRIBUTION_SOURCES } from '../domain/contribution';
import { nlCards as t } from '../i18n/nl/cards';
import { cardBytes, takeWithinBudget } from './budget';
import { heading, text } from './elements';
import {
  contributionCounts,
  contributionItem,
  factsSection,
  headerSection,
  newestFirst,
  noticeSection,
  safetySection,
  termijnSection,
  voteRows,
  voteTally,
} from './sections';
import { CARD_SCHEMA, type AdaptiveCard, type CardElement } from './types';
import { DIALOGS, INPUTS, VERBS } from './verbs';
import type { CaseCardView } from './view';

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

/** Client-side check matching the domain rule "at least N characters after trimming", so the typed text is not lost to a round trip. */
export function minTrimmedLength(n: number): string {
  return `^\\s*\\S[\\s\\S]{${n - 2},}\\S\\s*$`;
}

/** An input's earlier value, when the card is shown again after a refusal. */
function prefill(draft: CaseCardView['draft'], id: keyof NonNullable<CaseCardView['draft']>): { value?: string } {
  const value = draft?.[id];
  return value ? { value } : {};
}

function contributionActions(caseId: string, draft: CaseCardView['draft']): CardElement {
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

function concernActions(caseId: string, draft: CaseCardView['draft']): CardElement {
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
      ],
      actions: [
        { type: 'Action.Execute', title: t.actions.submitConcern, verb: VERBS.voteConcern, data: { caseId }, associatedInputs: 'auto' },
      ],
    },
  };
}

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
  return [
    contributionActions(caseId, view.draft),
    concernActions(caseId, view.draft),
    { type: 'Action.Execute', title: t.actions.noConcern, verb: VERBS.voteNoConcern, data: { caseId }, associatedInputs: 'none' },
    details,
  ];
}

function buikpijnSection(view: CaseCardView): CardElement[] {
  const round = view.case.round;
  return [
    heading(t.votes.heading(round)),
    text(`${t.votes.question} ${voteTally(view, round)}`, { isSubtle: true, spacing: 'none', size: 'small' }),
    ...voteRows(view, round, { reasonMax: CASE_CARD_LIMITS.voteReason, withTime: false }),
  ];
}

function contributionsHead(view: CaseCardView): CardElement[] {
  const head = [heading(t.contributions.heading(view.contributions.length))];
  if (view.contributions.length === 0) return [...head, text(t.contributions.none, { isSubtle: true, spacing: 'none' })];
  return [...head, text(`${t.contributions.byOrg}: ${contributionCounts(view.contributions)}`, { spacing: 'none' })];
}

/** The case card posted in the ZSM channel: the picture at a glance, and the actions on it. */
export function buildCaseCard(view: CaseCardView): AdaptiveCard {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    msteams: { width: 'Full' },
    refresh: { action: { type: 'Action.Execute', verb: VERBS.refresh, data: { caseId: view.case.id } }, userIds: view.refreshUserIds },
    body: [],
    actions: actions(view),
  };
  const before: CardElement[] = [
    ...(view.notice ? [noticeSection(view.notice)] : []),
    headerSection(view),
    termijnSection(view),
    safetySection(view),
    ...factsSection(view, CASE_CARD_LIMITS.summary),
    ...contributionsHead(view),
  ];
  const after = buikpijnSection(view);

  const items = newestFirst(view.contributions).map((c) =>
    contributionItem(c, { textMax: CASE_CARD_LIMITS.contributionText, needMax: CASE_CARD_LIMITS.needToKnow }),
  );
  const olderNote = (n: number) => text(t.contributions.olderOnCard(n), { isSubtle: true, size: 'small' });
  // Whatever the rest of the card leaves (minus room for the "N oudere" note) goes to the contributions.
  const rest = cardBytes({ ...card, body: [...before, ...after] }) + cardBytes(olderNote(items.length));
  const budget = Math.min(CASE_CARD_LIMITS.contributionBytes, CASE_CARD_LIMITS.maxBytes - rest);
  const fit = takeWithinBudget(items, budget, cardBytes, CASE_CARD_LIMITS.maxContributions);

  card.body = [...before, ...fit.taken, ...(fit.omitted > 0 ? [olderNote(fit.omitted)] : []), ...after];
  return card;
}
