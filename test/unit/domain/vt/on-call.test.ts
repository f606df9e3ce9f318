import { resolveOnCall } from '../../../../src/domain/vt/on-call';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { config, load } from './fixture';

describe('resolveOnCall: weekly schedule (Utrecht)', () => {
  it.each([
    // Winter time, UTC+1. Tuesday 13 January 2026.
    ['Tuesday evening', '2026-01-13T19:00:00Z', { primary: 'a1', backup: 'a2', source: 'schedule' }],
    ['shift start is inclusive (Tue 17:00)', '2026-01-13T16:00:00Z', { primary: 'a1', backup: 'a2', source: 'schedule' }],
    ['after midnight, shift started the day before', '2026-01-14T02:00:00Z', { primary: 'a1', backup: 'a2', source: 'schedule' }],
    ['Wednesday 08:29, still the night shift', '2026-01-14T07:29:00Z', { primary: 'a1', backup: 'a2', source: 'schedule' }],
    ['Wednesday 08:30, shift end is exclusive', '2026-01-14T07:30:00Z', { source: 'none' }],
    ['Wednesday midday: nobody on call', '2026-01-14T11:00:00Z', { source: 'none' }],
    ['Friday night', '2026-01-16T22:00:00Z', { primary: 'a3', backup: 'a2', source: 'schedule' }],
    ['Saturday 08:29: Friday shift', '2026-01-17T07:29:00Z', { primary: 'a3', backup: 'a2', source: 'schedule' }],
    ['Saturday 08:30: 24-hour Saturday shift', '2026-01-17T07:30:00Z', { primary: 'a3', backup: 'a4', source: 'schedule' }],
    ['Sunday 03:00: Saturday shift', '2026-01-18T02:00:00Z', { primary: 'a3', backup: 'a4', source: 'schedule' }],
    ['Sunday 08:30: Sunday shift', '2026-01-18T07:30:00Z', { primary: 'a4', backup: 'a1', source: 'schedule' }],
    ['Monday 00:30: Sunday shift, across the week boundary', '2026-01-18T23:30:00Z', { primary: 'a4', backup: 'a1', source: 'schedule' }],
    ['Monday 08:30: nobody', '2026-01-19T07:30:00Z', { source: 'none' }],
  ])('%s (%s)', (_name, instant, expected) => {
    expect(resolveOnCall(config, 'utrecht', instant)).toStrictEqual(expected);
  });
});

describe('resolveOnCall: DST', () => {
  it.each([
    // Spring: Sunday 29 March 2026, 02:00 CET → 03:00 CEST. Saturday's 24-hour shift ends Sunday 08:30 CEST.
    ['spring night, 01:30Z = 03:30 CEST, Saturday shift', 'utrecht', '2026-03-29T01:30:00Z', 'a3'],
    ['spring, 06:29Z = 08:29 CEST, Saturday shift', 'utrecht', '2026-03-29T06:29:00Z', 'a3'],
    ['spring, 06:30Z = 08:30 CEST, Sunday shift (a fixed +1 offset would say 07:30)', 'utrecht', '2026-03-29T06:30:00Z', 'a4'],
    ['Monday after spring change, 06:29Z = 08:29 CEST, Sunday shift', 'utrecht', '2026-03-30T06:29:00Z', 'a4'],
    ['Monday after spring change, 06:30Z = 08:30 CEST, nobody', 'utrecht', '2026-03-30T06:30:00Z', undefined],
    // Autumn: Sunday 25 October 2026, 03:00 CEST → 02:00 CET.
    ['autumn, 00:30Z = first 02:30 (CEST), Saturday shift', 'utrecht', '2026-10-25T00:30:00Z', 'a3'],
    ['autumn, 01:30Z = second 02:30 (CET), Saturday shift', 'utrecht', '2026-10-25T01:30:00Z', 'a3'],
    ['autumn, 06:45Z = 07:45 CET, Saturday shift (a fixed +2 offset would say 08:45)', 'utrecht', '2026-10-25T06:45:00Z', 'a3'],
    ['autumn, 07:30Z = 08:30 CET, Sunday shift', 'utrecht', '2026-10-25T07:30:00Z', 'a4'],
    // Handover at 02:30, a time that does not exist in March and exists twice in October.
    ['spring, 00:59Z = 01:59 CET, evening shift', 'nacht', '2026-03-29T00:59:00Z', 'n1'],
    ['spring, 01:15Z = 03:15 CEST: 02:30 does not exist, handover moved to 03:30 CEST', 'nacht', '2026-03-29T01:15:00Z', 'n1'],
    ['spring, 01:30Z = 03:30 CEST, morning shift', 'nacht', '2026-03-29T01:30:00Z', 'n3'],
    ['autumn, 00:30Z = first 02:30: handover is at the second 02:30', 'nacht', '2026-10-25T00:30:00Z', 'n1'],
    ['autumn, 01:29Z = 02:29 CET, evening shift', 'nacht', '2026-10-25T01:29:00Z', 'n1'],
    ['autumn, 01:30Z = second 02:30, morning shift', 'nacht', '2026-10-25T01:30:00Z', 'n3'],
  ])('%s', (_name, regionId, instant, primary) => {
    expect(resolveOnCall(config, regionId, instant).primary).toBe(primary);
  });
});

describe('resolveOnCall: overrides', () => {
  it.each([
    [
      'override wins over the schedule (Thu 24 Dec 20:00)',
      '2026-12-24T20:00:00+01:00',
      { primary: 'o1', backup: 'o2', source: 'override' },
    ],
    ['override start is inclusive', '2026-12-24T17:00:00+01:00', { primary: 'o1', backup: 'o2', source: 'override' }],
    ['just before the override: schedule', '2026-12-24T16:59:00+01:00', { source: 'none' }],
    [
      'overlap: the later-starting override wins, keeps the backup below it',
      '2026-12-25T20:00:00+01:00',
      { primary: 'o3', backup: 'o2', source: 'override' },
    ],
    ['inner override ended: the outer one again', '2026-12-26T08:30:00+01:00', { primary: 'o1', backup: 'o2', source: 'override' }],
    ['outer override during office hours on a weekday', '2026-12-28T08:29:00+01:00', { primary: 'o1', backup: 'o2', source: 'override' }],
    ['after all overrides (Mon 28 Dec 08:30)', '2026-12-28T08:30:00+01:00', { source: 'none' }],
    ['after all overrides, evening: schedule again', '2026-12-28T20:00:00+01:00', { primary: 'a1', backup: 'a2', source: 'schedule' }],
    ['override where no shift runs: no backup', '2026-06-10T11:00:00+02:00', { primary: 'o4', source: 'override' }],
    ['override by the scheduled backup: backup not doubled', '2026-02-03T20:00:00+01:00', { primary: 'a2', source: 'override' }],
  ])('%s (%s)', (_name, instant, expected) => {
    expect(resolveOnCall(config, 'utrecht', instant)).toStrictEqual(expected);
  });

  it('nobody on call in a region without a schedule', () => {
    expect(resolveOnCall(config, 'flevoland', '2026-01-13T22:00:00Z')).toStrictEqual({ source: 'none' });
  });

  it('throws on an unknown region', () => {
    expect(() => resolveOnCall(config, 'zaanstreek', '2026-01-13T22:00:00Z')).toThrow("unknown VT region 'zaanstreek'");
  });
});

describe('resolveOnCall: config/vt.example.json', () => {
  const example = load(JSON.parse(readFileSync(join(__dirname, '../../../../config/vt.example.json'), 'utf8')));
  it.each([
    [
      'utrecht',
      'Saturday 22:00',
      '2026-01-17T21:00:00Z',
      { primary: 'vt-oncall-utrecht-1', backup: 'vt-oncall-utrecht-4', source: 'schedule' },
    ],
    [
      'utrecht',
      'Christmas night',
      '2026-12-25T23:00:00Z',
      { primary: 'vt-oncall-utrecht-4', backup: 'vt-oncall-utrecht-1', source: 'override' },
    ],
    [
      'gooi-en-vechtstreek',
      'Friday 16:45',
      '2026-01-16T15:45:00Z',
      { primary: 'vt-oncall-gooi-1', backup: 'vt-oncall-gooi-2', source: 'schedule' },
    ],
    ['flevoland', 'Tuesday 12:00', '2026-01-13T11:00:00Z', { source: 'none' }],
  ])('%s, %s', (regionId, _name, instant, expected) => {
    expect(resolveOnCall(example, regionId, instant)).toStrictEqual(expected);
  });
});
