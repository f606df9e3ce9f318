import Holidays from 'date-holidays';
import type { DateTime } from 'luxon';
import type { LiberationDayPolicy } from './config';

/**
 * Dutch public holidays come from `date-holidays` (maintained rules, incl. King's Day moving to
 * 26 April when the 27th is a Sunday). Counted as closed: its type 'public' (New Year, Easter,
 * Easter Monday, King's Day, Ascension, Whitsun, Whit Monday, Christmas, Boxing Day). Not counted:
 * 'school' Good Friday, 'bank' New Year's Eve, observances (4 May, Sinterklaas, …) — VT offices are
 * open then. Liberation Day (the library's 'school' rule 05-05) follows the region's policy.
 */
const nl = new Holidays('NL');
const LIBERATION_DAY_RULE = '05-05';

export interface DutchHoliday {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** The library's Dutch name, e.g. "Koningsdag". */
  name: string;
}

type Entry = DutchHoliday & { rule: string; type: string };
const byYear = new Map<number, Map<string, Entry[]>>();

/** Several holidays can share a date (Whitsun and Mother's Day), so keep them all. */
function holidaysOf(year: number): Map<string, Entry[]> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of nl.getHolidays(year)) {
      // The library's `date` is the local calendar date, so no time-zone conversion is involved.
      const date = h.date.slice(0, 10);
      days.set(date, [...(days.get(date) ?? []), { date, name: h.name, rule: h.rule, type: h.type }]);
    }
    byYear.set(year, days);
  }
  return days;
}

/** The holiday that closes VT offices on this Amsterdam calendar day, if any. */
export function vtHolidayOn(day: DateTime, liberationDay: LiberationDayPolicy): DutchHoliday | undefined {
  const closes = (h: Entry): boolean =>
    h.type === 'public' ||
    (h.rule === LIBERATION_DAY_RULE && (liberationDay === 'always' || (liberationDay === 'lustrum' && day.year % 5 === 0)));
  const h = (holidaysOf(day.year).get(day.toFormat('yyyy-MM-dd')) ?? []).find(closes);
  return h && { date: h.date, name: h.name };
}
