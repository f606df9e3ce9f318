import fc from 'fast-check';
import { DateTime } from 'luxon';
import { amsterdamDate } from '../../../../src/domain/verdieping/summary';

/** The summary's "today" from the cached day function: the same date luxon's zoned DateTime gives (the former per-call code). */
const luxonDate = (ms: number): string => DateTime.fromMillis(ms, { zone: 'Europe/Amsterdam' }).toFormat('yyyy-MM-dd');

describe('amsterdamDate (verdieping summary)', () => {
  it('is the Amsterdam calendar date around midnight and both clock changes', () => {
    const cases: [string, string][] = [
      ['2026-11-23T22:59:59.999Z', '2026-11-23'],
      ['2026-11-23T23:00:00.000Z', '2026-11-24'],
      ['2026-03-28T22:59:00.000Z', '2026-03-28'],
      ['2026-03-29T00:59:00.000Z', '2026-03-29'],
      ['2026-06-30T21:59:00.000Z', '2026-06-30'],
      ['2026-06-30T22:00:00.000Z', '2026-07-01'],
      ['2026-10-25T00:30:00.000Z', '2026-10-25'],
      ['2026-10-24T21:59:00.000Z', '2026-10-24'],
      ['2026-10-24T22:00:00.000Z', '2026-10-25'],
    ];
    for (const [at, day] of cases) expect([at, amsterdamDate(at)]).toEqual([at, day]);
  });

  it('agrees with a zoned luxon DateTime for any instant of 1970–2100 (Date and ISO string)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), (ms) => {
        const want = luxonDate(ms);
        expect(amsterdamDate(new Date(ms))).toBe(want);
        expect(amsterdamDate(new Date(ms).toISOString())).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses an unreadable instant, as before', () => {
    expect(() => amsterdamDate('not a time')).toThrow(RangeError);
  });
});
