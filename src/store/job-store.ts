import type { DocStore, NewDoc, Stored } from './docstore';
import { PreconditionFailedError } from './docstore';
import { withEtagRetry } from './etag-retry';
import { EPOCH, requeuedJob, type Job } from './jobs';

const jobDoc = (j: Job): NewDoc<Job> => ({ pk: j.caseId, id: j.id, kind: 'job', body: j });

/** The outbox and durable timers: jobs in any partition, claimed with a lease, retried, released. */
export class JobStore {
  constructor(private readonly db: DocStore) {}

  /** Insert a job if absent (deterministic id): timers that must exist once, such as the retention sweep. */
  async ensureJob(job: Job): Promise<'created' | 'exists'> {
    return this.db.insert(jobDoc(job));
  }

  async getJob(caseId: string, id: string): Promise<Stored<Job> | null> {
    return this.db.get<Job>(caseId, id);
  }

  /**
   * Ask for a job to run (again): created if absent. If a run is already queued that has not started
   * yet, nothing needs writing (it will see the newest state). If a worker is running it, rev is
   * bumped so that worker's completeJob fails and the job runs once more. Contention is retried.
   */
  async requestJob(job: Job): Promise<void> {
    await withEtagRetry(
      `requestJob on ${job.caseId}/${job.id}`,
      async () => {
        const current = await this.db.get<Job>(job.caseId, job.id);
        if (!current) {
          // created meanwhile by another writer: decide again on that one
          if ((await this.db.insert(jobDoc(job))) === 'exists') throw new PreconditionFailedError(job.caseId, job.id);
          return;
        }
        const next = requeuedJob(current.body, job);
        if (!next) return;
        await this.db.replace(jobDoc(next), current.etag);
      },
      { attempts: 50, maxPauseMs: 10 },
    );
  }

  /** Due, unleased jobs (any partition), oldest first. */
  async findDueJobs(now: string, limit: number): Promise<Stored<Job>[]> {
    return this.db.query<Job>(
      'job',
      [
        { field: 'status', op: '=', value: 'pending' },
        { field: 'dueAt', op: '<=', value: now },
        { field: 'leaseUntil', op: '<=', value: now },
      ],
      { orderBy: 'dueAt', limit },
    );
  }

  /** Take a lease on a job; null when another worker got it first. */
  async claimJob(doc: Stored<Job>, owner: string, now: Date, leaseMs: number): Promise<Stored<Job> | null> {
    const next: Job = {
      ...doc.body,
      leaseOwner: owner,
      leasedRev: doc.body.rev,
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: doc.body.attempts + 1,
    };
    try {
      return await this.db.replace(jobDoc(next), doc.etag);
    } catch (e) {
      if (e instanceof PreconditionFailedError) return null;
      throw e;
    }
  }

  /** Mark done unless the job was requested again meanwhile; then release it to run once more. */
  async completeJob(doc: Stored<Job>): Promise<'done' | 'requeued'> {
    try {
      await this.db.replace(jobDoc({ ...doc.body, status: 'done', leaseUntil: EPOCH, leaseOwner: undefined }), doc.etag);
      return 'done';
    } catch (e) {
      if (!(e instanceof PreconditionFailedError)) throw e;
      await this.releaseJob(doc.body.caseId, doc.body.id, (j) => j, doc.body.leaseOwner);
      return 'requeued';
    }
  }

  /** Reschedule after a failure (or give up: status dead). */
  async failJob(doc: Stored<Job>, nextDueAt: string | null, error: string): Promise<void> {
    await this.releaseJob(
      doc.body.caseId,
      doc.body.id,
      (j) =>
        j.rev === doc.body.rev
          ? { ...j, status: nextDueAt ? 'pending' : 'dead', dueAt: nextDueAt ?? j.dueAt, lastError: error }
          : // requested again while it ran: run again, but not sooner than the backoff / Retry-After asks
            { ...j, dueAt: nextDueAt && nextDueAt > j.dueAt ? nextDueAt : j.dueAt, lastError: error },
      doc.body.leaseOwner,
    );
  }

  /**
   * At shutdown: free every job this worker still holds a lease on (a run that could not record its
   * outcome), so another instance takes it at once instead of after the lease. Returns how many.
   */
  async releaseLeasesOf(owner: string): Promise<number> {
    const held = await this.db.query<Job>('job', [
      { field: 'leaseOwner', op: '=', value: owner },
      { field: 'status', op: '=', value: 'pending' },
    ]);
    for (const doc of held) await this.releaseJob(doc.body.caseId, doc.body.id, (j) => j, owner);
    return held.length;
  }

  /** Release our lease (never another worker's, which took over after ours ran out). */
  private async releaseJob(caseId: string, id: string, change: (j: Job) => Job, owner?: string): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await this.db.get<Job>(caseId, id);
      if (!current) return;
      if (owner !== undefined && current.body.leaseOwner !== undefined && current.body.leaseOwner !== owner) return;
      try {
        await this.db.replace(jobDoc({ ...change(current.body), leaseUntil: EPOCH, leaseOwner: undefined }), current.etag);
        return;
      } catch (e) {
        if (!(e instanceof PreconditionFailedError)) throw e;
      }
    }
  }

  /** Finished jobs outside case partitions (`_…`) due at or before `cutoff`; a case's jobs go with the case. */
  async findFinishedSystemJobsBefore(cutoff: string, limit: number): Promise<{ pk: string; id: string }[]> {
    const found: { pk: string; id: string }[] = [];
    for (const status of ['done', 'dead'] as const) {
      const docs = await this.db.query<Job>(
        'job',
        [
          { field: 'status', op: '=', value: status },
          { field: 'dueAt', op: '<=', value: cutoff },
          // '_' < '`': the range of partition keys that start with '_' (case ids are hex)
          { field: 'caseId', op: '>=', value: '_' },
          { field: 'caseId', op: '<', value: '`' },
        ],
        { limit },
      );
      found.push(...docs.map((d) => ({ pk: d.pk, id: d.id })));
    }
    return found.slice(0, limit);
  }
}
