import pino from 'pino';
import type { Clock } from '../../../src/app/ports';
import { JobRunner } from '../../../src/jobs/runner';
import { decisionOps, handedOffJobs, loadCaseBundle, type LoadedCase } from '../../../src/store/case-bundle';
import type { Job } from '../../../src/store/jobs';
import { Repository } from '../../../src/store/repository';
import { countingStore, type StoreCounter } from '../../helpers/counting-store';
import { makeDocStore, type TestStore } from '../../helpers/stores';
import type { WriteOp } from '../../../src/store/docstore';
import { sampleCase } from '../cards/fixtures';

/**
 * The hand-off (docs/decisions.md §38) on a real SQLite store with a fake clock: a commit that leased
 * a refresh to this runner is delivered from one partition read and completed with one write; a job
 * leased to someone else, or whose lease ran out, is left to the loop.
 */
class TestClock implements Clock {
  constructor(public t = Date.parse('2026-03-02T10:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
}

const CASE = 'case-ho-1';
const LEASE_MS = 30_000;

describe('JobRunner.handOff', () => {
  let store: TestStore;
  let counter: StoreCounter;
  let repo: Repository;
  let clock: TestClock;
  let runner: JobRunner;
  let seen: { job: Job; loaded: LoadedCase | undefined }[];
  let fail: boolean;

  /** A case and the ops of a command that asks for its card refresh, handed off to `owner`. */
  async function commitRefresh(owner: string): Promise<WriteOp[]> {
    const now = clock.now().toISOString();
    const loaded = (await loadCaseBundle(counter.store, CASE)) as LoadedCase;
    const ops = decisionOps(
      loaded,
      {
        nextCase: loaded.bundle.theCase.body,
        votes: [],
        contributions: [],
        audit: [],
        jobs: [{ id: 'job:refreshCard', type: 'refreshCard', dueAt: now, mode: 'request' }],
      },
      now,
      [],
      { owner, until: new Date(clock.t + LEASE_MS).toISOString(), types: new Set(['refreshCard']) },
    );
    await counter.store.commit(ops);
    return ops;
  }

  beforeEach(async () => {
    store = await makeDocStore('sqlite');
    counter = countingStore(store.db);
    repo = new Repository(counter.store);
    clock = new TestClock();
    seen = [];
    fail = false;
    await store.db.insert({ pk: CASE, id: 'case', kind: 'case', body: sampleCase({ id: CASE }) });
    runner = new JobRunner(
      repo,
      {
        refreshCard: async (job, loaded) => {
          seen.push({ job, loaded });
          if (fail) throw new Error('boom');
        },
      },
      clock,
      pino({ level: 'silent' }),
      { pollMs: 50, leaseMs: LEASE_MS },
      (caseId) => loadCaseBundle(counter.store, caseId),
    );
  });
  afterEach(() => store.cleanup());

  it('runs the job leased to it from one partition read and completes it: two store operations', async () => {
    const ops = await commitRefresh(runner.owner);
    expect(handedOffJobs(ops, runner.owner)).toEqual(['job:refreshCard']);
    // The loop's poll does not see it (leased).
    expect(await repo.findDueJobs(clock.now().toISOString(), 10)).toEqual([]);
    counter.reset();
    await runner.handOff(CASE, ['job:refreshCard']);
    expect(counter.take()).toEqual({ readPartition: 1, replace: 1 });
    expect(seen).toHaveLength(1);
    // The handler got the partition as read (the case in it): it need not read again.
    expect(seen[0].loaded?.bundle.theCase.body.id).toBe(CASE);
    expect((await repo.getJob(CASE, 'job:refreshCard'))?.body).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('leaves a job leased to another runner alone', async () => {
    await commitRefresh('someone-else');
    await runner.handOff(CASE, ['job:refreshCard']);
    expect(seen).toEqual([]);
    expect((await repo.getJob(CASE, 'job:refreshCard'))?.body).toMatchObject({ status: 'pending', leaseOwner: 'someone-else' });
  });

  it('leaves a job whose lease ran out to the loop, which runs it', async () => {
    await commitRefresh(runner.owner);
    clock.t += LEASE_MS;
    await runner.handOff(CASE, ['job:refreshCard']);
    expect(seen).toEqual([]);
    expect(await runner.runOnce()).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0].loaded).toBeUndefined(); // the loop's handler reads for itself
  });

  it('a failed delivery is rescheduled like any run (backoff), and the loop retries it', async () => {
    await commitRefresh(runner.owner);
    fail = true;
    await runner.handOff(CASE, ['job:refreshCard']);
    const j = (await repo.getJob(CASE, 'job:refreshCard'))?.body;
    expect(j).toMatchObject({ status: 'pending', lastError: 'boom', attempts: 1 });
    fail = false;
    clock.t = Date.parse(j?.dueAt ?? '');
    expect(await runner.runOnce()).toBe(1);
    expect((await repo.getJob(CASE, 'job:refreshCard'))?.body.status).toBe('done');
  });

  it('a request while the hand-off runs (re-queue, rev + 1) makes it run once more', async () => {
    await commitRefresh(runner.owner);
    const handler = runner['handlers'].refreshCard as (job: Job, loaded?: LoadedCase) => Promise<void>;
    // Halfway through the delivery another command asks for the refresh again (the lease is held: a re-queue).
    (runner['handlers'] as Record<string, unknown>).refreshCard = async (job: Job, loaded?: LoadedCase) => {
      await commitRefresh(runner.owner);
      await handler(job, loaded);
    };
    await runner.handOff(CASE, ['job:refreshCard']);
    const j = (await repo.getJob(CASE, 'job:refreshCard'))?.body;
    expect(j).toMatchObject({ status: 'pending', rev: 1, leaseUntil: new Date(0).toISOString() });
    (runner['handlers'] as Record<string, unknown>).refreshCard = handler;
    expect(await runner.runOnce()).toBe(1);
    expect((await repo.getJob(CASE, 'job:refreshCard'))?.body.status).toBe('done');
    expect(seen).toHaveLength(2);
  });
});
