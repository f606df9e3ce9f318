import type { EscalationRecord } from '../../domain/escalation-record';
import { actieoverlegAttendees, decideEscalation, defaultConcreteQuestion } from '../../domain/rounds';
import { withEtagRetry } from '../../store/etag-retry';
import { newJob } from '../../store/jobs';
import { auditId } from '../../store/repository';
import { requestCardRefresh } from '../case-access';
import type { AppDeps } from '../deps';

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
  const theCase = await deps.repo.getCase(caseId);
  if (!theCase || theCase.status !== 'open') return 'not_now';
  const location = deps.directory.location(theCase.locationId);
  if (!location) return 'not_now';
  const now = deps.clock.now().toISOString();
  const existing = await deps.repo.getEscalation(caseId);
  if (existing) {
    // Repair: a crash after recording but before the job was stored (Cosmos writes are sequential).
    if (!existing.body.actieoverlegRef) await deps.repo.ensureJob(postJob(caseId, now));
    return 'already';
  }
  const votes = await deps.repo.listVotes(caseId);
  const decision = decideEscalation(
    { votes, rounds: theCase.rounds, caseStatus: theCase.status, escalatedAlready: false, now },
    location.escalation,
  );
  if (!decision.escalate) {
    if (decision.nextCheckAt) {
      await deps.repo.requestJob(
        newJob({ id: ESCALATION_CHECK_JOB_ID, caseId, type: 'escalationCheck', dueAt: decision.nextCheckAt, now }),
      );
    }
    return 'not_now';
  }
  const record: EscalationRecord = {
    caseId,
    at: now,
    rule: decision.rule,
    orgs: decision.orgs,
    reasons: decision.reasons,
    question: defaultConcreteQuestion(theCase.facts),
    attendees: actieoverlegAttendees(theCase.kmFlag),
  };
  const outcome = await deps.repo.recordEscalation(
    record,
    {
      id: `audit:${now}:escalated`,
      caseId,
      at: now,
      action: 'case.escalated',
      actorId: 'bot',
      detail: { rule: decision.rule, orgs: decision.orgs.join(',') },
    },
    postJob(caseId, now),
  );
  if (outcome === 'created') {
    deps.log.info({ caseId, rule: decision.rule }, 'case escalated to the Actieoverleg');
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
