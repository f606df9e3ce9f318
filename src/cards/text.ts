import { DateTime } from 'luxon';
import { amsterdamDay, amsterdamParts, zoneSuffix } from '../domain/local-time';

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

/**
 * Amsterdam time formatting lives in src/domain/local-time.ts (one zone, one cached Intl formatter);
 * re-exported here for the card builders.
 */
export { formatAmsterdam, formatAmsterdamShort, formatDayDate } from '../domain/local-time';

/**
 * " CET" / " CEST" when the wall-clock time occurs twice (the night the clocks go back, 02:00–03:00),
 * so "02:30" cannot be read as the wrong one of the two; empty otherwise.
 */
export function zoneIfAmbiguous(at: DateTime): string {
  const p = amsterdamParts(at.toMillis());
  return p ? zoneSuffix(p) : '';
}

export type TimeLeft = { passed: true } | { passed: false; hours: number; minutes: number };

export function timeLeft(deadline: string, now: Date): TimeLeft {
  const ms = Date.parse(deadline) - now.getTime();
  if (!(ms > 0)) return { passed: true };
  const total = Math.floor(ms / 60_000);
  return { passed: false, hours: Math.floor(total / 60), minutes: total % 60 };
}

/** The Amsterdam calendar date of an instant, plus `days`, as Input.Date wants it ("YYYY-MM-DD"). */
export function amsterdamDate(now: Date, days = 0): string {
  return amsterdamDay(now, days);
}

/** Client-side check matching the domain rule "at least N characters after trimming", so the typed text is not lost to a round trip. */
export function minTrimmedLength(n: number): string {
  return `^\\s*\\S[\\s\\S]{${n - 2},}\\S\\s*$`;
}

const ZWSP = '\u200B';

/**
 * Every pattern `plain` rewrites needs one of these (a backslash, an emphasis or code mark, `]`, `<`,
 * `:`, `www.`, or a list, heading or quote marker at a line start): text without any is returned as
 * it is, with one scan instead of eight replacements (most reasons and labels have none).
 */
const MAY_NEED_PLAIN = /[\\*_~`\]<:]|www\.|^[ \t]*(?:[-+>#]|\d+[.)])/im;

/**
 * User text shown as plain text in a TextBlock (which renders a markdown subset, and which Teams
 * auto-links). Where the syntax would make a live link or change the structure, a zero-width space
 * breaks it, the same in every client: `](` of a markdown link, `://` and `www.` of a raw URL (so no
 * client auto-links it; the text still reads the same), and list/heading/quote markers at a line
 * start. Emphasis and code marks get a backslash escape (CommonMark; a client without escapes shows
 * the backslash, which is harmless). Apply it to every user-provided text, after truncating.
 */
export function plain(text: string): string {
  return MAY_NEED_PLAIN.test(text) ? plainRewrite(text) : text;
}

/** The rewrites of `plain`, applied whatever the text (exported for the test that `plain`'s shortcut skips none). */
export function plainRewrite(text: string): string {
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
