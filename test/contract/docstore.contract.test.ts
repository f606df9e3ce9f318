import { NotFoundError, PreconditionFailedError, type DocStore, type NewDoc, type Stored } from '../../src/store/docstore';
import { contractKinds, useDocStore } from '../helpers/stores';

const doc = <T>(pk: string, id: string, body: T, kind: NewDoc['kind'] = 'job'): NewDoc<T> => ({ pk, id, kind, body });
const ids = (docs: Stored[]): string[] => docs.map((d) => d.id);
const sortedIds = (docs: Stored[]): string[] => ids(docs).sort();

describe.each(contractKinds)('DocStore contract: %s', (kind) => {
  const store = useDocStore(kind);
  let db: DocStore;
  beforeEach(() => {
    db = store().db;
  });

  it('names its adapter', () => {
    expect(db.name).toBe(kind === 'sqlite-inline' ? 'sqlite' : kind);
  });

  describe('single documents', () => {
    it('get of a missing document is null', async () => {
      expect(await db.get('p', 'nope')).toBeNull();
    });

    it('insert creates; a second insert is "exists" and keeps the first body and etag', async () => {
      expect(await db.insert(doc('p', 'a', { v: 1 }))).toBe('created');
      const first = await db.get<{ v: number }>('p', 'a');
      expect(first).toEqual({ pk: 'p', id: 'a', kind: 'job', body: { v: 1 }, etag: expect.any(String) });
      expect(await db.insert(doc('p', 'a', { v: 2 }))).toBe('exists');
      expect(await db.get('p', 'a')).toEqual(first);
    });

    it('the same id in another partition is another document', async () => {
      await db.insert(doc('p1', 'a', { v: 1 }));
      expect(await db.insert(doc('p2', 'a', { v: 2 }))).toBe('created');
      expect((await db.get('p1', 'a'))?.body).toEqual({ v: 1 });
      expect((await db.get('p2', 'a'))?.body).toEqual({ v: 2 });
    });

    it('upsert creates and overwrites, returning what get returns', async () => {
      const created = await db.upsert(doc('p', 'a', { v: 1 }));
      const overwritten = await db.upsert(doc('p', 'a', { v: 2, extra: 'x' }, 'vote'));
      expect(overwritten).toEqual({ pk: 'p', id: 'a', kind: 'vote', body: { v: 2, extra: 'x' }, etag: expect.any(String) });
      expect(await db.get('p', 'a')).toEqual(overwritten);
      expect(overwritten.etag).not.toBe(created.etag);
    });

    it('replace with the current etag writes and returns the new version', async () => {
      const v1 = await db.upsert(doc('p', 'a', { v: 1 }));
      const v2 = await db.replace(doc('p', 'a', { v: 2 }), v1.etag);
      expect(v2.body).toEqual({ v: 2 });
      expect(await db.get('p', 'a')).toEqual(v2);
    });

    it('replace with a stale etag is PreconditionFailedError and changes nothing', async () => {
      const v1 = await db.upsert(doc('p', 'a', { v: 1 }));
      const v2 = await db.replace(doc('p', 'a', { v: 2 }), v1.etag);
      const err = await db.replace(doc('p', 'a', { v: 3 }), v1.etag).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PreconditionFailedError);
      expect(err).toMatchObject({ pk: 'p', id: 'a' });
      expect(await db.get('p', 'a')).toEqual(v2);
    });

    it('replace of a missing (or deleted) document is NotFoundError', async () => {
      await expect(db.replace(doc('p', 'gone', { v: 1 }), 'any-etag')).rejects.toBeInstanceOf(NotFoundError);
      const v1 = await db.upsert(doc('p', 'gone', { v: 1 }));
      await db.delete('p', 'gone');
      await expect(db.replace(doc('p', 'gone', { v: 2 }), v1.etag)).rejects.toBeInstanceOf(NotFoundError);
      expect(await db.get('p', 'gone')).toBeNull();
    });

    it('the etag changes on every write', async () => {
      await db.insert(doc('p', 'a', { v: 0 }));
      const tags = [(await db.get('p', 'a'))?.etag];
      tags.push((await db.upsert(doc('p', 'a', { v: 1 }))).etag);
      tags.push((await db.upsert(doc('p', 'a', { v: 1 }))).etag); // same body, still a new version
      tags.push((await db.replace(doc('p', 'a', { v: 2 }), tags[2] ?? '')).etag);
      expect(tags.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
      expect(new Set(tags).size).toBe(4);
    });

    it('delete removes only that document; deleting a missing one is a no-op', async () => {
      await db.insert(doc('p', 'a', {}));
      await db.insert(doc('p', 'b', {}));
      await db.delete('p', 'a');
      await db.delete('p', 'a');
      await db.delete('other', 'b');
      expect(await db.get('p', 'a')).toBeNull();
      expect(await db.get('p', 'b')).not.toBeNull();
    });

    it('bodies round-trip as JSON (nested, unicode, null; undefined fields dropped)', async () => {
      const body = {
        s: 'ë€ "quote" \\ \u0000',
        n: -1.5,
        b: false,
        z: null,
        arr: [1, 'two', { three: 3 }],
        nested: { deep: { x: 1 } },
        u: undefined,
      };
      await db.insert(doc('p', 'a', body));
      const { u: _dropped, ...expected } = body;
      expect((await db.get('p', 'a'))?.body).toStrictEqual(expected);
      expect((await db.upsert(doc('p', 'b', body))).body).toStrictEqual(expected);
    });

    it('ids with characters Cosmos forbids (/ \\ ? #) and escape-like text work everywhere', async () => {
      const weird = ['channel:19:a/b@thread.tacv2', 'x?y#z', 'back\\slash', '100%~25', '~2F'];
      for (const id of weird) expect(await db.insert(doc('p', id, { id }))).toBe('created');
      for (const id of weird) expect((await db.get('p', id))?.body).toEqual({ id });
      expect(ids(await db.listPartition('p', 'job'))).toEqual([...weird].sort());
      const got = await db.get('p', weird[1]);
      await db.replace(doc('p', weird[1], { id: 'changed' }), got?.etag ?? '');
      await db.delete('p', weird[0]);
      expect((await db.get('p', weird[1]))?.body).toEqual({ id: 'changed' });
      expect(await db.get('p', weird[0])).toBeNull();
      expect((await db.query('job', [{ field: 'id', op: '=', value: '~2F' }]))[0]?.id).toBe('~2F');
    });
  });

  describe('listPartition', () => {
    it('returns only that partition and kind, ordered by id', async () => {
      for (const id of ['c', 'a', 'audit:2024-01-02', 'b', 'audit:2024-01-01']) await db.insert(doc('p1', id, { id }, 'audit'));
      await db.insert(doc('p1', 'z-vote', {}, 'vote'));
      await db.insert(doc('p2', 'aa', {}, 'audit'));
      const list = await db.listPartition<{ id: string }>('p1', 'audit');
      expect(ids(list)).toEqual(['a', 'audit:2024-01-01', 'audit:2024-01-02', 'b', 'c']);
      expect(list.every((d) => d.pk === 'p1' && d.kind === 'audit' && d.body.id === d.id && d.etag.length > 0)).toBe(true);
      expect(ids(await db.listPartition('p1', 'vote'))).toEqual(['z-vote']);
      expect(await db.listPartition('p3', 'audit')).toEqual([]);
    });
  });

  describe('readPartition', () => {
    it('returns every kind of one partition in one call, ordered by kind then id', async () => {
      await db.insert(doc('p1', 'v2', {}, 'vote'));
      await db.insert(doc('p1', 'case', { n: 1 }, 'case'));
      await db.insert(doc('p1', 'v1', {}, 'vote'));
      await db.insert(doc('p2', 'other', {}, 'case'));
      const all = await db.readPartition('p1');
      expect(all.map((d) => `${d.kind}/${d.id}`)).toEqual(['case/case', 'vote/v1', 'vote/v2']);
      expect(all.every((d) => d.pk === 'p1' && d.etag.length > 0)).toBe(true);
      expect(await db.readPartition('nothing-here')).toEqual([]);
    });
  });

  describe('query', () => {
    beforeEach(async () => {
      await db.insert(doc('p1', 'a', { n: 1, s: 'a', flag: true, rank: 3, at: '2024-01-01T00:00:03.000Z' }));
      await db.insert(doc('p2', 'b', { n: 2, s: 'b', flag: false, rank: 1, at: '2024-01-01T00:00:01.000Z' }));
      await db.insert(doc('p3', 'c', { n: 3, s: 'c', flag: true, rank: 2, at: '2024-01-01T00:00:02.000Z' }));
      await db.insert(doc('p1', 'd', { n: '4', s: 'd' })); // n is a string here
      await db.insert(doc('p2', 'e', { s: 'e' })); // no n at all
      await db.insert(doc('p1', 'other-kind', { n: 1, s: 'a', flag: true, rank: 0 }, 'case'));
    });

    it.each([
      ['=', 2, ['b']],
      ['<', 2, ['a']],
      ['<=', 2, ['a', 'b']],
      ['>', 2, ['c']],
      ['>=', 2, ['b', 'c']],
    ] as const)('numbers: n %s %p', async (op, value, expected) => {
      expect(sortedIds(await db.query('job', [{ field: 'n', op, value }]))).toEqual(expected);
    });

    it('strings compare lexically, across partitions', async () => {
      const found = await db.query('job', [{ field: 's', op: '>', value: 'c' }]);
      expect(sortedIds(found)).toEqual(['d', 'e']);
      expect(found.map((d) => d.pk).sort()).toEqual(['p1', 'p2']);
      expect(sortedIds(await db.query('job', [{ field: 'at', op: '<=', value: '2024-01-01T00:00:02.000Z' }]))).toEqual(['b', 'c']);
    });

    it('booleans match by value', async () => {
      expect(sortedIds(await db.query('job', [{ field: 'flag', op: '=', value: true }]))).toEqual(['a', 'c']);
      expect(sortedIds(await db.query('job', [{ field: 'flag', op: '=', value: false }]))).toEqual(['b']);
    });

    it('is typed: a string never matches a number, missing fields never match', async () => {
      expect(sortedIds(await db.query('job', [{ field: 'n', op: '=', value: '4' }]))).toEqual(['d']);
      expect(sortedIds(await db.query('job', [{ field: 'n', op: '>=', value: '0' }]))).toEqual(['d']);
      expect(await db.query('job', [{ field: 'n', op: '=', value: 4 }])).toEqual([]);
      expect(await db.query('job', [{ field: 'flag', op: '=', value: 1 }])).toEqual([]);
      expect(await db.query('job', [{ field: 'missing', op: '<=', value: 'zzz' }])).toEqual([]);
    });

    it('ANDs conditions and only returns the asked kind', async () => {
      const found = await db.query('job', [
        { field: 'n', op: '>=', value: 1 },
        { field: 's', op: '<', value: 'c' },
      ]);
      expect(sortedIds(found)).toEqual(['a', 'b']);
      expect(sortedIds(await db.query('case', []))).toEqual(['other-kind']);
      expect(await db.query('vote', [])).toEqual([]);
    });

    it('orderBy sorts ascending by a number or a string field and leaves out documents without it', async () => {
      expect(ids(await db.query('job', [], { orderBy: 'rank' }))).toEqual(['b', 'c', 'a']);
      expect(ids(await db.query('job', [{ field: 'flag', op: '=', value: true }], { orderBy: 'at' }))).toEqual(['c', 'a']);
      expect(ids(await db.query('job', [], { orderBy: 'n' })).slice(0, 3)).toEqual(['a', 'b', 'c']);
    });

    it('limit returns the first n (in orderBy order)', async () => {
      expect(ids(await db.query('job', [], { orderBy: 'rank', limit: 2 }))).toEqual(['b', 'c']);
      expect(ids(await db.query('job', [], { orderBy: 'at', limit: 1 }))).toEqual(['b']);
      expect(await db.query('job', [], { limit: 3 })).toHaveLength(3);
      expect(await db.query('job', [], { limit: 100 })).toHaveLength(5);
    });

    it('returns full documents with etags that replace accepts', async () => {
      const [found] = await db.query<{ n: number }>('job', [{ field: 'n', op: '=', value: 3 }]);
      expect(found).toEqual(await db.get('p3', 'c'));
      await expect(db.replace(doc('p3', 'c', { n: 33 }), found.etag)).resolves.toMatchObject({ body: { n: 33 } });
    });

    it('rejects unsafe field names, operators and limits instead of putting them into SQL', async () => {
      const bad = [`n' OR 1=1 --`, 'n"]) OR true --', 'a.b.c', 'a..b', 'a.', '1n', '', '_x'];
      for (const field of bad) {
        await expect(db.query('job', [{ field, op: '=', value: 1 }])).rejects.toThrow(/invalid field/);
        await expect(db.query('job', [], { orderBy: field })).rejects.toThrow(/invalid field/);
      }
      const op = 'OR' as '=';
      await expect(db.query('job', [{ field: 'n', op, value: 1 }])).rejects.toThrow(/invalid operator/);
      for (const limit of [0, -1, 1.5, Number.NaN]) await expect(db.query('job', [], { limit })).rejects.toThrow(RangeError);
      await expect(db.query('job', [{ field: 'n', op: '=', value: Number.POSITIVE_INFINITY }])).rejects.toThrow(/invalid value/);
    });
  });

  describe('commit', () => {
    it('returns one result per op: created, exists, written', async () => {
      await db.insert(doc('p', 'old', { v: 0 }));
      const old = await db.get('p', 'old');
      const results = await db.commit([
        { op: 'insert', doc: doc('p', 'new', { v: 1 }) },
        { op: 'insert', doc: doc('p', 'old', { v: 'ignored' }) },
        { op: 'upsert', doc: doc('p', 'up', { v: 2 }) },
        { op: 'replace', doc: doc('p', 'old', { v: 3 }), ifMatch: old?.etag ?? '' },
      ]);
      expect(results).toEqual(['created', 'exists', 'written', 'written']);
      expect((await db.get('p', 'new'))?.body).toEqual({ v: 1 });
      expect((await db.get('p', 'up'))?.body).toEqual({ v: 2 });
      expect((await db.get('p', 'old'))?.body).toEqual({ v: 3 });
    });

    it('an empty commit does nothing', async () => {
      expect(await db.commit([])).toEqual([]);
    });

    it('refuses ops in more than one partition and writes nothing', async () => {
      const ops = [
        { op: 'insert', doc: doc('p1', 'a', {}) },
        { op: 'insert', doc: doc('p2', 'b', {}) },
      ] as const;
      await expect(db.commit([...ops])).rejects.toThrow(/one partition/);
      expect(await db.get('p1', 'a')).toBeNull();
      expect(await db.get('p2', 'b')).toBeNull();
    });

    it('a stale replace fails the commit with PreconditionFailedError; later ops never run', async () => {
      const target = await db.upsert(doc('p', 't', { v: 1 }));
      await db.upsert(doc('p', 't', { v: 2 }));
      const err = await db
        .commit([
          { op: 'insert', doc: doc('p', 'before', {}) },
          { op: 'replace', doc: doc('p', 't', { v: 3 }), ifMatch: target.etag },
          { op: 'insert', doc: doc('p', 'after', {}) },
        ])
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PreconditionFailedError);
      expect((await db.get('p', 't'))?.body).toEqual({ v: 2 });
      expect(await db.get('p', 'after')).toBeNull();
      if (kind !== 'cosmos') {
        // One transaction: the op before the failure is rolled back too.
        expect(await db.get('p', 'before')).toBeNull();
      } else {
        // Sequential (no transactional batch): the op before the failure stays written.
        expect(await db.get('p', 'before')).not.toBeNull();
      }
    });

    it('a replace of a missing document fails the commit with NotFoundError', async () => {
      await expect(
        db.commit([
          { op: 'upsert', doc: doc('p', 'x', {}) },
          { op: 'replace', doc: doc('p', 'missing', {}), ifMatch: 'e' },
        ]),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('concurrency', () => {
    it('of 20 concurrent replaces with the same etag exactly one wins', async () => {
      const v1 = await db.upsert(doc('p', 'hot', { winner: -1 }));
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => db.replace(doc('p', 'hot', { winner: i }), v1.etag)));
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof PreconditionFailedError)).toHaveLength(19);
      expect(await db.get('p', 'hot')).toEqual(won[0]?.status === 'fulfilled' ? won[0].value : undefined);
    });

    it('of 20 concurrent inserts of one id exactly one creates', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => db.insert(doc('p', 'once', { i }))));
      expect(results.filter((r) => r === 'created')).toHaveLength(1);
      expect(results.filter((r) => r === 'exists')).toHaveLength(19);
    });
  });
});
