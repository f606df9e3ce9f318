import { resolveOnCall } from '../../domain/vt/on-call';
import type { VtOverride } from '../../domain/vt/config';
import { PreconditionFailedError } from '../../store/docstore';
import { auditId } from '../../store/repository';
import { decideCalledBack } from '../../domain/decisions';
import { decideVtRegion } from '../../domain/decisions/vt-region';
import { authorizeForCase, refuseClosed } from '../actor';
import { runCaseCommand } from '../case-command';
import type { AppDeps } from '../deps';
import { fail, ok, type Result } from '../errors';
import { askVt } from './consult';

/** The desk presses "Vraag VT". */
export async function deskAsksVt(deps: AppDeps, args: { caseId: string; aadObjectId: string | undefined }) {
  const theCase = await deps.repo.getCase(args.caseId);
  if (!theCase) return fail('case_not_found');
  const authz = await authorizeForCase(deps, args.aadObjectId, theCase.id, theCase.locationId, 'vt.ask');
  if (!authz.ok) return authz;
  if (theCase.status !== 'open') return refuseClosed(deps, theCase.id, authz.value, 'vt.ask');
  return askVt(deps, { caseId: args.caseId, askedBy: authz.value.aadObjectId });
}

/**
 * The desk corrects the VT region (the municipality mapping missed or was wrong): one partition read,
 * one commit (the case, its audit line, the card refresh and the case's report row).
 */
export async function setVtRegion(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; regionId: string | undefined },
): Promise<Result<{ changed: boolean }>> {
  const vt = deps.directory.vt;
  const r = await runCaseCommand(deps, { caseId: args.caseId, aadObjectId: args.aadObjectId, attempted: 'vt.region' }, (b, actor, ctx) => {
    const loc = vt?.locations.find((l) => l.id === b.theCase.body.locationId);
    const allowedRegionIds = (vt?.regions ?? []).map((x) => x.id).filter((id) => !loc || loc.regionIds.includes(id));
    return decideVtRegion(b, { actor, regionId: args.regionId, allowedRegionIds }, ctx);
  });
  return r.ok ? ok(r.value.value) : r;
}

/**
 * "Ik heb nu dienst": a VT staff member who appears in a region's schedule takes the on-call duty
 * from now until the end of the current shift (or 12 hours), as an override kept in the store.
 */
export async function claimOnCall(
  deps: AppDeps,
  aadObjectId: string | undefined,
): Promise<Result<{ regionName: string; until: string }[]>> {
  const vt = deps.directory.vt;
  if (!vt || !aadObjectId) return fail('not_on_roster');
  const regions = vt.regions.filter(
    (r) =>
      r.onCall.shifts.some((s) => s.primary === aadObjectId || s.backup === aadObjectId) ||
      r.onCall.overrides.some((o) => o.primary === aadObjectId || o.backup === aadObjectId),
  );
  if (regions.length === 0) return fail('not_on_roster');
  const now = deps.clock.now();
  const out: { regionName: string; until: string }[] = [];
  for (const region of regions) {
    const current = resolveOnCall(vt, region.id, now.toISOString());
    const until = new Date(now.getTime() + 12 * 3_600_000).toISOString();
    const override: VtOverride = {
      from: now.toISOString(),
      to: until,
      primary: aadObjectId,
      ...(current.primary && current.primary !== aadObjectId ? { backup: current.primary } : {}),
    };
    for (let attempt = 0; attempt < 20; attempt++) {
      const doc = await deps.repo.getVtOverrides(region.id);
      // Keep only overrides that still matter; the newest start wins in resolveOnCall.
      const kept = (doc?.body.overrides ?? []).filter((o) => o.to > now.toISOString() && o.from !== override.from);
      try {
        await deps.repo.putVtOverrides(region.id, [...kept, override], doc?.etag ?? null);
        break;
      } catch (e) {
        if (!(e instanceof PreconditionFailedError)) throw e;
      }
    }
    const at = now.toISOString();
    await deps.repo.appendAudit({
      id: auditId({ at }),
      caseId: `_vt:${region.id}`,
      at,
      action: 'vt.onCall',
      actorId: aadObjectId,
      detail: { regionId: region.id, until },
    });
    out.push({ regionName: region.name, until });
  }
  return ok(out);
}

/** The desk called VT back ("Teruggebeld"): closes the call-back task (once), audited; one read, one commit. */
export async function markCalledBack(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined },
): Promise<Result<{ changed: boolean }>> {
  const r = await runCaseCommand(
    deps,
    { caseId: args.caseId, aadObjectId: args.aadObjectId, attempted: 'vt.calledBack' },
    (b, actor, ctx) => decideCalledBack(b, { actor }, ctx),
  );
  return r.ok ? ok(r.value.value) : r;
}
