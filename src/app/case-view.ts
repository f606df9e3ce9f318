import type { CaseCardView } from '../cards/view';
import type { Case } from '../domain/case';
import { contributionsFor, type ViewVia } from '../domain/views';
import { auditId } from '../store/repository';
import { openCaseFor } from './case-access';
import { vtView } from './vt/desk';
import type { AppDeps } from './deps';
import { ok, type Result } from './errors';
import { auditView } from './views';

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
  const location = deps.directory.location(theCase.locationId);
  if (!location) throw new Error(`location ${theCase.locationId} of case ${theCase.id} is no longer configured`);
  const [contributions, votes, mris, escalation, vt, advice] = await Promise.all([
    deps.repo.listContributions(theCase.id),
    deps.repo.listVotes(theCase.id),
    deps.repo.getUserMris(),
    deps.repo.getEscalation(theCase.id),
    vtView(deps, theCase),
    deps.repo.getAdvice(theCase.id),
  ]);
  const viewer = deps.directory.member(viewerAad);
  return {
    case: theCase,
    location,
    contributions: contributionsFor(contributions, viewer?.orgId),
    votes,
    ...(viewer && viewer.locations.includes(theCase.locationId)
      ? { viewerOrg: viewer.orgId, viewerIsChair: viewer.roles.includes('chair') }
      : {}),
    ...(escalation ? { escalation: escalation.body } : {}),
    ...(vt ? { vt } : {}),
    ...(advice ? { advice: advice.body } : {}),
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
  const access = await openCaseFor(deps, caseId, viewerAad, 'case.details_read', { mustBeOpen: false });
  if (!access.ok) return access;
  const { member } = access.value;
  const at = deps.clock.now().toISOString();
  await deps.repo.appendAudit({
    id: auditId({ at }),
    caseId,
    at,
    action: 'case.details_read',
    actorId: member.aadObjectId,
    actorOrg: member.orgId,
  });
  return ok(await loadCaseView(deps, access.value.theCase, viewerAad));
}
