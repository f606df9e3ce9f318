import { parseVtConfig, type VtConfig } from '../../../../src/domain/vt/config';

const weekdays = { mon: '08:30-17:00', tue: '08:30-17:00', wed: '08:30-17:00', thu: '08:30-17:00', fri: '08:30-17:00' };

/** A fresh raw config on every call, so a test can break one field without affecting others. */
export function rawConfig() {
  return {
    locations: [
      { id: 'midden-nederland', regionIds: ['utrecht', 'flevoland', 'nacht'] },
      { id: 'noord-holland', regionIds: ['nacht'] },
    ],
    regions: [
      {
        id: 'utrecht',
        name: 'VT Utrecht',
        officeHours: { ...weekdays },
        onCall: {
          shifts: [
            { days: ['mon', 'tue', 'wed', 'thu'], hours: '17:00-08:30', primary: 'a1', backup: 'a2' },
            { days: ['fri'], hours: '17:00-08:30', primary: 'a3', backup: 'a2' },
            { days: ['sat'], hours: '08:30-08:30', primary: 'a3', backup: 'a4' },
            { days: ['sun'], hours: '08:30-08:30', primary: 'a4', backup: 'a1' },
          ],
          overrides: [
            { from: '2026-12-24T17:00:00+01:00', to: '2026-12-28T08:30:00+01:00', primary: 'o1', backup: 'o2' },
            { from: '2026-12-25T17:00:00+01:00', to: '2026-12-26T08:30:00+01:00', primary: 'o3' },
            { from: '2026-06-10T10:00:00+02:00', to: '2026-06-10T12:00:00+02:00', primary: 'o4' },
            { from: '2026-02-03T17:00:00+01:00', to: '2026-02-04T08:30:00+01:00', primary: 'a2' },
          ],
        },
      },
      {
        id: 'flevoland',
        name: 'VT Flevoland',
        // Saturday hours make King's Day on a Saturday observable.
        officeHours: { ...weekdays, sat: '10:00-14:00' },
        liberationDay: 'always',
      },
      {
        id: 'nacht',
        name: 'Night handover inside the DST hour',
        officeHours: { ...weekdays },
        liberationDay: 'never',
        onCall: {
          shifts: [
            { days: ['sat'], hours: '22:00-02:30', primary: 'n1', backup: 'n2' },
            { days: ['sun'], hours: '02:30-08:00', primary: 'n3', backup: 'n4' },
          ],
        },
      },
    ],
    municipalities: { Utrecht: 'utrecht', 'Gooise Meren': 'nacht', Almere: 'flevoland' },
  };
}

export function load(raw: unknown): VtConfig {
  const parsed = parseVtConfig(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.config;
}

export const config = load(rawConfig());

export function region(id: string) {
  const r = config.regions.find((x) => x.id === id);
  if (!r) throw new Error(`fixture has no region ${id}`);
  return r;
}
