import { DateTime } from 'luxon';

export const ZONE = 'Europe/Amsterdam';

/** A date ("YYYY-MM-DD") and time ("HH:mm") as a person in the Netherlands means them, as a UTC instant. */
export function amsterdamToUtc(date: string | undefined, time: string | undefined): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const t = time && /^\d{2}:\d{2}$/.test(time) ? time : '09:00';
  const dt = DateTime.fromISO(`${date}T${t}`, { zone: ZONE });
  return dt.isValid ? (dt.toUTC().toISO() ?? null) : null;
}

/** "ma 23 nov 21:40" style local time for messages. */
export function amsterdamShort(instant: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(ZONE).setLocale('nl').toFormat('ccc d LLL HH:mm');
}

export function amsterdamClock(instant: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(ZONE).toFormat('HH:mm');
}
