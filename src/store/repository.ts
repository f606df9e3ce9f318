import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../domain/audit';
import { normalizeCase, type Case } from '../domain/case';
import type { Contribution } from '../domain/contribution';
import type { EscalationRecord } from '../domain/escalation-record';
import type { AdviceRecord } from '../domain/advice/types';
import type { VtOverride } from '../domain/vt/config';
import type { VtConsultationRecord } from '../domain/vt/record';
import type { ConcernVote } from '../domain/vote';
import { PreconditionFailedError, type DocStore, type NewDoc, type Stored, type WriteOp } from './docstore';
import { withEtagRetry } from './etag-retry';
import { EPOCH, requeuedJob, type Job } from './jobs';

import type { CardRef } from '../domain/refs';
export type { CardRef };

/** What is needed to message a conversation proactively (a Teams conversation reference, plain JSON). */
export interface ConversationRefData {
  serviceUrl: string;
  conversationId: string;
  channelId: string;
  tenantId?: string;
  botId?: string;
  botName?: string;
  teamId?: string;
}

const CONV_PK = '_conv';
const CASE_ID = 'case';
const CARDREF_ID = 'cardref';
const ESCALATION_ID = 'escalation';
const VT_CONSULT_ID = 'vtconsult';
const ADVICE_ID = 'advice';
const USER_MRIS_ID = 'user-mris';
/** Upper bound of the MRI document (one entry per known user; Teams' refresh takes at most 60 per card). */
export const MAX_USER_MRIS = 5000;

const sameRef = (a: ConversationRefData, b: ConversationRefData): boolean => {
  const keys: (keyof ConversationRefData)[] = ['serviceUrl', 'conversationId', 'channelId', 'tenantId', 'botId', 'botName', 'teamId'];
  return keys.every((k) => a[k] === b[k]);
};

export const auditId = (e: Pick<AuditEntry, 'at'>): string => `audit:${e.at}:${randomUUID()}`;
export const contributionId = (createdAt: string): string => `contrib:${createdAt}:${randomUUID()}`;

const caseDoc = (c: Case): NewDoc<Case> => ({ pk: c.id, id: CASE_ID, kind: 'case', body: c });
const jobDoc = (j: Job): NewDoc<Job> => ({ pk: j.caseId, id: j.id, kind: 'job', body: j });

/** The typed store the use cases depend on (the `Store` port), built on a DocStore adapter. */
/** How long this process trusts what it last read or wrote of the shared `_conv` documents (others may write them too). */
export const CONV_CACHE_MS = 60_000;

export class Repository {
  /** Conversation references as this process last wrote or read them: an unchanged one costs no store operation. */
  private readonly convCache = new Map<string, { ref: ConversationRefData; at: number }>();
  private mrisCache: { mris: Record<string, string>; at: number } | undefined;

  constructor(readonly db: DocStore) {}

  async getCase(caseId: string): Promise<Case | null> {
    const doc = await this.db.get<Case>(caseId, CASE_ID);
    return doc ? normalizeCase(doc.body) : null;
  }

  /** The case with its version tag, for a compare-and-swap change. */
  async getCaseForUpdate(caseId: string): Promise<{ theCase: Case; etag: string } | null> {
    const doc = await this.db.get<Case>(caseId, CASE_ID);
    return doc ? { theCase: normalizeCase(doc.body), etag: doc.etag } : null;
  }

  /** Replace the case if nobody changed it since `etag` (else PreconditionFailedError), with its audit entry. */
  async replaceCase(c: Case, etag: string, audit: AuditEntry, extra: WriteOp[] = []): Promise<void> {
    await this.db.commit([
      { op: 'replace', doc: caseDoc(c), ifMatch: etag },
      { op: 'audit', entry: audit },
      // Derived documents of the same change (the report row), after the conditional replace.
      ...extra,
    ]);
  }

  async getEscalation(caseId: string): Promise<Stored<EscalationRecord> | null> {
    return this.db.get<EscalationRecord>(caseId, ESCALATION_ID);
  }

  /**
   * The one escalation of a case, with the job that posts it: both inserted if absent, so a second
   * decider (another process, a retry after a crash) changes nothing but completes what is missing.
   */
  async recordEscalation(e: EscalationRecord, audit: AuditEntry, job: Job): Promise<'created' | 'exists'> {
    const [result] = await this.db.commit([
      { op: 'insert', doc: { pk: e.caseId, id: ESCALATION_ID, kind: 'escalation', body: e } },
      { op: 'audit', entry: audit },
      { op: 'insert', doc: jobDoc(job) },
    ]);
    return result === 'created' ? 'created' : 'exists';
  }

  async replaceEscalation(e: EscalationRecord, etag: string): Promise<void> {
    await this.db.replace({ pk: e.caseId, id: ESCALATION_ID, kind: 'escalation', body: e }, etag);
  }

  async getVtConsultation(caseId: string): Promise<Stored<VtConsultationRecord> | null> {
    return this.db.get<VtConsultationRecord>(caseId, VT_CONSULT_ID);
  }

  /** Write the consultation if nobody changed it since `etag` (null: only if there is none yet). */
  async putVtConsultation(r: VtConsultationRecord, etag: string | null): Promise<void> {
    const doc: NewDoc<VtConsultationRecord> = { pk: r.caseId, id: VT_CONSULT_ID, kind: 'vtconsult', body: r };
    if (etag === null) {
      if ((await this.db.insert(doc)) === 'exists') throw new PreconditionFailedError(r.caseId, VT_CONSULT_ID);
    } else await this.db.replace(doc, etag);
  }

  /** Consultations of a VT region (for the next-morning summary). */
  async listVtConsultations(regionId: string): Promise<VtConsultationRecord[]> {
    return (await this.db.query<VtConsultationRecord>('vtconsult', [{ field: 'regionId', op: '=', value: regionId }])).map((d) => d.body);
  }

  /** "Ik heb nu dienst": overrides of the on-call schedule set from Teams, per region. */
  async getVtOverrides(regionId: string): Promise<Stored<{ overrides: VtOverride[] }> | null> {
    return this.db.get<{ overrides: VtOverride[] }>('_vt', `overrides:${regionId}`);
  }

  async putVtOverrides(regionId: string, overrides: VtOverride[], etag: string | null): Promise<void> {
    const doc: NewDoc<{ overrides: VtOverride[] }> = { pk: '_vt', id: `overrides:${regionId}`, kind: 'vtoverride', body: { overrides } };
    if (etag === null) {
      if ((await this.db.insert(doc)) === 'exists') throw new PreconditionFailedError('_vt', doc.id);
    } else await this.db.replace(doc, etag);
  }

  async getAdvice(caseId: string): Promise<Stored<AdviceRecord> | null> {
    return this.db.get<AdviceRecord>(caseId, ADVICE_ID);
  }

  async putAdvice(r: AdviceRecord, etag: string | null): Promise<void> {
    const doc: NewDoc<AdviceRecord> = { pk: r.caseId, id: ADVICE_ID, kind: 'advice', body: r };
    if (etag === null) {
      if ((await this.db.insert(doc)) === 'exists') throw new PreconditionFailedError(r.caseId, ADVICE_ID);
    } else await this.db.replace(doc, etag);
  }

  /** Index the case under each person's keyed pseudonym, to recognise "oude bekenden" later. */
  async indexPersons(c: Case): Promise<void> {
    for (const p of c.persons) {
      if (p.pseudonym)
        await this.db.insert({ pk: `_person:${p.pseudonym}`, id: c.id, kind: 'personidx', body: { caseId: c.id, intakeAt: c.intakeAt } });
    }
  }

  /** Earlier cases that share a person (by pseudonym) with this case. */
  async earlierCasesOf(c: Case): Promise<{ caseId: string; intakeAt: string; sharedPseudonyms: number }[]> {
    const found = new Map<string, { caseId: string; intakeAt: string; sharedPseudonyms: number }>();
    for (const p of c.persons) {
      if (!p.pseudonym) continue;
      for (const d of await this.db.listPartition<{ caseId: string; intakeAt: string }>(`_person:${p.pseudonym}`, 'personidx')) {
        if (d.body.caseId === c.id || d.body.intakeAt > c.intakeAt) continue;
        const prev = found.get(d.body.caseId);
        found.set(d.body.caseId, { ...d.body, sharedPseudonyms: (prev?.sharedPseudonyms ?? 0) + 1 });
      }
    }
    return [...found.values()].sort((a, b) => (a.intakeAt < b.intakeAt ? -1 : 1));
  }

  /** Open cases of a location (the agenda), any order. */
  async listOpenCases(locationId: string): Promise<Case[]> {
    const docs = await this.db.query<Case>('case', [
      { field: 'locationId', op: '=', value: locationId },
      { field: 'status', op: '=', value: 'open' },
    ]);
    return docs.map((d) => normalizeCase(d.body));
  }

  /** Insert-if-absent of a case with its audit entry and jobs; all ids deterministic, so a re-run repairs. */
  async intakeCase(c: Case, audit: AuditEntry, jobs: Job[], extra: WriteOp[] = []): Promise<'created' | 'exists'> {
    // jobs are inserted if absent: a re-delivery repairs missing ones and never resets a finished one
    const ops: WriteOp[] = [
      { op: 'insert', doc: caseDoc(c) },
      { op: 'audit', entry: audit },
      ...jobs.map((j): WriteOp => ({ op: 'insert', doc: jobDoc(j) })),
      // Other documents of the intake's commit (the report row), insert-if-absent like the rest.
      ...extra,
    ];
    const [result] = await this.db.commit(ops);
    return result === 'created' ? 'created' : 'exists';
  }

  /** Jobs are requested separately (requestJob): an upsert here would break a running job's lease. */
  async addContribution(c: Contribution, audit: AuditEntry): Promise<void> {
    await this.db.commit([
      { op: 'insert', doc: { pk: c.caseId, id: c.id, kind: 'contribution', body: c } },
      { op: 'audit', entry: audit },
    ]);
  }

  /** A vote overwrites the same organisation's vote in that round (deterministic id). */
  async putVote(v: ConcernVote, audit: AuditEntry): Promise<void> {
    await this.db.commit([
      { op: 'upsert', doc: { pk: v.caseId, id: v.id, kind: 'vote', body: v } },
      { op: 'audit', entry: audit },
    ]);
  }

  async listContributions(caseId: string): Promise<Contribution[]> {
    return (await this.db.listPartition<Contribution>(caseId, 'contribution')).map((d) => d.body);
  }

  async listVotes(caseId: string): Promise<ConcernVote[]> {
    return (await this.db.listPartition<ConcernVote>(caseId, 'vote')).map((d) => d.body);
  }

  /** The audit trail of a case, by time (the chain itself is in append order; ties keep chain order). */
  async listAudit(caseId: string): Promise<AuditEntry[]> {
    const entries = (await this.db.readAudit(caseId)).map((r) => r.entry);
    return entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i))
      .map((x) => x.e);
  }

  /** Append to the case's hash chain (its own table/container); a repeated deterministic id is ignored. */
  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.db.appendAudit(entry);
  }

  async putCardRef(caseId: string, ref: CardRef): Promise<void> {
    await this.db.upsert({ pk: caseId, id: CARDREF_ID, kind: 'cardref', body: ref });
  }

  async getCardRef(caseId: string): Promise<CardRef | null> {
    return (await this.db.get<CardRef>(caseId, CARDREF_ID))?.body ?? null;
  }

  /** Written only when it changed (every turn would otherwise rewrite the same document). */
  async putConversationRef(key: string, ref: ConversationRefData): Promise<void> {
    const cached = this.convCache.get(key);
    if (cached && Date.now() - cached.at < CONV_CACHE_MS && sameRef(cached.ref, ref)) return;
    const current = (await this.db.get<ConversationRefData>(CONV_PK, key))?.body;
    if (!current || !sameRef(current, ref)) await this.db.upsert({ pk: CONV_PK, id: key, kind: 'convref', body: ref });
    this.convCache.set(key, { ref, at: Date.now() });
  }

  async getConversationRef(key: string): Promise<ConversationRefData | null> {
    return (await this.db.get<ConversationRefData>(CONV_PK, key))?.body ?? null;
  }

  /** Entra object id → Teams user MRI ("29:…"), learned from incoming activities; one small document. */
  async getUserMris(): Promise<Record<string, string>> {
    if (this.mrisCache && Date.now() - this.mrisCache.at < CONV_CACHE_MS) return this.mrisCache.mris;
    const mris = (await this.db.get<{ mris: Record<string, string> }>(CONV_PK, USER_MRIS_ID))?.body.mris ?? {};
    this.mrisCache = { mris, at: Date.now() };
    return mris;
  }

  /**
   * `keep` says who may stay in the document (the known users): others are dropped when it is written,
   * and it never holds more than MAX_USER_MRIS entries.
   */
  async rememberUserMri(aadObjectId: string, mri: string, keep: (aadObjectId: string) => boolean = () => true): Promise<void> {
    // Known to this process already (read or written within CONV_CACHE_MS): nothing to write.
    if (this.mrisCache && Date.now() - this.mrisCache.at < CONV_CACHE_MS && this.mrisCache.mris[aadObjectId] === mri) return;
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await this.db.get<{ mris: Record<string, string> }>(CONV_PK, USER_MRIS_ID);
      if (current) this.mrisCache = { mris: current.body.mris, at: Date.now() };
      if (current?.body.mris[aadObjectId] === mri) return;
      const kept = Object.entries(current?.body.mris ?? {}).filter(([aad]) => aad !== aadObjectId && keep(aad));
      const doc: NewDoc<{ mris: Record<string, string> }> = {
        pk: CONV_PK,
        id: USER_MRIS_ID,
        kind: 'convref',
        body: { mris: Object.fromEntries([...kept.slice(-(MAX_USER_MRIS - 1)), [aadObjectId, mri]]) },
      };
      try {
        if (!current) {
          if ((await this.db.insert(doc)) === 'created') {
            this.mrisCache = { mris: doc.body.mris, at: Date.now() };
            return;
          }
        } else {
          await this.db.replace(doc, current.etag);
          this.mrisCache = { mris: doc.body.mris, at: Date.now() };
          return;
        }
      } catch (e) {
        if (!(e instanceof PreconditionFailedError)) throw e;
      }
    }
  }

  // ---- retention and erasure ----

  /** Cases whose id starts with a zaakcode (the 8 characters on the card); at most `limit`. */
  async findCaseIdsByRef(ref: string, limit = 2): Promise<string[]> {
    const docs = await this.db.query<Case>(
      'case',
      [
        { field: 'id', op: '>=', value: ref },
        { field: 'id', op: '<', value: `${ref}\uffff` },
      ],
      { limit },
    );
    return docs.map((d) => d.pk);
  }

  /** Closed cases closed at or before `cutoff` (indexed: kind, status, closure.at). */
  async findClosedCasesBefore(cutoff: string, limit: number): Promise<Case[]> {
    const docs = await this.db.query<Case>(
      'case',
      [
        { field: 'status', op: '=', value: 'closed' },
        { field: 'closure.at', op: '<=', value: cutoff },
      ],
      { limit },
    );
    return docs.map((d) => normalizeCase(d.body));
  }

  /** Cases still open that arrived at or before `cutoff` (indexed: kind, intakeAt). */
  async findOpenCasesBefore(cutoff: string, limit: number): Promise<Case[]> {
    const docs = await this.db.query<Case>(
      'case',
      [
        { field: 'intakeAt', op: '<=', value: cutoff },
        { field: 'status', op: '=', value: 'open' },
      ],
      { limit },
    );
    return docs.map((d) => normalizeCase(d.body));
  }

  /** Pseudonym-index entries of cases that arrived at or before `cutoff`. */
  async findPersonIndexBefore(cutoff: string, limit: number): Promise<{ pk: string; id: string }[]> {
    return (await this.db.query('personidx', [{ field: 'intakeAt', op: '<=', value: cutoff }], { limit })).map((d) => ({
      pk: d.pk,
      id: d.id,
    }));
  }

  async removePersonIndex(pseudonym: string, caseId: string): Promise<void> {
    await this.db.delete(`_person:${pseudonym}`, caseId);
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

  async deleteDoc(pk: string, id: string): Promise<void> {
    await this.db.delete(pk, id);
  }

  // ---- jobs (outbox and durable timers) ----

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
}
