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
  const at = deps.clock.now().toISOString();
  const entry: AuditEntry = {
    id: auditId({ at }),
    caseId,
    at,
    action: 'access.denied',
    actorId: aadObjectId ?? 'unknown',
    detail: { attempted, reason: authz.reason },
  };
  await deps.repo.appendAudit(entry);
  deps.log.warn({ caseId, actorId: aadObjectId, attempted, why: authz.reason }, 'access denied');
  return fail(authz.reason);
}
