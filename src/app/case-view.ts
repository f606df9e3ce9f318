import type { CaseCardView } from '../cards/view';
import type { Case } from '../domain/case';
import { auditId } from '../store/repository';
import { auditRead } from './actor';
import { openCaseFor } from './case-access';
import { vtView } from './vt/desk';
import type { AppDeps } from './deps';
import { fail, ok, type Result } from './errors';

/** Everything a card shows about a case, for one viewer (or for the channel when no viewer). */
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
    contributions,
    votes,
    ...(viewer && viewer.locations.includes(theCase.locationId)
      ? { viewerOrg: viewer.orgId, viewerIsChair: viewer.roles.includes('chair') }
      : {}),
    ...(escalation ? { escalation: escalation.body } : {}),
    ...(vt ? { vt } : {}),
    ...(advice ? { advice: advice.body } : {}),
    palette: deps.directory.palette,
    refreshUserIds: deps.directory.refreshUserIds(theCase.locationId, mris),
    ...(notice ? { notice } : {}),
    now: deps.clock.now(),
  };
}

/** The personal card view (refresh) — only for people on the roster of the case's location. */
export async function viewCase(
  deps: AppDeps,
  caseId: string,
  viewerAad: string | undefined,
  notice?: CaseCardView['notice'],
): Promise<Result<CaseCardView>> {
  const access = await openCaseFor(deps, caseId, viewerAad, 'case.view', { mustBeOpen: false });
  if (!access.ok) return access;
  return ok(await loadCaseView(deps, access.value.theCase, viewerAad, notice));
}

/** The refresh of the case card (Universal Actions, per viewer): access-checked and audited. */
export async function refreshCaseView(deps: AppDeps, caseId: string, viewerAad: string | undefined): Promise<Result<CaseCardView>> {
  const access = await openCaseFor(deps, caseId, viewerAad, 'case.read', { mustBeOpen: false });
  if (!access.ok) return access;
  await auditRead(deps, caseId, access.value.member, 'case.read');
  return ok(await loadCaseView(deps, access.value.theCase, viewerAad));
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

/** The public view for a case without access checks: only for the bot's own channel posts. */
export async function channelView(deps: AppDeps, caseId: string): Promise<Result<CaseCardView>> {
  const theCase = await deps.repo.getCase(caseId);
  if (!theCase) return fail('case_not_found');
  return ok(await loadCaseView(deps, theCase));
}
