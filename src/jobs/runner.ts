import { randomUUID } from 'node:crypto';
import { nextRetryDelayMs } from '../domain/backoff';
import type { Logger } from '../log';
import type { LoadedCase } from '../store/case-bundle';
import type { Stored } from '../store/docstore';
import type { Job } from '../store/jobs';
import type { Repository } from '../store/repository';
import type { Clock } from '../app/ports';
import { OutboundError } from '../app/ports';
import { countEvent, EVENTS, withSpan } from '../telemetry';

/** `loaded`: the case partition as read for a handed-off job (the handler need not read it again). */
export type JobHandler = (job: Job, loaded?: LoadedCase) => Promise<void>;

/** The part of the Repository the job loop uses (so tests can give it a small fake). */
export type JobStore = Pick<Repository, 'findDueJobs' | 'claimJob' | 'completeJob' | 'failJob'>;

export interface BackoffOptions {
  /** First retry after 0.5–1 × baseMs, doubling per attempt (default 1000). */
  baseMs?: number;
  /** Cap of the exponential part (default 5 min); Retry-After may ask for more. */
  maxMs?: number;
  /** Jitter source in [0, 1) (tests: deterministic). */
  random?: () => number;
}

export interface RunnerOptions {
  pollMs: number;
  leaseMs: number;
  /** Runs of a job (the first included) before it goes dead (default 12). */
  maxAttempts?: number;
  batch?: number;
  backoff?: BackoffOptions;
}

export const DEFAULT_MAX_ATTEMPTS = 12;

export type RetryDecision =
  { giveUp: true; reason: 'permanent' | 'exhausted' } | { giveUp: false; reason: 'retry' | 'deferred'; delayMs: number };

/**
 * What to do after a failed run (`attempts` counts this run). Not retried: an OutboundError marked
 * not retryable (e.g. HTTP 400/403/404). Any other error is retried with backoff, never sooner than
 * its Retry-After, until `maxAttempts` runs. A deferral (`deferred: true`: the conversation had no
 * free rate-limit slot soon enough, or an earlier post of the job is still awaiting Teams' answer)
 * says nothing about Teams failing: it comes back after its Retry-After and never makes the job go dead.
 */
export function decideRetry(e: unknown, attempts: number, opts: { maxAttempts?: number; backoff?: BackoffOptions } = {}): RetryDecision {
  const outbound = e instanceof OutboundError ? e : undefined;
  if (outbound && !outbound.retryable) return { giveUp: true, reason: 'permanent' };
  if (outbound && (outbound as { deferred?: unknown }).deferred === true) {
    return { giveUp: false, reason: 'deferred', delayMs: Math.max(1, outbound.retryAfterMs ?? 0) };
  }
  if (attempts >= (opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) return { giveUp: true, reason: 'exhausted' };
  const delayMs = nextRetryDelayMs(attempts, {
    ...(opts.backoff?.baseMs !== undefined ? { baseMs: opts.backoff.baseMs } : {}),
    ...(opts.backoff?.maxMs !== undefined ? { maxMs: opts.backoff.maxMs } : {}),
    ...(opts.backoff?.random ? { random: opts.backoff.random } : {}),
    ...(outbound?.retryAfterMs !== undefined ? { retryAfterMs: outbound.retryAfterMs } : {}),
  });
  return { giveUp: false, reason: 'retry', delayMs };
}

/** For logs: our own OutboundError texts (operation + HTTP status, no content); of anything else only its class. */
function errorForLog(e: unknown): string {
  if (e instanceof OutboundError) return e.message.slice(0, 200);
  return e instanceof Error ? e.name : typeof e;
}

/**
 * The job loop: claims due jobs with a lease (safe with several processes on one store), runs
 * them, and reschedules failures with backoff. A job whose process died is picked up again when
 * its lease runs out.
 */
export class JobRunner {
  readonly owner = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = true;
  private halting = false;
  private idle: Promise<void> = Promise.resolve();
  /** Hand-offs, one after the other. */
  private lane: Promise<void> = Promise.resolve();
  /** Hand-offs under way (stop waits for them). */
  private readonly handedOff = new Set<Promise<void>>();
  /** performance.now() of the last sign of life (a pass started or ended); for /readyz. */
  private lastBeat = performance.now();

  constructor(
    private readonly repo: JobStore,
    private readonly handlers: Partial<Record<Job['type'], JobHandler>>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private opts: RunnerOptions,
    /** One read of a case partition (its jobs included), for hand-offs; without it `handOff` leaves jobs to the loop. */
    private readonly loadCase?: (caseId: string) => Promise<LoadedCase | null>,
  ) {}

  /**
   * Change poll, backoff or attempts of a running loop; takes effect from the next run. A seam for
   * tests that run the real host with a fast backoff (src/config.ts has no variables for it yet).
   */
  setOptions(patch: Partial<RunnerOptions>): void {
    this.opts = { ...this.opts, ...patch };
  }

  start(): void {
    this.stopped = false;
    this.halting = false;
    this.lastBeat = performance.now();
    this.schedule(0);
  }

  /** Run now (new work was enqueued) instead of waiting for the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /**
   * Stop claiming jobs and wait for the job that is running (its Connector call completes and the job
   * is marked done or rescheduled, releasing its lease). Due jobs not yet claimed stay free for others.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle;
    await Promise.all([...this.handedOff]);
  }

  /**
   * Run jobs a command's commit already leased to this runner (`owner`): one partition read gives the
   * jobs and the case, the handler delivers from it, and completing the job is the second and last
   * store operation. A job no longer leased to this runner is left alone (the loop or its holder runs
   * it); if this process dies first, the lease runs out and any instance's loop takes the job.
   * The promise settles when the hand-off is over; it never rejects.
   */
  handOff(caseId: string, jobIds: readonly string[]): Promise<void> {
    if (this.halting || !this.loadCase) return Promise.resolve(); // a stopping runner releases its leases (Host.stop)
    const load = this.loadCase;
    // Hand-offs run one at a time (in commit order). They are not serialised with the loop's passes:
    // doing so made rounds-escalation's agenda test fail 2 of 3 runs (docs/decisions.md §38).
    const run = this.exclusive(async () => {
      const loaded = await load(caseId);
      for (const id of jobIds) {
        if (this.halting) break;
        const doc = loaded?.jobs.get(id);
        const j = doc?.body;
        if (!doc || !j || j.status !== 'pending' || j.leaseOwner !== this.owner || j.leaseUntil <= this.clock.now().toISOString()) continue;
        if ((await this.execute(doc, loaded ?? undefined)) === 'requeued') this.kick();
      }
    }).catch((e: unknown) => {
      // The lease runs out and the loop takes the job: nothing is lost.
      this.log.warn({ caseId, err: errorForLog(e) }, 'hand-off failed, the job loop will run it');
    });
    this.handedOff.add(run);
    void run.finally(() => this.handedOff.delete(run));
    return run;
  }

  /**
   * Is the loop alive? False once stopped, or when no pass has started or ended for longer than a
   * job may run (its lease) plus a few polls: the loop is stuck. Wall-clock independent of `clock`.
   */
  alive(): boolean {
    if (this.stopped) return false;
    return performance.now() - this.lastBeat <= this.opts.leaseMs + 5 * this.opts.pollMs;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.idle = this.tick();
    }, ms);
  }

  /** One pass; exported for tests that want to drive the loop by hand. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const due = await this.repo.findDueJobs(now.toISOString(), this.opts.batch ?? 20);
    let ran = 0;
    for (const doc of due) {
      if (this.halting) break;
      const claimed = await this.repo.claimJob(doc, this.owner, this.clock.now(), this.opts.leaseMs);
      if (!claimed) continue;
      ran++;
      this.lastBeat = performance.now();
      await this.execute(claimed);
    }
    return ran;
  }

  /** Runs `fn` after every hand-off started before it (one at a time). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.lane.then(fn);
    this.lane = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Run one claimed job and record the outcome (done, re-queued, retry later, or dead). */
  private async execute(claimed: Stored<Job>, loaded?: LoadedCase): Promise<'done' | 'requeued' | 'failed'> {
    const job = claimed.body;
    const handler = this.handlers[job.type];
    try {
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      await withSpan(`job ${job.type}`, { 'zsm.case_id': job.caseId, 'zsm.job_id': job.id, 'zsm.attempt': job.attempts }, () =>
        handler(job, loaded),
      );
      return await this.repo.completeJob(claimed);
    } catch (e) {
      const decision = decideRetry(e, job.attempts, this.opts);
      const next = decision.giveUp ? null : new Date(this.clock.now().getTime() + decision.delayMs).toISOString();
      const message = e instanceof Error ? e.message : String(e);
      await this.repo.failJob(claimed, next, message.slice(0, 300));
      // Ids, counts and our own error texts only: a handler's exception may carry case content.
      const fields = { caseId: job.caseId, jobId: job.id, type: job.type, attempts: job.attempts, err: errorForLog(e) };
      if (decision.giveUp) {
        countEvent(EVENTS.jobDead, { type: job.type, why: decision.reason });
        this.log.error({ ...fields, why: decision.reason, event: EVENTS.jobDead }, 'job failed for good');
      } else if (decision.reason === 'deferred') this.log.debug({ ...fields, retryInMs: decision.delayMs }, 'job deferred');
      else this.log.warn({ ...fields, retryInMs: decision.delayMs }, 'job failed, will retry');
      return 'failed';
    }
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    this.running = true;
    this.lastBeat = performance.now();
    try {
      do {
        this.again = false;
        await this.runOnce();
      } while (this.again && !this.stopped);
    } catch (e) {
      this.log.error({ err: e instanceof Error ? e.message : String(e) }, 'job loop pass failed');
    } finally {
      this.running = false;
      this.lastBeat = performance.now();
      if (!this.stopped) this.schedule(this.opts.pollMs);
    }
  }
}
