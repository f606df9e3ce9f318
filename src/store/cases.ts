import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../domain/audit';
import { normalizeCase, type Case } from '../domain/case';
import type { Contribution } from '../domain/contribution';
import type { EscalationRecord } from '../domain/escalation-record';
import type { AdviceRecord } from '../domain/advice/types';
import type { CardRef } from '../domain/refs';
import type { VtConsultationRecord } from '../domain/vt/record';
import type { ConcernVote } from '../domain/vote';
import { loadCaseBundle, type LoadedCase } from './case-bundle';
import { normalizeStored, normalizeStoredOrNull } from './old-values';
import { loadVerdieping, type VerdiepingBundle } from './verdieping-store';
import { PreconditionFailedError, type DocStore, type NewDoc, type Stored, type WriteOp, type WriteResult } from './docstore';
import type { Job } from './jobs';

const CASE_ID = 'case';
const CARDREF_ID = 'cardref';
const ESCALATION_ID = 'escalation';
const VT_CONSULT_ID = 'vtconsult';
const ADVICE_ID = 'advice';

export const auditId = (e: Pick<AuditEntry, 'at'>): string => `audit:${e.at}:${randomUUID()}`;
export const contributionId = (createdAt: string): string => `contrib:${createdAt}:${randomUUID()}`;

const caseDoc = (c: Case): NewDoc<Case> => ({ pk: c.id, id: CASE_ID, kind: 'case', body: c });
const jobDoc = (j: Job): NewDoc<Job> => ({ pk: j.caseId, id: j.id, kind: 'job', body: j });

/**
 * What a case partition holds (the case, its votes, contributions, escalation, VT consultation,
 * advice, card reference and its jobs as one commit), the pseudonym index next to it, and the
 * retention queries over cases. A command reads the partition once (`loadBundle`) and writes it
 * once (`commit`).
 */
export class CaseStore {
  constructor(private readonly db: DocStore) {}

  /** One read of a case's partition: the bundle a decision takes, with the partition's jobs; null when there is no case. */
  loadBundle(caseId: string): Promise<LoadedCase | null> {
    return loadCaseBundle(this.db, caseId);
  }

  /** Every document of a case's partition in one read (the verdieping commands parse what they need). */
  async readPartition(caseId: string): Promise<Stored[]> {
    return (await this.db.readPartition(caseId)).map(normalizeStored);
  }

  /** The verdieping documents of a case (phase, duiding, safety plan, questions, signals, people). */
  loadVerdieping(caseId: string): Promise<VerdiepingBundle> {
    return loadVerdieping(this.db, caseId);
  }

  /** One document of a case's partition by id (e.g. the oude-bekenden summary). */
  async getDoc<T>(caseId: string, id: string): Promise<T | null> {
    return (await this.db.get<T>(caseId, id))?.body ?? null;
  }

  /** A decision's write ops (decisionOps) on ONE partition, in one DocStore.commit. */
  commit(ops: WriteOp[]): Promise<WriteResult[]> {
    return this.db.commit(ops);
  }

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
    return normalizeStoredOrNull(await this.db.get<EscalationRecord>(caseId, ESCALATION_ID));
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
    return normalizeStoredOrNull(await this.db.get<VtConsultationRecord>(caseId, VT_CONSULT_ID));
  }

  /** Write the consultation if nobody changed it since `etag` (null: only if there is none yet). */
  async putVtConsultation(r: VtConsultationRecord, etag: string | null): Promise<void> {
    const doc: NewDoc<VtConsultationRecord> = { pk: r.caseId, id: VT_CONSULT_ID, kind: 'vtconsult', body: r };
    if (etag === null) {
      if ((await this.db.insert(doc)) === 'exists') throw new PreconditionFailedError(r.caseId, VT_CONSULT_ID);
    } else await this.db.replace(doc, etag);
  }

  async getAdvice(caseId: string): Promise<Stored<AdviceRecord> | null> {
    return normalizeStoredOrNull(await this.db.get<AdviceRecord>(caseId, ADVICE_ID));
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
    return (await this.db.listPartition<Contribution>(caseId, 'contribution')).map((d) => normalizeStored(d).body);
  }

  async listVotes(caseId: string): Promise<ConcernVote[]> {
    return (await this.db.listPartition<ConcernVote>(caseId, 'vote')).map((d) => d.body);
  }

  async putCardRef(caseId: string, ref: CardRef): Promise<void> {
    await this.db.upsert({ pk: caseId, id: CARDREF_ID, kind: 'cardref', body: ref });
  }

  async getCardRef(caseId: string): Promise<CardRef | null> {
    return (await this.db.get<CardRef>(caseId, CARDREF_ID))?.body ?? null;
  }

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

  async deleteDoc(pk: string, id: string): Promise<void> {
    await this.db.delete(pk, id);
  }

  /** Delete every document of a case's partition (the purge); the audit is not touched. Returns the count. */
  async deletePartition(caseId: string): Promise<number> {
    return this.db.deletePartition(caseId);
  }
}
