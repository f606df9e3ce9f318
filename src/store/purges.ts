import type { DocStore, Stored } from './docstore';
import type { Job } from './jobs';

/** The partition of purge records (one per purged or erased case, kept after the case is gone). */
export const PURGE_PK = '_purge';

/**
 * Purge records: the steps of deleting a case (retention, erasure), kept under `_purge` after the
 * case partition is gone, so a late re-delivery of its intake is refused. The record's shape is the
 * purge use case's (src/app/privacy/purge.ts).
 */
export class PurgeStore {
  constructor(private readonly db: DocStore) {}

  async getPurge<T>(caseId: string): Promise<Stored<T> | null> {
    return this.db.get<T>(PURGE_PK, caseId);
  }

  /** Whether the case was purged or is being purged (never brought back by its intake). */
  async isPurged(caseId: string): Promise<boolean> {
    return (await this.db.get(PURGE_PK, caseId)) !== null;
  }

  /** The purge record and its job, both inserted if absent (one commit); 'exists' when a purge was started already. */
  async startPurge<T>(caseId: string, record: T, job: Job): Promise<'created' | 'exists'> {
    const [created] = await this.db.commit([
      { op: 'insert', doc: { pk: PURGE_PK, id: caseId, kind: 'purge', body: record } },
      { op: 'insert', doc: { pk: PURGE_PK, id: job.id, kind: 'job', body: job } },
    ]);
    return created === 'created' ? 'created' : 'exists';
  }

  /** The purge's progress, if nobody changed the record since `etag`. */
  async savePurge<T>(caseId: string, next: T, etag: string): Promise<Stored<T>> {
    return this.db.replace<T>({ pk: PURGE_PK, id: caseId, kind: 'purge', body: next }, etag);
  }
}
