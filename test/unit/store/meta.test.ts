import { META_FIELDS, isMetaField, metaOf } from '../../../src/store/sqlite/meta';

describe('metaOf: the indexed fields of a document, as in its body (schema v6)', () => {
  it.each([
    [
      'an open case: its indexed fields, nested where the body nests them; the rest left out',
      'case' as const,
      { id: 'c1', status: 'open', locationId: 'loc', intakeAt: '2026-01-01T00:00:00.000Z', rounds: [{ n: 1 }], persons: [] },
      { status: 'open', intakeAt: '2026-01-01T00:00:00.000Z', id: 'c1', locationId: 'loc' },
    ],
    [
      'a closed case: closure.at nested as in the body',
      'case' as const,
      { id: 'c1', status: 'closed', closure: { at: '2026-02-01T00:00:00.000Z', reason: 'x' }, locationId: 'loc' },
      { status: 'closed', closure: { at: '2026-02-01T00:00:00.000Z' }, id: 'c1', locationId: 'loc' },
    ],
    [
      'a field the body lacks, or whose parent is not an object, is absent (json_type answers alike)',
      'vtconsult' as const,
      { regionId: 'r1', state: 'asked' },
      { regionId: 'r1' },
    ],
    [
      'an explicit null stays null (json_type says null for both)',
      'job' as const,
      { status: 'pending', dueAt: null },
      { status: 'pending', dueAt: null },
    ],
    [
      'numbers and booleans keep their JSON type',
      'inforequest' as const,
      { toOrg: 3, status: true, askedAt: 'a' },
      { toOrg: 3, status: true, askedAt: 'a' },
    ],
  ])('%s', (_name, kind, body, expected) => {
    expect(JSON.parse(metaOf(kind, body) as string)).toEqual(expected);
  });

  it('a kind without indexes has no meta', () => {
    expect(metaOf('vote', { org: 'politie', concern: true })).toBeNull();
    expect(META_FIELDS.vote).toBeUndefined();
  });

  it('is the same string for the same indexed values, whatever else changed (so the store can compare it)', () => {
    const a = { id: 'c1', status: 'open', locationId: 'loc', intakeAt: 'i', rounds: [1] };
    const b = { rounds: [1, 2], locationId: 'loc', intakeAt: 'i', status: 'open', id: 'c1', votes: 3 };
    expect(metaOf('case', a)).toBe(metaOf('case', b));
    expect(metaOf('case', { ...a, status: 'closed' })).not.toBe(metaOf('case', a));
  });

  it('names which fields a query reads from meta', () => {
    expect(isMetaField('case', 'closure.at')).toBe(true);
    expect(isMetaField('case', 'rounds')).toBe(false);
    expect(isMetaField('job', 'leaseUntil')).toBe(false);
    expect(isMetaField('vote', 'status')).toBe(false);
  });
});
