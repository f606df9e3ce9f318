import type { AuditEntry } from '../../domain/audit';
import type { Case } from '../../domain/case';
import type { CardRef } from '../../domain/refs';
import { expirableUpTo, retentionCutoffs, sweepSlot, type RetentionPolicy } from '../../domain/retention';
import { newJob } from '../../store/jobs';
import type { AppDeps } from '../deps';

/**
 * Retention and erasure of a case. A purge is driven by a purge record in its own partition
 * (`_purge`, id = case id), written first with everything the later steps need (the posted cards'
 * references, the pseudonyms to unindex). A job then runs the steps, each idempotent, and records its
 * progress in the record, so a crash at any point resumes where it stopped:
 *   1. delete the case's whole partition (case, contributions, votes, advice, VT, escalation, jobs,
 *      card refs) and its pseudonym-index entries;
 *   2. replace every posted card with a tombstone through the Outbound port;
 *   3. mark done and audit the purge (ids and counts only) in the case's chain.
 * Deleting before tombstoning means no refresh job of the case can render it again over a tombstone
 * (its jobs are gone with the partition); the references survive in the purge record.
 */
import { PURGE_PK } from '../../store/purges';
export { PURGE_PK };
export const RETENTION_PK = '_retention';
/** The audit chain for privacy events that belong to no single case (the sweep's expiries). */
export const PRIVACY_CHAIN = '_privacy';

export type PurgeReason = 'retention_closed' | 'retention_open' | 'erasure';

export interface PurgeRecord {
  caseId: string;
  reason: PurgeReason;
  requestedBy: string;
  requestedAt: string;
  step: 'delete' | 'tombstones' | 'done';
  cardRefs: CardRef[];
  /** Cleared once the index entries are gone (they are keyed pseudonyms, personal data). */
  pseudonyms: string[];
  tombstoned: number;
  /** Cards that no longer existed in Teams (nothing to replace). */
  missing: number;
  documents?: number;
  finishedAt?: string;
}

const purgeJobId = (caseId: string): string => `job:purge:${caseId}`;

/** Every card of the case that was posted and whose reference is kept. */
async function collectCardRefs(deps: AppDeps, caseId: string): Promise<CardRef[]> {
  const refs: CardRef[] = [];
  const card = await deps.repo.getCardRef(caseId);
  if (card) refs.push(card);
  const esc = (await deps.repo.getEscalation(caseId))?.body;
  if (esc?.actieoverlegRef) refs.push(esc.actieoverlegRef);
  const vt = (await deps.repo.getVtConsultation(caseId))?.body;
  if (vt?.sent.primary) refs.push(vt.sent.primary);
  if (vt?.sent.backup) refs.push(vt.sent.backup);
  const advice = (await deps.repo.getAdvice(caseId))?.body;
  if (advice?.adviceRef) refs.push(advice.adviceRef);
  return refs;
}

/**
 * Start the purge of a case (idempotent: a second start changes nothing). 'not_found' when there is
 * neither a case nor a purge under way.
 */
export async function startPurge(
  deps: AppDeps,
  caseId: string,
  reason: PurgeReason,
  by: { actorId: string; actorOrg?: string },
): Promise<'started' | 'exists' | 'not_found'> {
  const existing = await deps.repo.purges.getPurge<PurgeRecord>(caseId);
  const now = deps.clock.now().toISOString();
  const job = newJob({ id: purgeJobId(caseId), caseId: PURGE_PK, type: 'purgeCase', dueAt: now, now, payload: { caseId } });
  if (existing) {
    if (existing.body.step !== 'done') await deps.repo.ensureJob(job); // repair a crash between record and job
    return 'exists';
  }
  const theCase = await deps.repo.getCase(caseId);
  if (!theCase) return 'not_found';
  const record: PurgeRecord = {
    caseId,
    reason,
    requestedBy: by.actorId,
    requestedAt: now,
    step: 'delete',
    cardRefs: await collectCardRefs(deps, caseId),
    pseudonyms: theCase.persons.flatMap((p) => (p.pseudonym ? [p.pseudonym] : [])),
    tombstoned: 0,
    missing: 0,
  };
  const created = await deps.repo.purges.startPurge(caseId, record, job);
  if (created === 'exists') return 'exists';
  await deps.repo.appendAudit({
    id: 'audit:purge:start',
    caseId,
    at: now,
    action: 'case.purgeStarted',
    actorId: by.actorId,
    ...(by.actorOrg ? { actorOrg: by.actorOrg } : {}),
    detail: { reason, cards: record.cardRefs.length },
  });
  deps.log.info({ caseId, reason }, 'case purge started');
  deps.kickJobs();
  return 'started';
}

/* The purge job (its steps, the tombstone cards) is a job handler: src/jobs/purge-job.ts. */

/** The sweep for this moment's slot exists (insert-if-absent: one per slot across processes). */
export async function ensureRetentionSweep(deps: AppDeps, policy: RetentionPolicy): Promise<void> {
  const now = deps.clock.now();
  const slot = sweepSlot(now, policy.sweepMinutes);
  await deps.repo.ensureJob(
    newJob({
      id: `job:retentionSweep:${slot.start}`,
      caseId: RETENTION_PK,
      type: 'retentionSweep',
      dueAt: now.toISOString(),
      now: now.toISOString(),
    }),
  );
}

export interface SweepResult {
  purgesStarted: number;
  indexEntriesRemoved: number;
  jobsRemoved: number;
  postMarksRemoved: number;
  auditEntriesExpired: number;
}

const BATCH = 100;

/** One sweep: start purges of due cases, expire old index entries, jobs, post markers and audit; schedule the next sweep. */
export async function retentionSweep(deps: AppDeps, policy: RetentionPolicy): Promise<SweepResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const cut = retentionCutoffs(policy, now);
  const result: SweepResult = { purgesStarted: 0, indexEntriesRemoved: 0, jobsRemoved: 0, postMarksRemoved: 0, auditEntriesExpired: 0 };
  const by = { actorId: 'retention' };
  const due: [Case, 'retention_closed' | 'retention_open'][] = [
    ...(await deps.repo.findClosedCasesBefore(cut.closedCase, BATCH)).map((c): [Case, 'retention_closed'] => [c, 'retention_closed']),
    ...(await deps.repo.findOpenCasesBefore(cut.openCase, BATCH)).map((c): [Case, 'retention_open'] => [c, 'retention_open']),
  ];
  for (const [c, reason] of due) if ((await startPurge(deps, c.id, reason, by)) === 'started') result.purgesStarted++;
  for (const e of await deps.repo.findPersonIndexBefore(cut.pseudonymIndex, BATCH)) {
    await deps.repo.deleteDoc(e.pk, e.id);
    result.indexEntriesRemoved++;
  }
  for (const j of await deps.repo.findFinishedSystemJobsBefore(cut.job, BATCH)) {
    await deps.repo.deleteDoc(j.pk, j.id);
    result.jobsRemoved++;
  }
  // Post markers live as long as the jobs they serve (src/store/post-marks.ts).
  for (const key of await deps.repo.postMarks.findBefore(cut.job, BATCH)) {
    await deps.repo.postMarks.end(key);
    result.postMarksRemoved++;
  }
  for (const chain of await deps.repo.audit.auditChainsWithEntriesBefore(cut.audit, BATCH)) {
    const anchor = await deps.repo.audit.auditAnchor(chain);
    const records = await deps.repo.audit.readAudit(chain, { afterSeq: anchor?.upToSeq ?? 0, limit: 1000 });
    const upTo = expirableUpTo(
      records.map((r) => ({ seq: r.seq, at: r.entry.at })),
      cut.audit,
    );
    if (upTo === 0) continue;
    const removed = await deps.repo.audit.expireAudit(chain, upTo, at);
    result.auditEntriesExpired += removed;
    const entry: AuditEntry = {
      id: `audit:expired:${chain}:${upTo}`,
      caseId: PRIVACY_CHAIN,
      at,
      action: 'audit.expired',
      actorId: 'retention',
      detail: { chain, upToSeq: upTo, removed },
    };
    if (chain !== PRIVACY_CHAIN) await deps.repo.appendAudit(entry);
  }
  const slot = sweepSlot(now, policy.sweepMinutes);
  await deps.repo.ensureJob(
    newJob({ id: `job:retentionSweep:${slot.next}`, caseId: RETENTION_PK, type: 'retentionSweep', dueAt: slot.next, now: at }),
  );
  deps.log.info({ ...result }, 'retention sweep');
  return result;
}
