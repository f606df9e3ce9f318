import { DateTime } from 'luxon';

/** The one time zone a person sees: every Amsterdam wall-clock time in the product is in this zone. */
export const ZONE = 'Europe/Amsterdam';

/** A date ("YYYY-MM-DD") and time ("HH:mm") as a person in the Netherlands means them, as a UTC instant. */
export function amsterdamToUtc(date: string | undefined, time: string | undefined): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const t = time && /^\d{2}:\d{2}$/.test(time) ? time : '09:00';
  const dt = DateTime.fromISO(`${date}T${t}`, { zone: ZONE });
  return dt.isValid ? (dt.toUTC().toISO() ?? null) : null;
}

// ---- formatting: one cached Intl.DateTimeFormat, results memoised per minute ----

/** An instant as Amsterdam wall-clock parts (Dutch weekday and month abbreviations, as luxon's "ccc" and "LLL"). */
export interface AmsterdamParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** "ma", "di", … */
  weekday: string;
  /** "jan", "mrt", … */
  monthShort: string;
  /** Minutes east of UTC (60 = CET, 120 = CEST). */
  offset: number;
  /** The wall-clock time occurs twice (the night the clocks go back): say CET/CEST with it. */
  ambiguous: boolean;
}

/**
 * Built once: creating an Intl.DateTimeFormat (or a luxon DateTime in a zone) is the expensive part of
 * formatting a time, and a card shows a dozen of them.
 */
const FORMAT = new Intl.DateTimeFormat('nl-NL', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "jan" → 1 … "dec" → 12, read from FORMAT itself (mid-month noon UTC is the same day in Amsterdam). */
const MONTH_NUMBER = new Map<string, number>(
  Array.from({ length: 12 }, (_, i) => {
    const name = FORMAT.formatToParts(Date.UTC(2026, i, 15, 12)).find((x) => x.type === 'month')?.value ?? '';
    return [name, i + 1] as const;
  }),
);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Card times repeat (intake, votes, termijn) across renders: a small memo of the parts per minute. */
const MEMO_MAX = 4096;
const memo = new Map<number, AmsterdamParts>();

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: string;
  monthShort: string;
  wallMs: number;
}

function wallOf(ms: number): Wall {
  const p: Record<string, string> = {};
  for (const part of FORMAT.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = part.value;
  const year = Number(p.year);
  const day = Number(p.day);
  const hour = Number(p.hour) % 24;
  const minute = Number(p.minute);
  const month = MONTH_NUMBER.get(p.month) ?? NaN;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute);
  return { year, month, day, hour, minute, weekday: p.weekday, monthShort: p.month, wallMs };
}

const hourOffsets = new Map<number, number>();
function offsetOfHour(hour: number): number {
  let o = hourOffsets.get(hour);
  if (o === undefined) {
    const ms = hour * HOUR;
    o = Math.round((wallOf(ms).wallMs - ms) / MINUTE);
    if (hourOffsets.size >= MEMO_MAX) hourOffsets.clear();
    hourOffsets.set(hour, o);
  }
  return o;
}

/** An ISO string as luxon's `fromISO(iso, { zone: 'utc' })` reads it: without an offset it is UTC. */
function instantMs(at: string | Date | number): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  const withZone = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(at) ? `${at}Z` : at;
  return Date.parse(withZone);
}

/** Amsterdam wall-clock parts of an instant; null for an unreadable one. */
export function amsterdamParts(at: string | Date | number): AmsterdamParts | null {
  const ms = instantMs(at);
  if (!Number.isFinite(ms)) return null;
  const key = Math.floor(ms / MINUTE);
  const hit = memo.get(key);
  if (hit) return hit;
  const floored = key * MINUTE;
  const w = wallOf(floored);
  const offset = Math.round((w.wallMs - floored) / MINUTE);
  // Twice the same wall time: an hour later the offset is an hour smaller, or an hour earlier an hour
  // larger. Amsterdam changes its offset on whole UTC hours, so the offset of an hour is memoised.
  const hour = Math.floor(floored / HOUR);
  const ambiguous = offsetOfHour(hour + 1) === offset - 60 || offsetOfHour(hour - 1) === offset + 60;
  const parts: AmsterdamParts = {
    year: w.year,
    month: w.month,
    day: w.day,
    hour: w.hour,
    minute: w.minute,
    weekday: w.weekday,
    monthShort: w.monthShort,
    offset,
    ambiguous,
  };
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, parts);
  return parts;
}

const two = (n: number): string => String(n).padStart(2, '0');
const INVALID = 'Invalid DateTime'; // what luxon printed for an unreadable instant

/** " CET" / " CEST" when the wall-clock time occurs twice, so "02:30" cannot be read as the wrong one; empty otherwise. */
export function zoneSuffix(p: AmsterdamParts): string {
  return p.ambiguous ? (p.offset === 60 ? ' CET' : ' CEST') : '';
}

/** "HH:mm" */
export const clockOf = (p: AmsterdamParts): string => `${two(p.hour)}:${two(p.minute)}`;
/** "ma 23 nov 21:40" */
export const dayMonthTimeOf = (p: AmsterdamParts): string => `${p.weekday} ${p.day} ${p.monthShort} ${clockOf(p)}`;

/** "ma 23 nov 21:40" style local time for messages (no CET/CEST). */
export function amsterdamShort(instant: string): string {
  const p = amsterdamParts(instant);
  return p ? dayMonthTimeOf(p) : INVALID;
}

/** "21:40" */
export function amsterdamClock(instant: string): string {
  const p = amsterdamParts(instant);
  return p ? clockOf(p) : INVALID;
}

/** "ma 23 nov 21:15" (+ " CET"/" CEST" in the doubled hour), whatever the server's zone. */
export function formatAmsterdam(iso: string): string {
  const p = amsterdamParts(iso);
  return p ? dayMonthTimeOf(p) + zoneSuffix(p) : INVALID;
}

/** "21:40" when it is the same Amsterdam day as `now`, else "ma 23 nov 21:40" (+ zone in the doubled hour). */
export function formatAmsterdamShort(iso: string, now: Date): string {
  const p = amsterdamParts(iso);
  const n = amsterdamParts(now);
  if (!p || !n) return INVALID;
  const sameDay = p.year === n.year && p.month === n.month && p.day === n.day;
  return (sameDay ? clockOf(p) : dayMonthTimeOf(p)) + zoneSuffix(p);
}

/** "di 24-11 09:00" (day, dd-mm, time) in Dutch local time, + zone in the doubled hour. */
export function formatDayDate(iso: string): string {
  const p = amsterdamParts(iso);
  return p ? `${p.weekday} ${two(p.day)}-${two(p.month)} ${clockOf(p)}${zoneSuffix(p)}` : INVALID;
}

/** "1 mrt 2025" */
export function formatDayMonthYear(iso: string): string {
  const p = amsterdamParts(iso);
  return p ? `${p.day} ${p.monthShort} ${p.year}` : INVALID;
}

/**
 * The Amsterdam calendar date of an instant plus `days` calendar days, "YYYY-MM-DD" (what an
 * Input.Date takes). Calendar arithmetic on the date: the same as luxon's
 * `fromJSDate(at, { zone }).plus({ days }).toFormat('yyyy-LL-dd')`, which keeps the wall-clock date
 * across a clock change, but from the cached parts instead of a zoned DateTime per call.
 */
export function amsterdamDay(at: string | Date | number, days = 0): string {
  const p = amsterdamParts(at);
  if (!p) return INVALID;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : String(y);
  return `${year}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}
