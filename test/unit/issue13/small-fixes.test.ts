import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { formatAmsterdam, formatAmsterdamShort } from '../../../src/cards/text';
import { interventionPaletteSchema } from '../../../src/domain/advice/types';
import { parseVtConfig } from '../../../src/domain/vt/config';
import { vtHolidayOn } from '../../../src/domain/vt/holidays';
import { isVtOfficeHours } from '../../../src/domain/vt/office-hours';
import { resolveOnCall } from '../../../src/domain/vt/on-call';

/** Issue 13.12: the small ones (example configuration, clock-change times, palette). */

describe('12: a card time in the night of the clock change says CET or CEST when ambiguous', () => {
  const now = new Date('2026-10-25T12:00:00Z');
  it.each([
    ['02:30 the first time (summer time)', '2026-10-25T00:30:00Z', '02:30 CEST'],
    ['02:30 the second time (winter time)', '2026-10-25T01:30:00Z', '02:30 CET'],
    ['01:30 happens once', '2026-10-24T23:30:00Z', '01:30'],
    ['03:30 happens once', '2026-10-25T02:30:00Z', '03:30'],
  ])('%s', (_name, iso, expected) => {
    expect(formatAmsterdamShort(iso, now)).toBe(expected);
  });

  it('the long form too, and an ordinary night says nothing extra', () => {
    expect(formatAmsterdam('2026-10-25T01:15:00Z')).toBe('zo 25 okt 02:15 CET');
    expect(formatAmsterdam('2026-11-22T01:15:00Z')).toBe('zo 22 nov 02:15');
  });
});

describe('12: the example VT configuration has duty on a public holiday that falls on a weekday daytime', () => {
  const parsed = parseVtConfig(JSON.parse(readFileSync('config/vt.example.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const cfg = parsed.config;
  const region = cfg.regions.find((r) => r.id === 'utrecht')!;
  const weekdayHolidays: DateTime[] = [];
  for (let d = DateTime.fromISO('2027-01-01', { zone: 'Europe/Amsterdam' }); d.year === 2027; d = d.plus({ days: 1 }))
    if (d.weekday <= 5 && vtHolidayOn(d, region.liberationDay)) weekdayHolidays.push(d);

  it("every weekday holiday of 2027 is covered at noon in the Utrecht example (VT's office is closed then)", () => {
    expect(weekdayHolidays.length).toBeGreaterThan(3);
    for (const day of weekdayHolidays) {
      const noon = day.set({ hour: 12 }).toISO()!;
      expect(isVtOfficeHours(region, noon)).toBe(false);
      expect(resolveOnCall(cfg, 'utrecht', noon).primary).toBeDefined();
    }
  });
});

describe('12: the palette follows the domain notes', () => {
  const palette = interventionPaletteSchema.parse(JSON.parse(readFileSync('config/interventions.json', 'utf8'))).interventions;
  const byId = new Map(palette.map((i) => [i.id, i]));

  it('dagvaarding and aanhouden are not filed under herstel', () => {
    expect(byId.get('dagvaarding')?.phase).toBe('disposal');
    expect(byId.get('aanhouden')?.phase).toBe('disposal');
  });

  it("the tijdelijk huisverbod is named as the mayor's measure, not offered as the OvJ's own", () => {
    const huisverbod = palette.find((i) => /huisverbod/i.test(i.label));
    expect(huisverbod === undefined || /burgemeester/i.test(huisverbod.label)).toBe(true);
  });
});
