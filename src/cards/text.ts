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
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE).setLocale('nl').toFormat('ccc d LLL HH:mm');
}

export type TimeLeft = { passed: true } | { passed: false; hours: number; minutes: number };

export function timeLeft(deadline: string, now: Date): TimeLeft {
  const ms = Date.parse(deadline) - now.getTime();
  if (!(ms > 0)) return { passed: true };
  const total = Math.floor(ms / 60_000);
  return { passed: false, hours: Math.floor(total / 60), minutes: total % 60 };
}
