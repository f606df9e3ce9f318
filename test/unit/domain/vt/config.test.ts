import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVtConfig } from '../../../../src/domain/vt/config';
import { resolveOnCall } from '../../../../src/domain/vt/on-call';
import { rawConfig } from './fixture';

type Raw = ReturnType<typeof rawConfig>;
type Shift = { days: string[]; hours: string; primary: string; backup: string };

function errorsOf(mutate: (c: Raw) => void): string[] {
  const raw = rawConfig();
  mutate(raw);
  const parsed = parseVtConfig(raw);
  return parsed.ok ? [] : parsed.errors;
}

function shifts(c: Raw, region = 0): Shift[] {
  const onCall = c.regions[region].onCall;
  if (!onCall) throw new Error('fixture region without onCall');
  return onCall.shifts;
}

function overrides(c: Raw): Array<{ from: string; to: string; primary: string; backup?: string }> {
  const list = c.regions[0].onCall?.overrides;
  if (!list) throw new Error('fixture region without overrides');
  return list;
}

describe('parseVtConfig', () => {
  it('accepts the fixture, fills default delays and normalises municipality names and instants', () => {
    const parsed = parseVtConfig(rawConfig());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.delays).toEqual({ reminderMinutes: 15, backupMinutes: 30 });
    expect(parsed.config.municipalities).toEqual({ utrecht: 'utrecht', 'gooise meren': 'nacht', almere: 'flevoland' });
    expect(parsed.config.regions[0].liberationDay).toBe('lustrum');
    expect(parsed.config.regions[0].onCall.overrides[0].from).toBe('2026-12-24T16:00:00.000Z');
    expect(parsed.config.regions[0].onCall.shifts[0].hours).toEqual({ from: 17 * 60, to: 8 * 60 + 30 });
  });

  it('accepts config/vt.example.json', () => {
    const raw: unknown = JSON.parse(readFileSync(join(__dirname, '../../../../config/vt.example.json'), 'utf8'));
    const parsed = parseVtConfig(raw);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    // Midden-Nederland's three VT regions, plus the Playground region of the README walkthrough.
    expect(parsed.ok && parsed.config.locations[0].regionIds).toEqual(['utrecht', 'flevoland', 'gooi-en-vechtstreek', 'playground']);
  });

  it.each<[string, (c: Raw) => void, string]>([
    ['unknown key', (c) => Object.assign(c, { extra: 1 }), "(root): Unrecognized key(s) in object: 'extra'"],
    [
      'office hours format',
      (c) => (c.regions[0].officeHours.mon = '8:30-17:00'),
      'regions.0.officeHours.mon: must be "HH:mm-HH:mm" on a 24-hour clock',
    ],
    [
      'office hours 24:00',
      (c) => (c.regions[0].officeHours.tue = '08:30-24:00'),
      'regions.0.officeHours.tue: must be "HH:mm-HH:mm" on a 24-hour clock',
    ],
    [
      'office hours across midnight',
      (c) => (c.regions[0].officeHours.wed = '17:00-08:30'),
      'regions.0.officeHours.wed: office hours must start before they end (same day)',
    ],
    [
      'unknown weekday key',
      (c) => Object.assign(c.regions[0].officeHours, { maandag: '08:30-17:00' }),
      "regions.0.officeHours: Unrecognized key(s) in object: 'maandag'",
    ],
    [
      'no office hours at all',
      (c) => (c.regions[0].officeHours = {} as Raw['regions'][0]['officeHours']),
      'regions.0.officeHours: at least one weekday needs office hours',
    ],
    [
      'shift time',
      (c) => (shifts(c)[0].hours = '25:00-08:30'),
      'regions.0.onCall.shifts.0.hours: must be "HH:mm-HH:mm" on a 24-hour clock',
    ],
    ['shift weekday', (c) => (shifts(c)[0].days = ['maandag']), 'regions.0.onCall.shifts.0.days.0: Invalid enum value'],
    ['shift without days', (c) => (shifts(c)[0].days = []), 'regions.0.onCall.shifts.0.days: Array must contain at least 1 element(s)'],
    ['duplicate weekday', (c) => (shifts(c)[0].days = ['mon', 'tue', 'mon']), "regions.0.onCall.shifts.0.days.2: duplicate weekday 'mon'"],
    ['backup = primary', (c) => (shifts(c)[1].backup = 'a3'), 'regions.0.onCall.shifts.1.backup: must differ from primary'],
    ['member id with spaces', (c) => (shifts(c)[1].primary = 'a 3'), 'regions.0.onCall.shifts.1.primary: must not contain spaces'],
    [
      'overlapping shifts',
      (c) => shifts(c).push({ days: ['tue'], hours: '07:00-09:00', primary: 'x', backup: 'y' }),
      'regions.0.onCall.shifts.4: overlaps shifts.0',
    ],
    [
      'overlap across the week boundary',
      (c) => shifts(c).push({ days: ['mon'], hours: '06:00-07:00', primary: 'x', backup: 'y' }),
      'regions.0.onCall.shifts.4: overlaps shifts.3',
    ],
    [
      'override ends before it starts',
      (c) => (overrides(c)[0].to = '2026-12-24T16:59:00+01:00'),
      'regions.0.onCall.overrides.0.to: must be later than from',
    ],
    [
      'override without offset',
      (c) => (overrides(c)[0].from = '2026-12-24T17:00:00'),
      'regions.0.onCall.overrides.0.from: must be an ISO 8601 instant with offset',
    ],
    [
      'overrides starting together',
      (c) => (overrides(c)[1].from = '2026-12-24T16:00:00Z'),
      'regions.0.onCall.overrides.1.from: starts at the same instant as overrides.0',
    ],
    [
      'override backup = primary',
      (c) => Object.assign(overrides(c)[1], { backup: 'o3' }),
      'regions.0.onCall.overrides.1.backup: must differ from primary',
    ],
    [
      'unknown region at a location',
      (c) => c.locations[0].regionIds.push('zaanstreek'),
      "locations.0.regionIds.3: unknown region 'zaanstreek'",
    ],
    [
      'region listed twice at a location',
      (c) => c.locations[1].regionIds.push('nacht'),
      "locations.1.regionIds.1: duplicate region 'nacht'",
    ],
    [
      'unknown region for a municipality',
      (c) => Object.assign(c.municipalities, { Zaandam: 'zaanstreek' }),
      "municipalities.Zaandam: unknown region 'zaanstreek'",
    ],
    [
      'municipality twice (case, spaces)',
      (c) => Object.assign(c.municipalities, { ' UTRECHT ': 'utrecht' }),
      "municipalities. UTRECHT : duplicate municipality (same as 'Utrecht')",
    ],
    ['duplicate region id', (c) => (c.regions[2].id = 'utrecht'), "regions.2.id: duplicate region id 'utrecht'"],
    ['duplicate location id', (c) => (c.locations[1].id = 'midden-nederland'), "locations.1.id: duplicate location id 'midden-nederland'"],
    ['region id format', (c) => (c.regions[1].id = 'Flevoland'), 'regions.1.id: must be lower-case letters, digits and hyphens'],
    ['liberation-day policy', (c) => (c.regions[1].liberationDay = 'sometimes'), 'regions.1.liberationDay: Invalid enum value'],
    [
      'backup delay not after reminder',
      (c) => Object.assign(c, { delays: { reminderMinutes: 30, backupMinutes: 30 } }),
      'delays.backupMinutes: must be later than reminderMinutes',
    ],
    [
      'fractional delay',
      (c) => Object.assign(c, { delays: { reminderMinutes: 7.5 } }),
      'delays.reminderMinutes: Expected integer, received float',
    ],
  ])('rejects %s', (_name, mutate, expected) => {
    const errors = errorsOf(mutate);
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });

  it('rejects a non-object', () => {
    expect(parseVtConfig('config')).toEqual({ ok: false, errors: ['(root): Expected object, received string'] });
  });

  it('accepts shifts that touch without overlapping, incl. a 24-hour shift', () => {
    expect(
      errorsOf((c) =>
        shifts(c).splice(
          0,
          4,
          { days: ['sat'], hours: '08:30-08:30', primary: 'x', backup: 'y' },
          { days: ['sun'], hours: '08:30-17:00', primary: 'y', backup: 'x' },
        ),
      ),
    ).toEqual([]);
  });

  it('reports every field error at once', () => {
    const errors = errorsOf((c) => {
      c.regions[0].officeHours.mon = 'x';
      shifts(c)[0].hours = 'y';
    });
    expect(errors).toHaveLength(2);
  });
});

describe('config/vt.example.json: the Playground region of the README walkthrough', () => {
  const example = parseVtConfig(JSON.parse(readFileSync(join(__dirname, '../../../../config/vt.example.json'), 'utf8')) as unknown);
  const PLAYGROUND_USER = '00000000-0000-0000-0000-0000000000020'; // the Agents Playground's default user (docs/playground-notes.md)
  it.each([
    ['Monday 03:00', '2026-11-23T02:00:00Z'],
    ['Tuesday 12:00', '2026-11-24T11:00:00Z'],
    ['Saturday 21:30', '2026-11-28T20:30:00Z'],
    ['Sunday 08:29', '2026-11-29T07:29:00Z'],
    ['Sunday 08:30', '2026-11-29T07:30:00Z'],
    ['Christmas Day 12:00', '2026-12-25T11:00:00Z'],
  ])('puts the Playground user on call at %s', (_name, instant) => {
    if (!example.ok) throw new Error('example does not parse');
    expect(resolveOnCall(example.config, 'playground', instant)).toMatchObject({ primary: PLAYGROUND_USER, source: 'schedule' });
  });
});
