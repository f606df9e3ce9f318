/**
 * Durability without fsync on the event loop (issue 11, item 3): the cost of a vote-sized commit
 * (one document upsert + one audit row, in one transaction, on the encrypted store) under
 *
 *   FULL    — the setting before this change: every commit fsyncs the WAL, on the event loop;
 *   NORMAL  — WAL with synchronous=NORMAL: commits append to the WAL without fsync; the WAL is
 *             fsynced at checkpoints (a power loss can lose the last commits, never corrupt);
 *   group   — NORMAL, and each write awaits a group fsync of the WAL on libuv's thread pool (chosen);
 *   worker  — a prototype: FULL in a worker thread with group commit (all commits waiting when the
 *             worker is free go into one transaction, one fsync), the event loop only posts messages.
 *
 * Figures: commits/s and how long the event loop is blocked per commit, with 1 and 50 commits in
 * flight. A prototype for measuring only; the product uses 'group' (docs/decisions.md §24).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { SqliteDocStore, type SqliteDurability } from '../src/store/sqlite/sqlite-docstore';
import type { WriteOp } from '../src/store/docstore';
import { TEST_STORE_KEY } from '../test/helpers/stores';

const N = Number(process.env.BENCH_COMMITS ?? 600);
const f1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f3 = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '–');

function voteOps(i: number): WriteOp[] {
  const caseId = `case-${i % 50}`;
  const at = new Date(Date.UTC(2026, 10, 29, 10, 0, 0, i)).toISOString();
  return [
    {
      op: 'upsert',
      doc: {
        pk: caseId,
        id: `vote:1:org${i % 6}`,
        kind: 'vote',
        body: { caseId, round: 1, orgId: `org${i % 6}`, concern: true, reason: 'Zorgen over de thuissituatie', castAt: at },
      },
    },
    {
      op: 'audit',
      entry: { id: `audit:${at}:${i}`, caseId, at, action: 'vote.cast', actorId: 'aad-bench', detail: { round: 1, concern: true } },
    },
  ] as WriteOp[];
}

interface Row {
  mode: string;
  inFlight: number;
  perSec: number;
  blockedMs: number;
  p50: number;
}

const MODE_LABEL: Record<SqliteDurability, string> = {
  full: 'in process, synchronous=FULL (before)',
  normal: 'in process, NORMAL, no fsync',
  group: 'in process, NORMAL + group fsync (now)',
};

async function inProcess(durability: SqliteDurability, inFlight: number): Promise<Row & { batches?: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zsm-bench-dur-'));
  const store = SqliteDocStore.open(path.join(dir, 'd.db'), TEST_STORE_KEY, { durability });
  const syncs0 = store.walSyncStats?.syncs ?? 0;
  const lat: number[] = [];
  let blocked = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < N) {
        const i = next++;
        const s = performance.now();
        const done = store.commit(voteOps(i)); // the transaction runs synchronously inside the call
        blocked += performance.now() - s;
        await done; // and, with 'group', the fsync on the thread pool
        lat.push(performance.now() - s);
        await new Promise((r) => setImmediate(r)); // let other "requests" in between, as a server would
      }
    }),
  );
  const ms = performance.now() - t0;
  const syncs = store.walSyncStats ? store.walSyncStats.syncs - syncs0 : undefined;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    mode: MODE_LABEL[durability],
    inFlight,
    perSec: (N / ms) * 1000,
    blockedMs: blocked / N,
    p50: pct(lat, 50),
    ...(syncs !== undefined ? { batches: syncs } : {}),
  };
}

/** The worker: one connection with synchronous=FULL; takes every request waiting and commits them together. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3-multiple-ciphers');
const db = new Database(workerData.file);
db.pragma("cipher = 'chacha20'");
db.key(Buffer.from(workerData.key, 'utf8'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS docs (pk TEXT, id TEXT, kind TEXT, body TEXT, etag TEXT, PRIMARY KEY (pk, id)); CREATE TABLE IF NOT EXISTS audit (chain TEXT, seq INTEGER, body TEXT, PRIMARY KEY (chain, seq))');
const up = db.prepare('INSERT INTO docs VALUES (?, ?, ?, ?, ?) ON CONFLICT (pk, id) DO UPDATE SET body = excluded.body, etag = excluded.etag');
const head = db.prepare('SELECT max(seq) AS s FROM audit WHERE chain = ?');
const aud = db.prepare('INSERT INTO audit VALUES (?, ?, ?)');
let queue = [];
let scheduled = false;
const batch = db.transaction((items) => {
  for (const it of items) for (const o of it.ops) {
    if (o.op === 'upsert') up.run(o.doc.pk, o.doc.id, o.doc.kind, JSON.stringify(o.doc.body), String(Math.random()));
    else aud.run(o.entry.caseId, (head.get(o.entry.caseId).s || 0) + 1, JSON.stringify(o.entry));
  }
});
parentPort.on('message', (m) => {
  queue.push(m);
  if (!scheduled) { scheduled = true; setImmediate(flush); }
});
let batches = 0;
function flush() {
  scheduled = false;
  const items = queue; queue = [];
  batch.immediate(items);
  batches++;
  for (const it of items) parentPort.postMessage({ id: it.id, batches });
}
`;

async function inWorker(inFlight: number): Promise<Row & { batches: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zsm-bench-dur-'));
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: path.join(dir, 'w.db'), key: TEST_STORE_KEY } });
  const waiting = new Map<number, () => void>();
  let batches = 0;
  worker.on('message', (m: { id: number; batches: number }) => {
    batches = m.batches;
    waiting.get(m.id)?.();
    waiting.delete(m.id);
  });
  const lat: number[] = [];
  let blocked = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < N) {
        const i = next++;
        const s = performance.now();
        const done = new Promise<void>((r) => waiting.set(i, r));
        const b = performance.now();
        worker.postMessage({ id: i, ops: voteOps(i) });
        blocked += performance.now() - b; // the event loop's share: structured clone + post
        await done;
        lat.push(performance.now() - s);
      }
    }),
  );
  const ms = performance.now() - t0;
  await worker.terminate();
  rmSync(dir, { recursive: true, force: true });
  return { mode: 'worker, FULL, group commit', inFlight, perSec: (N / ms) * 1000, blockedMs: blocked / N, p50: pct(lat, 50), batches };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export async function benchDurability(): Promise<void> {
  console.log(`   ${N} vote-sized commits (upsert + audit row) on the encrypted store, 1 and 50 in flight`);
  console.log('   mode                                    in flight  commits/s  event loop blocked ms/commit  commit p50 ms');
  for (const inFlight of [1, 50]) {
    const rows: (Row & { batches?: number })[] = [
      await inProcess('full', inFlight),
      await inProcess('normal', inFlight),
      await inProcess('group', inFlight),
      await inWorker(inFlight),
    ];
    for (const r of rows) {
      console.log(
        `   ${r.mode.padEnd(38)}  ${String(r.inFlight).padStart(9)}  ${f1(r.perSec).padStart(9)}  ${f3(r.blockedMs).padStart(28)}  ${f3(r.p50).padStart(13)}` +
          (r.batches !== undefined ? `  (${r.batches} fsyncs)` : ''),
      );
    }
  }
}
