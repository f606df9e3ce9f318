import type { CaseCardView } from '../cards/view';
import type { Case } from '../domain/case';
import { contributionsFor, type ViewVia } from '../domain/views';
import { auditId } from '../store/repository';
import { openCaseFor } from '../app/case-access';
import { vtViewOf } from './vt-view';
import { snapshotOf, type CaseSnapshot } from '../domain/decisions';
import type { AppDeps } from '../app/deps';
import { ok, type Result } from '../app/errors';
import { auditView } from '../app/views';
import { verdiepingCardData } from './verdieping-view';

/**
 * Everything the full case card shows, for one viewer: a personal view only (channels get the
 * minimal summary, src/app/views.ts). Contributions restricted to other organisations are withheld.
 */
export async function loadCaseView(
  deps: AppDeps,
  theCase: Case,
  viewerAad?: string,
  notice?: CaseCardView['notice'],
): Promise<CaseCardView> {
  // One read of the partition (the case as it is now: votes, contributions, escalation, VT, advice, verdieping).
  const [loaded, mris] = await Promise.all([deps.repo.cases.loadBundle(theCase.id), deps.repo.getUserMris()]);
  const snapshot = loaded ? snapshotOf(loaded.bundle) : { theCase, votes: [], contributions: [] };
  return caseViewOf(deps, deps.directory.vt ? snapshot : { ...snapshot, vtConsultation: undefined }, mris, viewerAad, notice);
}

/**
 * The same view built from a case as a command left it (no reload): the command already holds the
 * case bundle it committed. `mris` are the known users' Teams ids (Repository.getUserMris).
 */
export function caseViewOf(
  deps: Pick<AppDeps, 'directory' | 'clock'>,
  s: CaseSnapshot,
  mris: Record<string, string>,
  viewerAad?: string,
  notice?: CaseCardView['notice'],
): CaseCardView {
  const theCase = s.theCase;
  const location = deps.directory.location(theCase.locationId);
  if (!location) throw new Error(`location ${theCase.locationId} of case ${theCase.id} is no longer configured`);
  const viewer = deps.directory.member(viewerAad);
  const vt = vtViewOf(deps, theCase, s.vtConsultation);
  const inLocation = viewer && viewer.locations.includes(theCase.locationId);
  const vd = s.verdieping
    ? verdiepingCardData(
        theCase,
        location,
        s.verdieping,
        inLocation ? { orgId: viewer.orgId, chair: viewer.roles.includes('chair') } : undefined,
        deps.clock.now(),
      )
    : undefined;
  return {
    case: theCase,
    location,
    contributions: contributionsFor(s.contributions, viewer?.orgId),
    votes: s.votes,
    ...(viewer && viewer.locations.includes(theCase.locationId)
      ? { viewerOrg: viewer.orgId, viewerIsChair: viewer.roles.includes('chair') }
      : {}),
    ...(s.escalation ? { escalation: s.escalation } : {}),
    ...(vt ? { vt } : {}),
    ...(s.advice ? { advice: s.advice } : {}),
    ...(s.verdieping ? { verdiepingDocs: s.verdieping } : {}),
    ...(vd ? { verdieping: vd } : {}),
    // Oude bekenden: roster members of the case's location only.
    ...(inLocation && s.returning ? { returning: s.returning } : {}),
    palette: deps.directory.palette,
    refreshUserIds: deps.directory.refreshUserIds(theCase.locationId, mris),
    rosterOrgs: deps.directory.rosterOrgs(theCase.locationId),
    ...(notice ? { notice } : {}),
    now: deps.clock.now(),
  };
}

/** The personal card view (refresh, "Openen", the answer to an action) — only for the roster of the case's location; audited. */
export async function viewCase(
  deps: AppDeps,
  caseId: string,
  viewerAad: string | undefined,
  notice?: CaseCardView['notice'],
  via: ViewVia = 'action',
): Promise<Result<CaseCardView>> {
  const access = await openCaseFor(deps, caseId, viewerAad, 'case.view', { mustBeOpen: false });
  if (!access.ok) return access;
  const { member } = access.value;
  await auditView(deps, caseId, { aadObjectId: member.aadObjectId, member, orgId: member.orgId }, 'case', via);
  return ok(await loadCaseView(deps, access.value.theCase, viewerAad, notice));
}

/** The full details (dialog): every read is audited. */
export async function readCaseDetails(deps: AppDeps, caseId: string, viewerAad: string | undefined): Promise<Result<CaseCardView>> {
  const access = await openCaseFor(deps, caseId, viewerAad, 'case.detailsRead', { mustBeOpen: false });
  if (!access.ok) return access;
  const { member } = access.value;
  const at = deps.clock.now().toISOString();
  await deps.repo.appendAudit({
    id: auditId({ at }),
    caseId,
    at,
    action: 'case.detailsRead',
    actorId: member.aadObjectId,
    actorOrg: member.orgId,
  });
  return ok(await loadCaseView(deps, access.value.theCase, viewerAad));
}
