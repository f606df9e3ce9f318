import { expiryStep, withExpiry } from '../../domain/verdieping/time-follows';
import { newJob } from '../../store/jobs';
import { changeConsultation } from '../vt/consult';
import type { AppDeps } from '../deps';

/** The expiry job of a consultation that follows the horizon: one id per moment (a queued job is never moved later). */
export const vtExpireJobId = (seq: number, until: string): string => `job:vtExpire:${seq}:${until}`;

/**
 * A VT consultation of a case in verdieping waits until the current horizon (issue 14 item 1). Called
 * after the chair set or moved the horizon, and by the expiry job before it closes the consultation:
 * when the horizon lies ahead and differs from the consultation's expiry, the expiry moves to it and
 * an expiry job is requested for that moment. Returns true when it moved the expiry. A consultation
 * that is closed, or a case in zsm, is left alone (the old job at the old moment then finds nothing due).
 */
export async function consultationFollowsHorizon(deps: AppDeps, caseId: string): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  const phase = (await deps.repo.cases.loadVerdieping(caseId)).phase?.body;
  if (phase?.phase !== 'verdieping') return false;
  let until: string | undefined;
  const next = await changeConsultation(deps, caseId, (r) => {
    const step = expiryStep({ consultation: r.state, phase, now });
    if (step.kind !== 'follow') return 'unchanged';
    until = step.until;
    return { ...r, state: withExpiry(r.state, step.until) };
  });
  if (typeof next === 'string' || until === undefined) return false;
  await deps.repo.requestJob(
    newJob({ id: vtExpireJobId(next.seq, until), caseId, type: 'vtExpire', dueAt: until, now, payload: { seq: next.seq } }),
  );
  deps.log.info({ caseId, seq: next.seq }, 'VT consultation follows the horizon');
  deps.kickJobs();
  return true;
}
