import { DateTime } from 'luxon';
import { checkReportPeriod, type ReportPeriodError } from '../../domain/aftercare/report';
import { ZONE } from '../../domain/local-time';

/**
 * The period of a `rapportage` command, in Amsterdam calendar days (what a person means by
 * "januari"), as UTC instants [from, to). Forms (the end is inclusive, as people say it):
 *   (nothing)                 the last 3 months: from the same day 3 months ago up to and including today
 *   2026                      a calendar year
 *   2026-03                   a month
 *   2026-01..2026-06          January up to and including June
 *   2026-01-15..2026-02-14    days, both included
 * Also checked: from before to, at most a year (checkReportPeriod).
 */
export interface AskedPeriod {
  from: string;
  to: string;
  /** For the card's title: the first and the last day, as local dates. */
  firstDay: string;
  lastDay: string;
}

export type PeriodParse = { ok: true; period: AskedPeriod } | { ok: false; error: ReportPeriodError };

const YEAR = /^\d{4}$/;
const MONTH = /^\d{4}-\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first local day of a bound and the first local day after it. */
function bound(text: string): { start: DateTime; end: DateTime } | undefined {
  const format = YEAR.test(text) ? 'yyyy' : MONTH.test(text) ? 'yyyy-MM' : DAY.test(text) ? 'yyyy-MM-dd' : undefined;
  if (!format) return undefined;
  const start = DateTime.fromFormat(text, format, { zone: ZONE });
  if (!start.isValid) return undefined;
  const unit = format === 'yyyy' ? 'year' : format === 'yyyy-MM' ? 'month' : 'day';
  return { start, end: start.plus({ [unit]: 1 }) };
}

export function parseReportPeriod(arg: string, now: Date): PeriodParse {
  const text = arg.trim();
  let start: DateTime;
  let end: DateTime;
  if (text === '') {
    const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
    end = today.plus({ days: 1 });
    start = today.minus({ months: 3 });
  } else {
    const parts = text.split(/\s*\.\.\s*/);
    if (parts.length > 2) return { ok: false, error: 'invalid_period' };
    const a = bound(parts[0]);
    const b = parts.length === 2 ? bound(parts[1]) : a;
    if (!a || !b) return { ok: false, error: 'invalid_period' };
    start = a.start;
    end = b.end;
  }
  const from = start.toUTC().toISO();
  const to = end.toUTC().toISO();
  if (!from || !to) return { ok: false, error: 'invalid_period' };
  const check = checkReportPeriod(from, to);
  if (!check.ok) return check;
  return {
    ok: true,
    period: {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      firstDay: start.toFormat('yyyy-MM-dd'),
      lastDay: end.minus({ days: 1 }).toFormat('yyyy-MM-dd'),
    },
  };
}
