import type { EscalationRule } from '../rounds/escalation';
import { DAY_MS, MINUTE_MS, requireMillis, type Instant } from '../rounds/time';
import type { FollowUpOutcome } from './follow-up';
import type { ReceivingKind } from './handover';
import type { InterventionPhase } from './outcome';

/**
 * Reporting: one small row per case (no personal data: no persons, pseudonyms, summary, names or
 * free text), kept current by the commands that change what it counts, and pure figure functions
 * over a list of rows. The store queries rows by location and intake period through an index.
 */
export const ESCALATION_RULES: readonly EscalationRule[] = [
  'acute_unsafe',
  'persistent_several_orgs',
  'persistent_rounds',
  'persistent_time',
  'repeat_report',
  'measure_violation',
  'high_risk',
];
export const REPORT_DECISIONS = ['escalated', 'closed', 'closed_despite_concern'] as const;
export type ReportDecision = (typeof REPORT_DECISIONS)[number];

export interface ReportRow {
  caseId: string;
  locationId: string;
  intakeAt: string;
  children: boolean;
  /** Rounds held (≥ 1). */
  rounds: number;
  /** How often the case was door-geagendeerd. */
  reAgendaCount: number;
  firstVoteAt?: string;
  /** The escalation, or the closing when it closed without one: the case's decision moment. */
  decidedAt?: string;
  decision?: ReportDecision;
  escalationRule?: EscalationRule;
  /** VT consultations outside office hours; minutes from asking to the first answer of each answered one. */
  vtEvening: { count: number; responseMinutes: number[] };
  /** Decisions of the Actieoverleg's outcome per intervention phase. */
  phases: Record<InterventionPhase, number>;
  followUp?: FollowUpOutcome | 'unanswered';
  handoverKind?: ReceivingKind;
  /** Intake of the next case of any person of this case (hermelding), set when that case arrives. */
  nextIntakeAt?: string;
}

export interface ReportPeriod {
  /** Intake from (inclusive) … to (exclusive), UTC instants. */
  from: string;
  to: string;
  /** Hermelding is judged as of this moment (usually now): a case counts only once its window has passed. */
  asOf: string;
}

export interface Duration {
  n: number;
  /** Nearest-rank percentiles in whole minutes (rounded down); absent when n = 0. */
  medianMinutes?: number;
  p90Minutes?: number;
}

export interface Ratio {
  count: number;
  of: number;
  /** count / of, or absent when of = 0 (no cases: no rate, rather than 0 %). */
  share?: number;
}

export interface HermeldingFigure extends Ratio {
  months: 6 | 12;
}

export interface ReportFigures {
  cases: number;
  withChildren: Ratio;
  reAgenda: Ratio;
  /** Mean rounds per case, absent when there are no cases. */
  roundsPerCase?: number;
  intakeToFirstVote: Duration;
  intakeToDecision: Duration;
  decisions: Record<ReportDecision, number>;
  escalationsByRule: Record<EscalationRule, number>;
  vtEvening: { consultations: number; answered: number; response: Duration };
  decisionsByPhase: Record<InterventionPhase, number>;
  followUp: Record<FollowUpOutcome | 'unanswered', number>;
  hermelding6: HermeldingFigure;
  hermelding12: HermeldingFigure;
}

/** One request covers at most this many days (a year, leap day included); longer trends: one export per year. */
export const MAX_REPORT_DAYS = 366;

export type ReportPeriodError = 'invalid_period' | 'empty_period' | 'period_too_long';

/**
 * The period the chair or coordinator asks for (UTC instants; the caller turns local dates into them
 * with amsterdamToUtc): from before to, at most MAX_REPORT_DAYS. Keeps every request to the rows of
 * at most one year, so its cost does not grow with the years in the store.
 */
export function checkReportPeriod(from: string, to: string): { ok: true } | { ok: false; error: ReportPeriodError } {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return { ok: false, error: 'invalid_period' };
  if (b <= a) return { ok: false, error: 'empty_period' };
  if (b - a > MAX_REPORT_DAYS * DAY_MS) return { ok: false, error: 'period_too_long' };
  return { ok: true };
}

const ratio = (count: number, of: number): Ratio => (of > 0 ? { count, of, share: count / of } : { count, of });

/** Rows whose intake falls in [from, to) (and, with a location, at that location). */
export function rowsInPeriod(rows: readonly ReportRow[], period: Pick<ReportPeriod, 'from' | 'to'>, locationId?: string): ReportRow[] {
  const from = requireMillis(period.from, 'from');
  const to = requireMillis(period.to, 'to');
  return rows.filter((r) => {
    const t = Date.parse(r.intakeAt);
    return t >= from && t < to && (locationId === undefined || r.locationId === locationId);
  });
}

/** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function duration(minutes: readonly number[]): Duration {
  const m = minutes.map((x) => Math.floor(x));
  const median = percentile(m, 50);
  const p90 = percentile(m, 90);
  return { n: m.length, ...(median !== undefined ? { medianMinutes: median } : {}), ...(p90 !== undefined ? { p90Minutes: p90 } : {}) };
}

const minutesBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / MINUTE_MS;

export const caseCount = (rows: readonly ReportRow[]): number => rows.length;
export const withChildren = (rows: readonly ReportRow[]): Ratio => ratio(rows.filter((r) => r.children).length, rows.length);
export const reAgendaRate = (rows: readonly ReportRow[]): Ratio => ratio(rows.filter((r) => r.reAgendaCount > 0).length, rows.length);
export const roundsPerCase = (rows: readonly ReportRow[]): number | undefined =>
  rows.length > 0 ? rows.reduce((s, r) => s + r.rounds, 0) / rows.length : undefined;

export const intakeToFirstVote = (rows: readonly ReportRow[]): Duration =>
  duration(rows.flatMap((r) => (r.firstVoteAt ? [minutesBetween(r.intakeAt, r.firstVoteAt)] : [])));
export const intakeToDecision = (rows: readonly ReportRow[]): Duration =>
  duration(rows.flatMap((r) => (r.decidedAt ? [minutesBetween(r.intakeAt, r.decidedAt)] : [])));

export function decisionCounts(rows: readonly ReportRow[]): Record<ReportDecision, number> {
  const c: Record<ReportDecision, number> = { escalated: 0, closed: 0, closed_despite_concern: 0 };
  for (const r of rows) if (r.decision) c[r.decision]++;
  return c;
}

export function escalationsByRule(rows: readonly ReportRow[]): Record<EscalationRule, number> {
  const c = Object.fromEntries(ESCALATION_RULES.map((k) => [k, 0])) as Record<EscalationRule, number>;
  for (const r of rows) if (r.escalationRule) c[r.escalationRule]++;
  return c;
}

export function vtEvening(rows: readonly ReportRow[]): ReportFigures['vtEvening'] {
  const minutes = rows.flatMap((r) => r.vtEvening.responseMinutes);
  return { consultations: rows.reduce((s, r) => s + r.vtEvening.count, 0), answered: minutes.length, response: duration(minutes) };
}

export function decisionsByPhaseTotal(rows: readonly ReportRow[]): Record<InterventionPhase, number> {
  const c: Record<InterventionPhase, number> = { safety: 0, care: 0, recovery: 0 };
  for (const r of rows) for (const k of Object.keys(c) as InterventionPhase[]) c[k] += r.phases[k];
  return c;
}

export function followUpOutcomes(rows: readonly ReportRow[]): ReportFigures['followUp'] {
  const c: ReportFigures['followUp'] = { carried_out: 0, partly_carried_out: 0, not_carried_out: 0, unknown: 0, unanswered: 0 };
  for (const r of rows) if (r.followUp) c[r.followUp]++;
  return c;
}

/** Calendar months on the UTC clock; 6 months = 183 days, 12 = 365 (a fixed, explainable window). */
export const HERMELDING_DAYS: Record<6 | 12, number> = { 6: 183, 12: 365 };

/**
 * Hermelding within N months: of the cases whose N-month window has fully passed by `asOf`
 * (intake + window ≤ asOf), how many had a next case of one of their persons within the window.
 * Younger cases are left out of both counts, so a recent period does not look better than it is.
 */
export function hermelding(rows: readonly ReportRow[], months: 6 | 12, asOf: Instant): HermeldingFigure {
  const window = HERMELDING_DAYS[months] * DAY_MS;
  const now = requireMillis(asOf, 'asOf');
  const mature = rows.filter((r) => Date.parse(r.intakeAt) + window <= now);
  const back = mature.filter((r) => r.nextIntakeAt !== undefined && Date.parse(r.nextIntakeAt) - Date.parse(r.intakeAt) <= window);
  return { months, ...ratio(back.length, mature.length) };
}

/** Every figure for rows already limited to one location (or all) and one period. */
export function computeReport(rows: readonly ReportRow[], asOf: Instant): ReportFigures {
  return {
    cases: caseCount(rows),
    withChildren: withChildren(rows),
    reAgenda: reAgendaRate(rows),
    ...(rows.length > 0 ? { roundsPerCase: roundsPerCase(rows) } : {}),
    intakeToFirstVote: intakeToFirstVote(rows),
    intakeToDecision: intakeToDecision(rows),
    decisions: decisionCounts(rows),
    escalationsByRule: escalationsByRule(rows),
    vtEvening: vtEvening(rows),
    decisionsByPhase: decisionsByPhaseTotal(rows),
    followUp: followUpOutcomes(rows),
    hermelding6: hermelding(rows, 6, asOf),
    hermelding12: hermelding(rows, 12, asOf),
  };
}

/** The figures as (key, value) lines, in a fixed order: the CSV export and the card's fact list use them. */
export function figureLines(f: ReportFigures): { key: string; value: number | undefined }[] {
  const lines: { key: string; value: number | undefined }[] = [
    { key: 'cases', value: f.cases },
    { key: 'with_children', value: f.withChildren.count },
    { key: 'with_children_share', value: f.withChildren.share },
    { key: 're_agenda', value: f.reAgenda.count },
    { key: 're_agenda_share', value: f.reAgenda.share },
    { key: 'rounds_per_case', value: f.roundsPerCase },
    { key: 'intake_to_first_vote_median_min', value: f.intakeToFirstVote.medianMinutes },
    { key: 'intake_to_first_vote_p90_min', value: f.intakeToFirstVote.p90Minutes },
    { key: 'intake_to_decision_median_min', value: f.intakeToDecision.medianMinutes },
    { key: 'intake_to_decision_p90_min', value: f.intakeToDecision.p90Minutes },
  ];
  for (const [k, v] of Object.entries(f.decisions)) lines.push({ key: `decision_${k}`, value: v });
  for (const [k, v] of Object.entries(f.escalationsByRule)) lines.push({ key: `escalation_${k}`, value: v });
  lines.push(
    { key: 'vt_evening_consultations', value: f.vtEvening.consultations },
    { key: 'vt_evening_answered', value: f.vtEvening.answered },
    { key: 'vt_evening_response_median_min', value: f.vtEvening.response.medianMinutes },
    { key: 'vt_evening_response_p90_min', value: f.vtEvening.response.p90Minutes },
  );
  for (const [k, v] of Object.entries(f.decisionsByPhase)) lines.push({ key: `phase_${k}`, value: v });
  for (const [k, v] of Object.entries(f.followUp)) lines.push({ key: `follow_up_${k}`, value: v });
  for (const h of [f.hermelding6, f.hermelding12]) {
    lines.push(
      { key: `hermelding_${h.months}m`, value: h.count },
      { key: `hermelding_${h.months}m_of`, value: h.of },
      { key: `hermelding_${h.months}m_share`, value: h.share },
    );
  }
  return lines;
}

/**
 * A CSV cell safe against formula injection: text starting with = + - @ or a tab / carriage return
 * gets a leading apostrophe (OWASP), every cell is quoted, quotes doubled. Numbers are written as is
 * (never negative here); shares with 4 decimals, a dot as decimal separator.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '""';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '""';
    return Number.isInteger(value) ? String(value) : value.toFixed(4);
  }
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${guarded.replace(/"/g, '""')}"`;
}

/**
 * The CSV export: one line per location × figure, aggregated only (no per-case lines: location +
 * intake date + children could single out a family). `header` and `label` come from i18n.
 */
export function reportCsv(
  sections: readonly { locationLabel: string; period: Pick<ReportPeriod, 'from' | 'to'>; figures: ReportFigures }[],
  header: readonly [string, string, string, string, string],
  label: (key: string) => string,
): string {
  const out = [header.map((h) => csvCell(h)).join(',')];
  for (const s of sections) {
    for (const l of figureLines(s.figures)) {
      out.push([csvCell(s.locationLabel), csvCell(s.period.from), csvCell(s.period.to), csvCell(label(l.key)), csvCell(l.value)].join(','));
    }
  }
  return `${out.join('\r\n')}\r\n`;
}
