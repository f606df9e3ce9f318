import { Directory } from '../../../src/app/directory';
import { authorize, refreshUserIds, rosterFileSchema, type Member } from '../../../src/domain/roster';

const members: Member[] = [
  { aadObjectId: 'a', orgId: 'politie', roles: ['member'], locations: ['mn'] },
  { aadObjectId: 'b', orgId: 'om', roles: ['member', 'chair'], locations: ['mn', 'nh'] },
];

const byId = (id: string | undefined): Member | undefined => members.find((m) => m.aadObjectId === id);
const table = [
  ['a', 'mn', 'member', { ok: true }],
  ['a', 'nh', 'member', { ok: false, reason: 'not_for_location' }],
  ['x', 'mn', 'member', { ok: false, reason: 'not_on_roster' }],
  [undefined, 'mn', 'member', { ok: false, reason: 'not_on_roster' }],
  ['a', 'mn', 'chair', { ok: false, reason: 'not_chair' }],
  ['b', 'nh', 'chair', { ok: true }],
] as const;

describe('authorize', () => {
  it.each(table)('%s at %s as %s', (id, loc, need, expected) => {
    expect(authorize(byId(id), loc, need)).toMatchObject(expected);
  });

  it('takes the organisation from the roster', () => {
    const r = authorize(byId('b'), 'mn');
    expect(r.ok && r.member.orgId).toBe('om');
  });
});

describe('Directory.authorize: the member looked up by Entra object id', () => {
  const locations = ['mn', 'nh'].map((id) => ({
    id,
    name: id,
    channelId: `19:${id}@thread.tacv2`,
    ovjChannelId: `19:ovj-${id}@thread.tacv2`,
    actieoverlegChannelId: `19:ao-${id}@thread.tacv2`,
  }));
  const directory = new Directory(rosterFileSchema.parse({ locations, members }));
  it.each(table)('%s at %s as %s', (id, loc, need, expected) => {
    expect(directory.authorize(id, loc, need)).toMatchObject(expected);
    expect(directory.member(id)?.orgId).toBe(byId(id)?.orgId);
  });
});

describe('refreshUserIds', () => {
  it('lists the MRIs of the location members the bot has seen, capped at the Teams limit', () => {
    const many: Member[] = Array.from({ length: 75 }, (_, i) => ({
      aadObjectId: `u${i}`,
      orgId: 'politie',
      roles: ['member'],
      locations: ['mn'],
    }));
    const mris = Object.fromEntries(many.map((m) => [m.aadObjectId, `29:${m.aadObjectId}`]));
    expect(refreshUserIds(many, 'mn', mris)).toHaveLength(60);
    expect(refreshUserIds(members, 'nh', { a: '29:a', b: '29:b' })).toEqual(['29:b']);
    expect(refreshUserIds(members, 'mn', { b: '29:b' })).toEqual(['29:b']);
  });
});

describe('roster file', () => {
  it('rejects members of unknown locations and duplicates', () => {
    const file = {
      locations: [{ id: 'mn', name: 'MN', channelId: 'c', actieoverlegChannelId: 'ao', ovjChannelId: 'ovj' }],
      members: [...members, members[0]],
    };
    const parsed = rosterFileSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    const messages = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(["unknown location 'nh'", 'duplicate member']));
  });
});

describe('required targets (no fallback into the location channel)', () => {
  const base = { id: 'mn', name: 'MN', channelId: 'c' };
  const m = [{ aadObjectId: 'a', orgId: 'politie', roles: ['member'], locations: ['mn'] }];
  const ovj = [{ aadObjectId: 'o', orgId: 'om', roles: ['ovj'], locations: ['mn'] }];
  it.each([
    ['no Actieoverleg channel', { ...base, ovjChannelId: 'ovj' }, m, false],
    ['no OvJ channel and no OvJ member', { ...base, actieoverlegChannelId: 'ao' }, m, false],
    ['OvJ channel', { ...base, actieoverlegChannelId: 'ao', ovjChannelId: 'ovj' }, m, true],
    ['OvJ member instead of an OvJ channel', { ...base, actieoverlegChannelId: 'ao' }, [...m, ...ovj], true],
  ])('%s', (_label, location, members, valid) => {
    expect(rosterFileSchema.safeParse({ locations: [location], members }).success).toBe(valid);
  });
});
