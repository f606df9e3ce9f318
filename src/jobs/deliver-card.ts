import { buildChannelCard } from '../cards/channel-card';
import type { CardRef } from '../domain/refs';
import { nlDelivery } from '../i18n/nl';
import type { Job } from '../store/jobs';
import { auditId } from '../store/repository';
import { requestCardRefresh } from '../app/case-access';
import type { AppDeps } from '../app/deps';
import type { Outbound } from '../app/ports';
import { channelSummaryOf, loadChannelSummary } from '../app/views';
import { snapshotOf } from '../domain/decisions';
import type { LoadedCase } from '../store/case-bundle';

/**
 * An earlier attempt of this post died unanswered (crash, kill), so Teams may show it twice: say so in
 * the thread of the post that is kept (a reply stays; a card refresh would overwrite a notice on the card).
 * Best effort: the reference is already stored, a failed notice is logged, not retried.
 */
export async function noteMaybeDuplicate(deps: AppDeps, outbound: Outbound, caseId: string, posted: CardRef): Promise<void> {
  if (!posted.maybeDuplicate) return;
  try {
    await outbound.replyInThread(posted, { text: nlDelivery.maybeDuplicate });
  } catch (e) {
    deps.log.warn({ caseId, err: e instanceof Error ? e.name : 'unknown' }, 'could not post the possible-duplicate notice');
  }
}

/**
 * Job handlers that talk to Teams. Each renders the case as it is NOW, so a refresh that was
 * requested several times is sent once with the newest state. `preloaded`: the partition as the job
 * loop read it for a hand-off (read after the commit that asked for this job, so it is that state or newer).
 */
export async function deliverCardJob(deps: AppDeps, outbound: Outbound, job: Job, preloaded?: LoadedCase): Promise<void> {
  // One read of the partition: the case, its votes, escalation and where its card was posted.
  const loaded = preloaded ?? (await deps.repo.cases.loadBundle(job.caseId));
  const theCase = loaded?.bundle.theCase.body;
  const channel = loaded ? channelSummaryOf(deps, 'case', snapshotOf(loaded.bundle), await deps.repo.getUserMris()) : null;
  const location = theCase ? deps.directory.location(theCase.locationId) : undefined;
  if (!loaded || !theCase || !channel || !location) {
    deps.log.error({ caseId: job.caseId, jobId: job.id }, 'job for unknown case dropped');
    return;
  }
  // The location channel is seen by every member and guest of the team: the minimal summary only.
  const card = buildChannelCard(channel.summary, channel.refreshUserIds, deps.clock.now());
  const ref = loaded.bundle.cardRef ?? null;
  if (job.type === 'postCard') {
    if (ref) return; // already posted (a retry after a crash between posting and completing)
    const posted = await outbound.postCardToChannel(location.channelId, card, { idempotencyKey: `case:${job.caseId}` });
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
    if (posted.maybeDuplicate) await noteMaybeDuplicate(deps, outbound, job.caseId, posted);
    // A change while the post was under way found no card to refresh (no ref yet): refresh it now (a job of its own).
    const now = await deps.repo.getCase(job.caseId);
    const after = now ? await loadChannelSummary(deps, 'case', now) : null;
    if (after && JSON.stringify(after.summary) !== JSON.stringify(channel.summary)) await requestCardRefresh(deps, job.caseId);
    return;
  }
  // refreshCard: before the first post there is nothing to update; the post renders the newest state.
  if (!ref) return;
  await outbound.updateCard(ref, card);
  deps.log.debug({ caseId: job.caseId }, 'case card updated');
}
