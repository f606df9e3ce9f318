import { DateTime } from 'luxon';
import { vtHolidayOn } from '../../../../src/domain/vt/holidays';
import { isVtOfficeHours, nextOfficeHoursStart, regionForMunicipality } from '../../../../src/domain/vt/office-hours';
import { config, region } from './fixture';

const utrecht = region('utrecht'); // Mon–Fri 08:30-17:00, Liberation Day in lustrum years
const flevoland = region('flevoland'); // also Sat 10:00-14:00, Liberation Day always
const nacht = region('nacht'); // Liberation Day never

describe('isVtOfficeHours', () => {
  it.each([
    // Tuesday 13 January 2026, winter time (UTC+1)
    ['just before opening', '2026-01-13T07:29:59Z', false],
    ['at opening', '2026-01-13T07:30:00Z', true],
    ['at opening, written with offset', '2026-01-13T08:30:00+01:00', true],
    ['midday', '2026-01-13T11:00:00Z', true],
    ['just before closing', '2026-01-13T15:59:59Z', true],
    ['at closing', '2026-01-13T16:00:00Z', false],
    ['evening', '2026-01-13T19:00:00Z', false],
    ['Saturday', '2026-01-17T11:00:00Z', false],
    ['Sunday', '2026-01-18T11:00:00Z', false],
    ["New Year's Day (Thursday)", '2026-01-01T09:00:00Z', false],
    ['the day after New Year', '2026-01-02T09:00:00Z', true],
    ['Good Friday is a working day', '2026-04-03T08:00:00Z', true],
    ['Easter Monday', '2026-04-06T08:00:00Z', false],
    ["King's Day on 27 April (Monday 2026)", '2026-04-27T08:00:00Z', false],
    ["the day after King's Day", '2026-04-28T08:00:00Z', true],
    ['Ascension Day', '2026-05-14T08:00:00Z', false],
    ['Whit Monday', '2026-05-25T08:00:00Z', false],
    ['Christmas Eve is a working day', '2026-12-24T09:00:00Z', true],
    ['Christmas Day', '2026-12-25T09:00:00Z', false],
    ['Boxing Day (Friday 2025)', '2025-12-26T09:00:00Z', false],
    ['Liberation Day in a lustrum year (2025)', '2025-05-05T08:00:00Z', false],
    ['Liberation Day in another year (2026)', '2026-05-05T08:00:00Z', true],
    // DST: clocks went forward on Sunday 29 March 2026, back on Sunday 25 October 2026.
    ['Friday before spring change, opening (UTC+1)', '2026-03-27T07:30:00Z', true],
    ['Monday after spring change, opening (UTC+2)', '2026-03-30T06:30:00Z', true],
    ['Monday after spring change, 08:29 summer time', '2026-03-30T06:29:00Z', false],
    ['Monday after spring change, closing', '2026-03-30T15:00:00Z', false],
    ['Monday after spring change, 16:59 summer time', '2026-03-30T14:59:00Z', true],
    ['Monday after autumn change, 07:30 winter time', '2026-10-26T06:30:00Z', false],
    ['Monday after autumn change, opening (UTC+1)', '2026-10-26T07:30:00Z', true],
    ['Monday after autumn change, 16:59 winter time', '2026-10-26T15:59:00Z', true],
    ['Monday after autumn change, closing', '2026-10-26T16:00:00Z', false],
  ])('Utrecht: %s (%s) → %s', (_name, instant, open) => {
    expect(isVtOfficeHours(utrecht, instant)).toBe(open);
  });

  it.each([
    ['a normal Saturday', '2025-05-03T10:00:00Z', true],
    ["King's Day moved to Saturday 26 April (27th is a Sunday in 2025)", '2025-04-26T10:00:00Z', false],
    ["King's Day on Monday 27 April 2026", '2026-04-27T10:00:00Z', false],
    ["Saturday 25 April 2026 (King's Day is not moved)", '2026-04-25T10:00:00Z', true],
    ['Liberation Day outside a lustrum year, policy "always"', '2026-05-05T10:00:00Z', false],
  ])('Flevoland (opens Saturdays): %s → %s', (_name, instant, open) => {
    expect(isVtOfficeHours(flevoland, instant)).toBe(open);
  });

  it('policy "never" keeps the office open on Liberation Day in a lustrum year', () => {
    expect(isVtOfficeHours(nacht, '2025-05-05T08:00:00Z')).toBe(true);
  });

  it('accepts a Date', () => {
    expect(isVtOfficeHours(utrecht, new Date('2026-01-13T07:30:00Z'))).toBe(true);
  });

  it.each(['2026-01-13T08:30:00', 'not a date'])('refuses an instant without offset: %s', (instant) => {
    expect(() => isVtOfficeHours(utrecht, instant)).toThrow(RangeError);
  });
});

describe('vtHolidayOn (date-holidays, NL)', () => {
  const day = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' });
  it.each([
    ['2025-04-26', 'lustrum', 'Koningsdag'],
    ['2025-04-27', 'lustrum', undefined],
    ['2026-04-27', 'lustrum', 'Koningsdag'],
    ['2026-01-01', 'lustrum', 'Nieuwjaar'],
    ['2026-04-06', 'lustrum', 'Tweede paasdag'],
    ['2030-05-05', 'lustrum', 'Bevrijdingsdag'],
    ['2026-05-05', 'lustrum', undefined],
    ['2026-05-05', 'always', 'Bevrijdingsdag'],
    ['2030-05-05', 'never', undefined],
    ['2026-04-03', 'lustrum', undefined], // Good Friday
    ['2026-12-31', 'lustrum', undefined], // New Year's Eve
    // Two library entries on one date: the public one must not be hidden by the other.
    ['2008-05-11', 'lustrum', 'Pinksteren'], // also Mother's Day
    ['2016-05-05', 'never', 'Hemelvaartsdag'], // also Liberation Day
  ] as const)('%s (%s) → %s', (date, policy, name) => {
    expect(vtHolidayOn(day(date), policy)?.name).toBe(name);
  });
});

describe('nextOfficeHoursStart', () => {
  it.each([
    ['Tuesday evening → Wednesday 08:30', '2026-01-13T19:00:00Z', '2026-01-14T07:30:00.000Z'],
    ['early Tuesday → same morning', '2026-01-13T02:00:00Z', '2026-01-13T07:30:00.000Z'],
    ['exactly at opening → the next opening', '2026-01-13T07:30:00Z', '2026-01-14T07:30:00.000Z'],
    ['during office hours → next morning', '2026-01-13T12:00:00Z', '2026-01-14T07:30:00.000Z'],
    ['Friday evening → Monday', '2026-01-16T18:00:00Z', '2026-01-19T07:30:00.000Z'],
    ['weekend of the spring DST change → Monday 08:30 summer time', '2026-03-28T21:00:00Z', '2026-03-30T06:30:00.000Z'],
    ['weekend of the autumn DST change → Monday 08:30 winter time', '2026-10-24T21:00:00Z', '2026-10-26T07:30:00.000Z'],
    ['Christmas Eve evening → Monday 28 December', '2026-12-24T17:00:00Z', '2026-12-28T07:30:00.000Z'],
    ['Good Friday evening → Tuesday after Easter Monday', '2026-04-03T16:00:00Z', '2026-04-07T06:30:00.000Z'],
    ["Sunday before King's Day → Tuesday", '2026-04-26T18:00:00Z', '2026-04-28T06:30:00.000Z'],
    ["New Year's Eve → Friday 2 January", '2025-12-31T20:00:00Z', '2026-01-02T07:30:00.000Z'],
  ])('%s', (_name, instant, expected) => {
    expect(nextOfficeHoursStart(utrecht, instant)).toBe(expected);
  });

  it('Flevoland: Friday evening → Saturday 10:00', () => {
    expect(nextOfficeHoursStart(flevoland, '2026-01-16T18:00:00Z')).toBe('2026-01-17T09:00:00.000Z');
  });
});

describe('regionForMunicipality', () => {
  it.each([
    ['Utrecht', undefined, { kind: 'hit', regionId: 'utrecht' }],
    ['  gooise   MEREN ', undefined, { kind: 'hit', regionId: 'nacht' }],
    ['Almere', 'midden-nederland', { kind: 'hit', regionId: 'flevoland' }],
    ['Almere', 'noord-holland', { kind: 'miss', reason: 'not_served_at_location' }],
    ['Almere', 'unknown-location', { kind: 'miss', reason: 'not_served_at_location' }],
    ['Amsterdam', undefined, { kind: 'miss', reason: 'unknown_municipality' }],
    ['constructor', undefined, { kind: 'miss', reason: 'unknown_municipality' }],
    ['', undefined, { kind: 'miss', reason: 'unknown_municipality' }],
  ] as const)('%j at %s', (name, location, expected) => {
    expect(regionForMunicipality(config, name, location)).toEqual(expected);
  });
});
