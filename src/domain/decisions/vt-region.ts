import type { CaseBundle } from '../case-bundle';
import { refreshJobs, snapshotOf } from './follow-up';
import type { CaseSnapshot, Decided, DecisionActor, DecisionContext } from './types';

/**
 * The desk corrects the case's VT region (the municipality mapping missed or was wrong): one of the
 * regions VT's configuration allows for the case's location. ONE CaseDecision: the case, its audit
 * line and the card refresh. Setting the region it already has writes nothing.
 */
export function decideVtRegion(
  b: CaseBundle,
  args: { actor: DecisionActor; regionId: string | undefined; allowedRegionIds: readonly string[] },
  ctx: DecisionContext,
): Decided<{ changed: boolean }, 'case_closed' | 'invalid_input'> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  const regionId = args.regionId;
  if (!regionId || !args.allowedRegionIds.includes(regionId)) return { ok: false, error: 'invalid_input' };
  if (c.vtRegionId === regionId) {
    const decision = { nextCase: c, votes: [], contributions: [], audit: [], jobs: [] };
    return { ok: true, value: { changed: false }, decision, after: snapshotOf(b) };
  }
  const after: CaseSnapshot = { ...snapshotOf(b), theCase: { ...c, vtRegionId: regionId } };
  return {
    ok: true,
    value: { changed: true },
    decision: {
      nextCase: after.theCase,
      votes: [],
      contributions: [],
      audit: [
        {
          id: ctx.newAuditId(),
          caseId: c.id,
          at: ctx.now,
          action: 'vt.region',
          actorId: args.actor.aadObjectId,
          actorOrg: args.actor.orgId,
          detail: { regionId },
        },
      ],
      jobs: refreshJobs(after, ctx.now, { newEscalation: false }),
    },
    after,
  };
}
