import type { EscalationRecord } from '../../domain/escalation-record';
import { escalationFollowUp, snapshotOf } from '../../domain/decisions';
import { withEtagRetry } from '../../store/etag-retry';
import { newJob } from '../../store/jobs';
import { auditId } from '../../store/repository';
import { requestCardRefresh } from '../case-access';
import { decisionLocation } from '../case-command';
import type { AppDeps } from '../deps';
import { syncReportRow } from '../report/report-row-hook';

export const POST_ACTIEOVERLEG_JOB_ID = 'job:postActieoverleg';
export const ESCALATION_CHECK_JOB_ID = 'job:escalationCheck';
export { REFRESH_ACTIEOVERLEG_JOB_ID } from '../case-access';

/**
 * Decide (pure policy) whether the case goes to the Actieoverleg, and record that at most once:
 * the escalation document and its post job have deterministic ids and are inserted if absent, so
 * racing votes, several processes and a crash in between all end with one escalation and one post.
 * When only a time rule could fire later, a durable timer re-checks at that moment.
 */
export async function evaluateEscalation(deps: AppDeps, caseId: string): Promise<'escalated' | 'already' | 'not_now'> {
  // One read of the partition: the policy also reads the advice, contributions and measures (a
  // decision "ondanks buikpijn" is not escalated again on the same buikpijn).
  const loaded = await deps.repo.cases.loadBundle(caseId);
  if (!loaded) return 'not_now';
  const theCase = loaded.bundle.theCase.body;
  if (theCase.status !== 'open') return 'not_now';
  const location = decisionLocation(deps, theCase.locationId);
  if (!location) return 'not_now';
  const now = deps.clock.now().toISOString();
  const existing = loaded.bundle.escalation;
  if (existing) {
    // Repair: a crash after recording but before the job was stored (Cosmos writes are sequential).
    if (!existing.body.actieoverlegRef) await deps.repo.ensureJob(postJob(caseId, now));
    return 'already';
  }
  const follow = escalationFollowUp(snapshotOf(loaded.bundle), location, now);
  const record = follow.escalation;
  const audit = follow.audit[0];
  if (!record || !audit) {
    if (follow.nextCheckAt) {
      await deps.repo.requestJob(newJob({ id: ESCALATION_CHECK_JOB_ID, caseId, type: 'escalationCheck', dueAt: follow.nextCheckAt, now }));
    }
    return 'not_now';
  }
  const outcome = await deps.repo.recordEscalation(record, audit, postJob(caseId, now));
  if (outcome === 'created') {
    deps.log.info({ caseId, rule: record.rule }, 'case escalated to the Actieoverleg');
    // The escalation counts in the report (a timer's escalation is outside any case command).
    await syncReportRow(deps, caseId);
    deps.kickJobs();
    await requestCardRefresh(deps, caseId);
    return 'escalated';
  }
  return 'already';
}

function postJob(caseId: string, now: string) {
  return newJob({ id: POST_ACTIEOVERLEG_JOB_ID, caseId, type: 'postActieoverleg', dueAt: now, now });
}

/** Change the escalation document with optimistic concurrency (owner, question, posted ref). */
export async function changeEscalation(
  deps: AppDeps,
  caseId: string,
  change: (e: EscalationRecord) => EscalationRecord | 'unchanged' | 'refuse',
): Promise<'changed' | 'unchanged' | 'refused' | 'missing'> {
  return withEtagRetry(
    `changeEscalation on ${caseId}`,
    async () => {
      const doc = await deps.repo.getEscalation(caseId);
      if (!doc) return 'missing';
      const next = change(doc.body);
      if (next === 'unchanged') return 'unchanged';
      if (next === 'refuse') return 'refused';
      await deps.repo.replaceEscalation(next, doc.etag);
      return 'changed';
    },
    { maxPauseMs: 0 },
  );
}

export async function auditEscalationChange(
  deps: AppDeps,
  caseId: string,
  action: 'actieoverleg.owner' | 'actieoverleg.question' | 'actieoverleg.posted',
  actorId: string,
  actorOrg?: string,
  detail?: Record<string, string>,
): Promise<void> {
  const at = deps.clock.now().toISOString();
  const extra = detail && Object.keys(detail).length > 0 ? { detail } : {};
  await deps.repo.appendAudit({ id: auditId({ at }), caseId, at, action, actorId, ...(actorOrg ? { actorOrg } : {}), ...extra });
}
