import { RecipientUnreachableError, type Outbound } from '../app/ports';
import type { AppDeps } from '../app/deps';
import { caseCode } from '../domain/case-code';
import { requestAge } from '../domain/verdieping/info-request';
import { questionReminderIntent, questionReminderSpeaks } from '../domain/verdieping/question-reminder';
import { nlCards } from '../i18n/nl/cards';
import { nlVerdiepingRules } from '../i18n/nl/verdieping-rules';
import { newJob, type Job } from '../store/jobs';

/**
 * The reminder of an open informatievraag (issue 14 item 4): 1:1 to the members of the asked
 * organisation on the case location's roster, never into a channel. The text names the case code, the
 * asking organisation and the age only, never the question. One partition read decides; a question
 * answered or declined meanwhile, or a closed case, is not reminded and ends the series. A member
 * without a personal chat with the bot is skipped (logged by id), the others still hear.
 */
export async function questionReminderJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const requestId = String(job.payload.requestId);
  const n = Number(job.payload.n);
  const [theCase, v] = await Promise.all([deps.repo.getCase(job.caseId), deps.repo.cases.loadVerdieping(job.caseId)]);
  const request = v.infoRequests.find((r) => r.body.id === requestId)?.body;
  if (!theCase || !request || !questionReminderSpeaks(request, theCase.status === 'open')) return;
  const location = deps.directory.location(theCase.locationId);
  if (!location) return;
  const now = deps.clock.now().toISOString();
  const text = nlVerdiepingRules.questionReminder(
    nlCards.orgs[request.fromOrg],
    caseCode(theCase.id),
    nlVerdiepingRules.age(requestAge(request, now).hours),
  );
  const to = deps.directory.membersInLocation(location.id).filter((m) => m.orgId === request.toOrg);
  let reached = 0;
  for (const m of to) {
    try {
      await outbound.sendToUser(m.aadObjectId, { text });
      reached++;
    } catch (e) {
      if (!(e instanceof RecipientUnreachableError)) throw e;
      deps.log.warn({ caseId: theCase.id, requestId, to: m.aadObjectId }, 'question reminder: no personal chat with this member');
    }
  }
  deps.log.info({ caseId: theCase.id, requestId, toOrg: request.toOrg, n, members: to.length, reached }, 'question reminder sent');
  const next = questionReminderIntent(request, location.verdieping.questionReminder, n + 1);
  if (next)
    await deps.repo.ensureJob(
      newJob({ id: next.id, caseId: theCase.id, type: 'questionReminder', dueAt: next.dueAt, now, payload: next.payload ?? {} }),
    );
}
