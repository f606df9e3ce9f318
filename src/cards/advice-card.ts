import { nlCards as t } from '../i18n/nl/cards';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import {
  contributionBlock,
  decisionSection,
  factsSection,
  interventionChoices,
  interventionDetailInputs,
  interventionsSection,
  newestContributionsFirst,
  openConcernSection,
  patternsSection,
  proposedValue,
  roundBlock,
} from './advice-sections';
import { cardBytes, takeWithinBudget } from './budget';
import { CASE_CARD_LIMITS } from './case-card';
import { container, heading, text } from './elements';
import { caseRef, noticeSection, termijnSection } from './sections';
import { formatAmsterdam, formatAmsterdamShort, minTrimmedLength, plainTruncate } from './text';
import { CARD_SCHEMA, type AdaptiveCard, type CardElement } from './types';
import { DIALOGS, INPUTS, VERBS } from './verbs';
import type { AdviceCardView } from './view';
import { piiConfirmedMark, piiConfirmToggle } from './free-text';

/**
 * The advice card for the OvJ, readable in one minute: what it is and where it stands, the summary,
 * the proposed interventions safety first, the buikpijn that still stands (per organisation, with its
 * reason), the patterns, the facts, and who supplied what and why. "Details tonen" unfolds the
 * per-round picture and the contributions inline; "Details" opens them in a dialog. Once sent, the OvJ
 * records the decision on the card; once decided, the card shows the decision and no form.
 */

export const ADVICE_CARD_LIMITS = {
  /** The same budget as the case card (UTF-16, see budget.ts). */
  maxBytes: CASE_CARD_LIMITS.maxBytes,
  /** At most this much goes to the "Wie leverde wat" list on the card itself. */
  whoBytes: 16 * 1024,
  /** The decision's own inputs (the server keeps 2,000 and 1,000 characters). */
  decisionText: 2000,
  decisionConcern: 1000,
  decisionConcernMin: 10,
  /** In "Details tonen": a contribution's text, its reason and a vote's reason (the dialog shows them whole). */
  detailsText: 600,
  detailsNeedToKnow: 200,
  detailsReason: 200,
  /** In the dialog: texts whole (the domain's own maxima). */
  dialogText: 2000,
  dialogNeedToKnow: 500,
  dialogReason: 500,
} as const;

/** How much of each text the card itself shows; the card steps down when the fixed part is too large. */
interface AdviceDensity {
  summary: number;
  fact: number;
  reason: number;
  note: number;
  needToKnow: number;
  decisionText: number;
  /** A contribution's own text in "Wie leverde wat". */
  contribution: number;
}

export const ADVICE_CARD_DENSITIES: readonly AdviceDensity[] = [
  { summary: 2000, fact: 400, reason: 300, note: 200, needToKnow: 160, decisionText: 1000, contribution: 600 },
  { summary: 1000, fact: 200, reason: 160, note: 80, needToKnow: 100, decisionText: 400, contribution: 300 },
  { summary: 500, fact: 120, reason: 100, note: 40, needToKnow: 60, decisionText: 200, contribution: 150 },
];

/** Room kept for the "Details tonen" card, so it is never empty on a crowded card. */
const DETAILS_MIN_BYTES = 10 * 1024;

function statusLine(view: AdviceCardView): CardElement {
  const a = view.advice;
  if (a.status === 'besloten' && a.decision)
    return text(t.advice.decidedAt(formatAmsterdamShort(a.decision.at, view.now)), { weight: 'bolder', color: 'good', spacing: 'small' });
  if (a.status === 'verzonden') {
    // Spoken to the OvJ (the card goes to the OvJ; a partner who opens it reads the neutral form).
    const sent = formatAmsterdamShort(a.sentAt ?? a.draft.composedAt, view.now);
    const deadline = formatAmsterdam(view.case.deadline);
    const line =
      view.viewerMayDecide === false ? fx.adviceCard.decisionAskedOther(sent, deadline) : fx.adviceCard.decisionAsked(sent, deadline);
    return text(line, { weight: 'bolder', color: 'accent', spacing: 'small' });
  }
  if (a.status === 'besloten')
    return text(t.advice.sentAt(formatAmsterdamShort(a.sentAt ?? a.draft.composedAt, view.now)), {
      weight: 'bolder',
      color: 'accent',
      spacing: 'small',
    });
  return text(t.advice.concept, { weight: 'bolder', color: 'warning', spacing: 'small' });
}

function headerSection(view: AdviceCardView): CardElement[] {
  const d = view.advice.draft;
  const meta = t.advice.meta(
    view.location.name,
    t.offences[view.case.facts.offenceCategory],
    d.version,
    formatAmsterdamShort(d.composedAt, view.now),
  );
  return [
    text(t.advice.title(caseRef(view.case.id)), { weight: 'bolder', size: 'large' }),
    text(meta, { isSubtle: true, size: 'small', spacing: 'none' }),
    statusLine(view),
    // The suspect may be in custody: the termijn is part of the question to the OvJ.
    ...(view.advice.status !== 'besloten' ? [termijnSection(view)] : []),
  ];
}

function summarySection(view: AdviceCardView, max: number): CardElement[] {
  const d = view.advice.draft;
  const summary = d.summary.trim();
  return [
    heading(t.advice.summaryHeading),
    summary ? text(plainTruncate(summary, max), { spacing: 'small' }) : text(t.advice.summaryNone, { isSubtle: true, spacing: 'small' }),
    ...(summary ? piiConfirmedMark(d.summaryPiiConfirmed) : []),
    text(t.advice.summarySource(d.version, formatAmsterdamShort(d.composedAt, view.now)), {
      size: 'small',
      isSubtle: true,
      spacing: 'none',
    }),
  ];
}

/** Whether this viewer gets the decision form: the OvJ (or an unknown viewer: the server checks), on a sent advice. */
export function showsDecisionForm(view: AdviceCardView): boolean {
  return view.advice.status === 'verzonden' && view.viewerMayDecide !== false && view.expanded !== true;
}

function decisionForm(view: AdviceCardView): CardElement {
  const draft = view.advice.draft;
  const value = proposedValue(draft, view.palette);
  const body: CardElement[] = [
    text(t.advice.decisionHint, { size: 'small', isSubtle: true }),
    {
      type: 'Input.ChoiceSet',
      id: INPUTS.decisionInterventions,
      label: t.advice.decisionInterventions,
      isMultiSelect: true,
      ...(value ? { value } : {}),
      choices: interventionChoices(view.palette),
    },
    {
      type: 'Input.Text',
      id: INPUTS.decisionText,
      label: t.advice.decisionText,
      placeholder: t.advice.decisionTextPlaceholder,
      isMultiline: true,
      maxLength: ADVICE_CARD_LIMITS.decisionText,
    },
    ...interventionDetailInputs(draft.interventions, view.palette),
  ];
  if (draft.openConcern.length > 0) {
    body.push({
      type: 'Input.Text',
      id: INPUTS.decisionConcern,
      label: t.advice.decisionConcern,
      placeholder: t.advice.decisionConcernPlaceholder,
      isMultiline: true,
      maxLength: ADVICE_CARD_LIMITS.decisionConcern,
      regex: minTrimmedLength(ADVICE_CARD_LIMITS.decisionConcernMin),
      isRequired: true,
      errorMessage: t.advice.decisionConcernError,
    });
  }
  body.push(piiConfirmToggle(INPUTS.decisionPiiConfirm));
  return {
    type: 'Action.ShowCard',
    title: t.advice.decide,
    card: {
      type: 'AdaptiveCard',
      body,
      actions: [
        {
          type: 'Action.Execute',
          title: t.advice.decisionSubmit,
          verb: VERBS.decide,
          data: { caseId: view.case.id },
          associatedInputs: 'auto',
          style: 'positive',
        },
      ],
    },
  };
}

/** The part of the card that is always there, at a density. */
function mainBody(view: AdviceCardView, d: AdviceDensity): CardElement[] {
  const draft = view.advice.draft;
  return [
    ...(view.notice ? [noticeSection(view.notice)] : []),
    ...headerSection(view),
    ...decisionSection(view.advice, view.palette, view.now, { textMax: d.decisionText, withFollowUp: true }),
    ...summarySection(view, d.summary),
    ...interventionsSection(draft, view.palette, view.now, d.note),
    ...openConcernSection(draft, view.now, d.reason),
    ...patternsSection(draft, view.now),
    ...factsSection(draft, view.now, view.expanded ? Number.POSITIVE_INFINITY : d.fact),
  ];
}

function whoHeading(count: number): CardElement[] {
  const head = heading(t.advice.contributionsHeading(count));
  return count === 0 ? [head, text(t.advice.contributionsNone, { isSubtle: true, spacing: 'none' })] : [head];
}

const note = (value: string): CardElement => text(value, { isSubtle: true, size: 'small' });

/**
 * The per-round picture (newest first) and the contributions (newest first), within `budget` bytes:
 * rounds get at most half unless the contributions need less; what does not fit is counted.
 */
function detailsParts(
  view: AdviceCardView,
  budget: number,
  opts: { textMax: number; needMax: number; reasonMax: number; olderNote: (n: number, kind: 'rounds' | 'contributions') => string },
): { body: CardElement[]; contributionsTaken: number } {
  const draft = view.advice.draft;
  const size = (e: CardElement) => cardBytes(e);
  const roundItems = draft.rounds.map((r) => roundBlock(r, view.now, opts.reasonMax));
  const contribItems = newestContributionsFirst(draft).map((c) => contributionBlock(c, view.now, opts.textMax, opts.needMax));
  const roundsHead = [heading(t.advice.roundsHeading), ...(draft.rounds.length === 0 ? [note(t.advice.roundsNone)] : [])];
  const contribHead = [heading(t.details.contributionsHeading)];
  const noteRoom = 2 * cardBytes(note(opts.olderNote(99, 'contributions')));
  const room = Math.max(0, budget - cardBytes([...roundsHead, ...contribHead]) - noteRoom);
  const contribNeed = contribItems.reduce((s, e) => s + size(e) + 2, 0);
  const roundsBudget = Math.max(room / 2, room - contribNeed);
  const rounds = takeWithinBudget(roundItems, roundsBudget, size);
  const contribs = takeWithinBudget(contribItems, room - rounds.bytes, size);
  return {
    body: [
      ...roundsHead,
      ...rounds.taken,
      ...(rounds.omitted > 0 ? [note(opts.olderNote(rounds.omitted, 'rounds'))] : []),
      ...contribHead,
      ...(contribItems.length === 0 ? [note(t.advice.contributionsNone)] : []),
      ...contribs.taken,
      ...(contribs.omitted > 0 ? [note(opts.olderNote(contribs.omitted, 'contributions'))] : []),
    ],
    contributionsTaken: contribs.taken.length,
  };
}

/** "Wie leverde wat": each contribution with its contents inline, and why it was needed. */
function whoLine(c: AdviceCardView['advice']['draft']['contributions'][number], now: Date, d: AdviceDensity): CardElement {
  const source = (t.sources as Record<string, string>)[c.source] ?? c.source;
  return container(
    [
      text(
        fx.adviceCard.contributionLine(t.orgs[c.orgId], formatAmsterdamShort(c.at, now), source, plainTruncate(c.text, d.contribution)),
        {
          size: 'small',
        },
      ),
      text(fx.adviceCard.needToKnowLine(plainTruncate(c.needToKnow, d.needToKnow)), { size: 'small', isSubtle: true, spacing: 'none' }),
    ],
    { spacing: 'small' },
  );
}

function detailsSubmit(view: AdviceCardView): CardElement {
  return {
    type: 'Action.Submit',
    title: t.advice.details,
    data: { msteams: { type: 'task/fetch' }, dialog: DIALOGS.adviceDetails, caseId: view.case.id },
    associatedInputs: 'none',
  };
}

const pageButton = (view: AdviceCardView, title: string, page: number): CardElement => ({
  type: 'Action.Submit',
  title,
  data: { dialog: DIALOGS.adviceDetails, caseId: view.case.id, page },
});

/** Room kept on every page for its heading and its buttons. */
const PAGE_CHROME_BYTES = 2 * 1024;

/**
 * The dialog, page by page: page 0 is everything on one card (texts whole as far as they fit); the
 * contributions that did not fit follow on the next pages, each whole with its need-to-know reason, so
 * Details reaches every contribution. No form (dialogs take no Execute); the pages are Action.Submit.
 */
function buildExpanded(view: AdviceCardView, card: AdaptiveCard): AdaptiveCard {
  const d = ADVICE_CARD_DENSITIES[0] as AdviceDensity;
  const main = mainBody(view, d);
  const budget = ADVICE_CARD_LIMITS.maxBytes - cardBytes({ ...card, body: main }) - PAGE_CHROME_BYTES;
  const first = detailsParts(view, budget, {
    textMax: ADVICE_CARD_LIMITS.dialogText,
    needMax: ADVICE_CARD_LIMITS.dialogNeedToKnow,
    reasonMax: ADVICE_CARD_LIMITS.dialogReason,
    olderNote: (n, kind) =>
      kind === 'rounds'
        ? t.advice.olderInDialog(n, t.advice.roundsWord(n))
        : fx.adviceDetails.onNextPages(n, t.advice.contributionsWord(n)),
  });
  const all = newestContributionsFirst(view.advice.draft);
  const pages = contributionPages(view, all.slice(first.contributionsTaken), card);
  const page = Math.min(Math.max(0, view.page ?? 0), pages.length);
  if (page === 0) {
    const actions = pages.length > 0 ? [pageButton(view, fx.adviceDetails.next(2, pages.length + 1), 1)] : [];
    return { ...card, body: [...main, ...first.body], ...(actions.length > 0 ? { actions } : {}) };
  }
  const items = pages[page - 1] as CardElement[];
  const total = pages.length + 1;
  const from = first.contributionsTaken + pages.slice(0, page - 1).reduce((n, p) => n + p.length, 0) + 1;
  return {
    ...card,
    body: [
      text(t.advice.title(caseRef(view.case.id)), { weight: 'bolder', size: 'large' }),
      text(fx.adviceDetails.pageHeading(page + 1, total, from, from + items.length - 1, all.length), { isSubtle: true, spacing: 'none' }),
      ...items,
    ],
    actions: [
      pageButton(view, fx.adviceDetails.previous(page, total), page - 1),
      ...(page < pages.length ? [pageButton(view, fx.adviceDetails.next(page + 2, total), page + 1)] : []),
    ],
  };
}

/** The contributions after page 0, packed into pages within the dialog's budget (at least one per page). */
function contributionPages(view: AdviceCardView, rest: AdviceCardView['advice']['draft']['contributions'], card: AdaptiveCard) {
  const budget = ADVICE_CARD_LIMITS.maxBytes - cardBytes(card) - PAGE_CHROME_BYTES;
  const pages: CardElement[][] = [];
  let current: CardElement[] = [];
  let used = 0;
  for (const c of rest) {
    const item = contributionBlock(c, view.now, ADVICE_CARD_LIMITS.dialogText, ADVICE_CARD_LIMITS.dialogNeedToKnow);
    const size = cardBytes(item) + 2;
    if (current.length > 0 && used + size > budget) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += size;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

export function buildAdviceCard(view: AdviceCardView): AdaptiveCard {
  const caseId = view.case.id;
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    msteams: { width: 'Full' },
    body: [],
  };
  if (view.expanded) return buildExpanded(view, card);

  card.refresh = { action: { type: 'Action.Execute', verb: VERBS.adviceRefresh, data: { caseId } } };
  const formActions = showsDecisionForm(view) ? [decisionForm(view)] : [];
  const contributions = newestContributionsFirst(view.advice.draft);

  // The fullest density whose fixed part leaves room for the details; else the leanest.
  const fixedAt = (d: AdviceDensity) => {
    const body = [...mainBody(view, d), ...whoHeading(contributions.length)];
    const actions = [...formActions, detailsSubmit(view)];
    return { d, body, actions, bytes: cardBytes({ ...card, body, actions }) };
  };
  let fixed = fixedAt(ADVICE_CARD_DENSITIES[0] as AdviceDensity);
  for (const d of ADVICE_CARD_DENSITIES.slice(1)) {
    if (fixed.bytes + DETAILS_MIN_BYTES <= ADVICE_CARD_LIMITS.maxBytes) break;
    fixed = fixedAt(d);
  }

  // "Wie leverde wat": newest first, as many as fit in its share.
  const olderWho = (n: number) => note(t.advice.moreContributions(n));
  const whoRoom = Math.min(ADVICE_CARD_LIMITS.whoBytes, ADVICE_CARD_LIMITS.maxBytes - fixed.bytes - DETAILS_MIN_BYTES);
  const who = takeWithinBudget(
    contributions.map((c) => whoLine(c, view.now, fixed.d)),
    Math.max(0, whoRoom - cardBytes(olderWho(contributions.length))),
    cardBytes,
  );
  const body = [...fixed.body, ...who.taken, ...(who.omitted > 0 ? [olderWho(who.omitted)] : [])];
  // One Details button: the dialog shows the rounds and every contribution whole, page by page.
  card.body = body;
  card.actions = [...formActions, detailsSubmit(view)];
  return card;
}
