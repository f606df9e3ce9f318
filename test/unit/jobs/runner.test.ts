import { Writable } from 'node:stream';
import pino from 'pino';
import { OutboundError, type Clock } from '../../../src/app/ports';
import { decideRetry, JobRunner, type RunnerOptions } from '../../../src/jobs/runner';
import { newJob, type Job } from '../../../src/store/jobs';
import { Repository } from '../../../src/store/repository';
import { toOutboundError } from '../../../src/teams/outbound';
import { RateLimitDeferral } from '../../../src/teams/rate-limit';
import { makeDocStore, type TestStore } from '../../helpers/stores';

const http = (status: number, retryAfter?: string): OutboundError =>
  toOutboundError(
    Object.assign(new Error('x'), {
      statusCode: status,
      response: { status, headers: { get: (h: string) => (h === 'retry-after' ? retryAfter : undefined) } },
    }),
    'update card',
  );

describe('decideRetry (pure)', () => {
  const backoff = { baseMs: 1000, maxMs: 60_000, random: () => 0 };

  it.each([400, 401, 403, 404, 409, 413])('does not retry HTTP %i: the job goes dead at once', (status) => {
    expect(decideRetry(http(status), 1, { backoff })).toEqual({ giveUp: true, reason: 'permanent' });
  });

  it.each([408, 412, 429, 500, 502, 503, 504])('retries HTTP %i with backoff', (status) => {
    expect(decideRetry(http(status), 1, { backoff })).toEqual({ giveUp: false, reason: 'retry', delayMs: 500 });
    expect(decideRetry(http(status), 3, { backoff })).toEqual({ giveUp: false, reason: 'retry', delayMs: 2000 });
  });

  it('never retries sooner than Retry-After (seconds or HTTP-date)', () => {
    expect(decideRetry(http(429, '30'), 1, { backoff })).toMatchObject({ giveUp: false, delayMs: 30_000 });
    const at = new Date(Date.now() + 3_600_000).toUTCString();
    const d = decideRetry(http(503, at), 1, { backoff });
    expect(d.giveUp).toBe(false);
    expect(!d.giveUp && d.delayMs).toBeGreaterThan(3_590_000);
  });

  it('retries any other error (a bug, the store) until maxAttempts runs, then gives up', () => {
    expect(decideRetry(new Error('boom'), 4, { maxAttempts: 5, backoff })).toMatchObject({ giveUp: false, reason: 'retry' });
    expect(decideRetry(new Error('boom'), 5, { maxAttempts: 5, backoff })).toEqual({ giveUp: true, reason: 'exhausted' });
    expect(decideRetry(http(503), 12, {})).toEqual({ giveUp: true, reason: 'exhausted' }); // default 12
  });

  it('uses the configured backoff (base, cap)', () => {
    expect(decideRetry(http(503), 1, { backoff: { baseMs: 10, random: () => 1 } })).toMatchObject({ delayMs: 10 });
    expect(decideRetry(http(503), 10, { backoff: { baseMs: 10, maxMs: 40, random: () => 1 } })).toMatchObject({ delayMs: 40 });
  });

  it('a local rate-limit deferral comes back when the slot is free, and never makes a job go dead', () => {
    expect(decideRetry(new RateLimitDeferral(2500), 99, { maxAttempts: 3, backoff })).toEqual({
      giveUp: false,
      reason: 'deferred',
      delayMs: 2500,
    });
  });
});

class TestClock implements Clock {
  constructor(public t = Date.parse('2026-03-02T10:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
}

function captureLog(): { log: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

describe('JobRunner retry decisions on a real SQLite store (driven by hand, fake clock)', () => {
  let store: TestStore;
  let repo: Repository;
  let clock: TestClock;
  let log: ReturnType<typeof captureLog>;
  const CASE = 'case-0001';

  beforeEach(async () => {
    store = await makeDocStore('sqlite');
    repo = new Repository(store.db);
    clock = new TestClock();
    log = captureLog();
    const now = clock.now().toISOString();
    await repo.requestJob(newJob({ id: 'job:refreshCard', caseId: CASE, type: 'refreshCard', dueAt: now, now }));
  });
  afterEach(() => store.cleanup());

  const runner = (handler: (job: Job) => Promise<void>, opts: Partial<RunnerOptions> = {}): JobRunner =>
    new JobRunner(repo, { refreshCard: handler }, clock, log.log, {
      pollMs: 50,
      leaseMs: 30_000,
      backoff: { baseMs: 100, maxMs: 1000, random: () => 0 },
      ...opts,
    });
  const job = async (): Promise<Job> => (await repo.getJob(CASE, 'job:refreshCard'))!.body;

  /** Run passes, moving the clock to the job's due time between them, until it is no longer pending. */
  async function runUntilSettled(r: JobRunner, maxPasses = 50): Promise<number> {
    let runs = 0;
    for (let i = 0; i < maxPasses; i++) {
      runs += await r.runOnce();
      const j = await job();
      if (j.status !== 'pending') return runs;
      clock.t = Math.max(clock.t, Date.parse(j.dueAt));
    }
    throw new Error('job did not settle');
  }

  it('a job that keeps failing goes dead after maxAttempts runs, and the log has ids only', async () => {
    let calls = 0;
    const r = runner(
      async () => {
        calls++;
        throw new Error('Jan Jansen, Dorpsstraat 1: boom'); // a handler's error could carry case content
      },
      { maxAttempts: 4 },
    );
    expect(await runUntilSettled(r)).toBe(4);
    expect(calls).toBe(4);
    expect(await job()).toMatchObject({ status: 'dead', attempts: 4 });
    const dead = log.lines.filter((l) => l.msg === 'job failed for good');
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({
      caseId: CASE,
      jobId: 'job:refreshCard',
      type: 'refreshCard',
      attempts: 4,
      why: 'exhausted',
      err: 'Error',
    });
    expect(log.lines.filter((l) => l.msg === 'job failed, will retry')).toHaveLength(3);
    expect(JSON.stringify(log.lines)).not.toContain('Jansen');
  });

  it('does not retry a 404 (4xx other than 408/412/429): dead after one run, logged', async () => {
    let calls = 0;
    const r = runner(async () => {
      calls++;
      throw http(404);
    });
    await runUntilSettled(r);
    expect(calls).toBe(1);
    expect(await job()).toMatchObject({ status: 'dead', lastError: 'update card failed with HTTP 404' });
    expect(log.lines.find((l) => l.msg === 'job failed for good')).toMatchObject({
      why: 'permanent',
      err: 'update card failed with HTTP 404',
    });
  });

  it('retries a 412 and completes when Teams accepts', async () => {
    let calls = 0;
    const r = runner(async () => {
      if (++calls === 1) throw http(412);
    });
    await runUntilSettled(r);
    expect(calls).toBe(2);
    expect((await job()).status).toBe('done');
  });

  it('honours Retry-After: the job is not run again before it, and is run at it', async () => {
    let calls = 0;
    const r = runner(async () => {
      if (++calls === 1) throw http(429, '30');
    });
    const t0 = clock.t;
    expect(await r.runOnce()).toBe(1);
    expect(Date.parse((await job()).dueAt) - t0).toBe(30_000);
    clock.t = t0 + 29_999;
    expect(await r.runOnce()).toBe(0);
    clock.t = t0 + 30_000;
    expect(await r.runOnce()).toBe(1);
    expect((await job()).status).toBe('done');
  });

  it('keeps a job that the rate limit deferred, however often, and runs it when the slot is free', async () => {
    let calls = 0;
    const r = runner(
      async () => {
        if (++calls <= 3) throw new RateLimitDeferral(700);
      },
      { maxAttempts: 2 },
    );
    await runUntilSettled(r);
    expect(calls).toBe(4);
    expect((await job()).status).toBe('done');
    expect(log.lines.filter((l) => l.msg === 'job deferred')).toHaveLength(3);
  });
});
