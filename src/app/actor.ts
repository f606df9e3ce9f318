import type { AuditEntry } from '../domain/audit';
import type { Member } from '../domain/roster';
import { auditId } from '../store/repository';
import type { AppDeps } from './deps';
import { fail, type Result } from './errors';

/** Check the roster for a case's location; a refusal is audited (ids only) and changes nothing else. */
export async function authorizeForCase(
  deps: AppDeps,
  aadObjectId: string | undefined,
  caseId: string,
  locationId: string,
  attempted: string,
  need: 'member' | 'chair' = 'member',
): Promise<Result<Member>> {
  const authz = deps.directory.authorize(aadObjectId, locationId, need);
  if (authz.ok) return { ok: true, value: authz.member };
  await auditRefusal(deps, { caseId, actorId: aadObjectId, attempted, reason: authz.reason });
  return fail(authz.reason);
}

/**
 * Record a refused attempt on an existing case (ids and reason codes only). `access.denied` for who
 * may not (roster, location, role), `action.refused` for what may not (closed case, unknown fields).
 */
export async function auditRefusal(
  deps: AppDeps,
  args: { caseId: string; actorId: string | undefined; attempted: string; reason: string; actorOrg?: string },
  action: 'access.denied' | 'action.refused' = 'access.denied',
): Promise<void> {
  await deps.repo.appendAudit(refusalEntry(deps, args, action));
}

/** The audit entry of a refused attempt (ids and the reason code), logged as it is made; the caller writes it. */
export function refusalEntry(
  deps: AppDeps,
  args: { caseId: string; actorId: string | undefined; attempted: string; reason: string; actorOrg?: string; at?: string },
  action: 'access.denied' | 'action.refused' = 'access.denied',
): AuditEntry {
  const at = args.at ?? deps.clock.now().toISOString();
  const entry: AuditEntry = {
    id: auditId({ at }),
    caseId: args.caseId,
    at,
    action,
    actorId: args.actorId ?? 'unknown',
    ...(args.actorOrg ? { actorOrg: args.actorOrg } : {}),
    detail: { attempted: args.attempted, reason: args.reason },
  };
  deps.log.warn(
    { caseId: args.caseId, actorId: args.actorId, attempted: args.attempted, why: args.reason },
    action === 'access.denied' ? 'access denied' : 'action refused',
  );
  return entry;
}

/** Refuse (and audit) an authorised member's attempt on a case that is no longer open. */
export async function refuseClosed(deps: AppDeps, caseId: string, member: Member, attempted: string): Promise<Result<never>> {
  await auditRefusal(
    deps,
    { caseId, actorId: member.aadObjectId, actorOrg: member.orgId, attempted, reason: 'case_closed' },
    'action.refused',
  );
  return fail('case_closed');
}
