import { buildCaseCard } from '../cards/case-card';
import type { Job } from '../store/jobs';
import { auditId } from '../store/repository';
import { requestCardRefresh } from './case-access';
import { channelView } from './case-view';
import type { AppDeps } from './deps';
import type { Outbound } from './ports';

/**
 * Job handlers that talk to Teams. Each renders the case as it is NOW, so a refresh that was
 * requested several times is sent once with the newest state.
 */
export async function deliverCardJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const view = await channelView(deps, job.caseId);
  if (!view.ok) {
    deps.log.error({ caseId: job.caseId, jobId: job.id }, 'job for unknown case dropped');
    return;
  }
  const card = buildCaseCard(view.value);
  const ref = await deps.repo.getCardRef(job.caseId);
  if (job.type === 'postCard') {
    if (ref) return; // already posted (a retry after a crash between posting and completing)
    const posted = await outbound.postCardToChannel(view.value.location.channelId, card, { idempotencyKey: `case:${job.caseId}` });
    await deps.repo.putCardRef(job.caseId, posted);
    const at = deps.clock.now().toISOString();
    await deps.repo.appendAudit({
      id: auditId({ at }),
      caseId: job.caseId,
      at,
      action: 'card.posted',
      actorId: 'bot',
      detail: { activityId: posted.activityId },
    });
    deps.log.info({ caseId: job.caseId, activityId: posted.activityId }, 'case card posted');
    // A change while the post was under way found no card to refresh (no ref yet): refresh it now (a job of its own).
    const after = await channelView(deps, job.caseId);
    if (after.ok && JSON.stringify(buildCaseCard(after.value)) !== JSON.stringify(card)) await requestCardRefresh(deps, job.caseId);
    return;
  }
  // refreshCard: before the first post there is nothing to update; the post renders the newest state.
  if (!ref) return;
  await outbound.updateCard(ref, card);
  deps.log.debug({ caseId: job.caseId }, 'case card updated');
}
