import { amsterdamClock } from '../../domain/local-time';
import type { CardRef } from '../../domain/refs';
import { nlVerdiepingReading } from '../../i18n/nl';
import { requestCardRefresh } from '../case-access';
import type { AppDeps } from '../deps';
import type { Outbound } from '../ports';

/**
 * The reminder before the next moment of a case in verdieping (job 'termijnReminder' with
 * payload.horizon, requested in the commit that set the horizon). A horizon moved since is not
 * reminded of: the move re-requested the job for the new moment.
 */
export async function horizonReminder(deps: AppDeps, outbound: Outbound, caseId: string, ref: CardRef, horizon: string): Promise<void> {
  const v = await deps.repo.cases.loadVerdieping(caseId);
  if (v.phase?.body.phase !== 'verdieping' || v.phase.body.horizon?.at !== horizon) return;
  const minutes = Math.max(0, Math.round((Date.parse(horizon) - deps.clock.now().getTime()) / 60_000));
  await outbound.replyInThread(ref, { text: nlVerdiepingReading.horizonReminder(amsterdamClock(horizon), minutes) });
  await requestCardRefresh(deps, caseId);
}
