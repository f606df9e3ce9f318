import type { AppDeps } from '../app/deps';
import type { Outbound } from '../app/ports';
import { caseCode } from '../domain/case-code';
import { nlReturning } from '../i18n/nl/returning';
import type { Job } from '../store/jobs';
import { caseLink } from '../views/actieoverleg-view';

/* A job handler (it builds a deep link and sends): the oude-bekenden summary itself is src/app/report/returning.ts. */

/** The 1:1 note to an earlier case's lead; skipped when they left the roster meanwhile. */
export async function returningNoteJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const to = typeof job.payload.to === 'string' ? job.payload.to : undefined;
  const earlierIds = typeof job.payload.earlier === 'string' ? job.payload.earlier.split(',').filter(Boolean) : [];
  const theCase = await deps.repo.getCase(job.caseId);
  if (!to || !theCase || !deps.directory.member(to)) return;
  const text = nlReturning.leadNote(caseCode(theCase.id), earlierIds.map(caseCode), await caseLink(deps, theCase));
  await outbound.sendToUser(to, { text });
  deps.log.info({ caseId: theCase.id, to }, 'oude bekende: earlier lead notified');
}
