import type { AuditEntry } from '../domain/audit';
import type { Case } from '../domain/case';
import type { Contribution } from '../domain/contribution';
import type { EscalationRecord } from '../domain/escalation-record';
import type { AdviceRecord } from '../domain/advice/types';
import type { CardRef } from '../domain/refs';
import type { VtOverride } from '../domain/vt/config';
import type { VtConsultationRecord } from '../domain/vt/record';
import type { ConcernVote } from '../domain/vote';
import { AuditStore } from './audit';
import { CaseStore } from './cases';
import { ConversationRefStore, type ConversationRefData } from './conversation-refs';
import type { DocStore, Stored, WriteOp } from './docstore';
import { JobStore } from './job-store';
import type { Job } from './jobs';
import { PostMarks } from './post-marks';
import { PurgeStore } from './purges';
import { ReportStore } from './report-store';
import { VtOverrideStore } from './vt-overrides';

export type { CardRef, ConversationRefData };
export { auditId, contributionId } from './cases';
export { CONV_CACHE_MS, MAX_USER_MRIS } from './conversation-refs';

/**
 * The typed store the use cases depend on (the `Store` port), split by what it holds: `cases` (a case
 * partition: bundle read, one commit, and the documents next to it), `jobs` (outbox and timers),
 * `conversations` (conversation references, user MRIs), `audit` (the hash chains), `purges`,
 * `vtOverrides`, `reports` and `postMarks`. The DocStore itself is private: no use case reaches past these.
 *
 * The methods below are a thin compatibility layer (one line each) for the callers that predate the
 * split; new code uses the stores by name (`deps.repo.cases.loadBundle`).
 */
export class Repository {
  readonly cases: CaseStore;
  readonly jobs: JobStore;
  readonly conversations: ConversationRefStore;
  readonly audit: AuditStore;
  readonly purges: PurgeStore;
  readonly vtOverrides: VtOverrideStore;
  readonly reports: ReportStore;
  /** Channel posts in flight (issue 11 item 7): written by outbound, swept by retention. */
  readonly postMarks: PostMarks;

  constructor(db: DocStore) {
    this.cases = new CaseStore(db);
    this.jobs = new JobStore(db);
    this.conversations = new ConversationRefStore(db);
    this.audit = new AuditStore(db);
    this.purges = new PurgeStore(db);
    this.vtOverrides = new VtOverrideStore(db);
    this.reports = new ReportStore(db);
    this.postMarks = new PostMarks(db);
  }

  // ---- cases ----
  getCase(caseId: string): Promise<Case | null> {
    return this.cases.getCase(caseId);
  }
  getCaseForUpdate(caseId: string): Promise<{ theCase: Case; etag: string } | null> {
    return this.cases.getCaseForUpdate(caseId);
  }
  replaceCase(c: Case, etag: string, audit: AuditEntry, extra: WriteOp[] = []): Promise<void> {
    return this.cases.replaceCase(c, etag, audit, extra);
  }
  getEscalation(caseId: string): Promise<Stored<EscalationRecord> | null> {
    return this.cases.getEscalation(caseId);
  }
  recordEscalation(e: EscalationRecord, audit: AuditEntry, job: Job): Promise<'created' | 'exists'> {
    return this.cases.recordEscalation(e, audit, job);
  }
  replaceEscalation(e: EscalationRecord, etag: string): Promise<void> {
    return this.cases.replaceEscalation(e, etag);
  }
  getVtConsultation(caseId: string): Promise<Stored<VtConsultationRecord> | null> {
    return this.cases.getVtConsultation(caseId);
  }
  putVtConsultation(r: VtConsultationRecord, etag: string | null): Promise<void> {
    return this.cases.putVtConsultation(r, etag);
  }
  getAdvice(caseId: string): Promise<Stored<AdviceRecord> | null> {
    return this.cases.getAdvice(caseId);
  }
  putAdvice(r: AdviceRecord, etag: string | null): Promise<void> {
    return this.cases.putAdvice(r, etag);
  }
  indexPersons(c: Case): Promise<void> {
    return this.cases.indexPersons(c);
  }
  earlierCasesOf(c: Case): Promise<{ caseId: string; intakeAt: string; sharedPseudonyms: number }[]> {
    return this.cases.earlierCasesOf(c);
  }
  intakeCase(c: Case, audit: AuditEntry, jobs: Job[], extra: WriteOp[] = []): Promise<'created' | 'exists'> {
    return this.cases.intakeCase(c, audit, jobs, extra);
  }
  addContribution(c: Contribution, audit: AuditEntry): Promise<void> {
    return this.cases.addContribution(c, audit);
  }
  putVote(v: ConcernVote, audit: AuditEntry): Promise<void> {
    return this.cases.putVote(v, audit);
  }
  listContributions(caseId: string): Promise<Contribution[]> {
    return this.cases.listContributions(caseId);
  }
  listVotes(caseId: string): Promise<ConcernVote[]> {
    return this.cases.listVotes(caseId);
  }
  putCardRef(caseId: string, ref: CardRef): Promise<void> {
    return this.cases.putCardRef(caseId, ref);
  }
  getCardRef(caseId: string): Promise<CardRef | null> {
    return this.cases.getCardRef(caseId);
  }
  findCaseIdsByRef(ref: string, limit = 2): Promise<string[]> {
    return this.cases.findCaseIdsByRef(ref, limit);
  }
  findClosedCasesBefore(cutoff: string, limit: number): Promise<Case[]> {
    return this.cases.findClosedCasesBefore(cutoff, limit);
  }
  findOpenCasesBefore(cutoff: string, limit: number): Promise<Case[]> {
    return this.cases.findOpenCasesBefore(cutoff, limit);
  }
  findPersonIndexBefore(cutoff: string, limit: number): Promise<{ pk: string; id: string }[]> {
    return this.cases.findPersonIndexBefore(cutoff, limit);
  }
  removePersonIndex(pseudonym: string, caseId: string): Promise<void> {
    return this.cases.removePersonIndex(pseudonym, caseId);
  }
  deleteDoc(pk: string, id: string): Promise<void> {
    return this.cases.deleteDoc(pk, id);
  }
  // ---- vtOverrides ----
  getVtOverrides(regionId: string): Promise<Stored<{ overrides: VtOverride[] }> | null> {
    return this.vtOverrides.getVtOverrides(regionId);
  }
  putVtOverrides(regionId: string, overrides: VtOverride[], etag: string | null): Promise<void> {
    return this.vtOverrides.putVtOverrides(regionId, overrides, etag);
  }
  // ---- conversations ----
  putConversationRef(key: string, ref: ConversationRefData): Promise<void> {
    return this.conversations.putConversationRef(key, ref);
  }
  getConversationRef(key: string): Promise<ConversationRefData | null> {
    return this.conversations.getConversationRef(key);
  }
  getUserMris(): Promise<Record<string, string>> {
    return this.conversations.getUserMris();
  }
  rememberUserMri(aadObjectId: string, mri: string, keep: (aadObjectId: string) => boolean = () => true): Promise<void> {
    return this.conversations.rememberUserMri(aadObjectId, mri, keep);
  }
  // ---- audit ----
  appendAudit(entry: AuditEntry): Promise<void> {
    return this.audit.appendAudit(entry);
  }
  listAudit(caseId: string): Promise<AuditEntry[]> {
    return this.audit.listAudit(caseId);
  }
  // ---- jobs ----
  ensureJob(job: Job): Promise<'created' | 'exists'> {
    return this.jobs.ensureJob(job);
  }
  getJob(caseId: string, id: string): Promise<Stored<Job> | null> {
    return this.jobs.getJob(caseId, id);
  }
  requestJob(job: Job): Promise<void> {
    return this.jobs.requestJob(job);
  }
  findDueJobs(now: string, limit: number): Promise<Stored<Job>[]> {
    return this.jobs.findDueJobs(now, limit);
  }
  claimJob(doc: Stored<Job>, owner: string, now: Date, leaseMs: number): Promise<Stored<Job> | null> {
    return this.jobs.claimJob(doc, owner, now, leaseMs);
  }
  completeJob(doc: Stored<Job>): Promise<'done' | 'requeued'> {
    return this.jobs.completeJob(doc);
  }
  failJob(doc: Stored<Job>, nextDueAt: string | null, error: string): Promise<void> {
    return this.jobs.failJob(doc, nextDueAt, error);
  }
  releaseLeasesOf(owner: string): Promise<number> {
    return this.jobs.releaseLeasesOf(owner);
  }
  findFinishedSystemJobsBefore(cutoff: string, limit: number): Promise<{ pk: string; id: string }[]> {
    return this.jobs.findFinishedSystemJobsBefore(cutoff, limit);
  }
}
