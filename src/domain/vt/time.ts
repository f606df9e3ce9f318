import { DateTime } from 'luxon';
import { ZONE } from '../local-time';

/** VT office hours and on-call shifts are wall-clock times in this zone (IANA, via luxon). */
export const VT_ZONE = ZONE;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A moment in time: a Date or an ISO 8601 string that carries its offset (Z or ±hh:mm). */
export type Instant = Date | string;

const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * The instant as Amsterdam wall-clock time. A string without an offset is refused: it would be read
 * in the host's zone, which differs between a laptop and the server.
 */
export function toLocal(instant: Instant): DateTime {
  const dt =
    typeof instant === 'string'
      ? HAS_OFFSET.test(instant)
        ? DateTime.fromISO(instant, { zone: VT_ZONE })
        : DateTime.invalid('missing offset')
      : DateTime.fromJSDate(instant, { zone: VT_ZONE });
  if (!dt.isValid) throw new RangeError(`not an ISO 8601 instant with offset: ${String(instant)}`);
  return dt;
}

/** Stored form of every time: UTC ISO string (see docs/decisions.md §7). */
export function toIso(dt: DateTime): string {
  return dt.toJSDate().toISOString();
}

export function weekdayOf(dt: DateTime): Weekday {
  return WEEKDAYS[dt.weekday - 1];
}

/**
 * `minutes` after midnight on `day`'s calendar date, Amsterdam time. On DST days luxon moves a
 * non-existent time (02:00–03:00 in March) forward by an hour and reads an ambiguous one
 * (02:00–03:00 in October) as the later, winter-time occurrence.
 */
export function atWallClock(day: DateTime, minutes: number): DateTime {
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone: VT_ZONE },
  );
}

export function minuteOfDay(dt: DateTime): number {
  return dt.hour * 60 + dt.minute;
}
