/**
 * Durability without fsync on the event loop (issue 11, item 3): the cost of a vote-sized commit
 * (one document upsert + one audit row, in one transaction, on the encrypted store) under
 *
 *   FULL    — the setting before this change: every commit fsyncs the WAL, on the event loop;
 *   NORMAL  — WAL with synchronous=NORMAL: commits append to the WAL without fsync; the WAL is
 *             fsynced at checkpoints (a power loss can lose the last commits, never corrupt);
 *   group   — NORMAL, and each write awaits a group fsync of the WAL on libuv's thread pool (§24);
 *
 * each with the writes inline (on the event loop) or on the store's thread (§76: the default for
 * a file, group commit: the writes waiting while the thread is busy share one transaction).
 *
 * Figures: commits/s and how long the event loop is blocked per commit, with 1 and 50 commits in
 * flight. The product uses FULL on the store thread for a file (inline: group, as before §76).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteDocStore, type SqliteDurability, type SqliteAccess } from '../src/store/sqlite/sqlite-docstore';
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
  /** Group fsyncs of the WAL (durability 'group'). */
  fsyncs?: number;
  /** Transactions the store thread committed the writes in (group commit). */
  transactions?: number;
}

const MODE_LABEL: Record<SqliteDurability, string> = {
  full: 'synchronous=FULL',
  normal: 'NORMAL, no fsync',
  group: 'NORMAL + group fsync',
};

async function measure(durability: SqliteDurability, access: SqliteAccess, inFlight: number): Promise<Row> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zsm-bench-dur-'));
  const store = SqliteDocStore.open(path.join(dir, 'd.db'), TEST_STORE_KEY, { durability, access });
  await store.upsert({ pk: 'warm', id: 'up', kind: 'job', body: {} }); // the store thread has started
  const syncs0 = store.walSyncStats?.syncs ?? 0;
  const batches0 = store.threadStats?.transactions ?? 0;
  const lat: number[] = [];
  let blocked = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < N) {
        const i = next++;
        const s = performance.now();
        const done = store.commit(voteOps(i)); // inline: the transaction runs synchronously inside the call
        blocked += performance.now() - s;
        await done; // and, with 'group', the fsync on the thread pool
        lat.push(performance.now() - s);
        await new Promise((r) => setImmediate(r)); // let other "requests" in between, as a server would
      }
    }),
  );
  const ms = performance.now() - t0;
  const syncs = store.walSyncStats ? store.walSyncStats.syncs - syncs0 : undefined;
  const transactions = store.threadStats ? store.threadStats.transactions - batches0 : undefined;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    mode: `${access === 'thread' ? 'store thread' : 'inline'}, ${MODE_LABEL[durability]}${durability === 'full' && access === 'thread' ? ' (default)' : durability === 'group' && access === 'inline' ? ' (before)' : ''}`,
    inFlight,
    perSec: (N / ms) * 1000,
    blockedMs: blocked / N,
    p50: pct(lat, 50),
    ...(syncs !== undefined ? { fsyncs: syncs } : {}),
    ...(transactions !== undefined ? { transactions } : {}),
  };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export async function benchDurability(): Promise<void> {
  console.log(`   ${N} vote-sized commits (upsert + audit row) on the encrypted store, 1 and 50 in flight`);
  console.log('   mode                                    in flight  commits/s  event loop blocked ms/commit  commit p50 ms');
  for (const inFlight of [1, 50]) {
    const rows: Row[] = [];
    for (const access of ['inline', 'thread'] as const)
      for (const durability of ['full', 'normal', 'group'] as const) rows.push(await measure(durability, access, inFlight));
    for (const r of rows) {
      console.log(
        `   ${r.mode.padEnd(38)}  ${String(r.inFlight).padStart(9)}  ${f1(r.perSec).padStart(9)}  ${f3(r.blockedMs).padStart(28)}  ${f3(r.p50).padStart(13)}` +
          [r.fsyncs !== undefined ? `${r.fsyncs} fsyncs` : '', r.transactions !== undefined ? `${r.transactions} transactions` : '']
            .filter(Boolean)
            .map((x) => `  (${x})`)
            .join(''),
      );
    }
  }
}
