import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JobRunner } from '../src/jobs/runner';
import { createLogger } from '../src/log';
import { newJob } from '../src/store/jobs';
import { Repository } from '../src/store/repository';
import { SqliteDocStore } from '../src/store/sqlite/sqlite-docstore';

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/**
 * Durable timer lateness: jobs due over a few seconds, run by the real job loop on SQLite at the
 * default poll interval; then a timer whose worker "died" holding its lease, taken over by another.
 */
export async function benchTimers(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zsm-bench-timers-'));
  const db = SqliteDocStore.open(path.join(dir, 't.db'), 'bench-only-store-key-0123456789abcdef01');
  const repo = new Repository(db);
  const log = createLogger('silent');
  const late: number[] = [];
  const handler = async (job: { dueAt: string }) => {
    late.push(Date.now() - Date.parse(job.dueAt));
  };
  const clock = { now: () => new Date() };
  const runner = new JobRunner(repo, { escalationCheck: handler }, clock, log, { pollMs: 500, leaseMs: 25_000 });
  const t0 = Date.now();
  const N = 60;
  for (let i = 0; i < N; i++) {
    const dueAt = new Date(t0 + 500 + i * 50).toISOString();
    await repo.requestJob(newJob({ id: `t${i}`, caseId: `c${i % 7}`, type: 'escalationCheck', dueAt, now: new Date(t0).toISOString() }));
  }
  runner.start();
  while (late.length < N && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 50));
  // A worker that died holding a lease of 2 s: the next worker runs it when the lease runs out.
  const dead = newJob({
    id: 'dead',
    caseId: 'cd',
    type: 'escalationCheck',
    dueAt: new Date().toISOString(),
    now: new Date().toISOString(),
  });
  await repo.requestJob(dead);
  const doc = await repo.getJob('cd', 'dead');
  await repo.claimJob(doc!, 'dead-worker', new Date(), 2000);
  const before = late.length;
  const deadAt = Date.now();
  while (late.length === before && Date.now() - deadAt < 10_000) await new Promise((r) => setTimeout(r, 50));
  const takeover = late.length > before ? late[late.length - 1] : NaN;
  await runner.stop();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  const ran = late.slice(0, N);
  console.log(
    `   ${N} timers, poll 500 ms: lateness p50 ${pct(ran, 50)} ms, p95 ${pct(ran, 95)} ms, max ${Math.max(...ran)} ms; each ran once: ${late.length === N + 1 ? 'yes' : 'NO'}`,
  );
  console.log(
    `   timer held by a dead worker (lease 2 s): ran ${takeover} ms after its due time (= lease + up to one poll; default lease 25 s)`,
  );
}
