import type { Job } from '../../store/jobs';
import type { AppDeps } from '../deps';
import { askVt, consultationJobs, vtRegionOf } from './consult';

const OPEN = new Set(['asked', 'reminded', 'backup_asked']);

/**
 * The VT question of a new case (job `vtAskAtIntake`, committed together with the case). Outside VT's
 * office hours VT's on-call staff is asked; in office hours VT is at the desk and nothing happens. A
 * store error throws, so the job loop retries the question with backoff — it is never lost.
 *
 * A crash between writing the consultation and requesting its jobs would leave an open consultation
 * that nobody sends: a rerun finds it ("already asked") and inserts its missing jobs (insert-if-absent,
 * so a job that already ran is not run again).
 */
export async function vtAskAtIntakeJob(deps: AppDeps, job: Job): Promise<void> {
  const asked = await askVt(deps, { caseId: job.caseId, askedBy: 'auto', onlyOutsideOfficeHours: true });
  if (asked.ok) return;
  if (asked.error.code !== 'vt_already_asked') {
    deps.log.info({ caseId: job.caseId, reason: asked.error.code }, 'VT not asked at intake');
    return;
  }
  const current = await deps.repo.getVtConsultation(job.caseId);
  const theCase = current && (await deps.repo.getCase(job.caseId));
  const region = theCase ? vtRegionOf(deps, theCase) : undefined;
  if (!current || !region || current.body.askedBy !== 'auto' || !OPEN.has(current.body.state.status)) return;
  const jobs = consultationJobs(region, current.body);
  let repaired = 0;
  for (const j of [...jobs.ladder, ...(jobs.morningSummary ? [jobs.morningSummary] : [])])
    if ((await deps.repo.ensureJob(j)) === 'created') repaired++;
  if (repaired > 0) {
    deps.log.warn({ caseId: job.caseId, repaired }, 'VT consultation at intake had missing jobs: repaired');
    deps.kickJobs();
  }
}
