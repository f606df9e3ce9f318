import type { Case } from '../domain/case';
import type { Member } from '../domain/roster';
import { newJob } from '../store/jobs';
import { auditRefusal, authorizeForCase, refuseClosed } from './actor';
import type { AppDeps } from './deps';
import { fail, ok, type Result } from './errors';

export const REFRESH_CARD_JOB_ID = 'job:refreshCard';

/** Load a case and check that this user may act on it (and that it is still open). */
export async function openCaseFor(
  deps: AppDeps,
  caseId: string,
  aadObjectId: string | undefined,
  attempted: string,
  opts: { need?: 'member' | 'chair'; mustBeOpen?: boolean } = {},
): Promise<Result<{ theCase: Case; member: Member }>> {
  const theCase = await deps.repo.getCase(caseId);
  if (!theCase) return fail('case_not_found');
  const member = await authorizeForCase(deps, aadObjectId, caseId, theCase.locationId, attempted, opts.need);
  if (!member.ok) return member;
  if ((opts.mustBeOpen ?? true) && theCase.status !== 'open') return refuseClosed(deps, caseId, member.value, attempted);
  return ok({ theCase, member: member.value });
}

/** Ask the job loop to re-render the posted card (coalesced: one pending refresh per case). */
export async function requestCardRefresh(deps: AppDeps, caseId: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.repo.requestJob(newJob({ id: REFRESH_CARD_JOB_ID, caseId, type: 'refreshCard', dueAt: now, now }));
  // An escalated case keeps its Actieoverleg card current too: new buikpijn, votes and contributions appear there.
  if (await deps.repo.getEscalation(caseId))
    await deps.repo.requestJob(newJob({ id: REFRESH_ACTIEOVERLEG_JOB_ID, caseId, type: 'refreshActieoverleg', dueAt: now, now }));
  deps.kickJobs();
}

/**
 * A card action refused for its input (fields the action does not know): audited on the case it
 * names, if that case exists (no partition is created for an id that names nothing).
 */
export async function refuseCardInput(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; attempted: string; reason: 'unknown_fields' },
): Promise<void> {
  if (!(await deps.repo.getCase(args.caseId))) return;
  const member = deps.directory.member(args.aadObjectId);
  await auditRefusal(
    deps,
    {
      caseId: args.caseId,
      actorId: args.aadObjectId,
      attempted: args.attempted,
      reason: args.reason,
      ...(member ? { actorOrg: member.orgId } : {}),
    },
    'action.refused',
  );
}

/** The job id of the Actieoverleg card's refresh (one per case; repeated requests coalesce). */
export const REFRESH_ACTIEOVERLEG_JOB_ID = 'job:refreshActieoverleg';
