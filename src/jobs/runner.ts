import { randomUUID } from 'node:crypto';
import { nextRetryDelayMs } from '../domain/backoff';
import type { Logger } from '../log';
import type { Job } from '../store/jobs';
import type { Repository } from '../store/repository';
import type { Clock } from '../app/ports';
import { OutboundError } from '../app/ports';

export type JobHandler = (job: Job) => Promise<void>;

export interface RunnerOptions {
  pollMs: number;
  leaseMs: number;
  maxAttempts?: number;
  batch?: number;
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

  constructor(
    private readonly repo: Repository,
    private readonly handlers: Partial<Record<Job['type'], JobHandler>>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly opts: RunnerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.halting = false;
    this.schedule(0);
  }

  /** Run now (new work was enqueued) instead of waiting for the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle;
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
      const job = claimed.body;
      const handler = this.handlers[job.type];
      try {
        if (!handler) throw new Error(`no handler for job type ${job.type}`);
        await handler(job);
        await this.repo.completeJob(claimed);
      } catch (e) {
        const retryable = !(e instanceof OutboundError) || e.retryable;
        const giveUp = !retryable || job.attempts >= (this.opts.maxAttempts ?? 12);
        const delay = nextRetryDelayMs(job.attempts, { retryAfterMs: e instanceof OutboundError ? e.retryAfterMs : undefined });
        const next = giveUp ? null : new Date(this.clock.now().getTime() + delay).toISOString();
        const message = e instanceof Error ? e.message : String(e);
        await this.repo.failJob(claimed, next, message.slice(0, 300));
        this.log[giveUp ? 'error' : 'warn'](
          {
            caseId: job.caseId,
            jobId: job.id,
            type: job.type,
            attempts: job.attempts,
            retryInMs: giveUp ? null : delay,
            err: message.slice(0, 300),
          },
          giveUp ? 'job failed for good' : 'job failed, will retry',
        );
      }
    }
    return ran;
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    this.running = true;
    try {
      do {
        this.again = false;
        await this.runOnce();
      } while (this.again && !this.stopped);
    } catch (e) {
      this.log.error({ err: e instanceof Error ? e.message : String(e) }, 'job loop pass failed');
    } finally {
      this.running = false;
      if (!this.stopped) this.schedule(this.opts.pollMs);
    }
  }
}
