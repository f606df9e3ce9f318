import { nlCards as t } from '../i18n/nl/cards';
import { nlDialogsInline } from '../i18n/nl/dialogs-inline';
import { bindTemplate } from './bind';
import { VERBS } from './verbs';
import { cardBytes, takeWithinBudget } from './budget';
import { renderPart } from './parts';
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

/** The view model of dialogs/details.json; `null` leaves a line out. */
export interface DetailsModel {
  schema: string;
  top: CardElement[];
  votesHeading: string;
  noVotes: string | null;
  rounds: CardElement[];
  olderRounds: string | null;
  contributionsHeading: string;
  contributionsLine: string;
  contributionsNone: boolean | null;
  contributions: CardElement[];
  olderContributions: string | null;
  /** Shown in the message itself (no dialog): back to the case card. */
  back: { title: string; verb: string; caseId: string } | null;
}

/** One rendered round (cards/parts/details-round.json) per round, newest first. */
function roundGroups(view: CaseCardView): CardElement[][] {
  const last = Math.max(view.case.round, ...view.votes.map((v) => v.round));
  const groups: CardElement[][] = [];
  for (let round = last; round >= 1; round--) {
    groups.push(
      renderPart('details-round', {
        heading: t.votes.roundHeading(round, round === view.case.round),
        tally: voteTally(view, round),
        rows: voteRows(view, round, { reasonMax: DETAILS_CARD_LIMITS.voteReason, withTime: true }),
      }),
    );
  }
  return groups;
}

const render = (m: DetailsModel): AdaptiveCard => bindTemplate('dialogs', 'details', m);

/**
 * The "Details" dialog (task module): all context information and the votes of all rounds, newest
 * first. `here`: the same view in the message itself, for clients that cannot open a dialog; it then
 * stays within the case card's size limit and offers "Terug naar de zaak".
 */
export function buildDetailsCard(view: CaseCardView, opts: { here?: { maxBytes: number } } = {}): AdaptiveCard {
  const maxBytes = opts.here?.maxBytes ?? DETAILS_CARD_LIMITS.maxBytes;
  const rounds =
    view.votes.length === 0
      ? null
      : takeWithinBudget(roundGroups(view), Math.min(DETAILS_CARD_LIMITS.voteBytes, Math.floor(maxBytes / 2)), cardBytes);
  const none = view.contributions.length === 0;
  const model: DetailsModel = {
    schema: CARD_SCHEMA,
    top: [
      ...(view.notice ? [noticeSection(view.notice)] : []),
      headerSection(view),
      termijnSection(view),
      safetySection(view),
      ...factsSection(view, DETAILS_CARD_LIMITS.summary),
    ],
    votesHeading: t.details.votesHeading,
    noVotes: rounds ? null : t.details.noVotes,
    rounds: rounds ? rounds.taken.flat() : [],
    olderRounds: rounds && rounds.omitted > 0 ? t.votes.olderRounds(rounds.omitted) : null,
    contributionsHeading: t.contributions.heading(view.contributions.length),
    contributionsLine: none ? t.contributions.none : `${t.contributions.byOrg}: ${contributionCounts(view.contributions)}`,
    contributionsNone: none ? true : null,
    contributions: [],
    olderContributions: null,
    back: opts.here ? { title: nlDialogsInline.backToCase, verb: VERBS.open, caseId: view.case.id } : null,
  };
  const items = newestFirst(view.contributions).map((c) =>
    contributionItem(c, { textMax: DETAILS_CARD_LIMITS.contributionText, needMax: DETAILS_CARD_LIMITS.needToKnow }),
  );
  // The contributions get what the rest leaves of the dialog's budget (with room for the "older" note).
  const budget = maxBytes - cardBytes(render({ ...model, olderContributions: t.contributions.olderInDialog(items.length) }));
  const fit = takeWithinBudget(items, budget, cardBytes);
  return render({
    ...model,
    contributions: fit.taken,
    olderContributions: fit.omitted > 0 ? t.contributions.olderInDialog(fit.omitted) : null,
  });
}
