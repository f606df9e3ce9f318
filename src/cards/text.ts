import { DateTime } from 'luxon';

const ZONE = 'Europe/Amsterdam';
const ELLIPSIS = '…';

/** Shorten to at most `max` characters (ellipsis included), never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  let cut = clean.slice(0, Math.max(0, max - 1));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** "ma 23 nov 21:15" in Dutch local time, whatever the server's zone. */
export function formatAmsterdam(iso: string): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE).setLocale('nl');
  return at.toFormat('ccc d LLL HH:mm') + zoneIfAmbiguous(at);
}

/**
 * " CET" / " CEST" when the wall-clock time occurs twice (the night the clocks go back, 02:00–03:00),
 * so "02:30" cannot be read as the wrong one of the two; empty otherwise.
 */
export function zoneIfAmbiguous(at: DateTime): string {
  const wall = (d: DateTime) => d.toFormat('yyyy-LL-dd HH:mm');
  const twice = wall(at.plus({ hours: 1 })) === wall(at) || wall(at.minus({ hours: 1 })) === wall(at);
  return twice ? (at.offset === 60 ? ' CET' : ' CEST') : '';
}

export type TimeLeft = { passed: true } | { passed: false; hours: number; minutes: number };

export function timeLeft(deadline: string, now: Date): TimeLeft {
  const ms = Date.parse(deadline) - now.getTime();
  if (!(ms > 0)) return { passed: true };
  const total = Math.floor(ms / 60_000);
  return { passed: false, hours: Math.floor(total / 60), minutes: total % 60 };
}

function amsterdam(iso: string | Date): DateTime {
  const dt = typeof iso === 'string' ? DateTime.fromISO(iso, { zone: 'utc' }) : DateTime.fromJSDate(iso, { zone: 'utc' });
  return dt.setZone(ZONE).setLocale('nl');
}

/** "21:40" when it is the same Amsterdam day as `now`, else "ma 23 nov 21:40". */
export function formatAmsterdamShort(iso: string, now: Date): string {
  const at = amsterdam(iso);
  return (at.hasSame(amsterdam(now), 'day') ? at.toFormat('HH:mm') : at.toFormat('ccc d LLL HH:mm')) + zoneIfAmbiguous(at);
}

/** "di 24-11 09:00" (day, dd-mm, time) in Dutch local time: for door-agenderen moments. */
export function formatDayDate(iso: string): string {
  const at = amsterdam(iso);
  return at.toFormat('ccc dd-LL HH:mm') + zoneIfAmbiguous(at);
}

/** The Amsterdam calendar date of an instant, plus `days`, as Input.Date wants it ("YYYY-MM-DD"). */
export function amsterdamDate(now: Date, days = 0): string {
  return amsterdam(now).plus({ days }).toFormat('yyyy-LL-dd');
}

/** Client-side check matching the domain rule "at least N characters after trimming", so the typed text is not lost to a round trip. */
export function minTrimmedLength(n: number): string {
  return `^\\s*\\S[\\s\\S]{${n - 2},}\\S\\s*$`;
}
