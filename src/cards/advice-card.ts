import { nlCards as t } from '../i18n/nl/cards';
import { adviceAoOutcomeElements } from './after-decision';
import { nlPrivacy } from '../i18n/nl/privacy';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { interventionDetailModels, type DetailInput } from './advice-edit-dialog';
import { followUpStatusLines } from './advice-follow-up';
import {
  contributionBlock,
  decisionLines,
  factLines,
  interventionLines,
  newestContributionsFirst,
  openConcernModel,
  patternLines,
  roundBlock,
  tm,
  whoBlock,
  type BlockModel,
  type TextModel,
} from './advice-model';
import { interventionChoices, proposedValue } from './advice-sections';
import { bindTemplate, largestFitting } from './bind';
import { cardBytes } from './budget';
import { CASE_CARD_LIMITS } from './case-card';
import { termijnModel, type NoticeModel, type TermijnModel } from './case-model';
import type { ContainerStyle } from './elements';
import { caseRef } from './sections';
import { formatAmsterdam, formatAmsterdamShort, minTrimmedLength, plainTruncate } from './text';
import { CARD_SCHEMA, type AdaptiveCard, type CardElement } from './types';
import { DIALOGS, INPUTS, VERBS } from './verbs';
import type { AdviceCardView } from './view';
import { withAdviceVerdieping } from './advice-verdieping';

/**
 * The advice card for the OvJ, laid out by cards/advice.json and readable in one minute. Line 1 says
 * where it stands and what is asked of the reader ("uw besluit gevraagd vóór …"); then the termijn,
 * the buikpijn that still stands (per organisation, with its reason), the summary of the advice and
 * "Besluit vastleggen"; then the proposed interventions safety first, the patterns, the facts, and
 * who supplied what and why. "Details" opens the per-round picture and every contribution in a
 * dialog, page by page (dialogs/advice-details-page.json after the first page). Once decided, the
 * card shows the decision and no form.
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

/** Room kept for the details, so they are never empty on a crowded card. */
const DETAILS_MIN_BYTES = 10 * 1024;
/** Room kept on every Details page for its heading and its buttons. */
const PAGE_CHROME_BYTES = 2 * 1024;

type Section = { heading: string; lines: TextModel[] };
type SubmitAction = { title: string; data: Record<string, unknown> };

/** The view model bound to cards/advice.json. */
export interface AdviceModel {
  schema: string;
  refresh: { verb: string; data: { caseId: string } } | null;
  notice: NoticeModel | null;
  status: TextModel;
  title: string;
  meta: string;
  termijn: TermijnModel | null;
  /** Empty: not decided. */
  decision: TextModel[];
  concern: { style: ContainerStyle | null; lines: TextModel[] };
  /** The Actieoverleg's outcome (cards/parts/advice-ao-outcome.json), when recorded. */
  actieoverleg: CardElement[];
  summary: Section;
  decide: {
    title: string;
    hint: string;
    interventions: { id: string; label: string; value: string | null; choices: { title: string; value: string }[] };
    text: { id: string; label: string; placeholder: string; max: number };
    details: DetailInput[];
    concern: { id: string; label: string; placeholder: string; max: number; regex: string; error: string } | null;
    piiConfirm: { id: string; title: string };
    submit: { title: string; verb: string; data: { caseId: string } };
  } | null;
  interventions: Section;
  patterns: Section;
  facts: Section;
  who: { show: boolean; heading: string; none: string | null; items: BlockModel[]; more: string | null };
  details: {
    show: boolean;
    roundsHeading: string;
    roundsNone: string | null;
    rounds: BlockModel[];
    roundsMore: string | null;
    contributionsHeading: string;
    contributionsNone: string | null;
    contributions: BlockModel[];
    contributionsMore: string | null;
  };
  actions: SubmitAction[];
}

function statusLine(view: AdviceCardView): TextModel {
  const a = view.advice;
  if (a.status === 'decided' && a.decision)
    return tm(`✓ ${t.advice.decidedAt(formatAmsterdamShort(a.decision.at, view.now))}`, { weight: 'bolder', color: 'good' });
  if (a.status === 'sent') {
    // Spoken to the OvJ (the card goes to the OvJ; a partner who opens it reads the neutral form).
    const sent = formatAmsterdamShort(a.sentAt ?? a.draft.composedAt, view.now);
    const deadline = formatAmsterdam(view.case.deadline);
    const line =
      view.viewerMayDecide === false ? fx.adviceCard.decisionAskedOther(sent, deadline) : fx.adviceCard.decisionAsked(sent, deadline);
    return tm(line, { weight: 'bolder', color: 'accent' });
  }
  if (a.status === 'decided')
    return tm(t.advice.sentAt(formatAmsterdamShort(a.sentAt ?? a.draft.composedAt, view.now)), { weight: 'bolder', color: 'accent' });
  return tm(t.advice.concept, { weight: 'bolder' });
}

/** Whether this viewer gets the decision form: the OvJ (or an unknown viewer: the server checks), on a sent advice. */
export function showsDecisionForm(view: AdviceCardView): boolean {
  return view.advice.status === 'sent' && view.viewerMayDecide !== false && view.expanded !== true;
}

function decideModel(view: AdviceCardView): AdviceModel['decide'] {
  if (!showsDecisionForm(view)) return null;
  const draft = view.advice.draft;
  return {
    title: t.advice.decide,
    hint: t.advice.decisionHint,
    interventions: {
      id: INPUTS.decisionInterventions,
      label: t.advice.decisionInterventions,
      value: proposedValue(draft, view.palette) || null,
      choices: interventionChoices(view.palette),
    },
    text: {
      id: INPUTS.decisionText,
      label: t.advice.decisionText,
      placeholder: t.advice.decisionTextPlaceholder,
      max: ADVICE_CARD_LIMITS.decisionText,
    },
    details: interventionDetailModels(draft.interventions, view.palette),
    concern:
      draft.openConcern.length > 0
        ? {
            id: INPUTS.decisionConcern,
            label: t.advice.decisionConcern,
            placeholder: t.advice.decisionConcernPlaceholder,
            max: ADVICE_CARD_LIMITS.decisionConcern,
            regex: minTrimmedLength(ADVICE_CARD_LIMITS.decisionConcernMin),
            error: t.advice.decisionConcernError,
          }
        : null,
    piiConfirm: { id: INPUTS.decisionPiiConfirm, title: nlPrivacy.piiConfirmToggle },
    submit: { title: t.advice.decisionSubmit, verb: VERBS.decide, data: { caseId: view.case.id } },
  };
}

/** The part of the card that is always there, at a density (no "who", no details, no actions yet). */
function mainModel(view: AdviceCardView, d: AdviceDensity): AdviceModel {
  const a = view.advice;
  const draft = a.draft;
  const summary = draft.summary.trim();
  const patterns = patternLines(draft, view.now);
  const facts = factLines(draft, view.now, view.expanded ? Number.POSITIVE_INFINITY : d.fact);
  const decision = [
    ...decisionLines(a, view.palette, view.now, { textMax: d.decisionText, withFollowUp: true }),
    ...followUpStatusLines(a, view.now),
  ];
  return {
    schema: CARD_SCHEMA,
    refresh: view.expanded ? null : { verb: VERBS.adviceRefresh, data: { caseId: view.case.id } },
    notice: view.notice ?? null,
    status: statusLine(view),
    title: t.advice.title(caseRef(view.case.id)),
    meta: t.advice.meta(
      view.location.name,
      t.offences[view.case.facts.offenceCategory],
      draft.version,
      formatAmsterdamShort(draft.composedAt, view.now),
    ),
    // The suspect may be in custody: the termijn is part of the question to the OvJ.
    termijn: a.status !== 'decided' ? termijnModel(view) : null,
    decision,
    concern: openConcernModel(draft, view.now, d.reason),
    actieoverleg: adviceAoOutcomeElements(view.aoOutcome, view.now),
    summary: {
      heading: t.advice.summaryHeading,
      lines: [
        summary
          ? tm(plainTruncate(summary, d.summary), { spacing: 'small' })
          : tm(t.advice.summaryNone, { subtle: true, spacing: 'small' }),
        ...(summary && draft.summaryPiiConfirmed && draft.summaryPiiConfirmed.length > 0
          ? [tm(nlPrivacy.piiConfirmedMark, { size: 'small', spacing: 'none' })]
          : []),
        tm(t.advice.summarySource(draft.version, formatAmsterdamShort(draft.composedAt, view.now)), {
          size: 'small',
          subtle: true,
          spacing: 'none',
        }),
      ],
    },
    decide: decideModel(view),
    interventions: { heading: t.advice.interventionsHeading, lines: interventionLines(draft, view.palette, view.now, d.note) },
    patterns: { heading: t.advice.patternsHeading, lines: patterns },
    facts: { heading: t.advice.factsHeading, lines: facts },
    who: { show: false, heading: '', none: null, items: [], more: null },
    details: NO_DETAILS,
    actions: [],
  };
}

const NO_DETAILS: AdviceModel['details'] = {
  show: false,
  roundsHeading: '',
  roundsNone: null,
  rounds: [],
  roundsMore: null,
  contributionsHeading: '',
  contributionsNone: null,
  contributions: [],
  contributionsMore: null,
};

const render = (model: AdviceModel): AdaptiveCard => bindTemplate('cards', 'advice', model);

const detailsButton = (view: AdviceCardView): SubmitAction => ({
  title: t.advice.details,
  data: { msteams: { type: 'task/fetch' }, dialog: DIALOGS.adviceDetails, caseId: view.case.id },
});
const pageButton = (view: AdviceCardView, title: string, page: number): SubmitAction => ({
  title,
  data: { dialog: DIALOGS.adviceDetails, caseId: view.case.id, page },
});

/** The Details dialog, page by page: page 0 the advice in full with the rounds and what fits; the rest of the contributions after. */
function buildExpanded(view: AdviceCardView, reserved = 0): AdaptiveCard {
  const main = mainModel(view, ADVICE_CARD_DENSITIES[0] as AdviceDensity);
  const draft = view.advice.draft;
  const L = ADVICE_CARD_LIMITS;
  const rounds = draft.rounds.map((r) => roundBlock(r, view.now, L.dialogReason));
  const all = newestContributionsFirst(draft);
  const contributions = all.map((c) => contributionBlock(c, view.now, L.dialogText, L.dialogNeedToKnow));
  const withDetails = (r: number, c: number): AdviceModel => ({
    ...main,
    details: {
      show: true,
      roundsHeading: t.advice.roundsHeading,
      roundsNone: rounds.length === 0 ? t.advice.roundsNone : null,
      rounds: rounds.slice(0, r),
      roundsMore: rounds.length > r ? t.advice.olderInDialog(rounds.length - r, t.advice.roundsWord(rounds.length - r)) : null,
      contributionsHeading: t.details.contributionsHeading,
      contributionsNone: contributions.length === 0 ? t.advice.contributionsNone : null,
      contributions: contributions.slice(0, c),
      contributionsMore:
        contributions.length > c
          ? fx.adviceDetails.onNextPages(contributions.length - c, t.advice.contributionsWord(contributions.length - c))
          : null,
    },
    actions: [pageButton(view, fx.adviceDetails.next(2, 99), 1)], // room for the button while measuring
  });
  const max = L.maxBytes - PAGE_CHROME_BYTES - reserved;
  const base = cardBytes(render(withDetails(0, 0)));
  const room = max - base;
  // Rounds get at most half unless the contributions need less.
  const contribNeed = cardBytes(render(withDetails(0, contributions.length))) - base;
  const roundsRoom = Math.max(room / 2, room - contribNeed);
  const r = largestFitting(rounds.length, (k) => cardBytes(render(withDetails(k, 0))) - base <= roundsRoom);
  const c = largestFitting(contributions.length, (k) => cardBytes(render(withDetails(r, k))) <= max);
  const pages = contributionPages(view, contributions.slice(c));
  const page = Math.min(Math.max(0, view.page ?? 0), pages.length);
  if (page === 0) {
    const first = withDetails(r, c);
    return render({ ...first, actions: pages.length > 0 ? [pageButton(view, fx.adviceDetails.next(2, pages.length + 1), 1)] : [] });
  }
  const items = pages[page - 1] as BlockModel[];
  const total = pages.length + 1;
  const from = c + pages.slice(0, page - 1).reduce((n, p) => n + p.length, 0) + 1;
  return bindTemplate('dialogs', 'advice-details-page', {
    schema: CARD_SCHEMA,
    title: t.advice.title(caseRef(view.case.id)),
    heading: fx.adviceDetails.pageHeading(page + 1, total, from, from + items.length - 1, all.length),
    items,
    actions: [
      pageButton(view, fx.adviceDetails.previous(page, total), page - 1),
      ...(page < pages.length ? [pageButton(view, fx.adviceDetails.next(page + 2, total), page + 1)] : []),
    ],
  });
}

/** The contributions after page 0, packed into pages within the dialog's budget (at least one per page), measured as rendered. */
function contributionPages(view: AdviceCardView, rest: BlockModel[]): BlockModel[][] {
  if (rest.length === 0) return [];
  const page = (items: BlockModel[]) =>
    bindTemplate('dialogs', 'advice-details-page', { schema: CARD_SCHEMA, title: '', heading: '', items, actions: [] });
  const empty = page([]);
  const rendered = page(rest).body.slice(empty.body.length);
  const budget = ADVICE_CARD_LIMITS.maxBytes - cardBytes(empty) - PAGE_CHROME_BYTES - view.case.id.length * 8;
  const pages: BlockModel[][] = [];
  let current: BlockModel[] = [];
  let used = 0;
  rest.forEach((item, i) => {
    const size = cardBytes(rendered[i]) + 2;
    if (current.length > 0 && used + size > budget) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += size;
  });
  if (current.length > 0) pages.push(current);
  return pages;
}

export function buildAdviceCard(view: AdviceCardView): AdaptiveCard {
  // Verdieping (issue 14): the advice starts from the confirmed duiding; its sections come off the budget.
  const build = (v: AdviceCardView) => (reserved: number) => (v.expanded ? buildExpanded(v, reserved) : buildLean(v, reserved));
  return withAdviceVerdieping(view, build(view), build({ ...view, page: 0 }));
}

function buildLean(view: AdviceCardView, reserved: number): AdaptiveCard {
  const L = ADVICE_CARD_LIMITS;
  const maxBytes = L.maxBytes - reserved;
  const contributions = newestContributionsFirst(view.advice.draft);
  const actions = [detailsButton(view)];
  const whoHead = {
    show: true,
    heading: t.advice.contributionsHeading(contributions.length),
    none: contributions.length === 0 ? t.advice.contributionsNone : null,
  };

  // The fullest density whose fixed part leaves room for the details; else the leanest.
  const fixedAt = (d: AdviceDensity) => {
    const model: AdviceModel = { ...mainModel(view, d), who: { ...whoHead, items: [], more: null }, actions };
    return { d, model, bytes: cardBytes(render(model)) };
  };
  let fixed = fixedAt(ADVICE_CARD_DENSITIES[0] as AdviceDensity);
  for (const d of ADVICE_CARD_DENSITIES.slice(1)) {
    if (fixed.bytes + DETAILS_MIN_BYTES <= maxBytes) break;
    fixed = fixedAt(d);
  }

  // "Wie leverde wat": newest first, as many as fit in its share.
  const blocks = contributions.map((c) => whoBlock(c, view.now, fixed.d.contribution, fixed.d.needToKnow));
  const withWho = (k: number): AdviceModel => ({
    ...fixed.model,
    who: { ...whoHead, items: blocks.slice(0, k), more: blocks.length > k ? t.advice.moreContributions(blocks.length - k) : null },
  });
  const whoRoom = Math.min(L.whoBytes, maxBytes - fixed.bytes - DETAILS_MIN_BYTES);
  const k = largestFitting(blocks.length, (n) => cardBytes(render(withWho(n))) - fixed.bytes <= whoRoom);
  return render(withWho(k));
}
