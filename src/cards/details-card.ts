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
import type { CaseCardView } from './view';

/** The dialog shows everything in full, as long as it fits; the oldest rounds and contributions give way first. */
export const DETAILS_CARD_LIMITS = {
  maxBytes: 72 * 1024,
  voteBytes: 24 * 1024,
  contributionText: 2000,
  needToKnow: 500,
  summary: 2000,
  voteReason: 500,
} as const;

function roundGroups(view: CaseCardView): CardElement[][] {
  const last = Math.max(view.case.round, ...view.votes.map((v) => v.round));
  const groups: CardElement[][] = [];
  for (let round = last; round >= 1; round--) {
    groups.push([
      text(t.votes.roundHeading(round, round === view.case.round), { weight: 'bolder', spacing: 'medium', separator: true }),
      text(voteTally(view, round), { isSubtle: true, size: 'small', spacing: 'none' }),
      ...voteRows(view, round, { reasonMax: DETAILS_CARD_LIMITS.voteReason, withTime: true }),
    ]);
  }
  return groups;
}

function votesSection(view: CaseCardView): CardElement[] {
  const head = heading(t.details.votesHeading);
  if (view.votes.length === 0) return [head, text(t.details.noVotes, { isSubtle: true })];
  const fit = takeWithinBudget(roundGroups(view), DETAILS_CARD_LIMITS.voteBytes, cardBytes);
  const note = fit.omitted > 0 ? [text(t.votes.olderRounds(fit.omitted), { isSubtle: true, size: 'small' })] : [];
  return [head, ...fit.taken.flat(), ...note];
}

/** The "Details" dialog (task module): all context information and the votes of all rounds, newest first. */
export function buildDetailsCard(view: CaseCardView): AdaptiveCard {
  const card: AdaptiveCard = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body: [] };
  const before: CardElement[] = [
    ...(view.notice ? [noticeSection(view.notice)] : []),
    headerSection(view),
    termijnSection(view),
    safetySection(view),
    ...factsSection(view, DETAILS_CARD_LIMITS.summary),
    ...votesSection(view),
    heading(t.contributions.heading(view.contributions.length)),
    view.contributions.length === 0
      ? text(t.contributions.none, { isSubtle: true, spacing: 'none' })
      : text(`${t.contributions.byOrg}: ${contributionCounts(view.contributions)}`, { spacing: 'none' }),
  ];
  const items = newestFirst(view.contributions).map((c) =>
    contributionItem(c, { textMax: DETAILS_CARD_LIMITS.contributionText, needMax: DETAILS_CARD_LIMITS.needToKnow }),
  );
  const olderNote = (n: number) => text(t.contributions.olderInDialog(n), { isSubtle: true, size: 'small' });
  const budget = DETAILS_CARD_LIMITS.maxBytes - cardBytes({ ...card, body: before }) - cardBytes(olderNote(items.length));
  const fit = takeWithinBudget(items, budget, cardBytes);
  card.body = [...before, ...fit.taken, ...(fit.omitted > 0 ? [olderNote(fit.omitted)] : [])];
  return card;
}
