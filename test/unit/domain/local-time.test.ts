import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  amsterdamClock,
  amsterdamDay,
  amsterdamParts,
  amsterdamShort,
  formatAmsterdam,
  formatAmsterdamShort,
  formatDayDate,
  formatDayMonthYear,
  ZONE,
} from '../../../src/domain/local-time';
import { VT_ZONE } from '../../../src/domain/vt';

/** The luxon formatting the cards used before the cached formatter: the reference the new one must match. */
const zoned = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone('Europe/Amsterdam').setLocale('nl');
function luxonZone(at: DateTime): string {
  const wall = (d: DateTime) => d.toFormat('yyyy-LL-dd HH:mm');
  const twice = wall(at.plus({ hours: 1 })) === wall(at) || wall(at.minus({ hours: 1 })) === wall(at);
  return twice ? (at.offset === 60 ? ' CET' : ' CEST') : '';
}
const reference = {
  formatAmsterdam: (iso: string) => zoned(iso).toFormat('ccc d LLL HH:mm') + luxonZone(zoned(iso)),
  amsterdamShort: (iso: string) => zoned(iso).toFormat('ccc d LLL HH:mm'),
  amsterdamClock: (iso: string) => zoned(iso).toFormat('HH:mm'),
  formatDayDate: (iso: string) => zoned(iso).toFormat('ccc dd-LL HH:mm') + luxonZone(zoned(iso)),
  formatDayMonthYear: (iso: string) => zoned(iso).toFormat('d LLL yyyy'),
  formatAmsterdamShort: (iso: string, now: Date) => {
    const at = zoned(iso);
    const n = DateTime.fromJSDate(now, { zone: 'utc' }).setZone('Europe/Amsterdam');
    return (at.hasSame(n, 'day') ? at.toFormat('HH:mm') : at.toFormat('ccc d LLL HH:mm')) + luxonZone(at);
  },
};

const instants = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }).map((ms) => new Date(ms).toISOString());

describe('Amsterdam time formatting (one zone, cached Intl formatter)', () => {
  it('defines the zone once: the VT zone is the same constant', () => {
    expect(VT_ZONE).toBe(ZONE);
    expect(ZONE).toBe('Europe/Amsterdam');
  });

  it('formats like the luxon formatting it replaces, for any instant 2020–2035', () => {
    fc.assert(
      fc.property(instants, (iso) => {
        expect(formatAmsterdam(iso)).toBe(reference.formatAmsterdam(iso));
        expect(amsterdamShort(iso)).toBe(reference.amsterdamShort(iso));
        expect(amsterdamClock(iso)).toBe(reference.amsterdamClock(iso));
        expect(formatDayDate(iso)).toBe(reference.formatDayDate(iso));
        expect(formatDayMonthYear(iso)).toBe(reference.formatDayMonthYear(iso));
      }),
      { numRuns: 200 },
    );
  });

  it('"same day" against now like luxon, also around midnight and the clock changes', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -36, max: 36 }), (iso, hours) => {
        const now = new Date(Date.parse(iso) + hours * 3_600_000 + 17 * 60_000);
        expect(formatAmsterdamShort(iso, now)).toBe(reference.formatAmsterdamShort(iso, now));
      }),
      { numRuns: 150 },
    );
  });

  it('names CET/CEST exactly in the doubled hour the night the clocks go back, every minute of that night', () => {
    // 25 Oct 2026: 03:00 CEST becomes 02:00 CET (01:00 UTC).
    for (let ms = Date.UTC(2026, 9, 24, 22); ms < Date.UTC(2026, 9, 25, 3); ms += 60_000) {
      const iso = new Date(ms).toISOString();
      expect(formatAmsterdam(iso)).toBe(reference.formatAmsterdam(iso));
    }
    expect(formatAmsterdam('2026-10-25T00:30:00Z')).toBe('zo 25 okt 02:30 CEST');
    expect(formatAmsterdam('2026-10-25T01:30:00Z')).toBe('zo 25 okt 02:30 CET');
    expect(formatAmsterdam('2026-10-25T02:30:00Z')).toBe('zo 25 okt 03:30');
    // The night the clocks go forward has no doubled hour.
    expect(formatAmsterdam('2026-03-29T00:59:00Z')).toBe('zo 29 mrt 01:59');
    expect(formatAmsterdam('2026-03-29T01:00:00Z')).toBe('zo 29 mrt 03:00');
  });

  it('reads a time without an offset as UTC (as before) and an unreadable one as before', () => {
    expect(formatAmsterdam('2026-11-23T20:40')).toBe('ma 23 nov 21:40');
    expect(formatAmsterdam('2026-11-23T21:40:00+01:00')).toBe('ma 23 nov 21:40');
    expect(formatAmsterdam('geen tijd')).toBe(zoned('geen tijd').toFormat('ccc d LLL HH:mm'));
    expect(amsterdamParts('geen tijd')).toBeNull();
  });

  it('gives the same parts on a second call (memo) and in a different minute different parts', () => {
    const a = amsterdamParts('2026-11-23T20:40:10Z');
    expect(amsterdamParts('2026-11-23T20:40:50Z')).toEqual(a);
    expect(amsterdamParts('2026-11-23T20:41:00Z')).not.toEqual(a);
    expect(a).toMatchObject({ year: 2026, month: 11, day: 23, hour: 21, minute: 40, weekday: 'ma', monthShort: 'nov', offset: 60 });
  });
  it('the calendar date plus days like luxon (the Input.Date bounds), also across the clock changes', () => {
    const luxonDay = (ms: number, days: number) => DateTime.fromJSDate(new Date(ms), { zone: ZONE }).plus({ days }).toFormat('yyyy-LL-dd');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }),
        fc.integer({ min: -400, max: 400 }),
        (ms, days) => {
          expect(amsterdamDay(new Date(ms), days)).toBe(luxonDay(ms, days));
          expect(amsterdamDay(new Date(ms))).toBe(luxonDay(ms, 0));
        },
      ),
      { numRuns: 300 },
    );
    // Every hour of the two clock-change weekends of 2026, to the days that land in a gap or a doubled hour.
    for (const start of [Date.UTC(2026, 2, 27), Date.UTC(2026, 9, 23)])
      for (let h = 0; h < 96; h++)
        for (const days of [0, 1, 2, 7]) expect(amsterdamDay(start + h * 3_600_000, days)).toBe(luxonDay(start + h * 3_600_000, days));
    expect(amsterdamDay(new Date(NaN))).toBe(DateTime.fromJSDate(new Date(NaN), { zone: ZONE }).toFormat('yyyy-LL-dd'));
  });
});
