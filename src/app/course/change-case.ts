import type { AuditAction } from '../../domain/audit';
import type { Case } from '../../domain/case';
import type { Member } from '../../domain/roster';
import { withEtagRetry } from '../../store/etag-retry';
import { auditId } from '../../store/repository';
import { authorizeForCase, refuseClosed } from '../actor';
import type { AppDeps } from '../deps';
import { reportRowOpsForChange } from '../report/report-row-hook';
import { fail, ok, type AppError, type AppErrorCode, type Result } from '../errors';

export type CaseChange =
  | { kind: 'change'; next: Case; action: AuditAction; detail?: Record<string, string | number | boolean> }
  | { kind: 'unchanged' }
  | { kind: 'refuse'; code: AppErrorCode; fields?: AppError['fields'] };

/**
 * Change the case document with optimistic concurrency: load → decide (pure) → replace if nobody
 * changed it meanwhile, else decide again on the newer state. The change and its audit entry are
 * written together. Authorization uses the roster of the case's location.
 */
export async function changeCase(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; attempted: string; need?: 'member' | 'chair'; mustBeOpen?: boolean },
  decide: (theCase: Case, member: Member, now: string) => CaseChange | Promise<CaseChange>,
): Promise<Result<{ theCase: Case; member: Member; changed: boolean }>> {
  return withEtagRetry(`changeCase on ${args.caseId}`, async (): Promise<Result<{ theCase: Case; member: Member; changed: boolean }>> => {
    const loaded = await deps.repo.getCaseForUpdate(args.caseId);
    if (!loaded) return fail('case_not_found');
    const authz = await authorizeForCase(deps, args.aadObjectId, args.caseId, loaded.theCase.locationId, args.attempted, args.need);
    if (!authz.ok) return authz;
    const member = authz.value;
    if ((args.mustBeOpen ?? true) && loaded.theCase.status !== 'open') return refuseClosed(deps, args.caseId, member, args.attempted);
    const now = deps.clock.now().toISOString();
    const change = await decide(loaded.theCase, member, now);
    if (change.kind === 'refuse') return fail(change.code, change.fields);
    if (change.kind === 'unchanged') return ok({ theCase: loaded.theCase, member, changed: false });
    // a lost race (PreconditionFailedError) decides again on the newer state
    const rowOps = await reportRowOpsForChange(deps, loaded.theCase, change.next);
    await deps.repo.replaceCase(
      change.next,
      loaded.etag,
      {
        id: auditId({ at: now }),
        caseId: args.caseId,
        at: now,
        action: change.action,
        actorId: member.aadObjectId,
        actorOrg: member.orgId,
        ...(change.detail ? { detail: change.detail } : {}),
      },
      rowOps,
    );
    deps.log.info({ caseId: args.caseId, action: change.action, orgId: member.orgId }, 'case changed');
    return ok({ theCase: change.next, member, changed: true });
  });
}
