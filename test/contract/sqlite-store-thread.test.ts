import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '../../src/domain/audit';
import { verifyChain } from '../../src/domain/audit-chain';
import { sha256Hex } from '../../src/store/audit-hash';
import { NotFoundError, PreconditionFailedError, type NewDoc } from '../../src/store/docstore';
import { SqliteDocStore } from '../../src/store/sqlite/sqlite-docstore';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, prepareStatements } from '../../src/store/sqlite/connection';
import type { Worker } from 'node:worker_threads';
import { SEND_AFTER_MS, startWorker, StoreThread } from '../../src/store/sqlite/store-thread';
import { SyncWrites, wireDoc, wireOp } from '../../src/store/sqlite/writes';
import { TEST_STORE_KEY } from '../helpers/stores';

/**
 * The store thread of an on-disk SQLite store (docs/decisions.md §76). The DocStore and audit contracts
 * run on it already (it is the default for files); these are what only a thread can get wrong: a batch
 * of concurrent writes committed together, errors crossing the boundary, a thread that dies, and a
 * script that must still end by itself.
 */
const doc = <T>(pk: string, id: string, body: T, kind: NewDoc['kind'] = 'job'): NewDoc<T> => ({ pk, id, kind, body });
const entry = (caseId: string, n: number): AuditEntry => ({
  id: `audit:${n}`,
  caseId,
  at: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
  action: 'vote.cast',
  actorId: `user-${n}`,
  detail: { round: n },
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zsm-store-thread-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('a file store writes on its thread; a :memory: store writes inline', async () => {
  const file = SqliteDocStore.open(join(dir, 'a.sqlite'), TEST_STORE_KEY);
  const memory = SqliteDocStore.open(':memory:', TEST_STORE_KEY);
  expect([file.access, memory.access]).toEqual(['thread', 'inline']);
  expect(SqliteDocStore.open(join(dir, 'b.sqlite'), TEST_STORE_KEY, { access: 'inline' }).access).toBe('inline');
  await file.close();
  await memory.close();
});

it('writes sent together are committed together, yet a stale or missing target fails only its own write', async () => {
  const db = SqliteDocStore.open(join(dir, 'batch.sqlite'), TEST_STORE_KEY);
  try {
    const target = await db.upsert(doc('t', 'x', { v: 1 }));
    await db.replace(doc('t', 'x', { v: 2 }), target.etag); // target.etag is stale from here on
    // Sent in one tick: the thread takes them as one batch.
    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) =>
        db.commit([
          { op: 'upsert', doc: doc(`c${i}`, 'case', { n: i }, 'case') },
          { op: 'audit', entry: entry(`c${i}`, i + 1) },
        ]),
      ),
      db.commit([
        { op: 'upsert', doc: doc('t', 'before', {}) },
        { op: 'replace', doc: doc('t', 'x', { v: 3 }), ifMatch: target.etag },
      ]),
      db.replace(doc('t', 'missing', {}), 'e'),
    ]);
    expect(results.slice(0, 20).every((r) => r.status === 'fulfilled')).toBe(true);
    const stats = db.threadStats;
    expect(stats?.writes).toBeGreaterThanOrEqual(24);
    const [stale, missing] = results.slice(20);
    expect(stale.status === 'rejected' && stale.reason).toBeInstanceOf(PreconditionFailedError);
    expect(missing.status === 'rejected' && missing.reason).toBeInstanceOf(NotFoundError);
    // The failed commit left nothing (its own savepoint rolled back), the others are all there.
    expect(await db.get('t', 'before')).toBeNull();
    expect((await db.get('t', 'x'))?.body).toEqual({ v: 2 });
    for (let i = 0; i < 20; i++) {
      expect((await db.get(`c${i}`, 'case'))?.body).toEqual({ n: i });
      expect((await db.readAudit(`c${i}`)).map((r) => r.entry.id)).toEqual([`audit:${i + 1}`]);
    }
  } finally {
    await db.close();
  }
});

it('a batch runs each write in a savepoint of one transaction: a failing write undoes only itself', async () => {
  // SyncWrites.runBatch directly, on an inline store's connection: the batch is exactly these calls.
  const db = SqliteDocStore.open(join(dir, 'savepoints.sqlite'), TEST_STORE_KEY, { access: 'inline' });
  try {
    const target = await db.upsert(doc('t', 'x', { v: 1 }));
    const raw = new Database(join(dir, 'savepoints.sqlite'), { timeout: 5000 });
    applyKey(raw, join(dir, 'savepoints.sqlite'), TEST_STORE_KEY);
    const writes = new SyncWrites(raw, prepareStatements(raw));
    const answers = writes.runBatch([
      { op: 'commit', ops: [wireOp({ op: 'upsert', doc: doc('a', 'case', { n: 1 }, 'case') })] },
      {
        op: 'commit',
        ops: [
          wireOp({ op: 'upsert', doc: doc('t', 'before', {}) }),
          wireOp({ op: 'replace', doc: doc('t', 'x', { v: 9 }), ifMatch: 'stale' }),
        ],
      },
      { op: 'replace', doc: wireDoc(doc('t', 'x', { v: 2 })), ifMatch: target.etag },
      { op: 'appendAudit', entry: entry('a', 1) },
    ]);
    raw.close();
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.kind))).toEqual(['ok', 'precondition', 'ok', 'ok']);
    expect(await db.get('t', 'before')).toBeNull();
    expect((await db.get('t', 'x'))?.body).toEqual({ v: 2 });
    expect((await db.get('a', 'case'))?.body).toEqual({ n: 1 });
    expect((await db.readAudit('a')).map((r) => r.entry.id)).toEqual(['audit:1']);
  } finally {
    await db.close();
  }
});

it('concurrent appends to one chain keep it linked, in the order they were sent', async () => {
  const db = SqliteDocStore.open(join(dir, 'chain.sqlite'), TEST_STORE_KEY);
  try {
    await Promise.all(Array.from({ length: 30 }, (_, i) => db.appendAudit(entry('case-a', i + 1))));
    const chain = await db.readAudit('case-a');
    expect(chain.map((r) => r.entry.id)).toEqual(Array.from({ length: 30 }, (_, i) => `audit:${i + 1}`));
    expect(verifyChain(sha256Hex, chain, null)).toBeNull();
    // Writes to one document in one tick: the last one sent wins.
    await Promise.all([1, 2, 3].map((v) => db.upsert(doc('p', 'same', { v }))));
    expect((await db.get('p', 'same'))?.body).toEqual({ v: 3 });
  } finally {
    await db.close();
  }
});

it('a long turn sends the calls it has collected for SEND_AFTER_MS at once, in order with the rest of the turn', async () => {
  const file = join(dir, 'long-turn.sqlite');
  await SqliteDocStore.open(file, TEST_STORE_KEY).close(); // created and migrated, as the store does
  const thread = new StoreThread({ file, key: TEST_STORE_KEY, synchronous: 'FULL' });
  const insert = (id: string) => thread.call({ op: 'insert', doc: wireDoc(doc('p', id, { id })) });
  try {
    await insert('warm'); // the thread has started
    const before = thread.stats.messages;
    // One turn that keeps working after its first call, as a turn handling a batch of answers does.
    const first = insert('a');
    const until = performance.now() + 2 * SEND_AFTER_MS;
    while (performance.now() < until); // busy, not waiting: the turn does not end
    const second = insert('b');
    const read = thread.call({ op: 'listPartition', pk: 'p', kind: 'job' });
    expect(thread.stats.messages - before).toBeGreaterThanOrEqual(1); // sent before the turn ended
    expect(await Promise.all([first, second])).toEqual(['created', 'created']);
    // The read went in a later message and still sees both writes: messages are taken in order.
    const rows = JSON.parse(String(await read)) as { id: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual(['a', 'b', 'warm']);
    expect(thread.stats.messages - before).toBeGreaterThanOrEqual(2);
  } finally {
    await thread.close();
  }
});

it('another connection (another process) sees a write as soon as it is answered', async () => {
  const file = join(dir, 'shared.sqlite');
  const a = SqliteDocStore.open(file, TEST_STORE_KEY);
  const b = SqliteDocStore.open(file, TEST_STORE_KEY);
  try {
    await a.insert(doc('p', 'one', { v: 1 }));
    expect((await b.get('p', 'one'))?.body).toEqual({ v: 1 });
  } finally {
    await a.close();
    await b.close();
  }
});

it('a thread that cannot start fails its writes with a clear error, now and later, and still closes', async () => {
  const file = join(dir, 'key.sqlite');
  await SqliteDocStore.open(file, TEST_STORE_KEY).close();
  const thread = new StoreThread({ file, key: 'not-the-key-of-this-file', synchronous: 'NORMAL' });
  const call = { op: 'delete', pk: 'p', id: 'x' } as const;
  await expect(thread.call(call)).rejects.toThrow(/SQLite store thread (failed|stopped)/);
  await expect(thread.call(call)).rejects.toThrow(/SQLite store thread (failed|stopped)/);
  await thread.close();
});

describe('a thread that dies after it started', () => {
  /** The store thread with its workers in hand, to end one as a crash would (out of memory, a native fault). */
  function threadWithWorkers(file: string): { thread: StoreThread; workers: Worker[] } {
    const workers: Worker[] = [];
    const thread = new StoreThread({ file, key: TEST_STORE_KEY, synchronous: 'FULL' }, (data) => {
      const w = startWorker(data);
      workers.push(w);
      return w;
    });
    return { thread, workers };
  }
  const insert = (id: string) => ({ op: 'insert', doc: wireDoc(doc('p', id, { id })) }) as const;
  const started = (w: Worker) => new Promise<void>((resolve) => w.once('message', () => resolve()));

  it('fails the calls it held, is started again, and the store goes on with everything committed before', async () => {
    const file = join(dir, 'restart.sqlite');
    await SqliteDocStore.open(file, TEST_STORE_KEY).close(); // created and migrated, as the store does
    const { thread, workers } = threadWithWorkers(file);
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    expect(await thread.call(insert('before'))).toBe('created');
    const held = thread.call(insert('held'));
    await new Promise((r) => setImmediate(r)); // sent to the thread
    await workers[0].terminate();
    await expect(held).rejects.toThrow(/SQLite store thread stopped/);
    expect(workers).toHaveLength(2);
    expect(await thread.call(insert('after'))).toBe('created');
    const rows = JSON.parse(String(await thread.call({ op: 'listPartition', pk: 'p', kind: 'job' }))) as { id: string }[];
    expect(rows.map((r) => r.id).filter((id) => id !== 'held')).toEqual(['after', 'before']);
    expect(thread.stats.restarts).toBe(1);
    // The operator sees it in the process log.
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/started again \(1 so far\)/), 'StoreThreadRestart');
    warn.mockRestore();
    await thread.close();
  });

  it('is not started again forever: after three deaths within a minute the store stops with the reason', async () => {
    const file = join(dir, 'flapping.sqlite');
    await SqliteDocStore.open(file, TEST_STORE_KEY).close();
    const { thread, workers } = threadWithWorkers(file);
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    for (let i = 0; i < 4; i++) {
      await started(workers[i]);
      await workers[i].terminate();
      await new Promise((r) => setImmediate(r));
    }
    expect(workers).toHaveLength(4); // the first and three restarts
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
    await expect(thread.call(insert('x'))).rejects.toThrow(/SQLite store thread stopped/);
    await thread.close();
  });
});

it('close lets the calls already made finish: nothing in flight is lost or left hanging', async () => {
  const file = join(dir, 'in-flight.sqlite');
  const db = SqliteDocStore.open(file, TEST_STORE_KEY);
  const writes = Array.from({ length: 25 }, (_, i) => db.insert(doc('p', `w${i}`, { i })));
  const read = db.readPartition('p');
  await db.close();
  expect(await Promise.all(writes)).toEqual(Array.from({ length: 25 }, () => 'created'));
  expect(Array.isArray(await read)).toBe(true);
  const again = SqliteDocStore.open(file, TEST_STORE_KEY, { access: 'inline' });
  expect((await again.listPartition('p', 'job')).length).toBe(25);
  await again.close();
});

it('after close, a write is refused instead of waiting forever', async () => {
  const db = SqliteDocStore.open(join(dir, 'closed.sqlite'), TEST_STORE_KEY);
  await db.insert(doc('p', 'a', {}));
  await db.close();
  await expect(db.insert(doc('p', 'b', {}))).rejects.toThrow(/SQLite store thread stopped/);
});

it('a script that writes and never closes the store still ends by itself, with its write on disk', () => {
  const file = join(dir, 'script.sqlite');
  const script = join(dir, 'script.ts');
  const store = JSON.stringify(join(__dirname, '../../src/store/sqlite/sqlite-docstore'));
  writeFileSync(
    script,
    `import { SqliteDocStore } from ${store};
     void (async () => {
       const db = SqliteDocStore.open(${JSON.stringify(file)}, ${JSON.stringify(TEST_STORE_KEY)});
       await db.insert({ pk: 'p', id: 'from-script', kind: 'job', body: { ok: true } });
     })();`,
  );
  // A guard against a hang, not a timing assertion: a thread that kept the process alive would hit it.
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
  expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
  const db = SqliteDocStore.open(file, TEST_STORE_KEY, { access: 'inline' });
  return db
    .get('p', 'from-script')
    .then((d) => expect(d?.body).toEqual({ ok: true }))
    .finally(() => db.close());
});
