import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { WalSync } from '../../src/store/sqlite/wal-sync';
import { SqliteDocStore, StoreKeyError, encryptPlaintextDatabase } from '../../src/store/sqlite/sqlite-docstore';
import { TEST_STORE_KEY as KEY } from '../helpers/stores';

/** A raw connection to an encrypted file, keyed like the adapter does it. */
function rawOpen(file: string, options: Database.Options = {}): Database.Database {
  const raw = new Database(file, options);
  raw.pragma(`cipher = 'chacha20'`);
  raw.key(Buffer.from(KEY, 'utf8'));
  return raw;
}
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/sqlite/schema';

/** What only the SQLite adapter promises: a durable file, WAL, versioned schema, several connections. */
/** 40 concurrent writes; how far `count` (writes, and the fsyncs or transactions they shared) moved. */
async function fortyConcurrentWrites(store: SqliteDocStore, count: () => [number, number]): Promise<[number, number]> {
  const [writes0, shared0] = count();
  await Promise.all(Array.from({ length: 40 }, (_, i) => store.upsert({ pk: `c${i % 4}`, id: `d${i}`, kind: 'case', body: { n: i } })));
  const [writes1, shared1] = count();
  return [writes1 - writes0, shared1 - shared0];
}

describe('SqliteDocStore specifics', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zsm-sqlite-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is durable: write, close, reopen the file, read back', async () => {
    const file = join(dir, 'nested', 'dir', 'store.sqlite'); // parent directories are created
    const a = SqliteDocStore.open(file, KEY);
    await a.insert({ pk: 'case1', id: 'case', kind: 'case', body: { v: 1 } });
    const written = await a.commit([{ op: 'upsert', doc: { pk: 'case1', id: 'audit:1', kind: 'audit', body: { n: 1 } } }]);
    expect(written).toEqual(['written']);
    const before = await a.get('case1', 'case');
    await a.close();
    const b = SqliteDocStore.open(file, KEY);
    expect(await b.get('case1', 'case')).toEqual(before);
    expect((await b.listPartition('case1', 'audit')).map((d) => d.body)).toEqual([{ n: 1 }]);
    await b.close();
  });

  it('uses WAL, a busy timeout, records the schema version in the file, and by default commits on its store thread with FULL sync', async () => {
    const file = join(dir, 'store.sqlite');
    const store = SqliteDocStore.open(file, KEY);
    const raw = rawOpen(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
    // Connection-level settings are not visible from another connection; read them off the adapter's own.
    const own = (store as unknown as { db: Database.Database }).db;
    expect(own.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL: SQLite fsyncs each commit, on the thread (§76)
    expect(own.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(store.walSyncStats).toBeUndefined();
    // Concurrent writes shared transactions (and so fsyncs) on the store thread.
    const [writes, transactions] = await fortyConcurrentWrites(store, () => [store.threadStats!.writes, store.threadStats!.transactions]);
    expect(writes).toBe(40);
    expect(transactions).toBeGreaterThanOrEqual(1);
    expect(transactions).toBeLessThan(40);
    await store.close();
  });

  it('inline writes use NORMAL sync with a group fsync per write', async () => {
    const store = SqliteDocStore.open(join(dir, 'inline.sqlite'), KEY, { access: 'inline' });
    const own = (store as unknown as { db: Database.Database }).db;
    expect(own.pragma('synchronous', { simple: true })).toBe(1); // 1 = NORMAL: the fsync is ours (§24)
    expect(store.threadStats).toBeUndefined();
    // Every write waited for an fsync of the WAL; concurrent writes shared fsyncs.
    const [writes, syncs] = await fortyConcurrentWrites(store, () => [store.walSyncStats!.writes, store.walSyncStats!.syncs]);
    expect(writes).toBe(40);
    expect(syncs).toBeGreaterThanOrEqual(1);
    expect(syncs).toBeLessThan(40);
    await store.close();
  });

  it("durability 'full' leaves the fsync to SQLite (synchronous = FULL) and has no WAL sync of its own", async () => {
    const store = SqliteDocStore.open(join(dir, 'full.sqlite'), KEY, { durability: 'full' });
    const own = (store as unknown as { db: Database.Database }).db;
    expect(own.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(store.walSyncStats).toBeUndefined();
    await store.close();
  });

  it('a write resolves only after an fsync that started after it; writes during an fsync share the next one', async () => {
    const file = join(dir, 'walsync.sqlite');
    const store = SqliteDocStore.open(file, KEY); // creates the -wal file
    const wal = new WalSync(file);
    const first = wal.durable(); // starts fsync #1 at once
    // These arrive while #1 runs (it may have started before their writes): all wait for #2, together.
    const during = [wal.durable(), wal.durable(), wal.durable()];
    let firstDone = false;
    void first.then(() => (firstDone = true));
    await Promise.all(during);
    expect(firstDone).toBe(true);
    expect(wal.stats).toEqual({ syncs: 2, writes: 4 });
    await wal.durable(); // nothing under way: one more, at once
    expect(wal.stats).toEqual({ syncs: 3, writes: 5 });
    await wal.close();
    await store.close();
  });

  it('reopening does not re-run migrations; a newer schema is refused', async () => {
    const file = join(dir, 'store.sqlite');
    const a = SqliteDocStore.open(file, KEY);
    await a.insert({ pk: 'p', id: 'x', kind: 'job', body: {} });
    await a.close();
    SqliteDocStore.open(file, KEY).close(); // would fail with "table docs already exists" if migrations re-ran
    const raw = rawOpen(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => SqliteDocStore.open(file, KEY)).toThrow(/newer than this build/);
  });

  it('the job poller query is served by the expression index', async () => {
    const store = SqliteDocStore.open(join(dir, 'plan.sqlite'), KEY);
    const where = [
      { field: 'status', op: '=', value: 'pending' },
      { field: 'dueAt', op: '<=', value: '2030-01-01T00:00:00.000Z' },
      { field: 'leaseUntil', op: '<=', value: '2030-01-01T00:00:00.000Z' },
    ] as const;
    expect(await store.query('job', [...where], { orderBy: 'dueAt', limit: 10 })).toEqual([]);
    // The plan of the exact SQL the adapter generates for this query (explainQuery builds it the same way).
    const plan = store.explainQuery('job', [...where], { orderBy: 'dueAt', limit: 10 });
    await store.close();
    expect(JSON.stringify(plan)).toMatch(/USING INDEX docs_job_due \(<expr>=\? AND <expr><\?\)/);
    expect(JSON.stringify(plan)).not.toMatch(/TEMP B-TREE/); // the index also delivers the order
  });

  it('a v4 file (indexes over every document) becomes current (partial indexes per kind, on meta since v6) and its queries find what it held', async () => {
    const file = join(dir, 'v4.sqlite');
    const raw = rawOpen(file);
    raw.pragma('journal_mode = WAL');
    for (const step of MIGRATIONS.slice(0, 4)) if (typeof step === 'string') raw.exec(step);
    raw.pragma('user_version = 4');
    const put = raw.prepare('INSERT INTO docs (pk, id, kind, body, etag) VALUES (?, ?, ?, ?, ?)');
    put.run(
      'c1',
      'case',
      'case',
      JSON.stringify({ id: 'c1', locationId: 'loc', status: 'open', intakeAt: '2026-01-01T00:00:00.000Z' }),
      'e1',
    );
    put.run(
      'c1',
      'job:a',
      'job',
      JSON.stringify({
        id: 'job:a',
        caseId: 'c1',
        status: 'pending',
        dueAt: '2026-01-01T00:00:00.000Z',
        leaseUntil: '1970-01-01T00:00:00.000Z',
      }),
      'e2',
    );
    put.run('c1', 'v1', 'vote', JSON.stringify({ org: 'politie' }), 'e3');
    raw.close();
    const store = SqliteDocStore.open(file, KEY);
    const now = '2030-01-01T00:00:00.000Z';
    expect(
      (
        await store.query('case', [
          { field: 'locationId', op: '=', value: 'loc' },
          { field: 'status', op: '=', value: 'open' },
        ])
      ).map((d) => d.pk),
    ).toEqual(['c1']);
    expect(
      (
        await store.query(
          'job',
          [
            { field: 'status', op: '=', value: 'pending' },
            { field: 'dueAt', op: '<=', value: now },
          ],
          { orderBy: 'dueAt' },
        )
      ).map((d) => d.id),
    ).toEqual(['job:a']);
    expect(store.indexesOf('vote')).toEqual([]);
    expect(store.indexesOf('job')).toEqual(['docs_job_due']);
    await store.close();
    const after = rawOpen(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    after.close();
  });

  it('a replace that changes no indexed field leaves the indexes alone (one WAL page); one that does rewrites them (v6)', async () => {
    const file = join(dir, 'pages.sqlite');
    const store = SqliteDocStore.open(file, KEY);
    const own = store as unknown as { db: Database.Database };
    own.db.pragma('wal_autocheckpoint = 0');
    const theCase = { id: 'c1', locationId: 'loc', status: 'open', intakeAt: '2026-01-01T00:00:00.000Z', round: 1 };
    for (let i = 0; i < 50; i++) await store.insert({ pk: `c${i}`, id: 'case', kind: 'case', body: { ...theCase, id: `c${i}` } });
    let current = (await store.get<typeof theCase>('c1', 'case'))!;
    const pagesOf = async (body: typeof theCase): Promise<number> => {
      own.db.pragma('wal_checkpoint(TRUNCATE)');
      current = await store.replace({ pk: 'c1', id: 'case', kind: 'case', body }, current.etag);
      return (statSync(`${file}-wal`).size - 32) / (4096 + 24);
    };
    expect(await pagesOf({ ...theCase, round: 2 })).toBe(1); // the table's page only
    expect(await pagesOf({ ...theCase, round: 3, status: 'closed' })).toBeGreaterThanOrEqual(3); // + status's indexes
    // The queries see the change either way.
    expect(
      await store.query('case', [
        { field: 'status', op: '=', value: 'open' },
        { field: 'locationId', op: '=', value: 'loc' },
      ]),
    ).toHaveLength(49);
    expect((await store.get<typeof theCase>('c1', 'case'))?.body.round).toBe(3);
    await store.close();
  });

  it('the audit table is append-only: UPDATE and DELETE are refused unless behind a retention anchor', async () => {
    const file = join(dir, 'audit.sqlite');
    const store = SqliteDocStore.open(file, KEY);
    for (let n = 1; n <= 3; n++)
      await store.appendAudit({ id: `a${n}`, caseId: 'c', at: `2026-01-0${n}T00:00:00.000Z`, action: 'vote.cast', actorId: 'u' });
    const raw = rawOpen(file);
    expect(() => raw.prepare(`UPDATE audit SET body = '{}' WHERE chain = 'c' AND seq = 2`).run()).toThrow(/append-only/);
    expect(() => raw.prepare(`DELETE FROM audit WHERE chain = 'c' AND seq = 3`).run()).toThrow(/append-only/);
    expect(() => raw.prepare(`DELETE FROM audit_anchor`).run()).not.toThrow(); // nothing to delete yet
    await store.expireAudit('c', 1, '2030-01-01T00:00:00.000Z');
    expect(() => raw.prepare(`DELETE FROM audit_anchor WHERE chain = 'c'`).run()).toThrow(/anchors are kept/);
    expect(() => raw.prepare(`UPDATE audit_anchor SET up_to_seq = 0 WHERE chain = 'c'`).run()).toThrow(/only move forward/);
    raw.close();
    expect((await store.readAudit('c')).map((r) => r.seq)).toEqual([2, 3]);
    await store.close();
  });

  it('the retention sweep queries are served by their expression indexes', async () => {
    const store = SqliteDocStore.open(join(dir, 'plan2.sqlite'), KEY);
    const closedPlan = JSON.stringify(
      store.explainQuery(
        'case',
        [
          { field: 'status', op: '=', value: 'closed' },
          { field: 'closure.at', op: '<=', value: '2030-01-01T00:00:00.000Z' },
        ],
        { limit: 10 },
      ),
    );
    const idxPlan = JSON.stringify(
      store.explainQuery('personidx', [{ field: 'intakeAt', op: '<=', value: '2030-01-01T00:00:00.000Z' }], { limit: 10 }),
    );
    await store.close();
    expect(closedPlan).toMatch(/USING INDEX docs_case_closed \(<expr>=\? AND <expr><\?\)/);
    expect(idxPlan).toMatch(/USING INDEX docs_personidx_intake \(<expr><\?\)/);
  });

  it('works in memory for throwaway use', async () => {
    const mem = SqliteDocStore.open(':memory:', KEY);
    expect(await mem.insert({ pk: 'p', id: 'a', kind: 'job', body: {} })).toBe('created');
    await mem.close();
    await mem.close(); // idempotent
  });

  describe('at rest', () => {
    const CANARY = 'canary-at-rest-4f1b9e';
    const files = (file: string) => [file, `${file}-wal`, `${file}-shm`];

    it('encrypts the database and its WAL: no plaintext page, no readable canary', async () => {
      const file = join(dir, 'enc.sqlite');
      const store = SqliteDocStore.open(file, KEY);
      await store.insert({ pk: 'c', id: 'case', kind: 'case', body: { summary: CANARY } });
      // Still open: the write sits in the -wal file (no checkpoint yet), which must be encrypted too.
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
      for (const f of files(file)) expect(readFileSync(f).includes(CANARY)).toBe(false);
      expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      await store.close();
      expect(readFileSync(file).includes(CANARY)).toBe(false); // after the checkpoint on close
      const again = SqliteDocStore.open(file, KEY);
      expect((await again.get<{ summary: string }>('c', 'case'))?.body.summary).toBe(CANARY);
      await again.close();
    });

    it('makes the folder 0700 and the database, -wal and -shm files 0600, also when they were looser', async () => {
      const file = join(dir, 'data', 'zsm.db');
      const first = SqliteDocStore.open(file, KEY);
      await first.insert({ pk: 'c', id: 'x', kind: 'job', body: {} });
      for (const f of files(file)) expect(statSync(f).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
      await first.close();
      chmodSync(join(dir, 'data'), 0o755);
      chmodSync(file, 0o644);
      const second = SqliteDocStore.open(file, KEY);
      await second.insert({ pk: 'c', id: 'y', kind: 'job', body: {} });
      expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
      for (const f of files(file)) expect(statSync(f).mode & 0o777).toBe(0o600);
      await second.close();
    });

    it('a wrong key stops the open with an error naming the variable and leaves the file intact', async () => {
      const file = join(dir, 'store.sqlite');
      const a = SqliteDocStore.open(file, KEY);
      await a.insert({ pk: 'c', id: 'case', kind: 'case', body: { n: 1 } });
      await a.close();
      const before = readFileSync(file);
      const wrong = 'another-key-of-sufficient-length-0123456789';
      expect(() => SqliteDocStore.open(file, wrong)).toThrow(StoreKeyError);
      expect(() => SqliteDocStore.open(file, wrong)).toThrow(/STORE_ENCRYPTION_KEY does not open/);
      let message = '';
      try {
        SqliteDocStore.open(file, wrong);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toContain(wrong);
      expect(readFileSync(file).equals(before)).toBe(true);
      const b = SqliteDocStore.open(file, KEY);
      expect((await b.get('c', 'case'))?.body).toEqual({ n: 1 });
      await b.close();
    });

    it('an unencrypted file from an older build is refused with advice, and encrypts once in place', async () => {
      const file = join(dir, 'old.sqlite');
      const plain = new Database(file);
      plain.pragma('journal_mode = WAL');
      plain.exec(`CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('${CANARY}')`);
      plain.close();
      expect(readFileSync(file).includes(CANARY)).toBe(true);
      expect(() => SqliteDocStore.open(file, KEY)).toThrow(/unencrypted SQLite database/);
      expect(encryptPlaintextDatabase(file, KEY)).toBe('encrypted');
      expect(encryptPlaintextDatabase(file, KEY)).toBe('already-encrypted');
      expect(readFileSync(file).includes(CANARY)).toBe(false);
      const raw = rawOpen(file);
      expect(raw.prepare('SELECT v FROM t').get()).toEqual({ v: CANARY });
      raw.close();
    });
  });
});
