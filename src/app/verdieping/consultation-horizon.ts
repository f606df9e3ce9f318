import { consultationFollows, vtExpireJobId } from '../../domain/verdieping/decide-reading';
import { newJob } from '../../store/jobs';
import { changeConsultation } from '../vt/consult';
import type { AppDeps } from '../deps';

export { vtExpireJobId };

/**
 * A VT consultation of a case in verdieping waits until the current horizon (issue 14 item 1). The
 * chair's horizon commit moves it in that same commit (decideHorizon); this is the expiry job's side:
 * before it closes the consultation, when the horizon lies ahead and differs from the consultation's
 * expiry, the expiry moves to it and an expiry job is requested for that moment (a crash between the
 * two is caught up by the old job, which runs this again). Returns true when it moved the expiry. A
 * consultation that is closed, or a case in zsm, is left alone.
 */
export async function consultationFollowsHorizon(deps: AppDeps, caseId: string): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  const phase = (await deps.repo.cases.loadVerdieping(caseId)).phase?.body;
  if (phase?.phase !== 'verdieping') return false;
  let until: string | undefined;
  const next = await changeConsultation(deps, caseId, (r) => {
    const follows = consultationFollows(r, phase, now);
    if (!follows) return 'unchanged';
    until = follows.job.dueAt;
    return follows.record;
  });
  if (typeof next === 'string' || until === undefined) return false;
  await deps.repo.requestJob(
    newJob({ id: vtExpireJobId(next.seq, until), caseId, type: 'vtExpire', dueAt: until, now, payload: { seq: next.seq } }),
  );
  deps.log.info({ caseId, seq: next.seq }, 'VT consultation follows the horizon');
  deps.kickJobs();
  return true;
}
