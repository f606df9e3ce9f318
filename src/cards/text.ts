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

const ZWSP = '\u200B';

/**
 * User text shown as plain text in a TextBlock (which renders a markdown subset, and which Teams
 * auto-links). Where the syntax would make a live link or change the structure, a zero-width space
 * breaks it, the same in every client: `](` of a markdown link, `://` and `www.` of a raw URL (so no
 * client auto-links it; the text still reads the same), and list/heading/quote markers at a line
 * start. Emphasis and code marks get a backslash escape (CommonMark; a client without escapes shows
 * the backslash, which is harmless). Apply it to every user-provided text, after truncating.
 */
export function plain(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([*_~`])/g, '\\$1')
    .replace(/\](\s*)\(/g, `]${ZWSP}$1(`)
    .replace(/\]\s*:/g, (m) => `]${ZWSP}${m.slice(1)}`)
    .replace(/<(?=[a-z]+:)/gi, `<${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`)
    .replace(/^([ \t]*)([-+>#]|\d+[.)])/gm, `$1${ZWSP}$2`);
}

/** `truncate` then `plain`: the usual way a builder shows user text. */
export function plainTruncate(text: string, max: number): string {
  return plain(truncate(text, max));
}
