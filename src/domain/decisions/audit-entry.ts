import type { AuditAction, AuditEntry } from '../audit';
import type { Case } from '../case';
import type { DecisionActor, DecisionContext } from './types';

/** The audit line of an actor's decision on a case: a new id, the decision's moment, the actor and their organisation. */
export function actorAudit(
  c: Pick<Case, 'id'>,
  actor: DecisionActor,
  action: AuditAction,
  ctx: DecisionContext,
  detail?: AuditEntry['detail'],
): AuditEntry {
  return {
    id: ctx.newAuditId(),
    caseId: c.id,
    at: ctx.now,
    action,
    actorId: actor.aadObjectId,
    actorOrg: actor.orgId,
    ...(detail ? { detail } : {}),
  };
}
