import { formatDayMonthYear } from '../domain/local-time';
import type { PartnerOrg } from '../domain/orgs';
import type { PersonRef } from '../domain/verdieping/common';
import { openRequests, requestAge } from '../domain/verdieping/info-request';
import { whatIsMissing, type MissingItem } from '../domain/verdieping/people';
import { personsWithoutHolder } from '../domain/verdieping/safety-plan';
import { runningMeasures } from '../domain/verdieping/safety-signals';
import { currentReading, pendingProposals } from '../domain/verdieping/shared-reading';
import { amsterdamDate } from '../domain/verdieping/summary';
import { nlAdviceVerdieping as a } from '../i18n/nl/advice-verdieping';
import { nlCards as t } from '../i18n/nl/cards';
import { nlVerdieping as v } from '../i18n/nl/verdieping';
import type { VerdiepingDocs } from '../domain/verdieping/bundle';
import type { ReceivingParty } from '../domain/verdieping/config';
import { cardBytes } from './budget';
import { CASE_CARD_LIMITS } from './case-card';
import { renderPart } from './parts';
import { formatAmsterdamShort, plainTruncate } from './text';
import type { AdaptiveCard, CardElement } from './types';

/**
 * The verdieping sections of the advice to the OvJ (issue 14): the advice starts from the confirmed
 * gezamenlijke duiding, then the safety plan per person (holder, measure, status, check date), the
 * risk instruments, running measures and violations, the informatievragen (open and settled), and
 * what is missing about the people involved. The Actieoverleg card shows the safety plan. Each
 * section is its own part (cards/parts/advice-*.json); persons by role label, never a name.
 * Texts step down in length (densities) when the card would not fit otherwise.
 */

/**
 * What the advice to the OvJ and the Actieoverleg card show of verdieping (issue 14): the verdieping
 * documents of the case, its persons as role labels, the location's receiving parties, and the texts
 * of the answers to informatievragen that the viewer's organisation may read (a restricted answer
 * keeps only that it was answered). Built from one read of the case's partition; nothing of it when
 * the case has no verdieping at all (a plain ZSM case keeps its advice as it was).
 */
export interface AdviceVerdiepingData {
  persons: PersonRef[];
  receivingParties: ReceivingParty[];
  docs: VerdiepingDocs;
  /** The phase is verdieping (then "wat ontbreekt" is asked of everyone). */
  inVerdieping: boolean;
  /** Answer texts by contribution id, only those the viewer may read. */
  answers: Record<string, { text: string; at: string }>;
}

export interface LineModel {
  text: string;
  weight: 'bolder' | null;
  subtle: true | null;
  size: 'small' | null;
  spacing: 'none' | 'small' | null;
}

const ln = (text: string, o: { bold?: boolean; subtle?: boolean; small?: boolean; tight?: boolean } = {}): LineModel => ({
  text,
  weight: o.bold ? 'bolder' : null,
  subtle: o.subtle ? true : null,
  size: o.small ? 'small' : null,
  spacing: o.tight ? 'none' : 'small',
});

export interface SectionModel {
  style: 'attention' | 'emphasis' | null;
  heading: string;
  lines: LineModel[];
}

export interface ReadingModel {
  style: 'emphasis' | null;
  heading: string;
  none: string | null;
  fields: { label: string; value: string }[];
  meta: string | null;
}

export interface AdviceVerdiepingModels {
  reading: ReadingModel | null;
  safetyPlan: SectionModel | null;
  signals: SectionModel | null;
  questions: SectionModel | null;
  missing: SectionModel | null;
}

/** How much text each section shows; the card steps down through these when it would not fit. */
export interface VerdiepingDensity {
  /** Each field of the duiding. */
  reading: number;
  /** A measure of the safety plan, a question, an answer. */
  text: number;
  /** At most this many lines per list section (the rest is counted). */
  lines: number;
  /** One short section instead of five. */
  short?: true;
}

export const ADVICE_VERDIEPING_DENSITIES: readonly VerdiepingDensity[] = [
  { reading: 2000, text: 500, lines: 40 },
  { reading: 600, text: 200, lines: 20 },
  { reading: 240, text: 80, lines: 8 },
  { reading: 120, text: 40, lines: 4 },
  // The crowded card: one short section (cards/parts/advice-verdieping-short.json), everything counted; the case has it all.
  { reading: 160, text: 0, lines: 0, short: true },
];

const org = (o: PartnerOrg): string => t.orgs[o];
/** '2026-12-01' → '1 dec 2026' (a Dutch calendar date; noon keeps it on the same day in any offset). */
const dayOf = (date: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDayMonthYear(`${date}T12:00:00.000Z`) : date);

function personLabelOf(d: AdviceVerdiepingData): (ref: string) => string {
  const byRef = new Map(d.persons.map((p) => [p.ref as string, p]));
  return (ref) => {
    const p = byRef.get(ref);
    return p ? v.personLabel(p, d.persons) : ref;
  };
}

/** Counted lines: the first `max`, then "+ n meer". */
function capped(lines: LineModel[], max: number, more: (n: number) => string): LineModel[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), ln(more(lines.length - max), { subtle: true, small: true })];
}

export function readingModel(d: AdviceVerdiepingData, now: Date, density: VerdiepingDensity): ReadingModel {
  const readings = d.docs.readings.map((r) => r.body);
  const confirmed = currentReading(readings);
  const pending = pendingProposals(readings).filter((p) => !confirmed || p.version > confirmed.version).length;
  const max = density.reading;
  const fields = confirmed
    ? [
        { label: v.reading.whatHappened, value: confirmed.whatHappened },
        { label: v.reading.worries, value: confirmed.worries },
        { label: v.reading.protectiveFactors, value: confirmed.protectiveFactors },
        { label: v.reading.unknowns, value: confirmed.unknowns },
        { label: v.reading.sharedGoal, value: confirmed.sharedGoal },
      ]
        .filter((f) => f.value.trim().length > 0)
        .map((f) => ({ label: f.label, value: plainTruncate(f.value, max) }))
    : [];
  const meta = [
    ...(confirmed
      ? [
          a.reading.confirmed(
            confirmed.version,
            org(confirmed.proposedBy.orgId),
            formatAmsterdamShort(confirmed.confirmed?.at ?? confirmed.proposedAt, now),
          ),
        ]
      : []),
    ...(pending > 0 ? [a.reading.pending(pending)] : []),
  ];
  return {
    style: confirmed ? 'emphasis' : null,
    heading: a.reading.heading,
    none: confirmed ? null : a.reading.none,
    fields,
    meta: meta.length > 0 ? meta.join(' · ') : null,
  };
}

export function safetyPlanModel(d: AdviceVerdiepingData, density: VerdiepingDensity): SectionModel | null {
  const label = personLabelOf(d);
  const plan = d.docs.safetyPlan.map((x) => x.body);
  // In the ZSM phase without a plan nobody is named as without a holder: that is a verdieping question.
  if (!d.inVerdieping && !plan.some((e) => e.holder)) return null;
  const without = personsWithoutHolder(d.persons, plan);
  const byRef = new Map(plan.map((e) => [e.personRef as string, e]));
  const party = (id: string | undefined) => (id ? d.receivingParties.find((p) => p.id === id)?.name : undefined);
  const lines: LineModel[] = [];
  for (const p of d.persons) {
    if (without.some((w) => w.ref === p.ref)) {
      lines.push(ln(a.safety.noHolder(label(p.ref)), { bold: true }));
      continue;
    }
    const e = byRef.get(p.ref);
    if (!e?.holder) continue;
    const partyName = party(e.holder.receivingPartyId);
    lines.push(ln(a.safety.line(label(p.ref), partyName ? `${org(e.holder.orgId)} (${partyName})` : org(e.holder.orgId))));
    const detail = a.safety.detail(
      plainTruncate(e.measure ?? '', density.text),
      e.status ? v.safety.status[e.status] : '',
      e.checkDate ? dayOf(e.checkDate) : '',
    );
    if (detail) lines.push(ln(detail, { small: true, tight: true }));
  }
  if (lines.length === 0) return d.inVerdieping ? { style: null, heading: a.safety.heading, lines: [ln(a.safety.none)] } : null;
  // Two lines a person: the cap counts people, not lines, and never drops who has no holder.
  const max = Math.max(density.lines, without.length) * 2;
  return {
    style: without.length > 0 ? 'attention' : null,
    heading: a.safety.heading,
    lines: capped(lines, max, a.signals.more),
  };
}

export function signalsModel(d: AdviceVerdiepingData, now: Date, density: VerdiepingDensity): SectionModel | null {
  const today = amsterdamDate(now.toISOString());
  const measures = runningMeasures(
    d.docs.measures.map((x) => x.body),
    today,
  );
  const risk = d.docs.riskAssessments.map((x) => x.body);
  const violations = measures.flatMap((m) =>
    m.violations.map((x) => ({
      at: x.at,
      line: ln(a.signals.violation(v.risk.measureType[m.type], formatAmsterdamShort(x.at, now), org(x.reportedBy.orgId)), { bold: true }),
    })),
  );
  const lines: LineModel[] = [
    // Violations first (newest first): they are why the case may be at the Actieoverleg.
    ...violations.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0)).map((x) => x.line),
    ...risk.map((r) =>
      r.outcome
        ? ln(a.signals.outcome(r.instrument, v.risk.level[r.outcome.level], dayOf(r.outcome.date), org(r.fromOrg)), {
            bold: r.outcome.level === 'high',
          })
        : ln(a.signals.requested(r.instrument, org(r.fromOrg)), { subtle: true }),
    ),
    ...measures.map((m) => ln(a.signals.measure(v.risk.measureType[m.type], org(m.holderOrg), dayOf(m.until)))),
  ];
  if (lines.length === 0) return null;
  return {
    style: violations.length > 0 ? 'attention' : null,
    heading: a.signals.heading,
    lines: capped(lines, density.lines, a.signals.more),
  };
}

export function questionsModel(d: AdviceVerdiepingData, now: Date, density: VerdiepingDensity): SectionModel | null {
  const all = d.docs.infoRequests.map((x) => x.body);
  if (all.length === 0) return null;
  const open = openRequests(all);
  const settled = all.filter((r) => r.status !== 'open');
  const lines: LineModel[] = [
    ...open.flatMap((r) => [
      ln(a.questions.open(org(r.fromOrg), org(r.toOrg), v.questions.age(requestAge(r, now.toISOString()).hours)), { bold: true }),
      ln(plainTruncate(r.question, density.text), { tight: true }),
    ]),
    ...settled.flatMap((r) => {
      const head =
        r.status === 'answered'
          ? ln(a.questions.answered(org(r.toOrg), formatAmsterdamShort(r.settledAt ?? r.askedAt, now)))
          : ln(a.questions.declined(org(r.toOrg), v.questions.declineReason[r.decline?.reason ?? 'other']));
      const answer = r.answerContributionId ? d.answers[r.answerContributionId] : undefined;
      return [
        head,
        ln(plainTruncate(r.question, density.text), { tight: true, subtle: true }),
        ...(r.status === 'answered'
          ? [
              answer
                ? ln(a.questions.answer(plainTruncate(answer.text, density.text)), { tight: true })
                : ln(a.questions.answerNotVisible, { tight: true, subtle: true, small: true }),
            ]
          : []),
      ];
    }),
  ];
  return {
    style: null,
    heading: a.questions.heading(open.length, settled.length),
    lines: capped(lines, density.lines * 2, a.questions.more),
  };
}

const MISSING_ORDER: readonly MissingItem[] = [
  'niet_gesproken',
  'niet_geinformeerd',
  'geweldsvorm_onbekend',
  'relatie_onbekend',
  'wensen_onbekend',
];
/** On the advice at most this many "wat ontbreekt" sentences (the rest is counted; the case has them all). */
export const ADVICE_MISSING_MAX = 8;

export function missingModel(d: AdviceVerdiepingData, density: VerdiepingDensity): SectionModel | null {
  if (!d.inVerdieping && d.docs.involvements.length === 0) return null;
  const byRef = new Map(d.persons.map((p) => [p.ref as string, p]));
  const items = whatIsMissing(
    d.persons,
    d.docs.involvements.map((x) => x.body),
  )
    .map((m) => ({ person: byRef.get(m.person.ref) as PersonRef, missing: m.missing }))
    .filter((m) => m.person);
  // Most important first across persons: who was not spoken to, then who does not know, then the rest.
  const sentences = MISSING_ORDER.flatMap((kind) =>
    v.missingLines(
      items.filter((m) => m.missing.includes(kind)).map((m) => ({ person: m.person, missing: [kind] })),
      d.persons,
    ),
  );
  if (sentences.length === 0) return null;
  return {
    style: null,
    heading: a.missing.heading,
    lines: capped(
      sentences.map((s) => ln(s)),
      Math.min(density.lines, ADVICE_MISSING_MAX),
      a.missing.more,
    ),
  };
}

export function adviceVerdiepingModels(d: AdviceVerdiepingData, now: Date, density: VerdiepingDensity): AdviceVerdiepingModels {
  return {
    reading: d.inVerdieping || d.docs.readings.length > 0 ? readingModel(d, now, density) : null,
    safetyPlan: safetyPlanModel(d, density),
    signals: signalsModel(d, now, density),
    questions: questionsModel(d, now, density),
    missing: missingModel(d, density),
  };
}

/** The sections as card elements, in the advice's order: duiding, safety plan, signals, questions, missing. */
export function adviceVerdiepingElements(d: AdviceVerdiepingData, now: Date, density: VerdiepingDensity): CardElement[] {
  if (density.short) return renderPart('advice-verdieping-short', shortModel(d, density));
  const m = adviceVerdiepingModels(d, now, density);
  return [
    ...(m.reading ? renderPart('advice-reading', m.reading) : []),
    ...(m.safetyPlan ? renderPart('advice-safety-plan', m.safetyPlan) : []),
    ...(m.signals ? renderPart('advice-signals', m.signals) : []),
    ...(m.questions ? renderPart('advice-questions', m.questions) : []),
    ...(m.missing ? renderPart('advice-missing', m.missing) : []),
  ];
}

/** All sections in a few counted lines: the duiding's shared goal, who has no holder, violations, questions, what is missing. */
export function shortModel(d: AdviceVerdiepingData, density: VerdiepingDensity): SectionModel {
  const readings = d.docs.readings.map((r) => r.body);
  const confirmed = currentReading(readings);
  const label = personLabelOf(d);
  const plan = d.docs.safetyPlan.map((x) => x.body);
  const placed = plan.filter((e) => e.holder).length;
  const without = d.inVerdieping || placed > 0 ? personsWithoutHolder(d.persons, plan) : [];
  const measures = d.docs.measures.map((x) => x.body);
  const violations = measures.reduce((n, m) => n + m.violations.length, 0);
  const high = d.docs.riskAssessments.filter((x) => x.body.outcome?.level === 'high').map((x) => x.body.instrument);
  const requests = d.docs.infoRequests.map((x) => x.body);
  const open = openRequests(requests).length;
  const missing =
    d.inVerdieping || d.docs.involvements.length > 0
      ? whatIsMissing(
          d.persons,
          d.docs.involvements.map((x) => x.body),
        )
      : [];
  const lines: LineModel[] = [
    confirmed
      ? ln(a.short.reading(confirmed.version, plainTruncate(confirmed.sharedGoal, density.reading)))
      : ln(a.reading.none, { bold: true }),
    ...(placed > 0 ? [ln(a.short.safety(placed))] : []),
    ...without.map((p) => ln(a.safety.noHolder(label(p.ref)), { bold: true })),
    ...(violations > 0 ? [ln(a.short.violations(violations), { bold: true })] : []),
    ...(high.length > 0 ? [ln(a.short.highRisk(high.join(', ')), { bold: true })] : []),
    ...(requests.length > 0 ? [ln(a.short.questions(open, requests.length - open))] : []),
    ...(missing.length > 0 ? [ln(a.short.missing(missing.reduce((n, m) => n + m.missing.length, 0)))] : []),
    ln(a.short.inCase, { subtle: true, small: true }),
  ];
  return { style: without.length > 0 || violations > 0 ? 'attention' : null, heading: a.short.heading, lines };
}

/** The safety plan alone (the Actieoverleg card). */
export function safetyPlanElements(d: AdviceVerdiepingData, density: VerdiepingDensity): CardElement[] {
  const m = safetyPlanModel(d, density);
  return m ? renderPart('advice-safety-plan', m) : [];
}

/** What splicing `elements` into a card adds to its size (their JSON and a comma each). */
export const splicedBytes = (elements: readonly CardElement[]): number => cardBytes(elements) + 2 * elements.length;

/** `elements` inserted into the card's body before the first element `before` matches (at the end when none does). */
export function spliceBefore(card: AdaptiveCard, elements: CardElement[], before: (el: unknown) => boolean): AdaptiveCard {
  if (elements.length === 0) return card;
  const body = card.body ?? [];
  const at = body.findIndex(before);
  const i = at >= 0 ? at : body.length;
  return { ...card, body: [...body.slice(0, i), ...elements, ...body.slice(i)] };
}

/**
 * A card with the verdieping sections spliced in: `build(reserved)` builds the card leaving `reserved`
 * bytes free; the sections take the fullest density whose card fits `maxBytes`, else the leanest.
 */
export function withVerdiepingSections(
  build: (reserved: number) => AdaptiveCard,
  sections: (density: VerdiepingDensity) => CardElement[],
  splice: (card: AdaptiveCard, elements: CardElement[]) => AdaptiveCard,
  maxBytes: number,
): AdaptiveCard {
  let card: AdaptiveCard | undefined;
  for (const density of ADVICE_VERDIEPING_DENSITIES) {
    const elements = sections(density);
    card = splice(build(splicedBytes(elements)), elements);
    if (cardBytes(card) <= maxBytes) return card;
  }
  return card as AdaptiveCard;
}

const isSummaryHeading = (el: unknown): boolean =>
  typeof el === 'object' && el !== null && (el as CardElement).type === 'TextBlock' && (el as CardElement).text === t.advice.summaryHeading;

/**
 * The advice card (or page 0 of its Details dialog) with the verdieping sections right before the
 * summary: after line 1, the termijn, the decision form and the buikpijn that stands, the advice
 * starts from the confirmed duiding. Later Details pages keep the room page 0 reserved, so the
 * contributions split over the pages the same way.
 */
export function withAdviceVerdieping(
  view: { verdieping?: AdviceVerdiepingData; now: Date; expanded?: boolean; page?: number },
  build: (reserved: number) => AdaptiveCard,
  /** Page 0 of the Details dialog (when `view` is a later page): where the sections go, and so what they reserve. */
  buildFirstPage: (reserved: number) => AdaptiveCard = build,
): AdaptiveCard {
  const d = view.verdieping;
  if (!d) return build(0);
  const sections = (density: VerdiepingDensity) => adviceVerdiepingElements(d, view.now, density);
  const splice = (card: AdaptiveCard, elements: CardElement[]) => spliceBefore(card, elements, isSummaryHeading);
  if (view.expanded && (view.page ?? 0) > 0) {
    // The room page 0 reserved, so the contributions split over the pages the same way.
    let reserved = 0;
    const measure = (r: number) => {
      reserved = r;
      return buildFirstPage(r);
    };
    withVerdiepingSections(measure, sections, splice, CASE_CARD_LIMITS.maxBytes);
    return build(reserved);
  }
  return withVerdiepingSections(build, sections, splice, CASE_CARD_LIMITS.maxBytes);
}

const isWhyBox = (el: unknown): boolean => {
  const items = (el as { items?: unknown } | null)?.items;
  return Array.isArray(items) && (items[0] as { text?: unknown } | undefined)?.text === t.actieoverleg.why;
};

const isPrimaryActionSet = (el: unknown): boolean => {
  const x = el as { type?: unknown; actions?: { type?: unknown }[] } | null;
  return x?.type === 'ActionSet' && !(x.actions ?? []).some((a) => a.type === 'Action.ToggleVisibility');
};

/**
 * Right after the Actieoverleg card's primary actions (issue 12: the danger, the owner line and
 * "Ik word casusverantwoordelijke" stay on the first screen); without them, after the danger box.
 */
function spliceAfterDanger(card: AdaptiveCard, elements: CardElement[]): AdaptiveCard {
  const body = card.body ?? [];
  const primary = body.findIndex(isPrimaryActionSet);
  const why = body.findIndex(isWhyBox);
  const at = primary >= 0 ? primary + 1 : why >= 0 ? Math.min(body.length, why + 2) : body.length;
  return elements.length === 0 ? card : { ...card, body: [...body.slice(0, at), ...elements, ...body.slice(at)] };
}

/** The Actieoverleg card with the safety plan per person (issue 14), off the budget of the rest. */
export function withSafetyPlanPart(
  view: { verdieping?: AdviceVerdiepingData },
  build: (reserved: number) => AdaptiveCard,
  /** The bytes the card may take before what the caller adds afterwards (the meeting part). */
  maxBytes: number = CASE_CARD_LIMITS.maxBytes,
): AdaptiveCard {
  const d = view.verdieping;
  if (!d) return build(0);
  return withVerdiepingSections(build, (density) => safetyPlanElements(d, density), spliceAfterDanger, maxBytes);
}
