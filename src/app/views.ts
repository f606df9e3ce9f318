import type { Case } from '../domain/case';
import type { PartnerOrg } from '../domain/orgs';
import type { CaseSnapshot } from '../domain/decisions';
import type { Member } from '../domain/roster';
import { channelSummary, mayView, type ChannelSummary, type PersonalView, type ViewVia } from '../domain/views';
import { auditId } from '../store/repository';
import { auditRefusal } from './actor';
import type { AppDeps } from './deps';
import { fail, ok, type Result } from './errors';

/** Who is looking at a personal view: a roster member, or (VT) the consulted on-call member off the roster. */
export interface Viewer {
  aadObjectId: string;
  member?: Member;
  orgId?: PartnerOrg;
}

/**
 * Need-to-know for one personal view: decide with the pure rule (src/domain/views.ts), audit a
 * refusal (`access.denied`), and answer who the viewer is. Does not audit the view itself: call
 * `auditView` once the view is actually shown.
 */
export async function authorizeView(deps: AppDeps, view: PersonalView, theCase: Case, aad: string | undefined): Promise<Result<Viewer>> {
  const member = deps.directory.member(aad);
  const [vt, escalation] = await Promise.all([
    view === 'vt' ? deps.repo.getVtConsultation(theCase.id) : Promise.resolve(null),
    view === 'actieoverleg' ? deps.repo.getEscalation(theCase.id) : Promise.resolve(null),
  ]);
  const s = vt?.body.state;
  const decision = mayView(view, aad, member, {
    locationId: theCase.locationId,
    ...(theCase.caseLead ? { caseLeadOrg: theCase.caseLead.orgId } : {}),
    ...(s
      ? {
          vt: {
            ...(s.primary ? { primary: s.primary } : {}),
            ...(s.backup ? { backup: s.backup } : {}),
            backupAsked: s.status === 'backup_asked' || !!s.backupAskedAt,
          },
        }
      : {}),
    ...(escalation?.body.caseOwner ? { actieoverlegOwner: escalation.body.caseOwner.aadObjectId } : {}),
  });
  if (decision.ok) {
    const orgId = member?.orgId ?? (view === 'vt' ? 'vt' : undefined);
    return ok({ aadObjectId: aad as string, ...(member ? { member } : {}), ...(orgId ? { orgId } : {}) });
  }
  await auditRefusal(deps, { caseId: theCase.id, actorId: aad, attempted: `${view}.view`, reason: decision.reason });
  return fail(decision.reason);
}

/** Every personal view is audited: who, when, which case, which view, how it reached them. */
export async function auditView(deps: AppDeps, caseId: string, viewer: Viewer, view: PersonalView, via: ViewVia): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.repo.appendAudit({
    id: auditId({ at }),
    caseId,
    at,
    action: 'view.opened',
    actorId: viewer.aadObjectId,
    ...(viewer.orgId ? { actorOrg: viewer.orgId } : {}),
    detail: { view, via },
  });
}

/** The minimal channel summary of a case (no content), and the roster MRIs that get a personal view by refresh. */
export async function loadChannelSummary(
  deps: AppDeps,
  kind: ChannelSummary['kind'],
  theCase: Case,
  audience: 'roster' | 'advice' = 'roster',
): Promise<{ summary: ChannelSummary; refreshUserIds: string[] } | null> {
  if (!deps.directory.location(theCase.locationId)) return null;
  const [votes, escalation, advice, mris] = await Promise.all([
    deps.repo.listVotes(theCase.id),
    deps.repo.getEscalation(theCase.id),
    kind === 'advice' ? deps.repo.getAdvice(theCase.id) : Promise.resolve(null),
    deps.repo.getUserMris(),
  ]);
  return channelSummaryOf(
    deps,
    kind,
    { theCase, votes, ...(escalation ? { escalation: escalation.body } : {}), ...(advice ? { advice: advice.body } : {}) },
    mris,
    audience,
  );
}

/** The same from a case already loaded (one partition read: src/store/case-bundle.ts). */
export function channelSummaryOf(
  deps: Pick<AppDeps, 'directory'>,
  kind: ChannelSummary['kind'],
  s: Pick<CaseSnapshot, 'theCase' | 'votes' | 'escalation' | 'advice'>,
  mris: Record<string, string>,
  audience: 'roster' | 'advice' = 'roster',
): { summary: ChannelSummary; refreshUserIds: string[] } | null {
  const theCase = s.theCase;
  const location = deps.directory.location(theCase.locationId);
  if (!location) return null;
  const summary = channelSummary({
    kind,
    theCase,
    locationName: location.name,
    expectedOrgs: location.expectedOrgs,
    votes: s.votes,
    escalated: !!s.escalation,
    ...(kind === 'advice' && s.advice ? { adviceStatus: s.advice.status } : {}),
  });
  const all = deps.directory.refreshUserIds(theCase.locationId, mris);
  if (audience === 'roster') return { summary, refreshUserIds: all };
  // The advice: only those who may see it get it by refresh (OvJ, chairs, the organisation with regie).
  const allowed = deps.directory
    .membersInLocation(theCase.locationId)
    .filter(
      (m) =>
        mayView('advice', m.aadObjectId, m, {
          locationId: theCase.locationId,
          ...(theCase.caseLead ? { caseLeadOrg: theCase.caseLead.orgId } : {}),
        }).ok,
    )
    .map((m) => mris[m.aadObjectId])
    .filter((x): x is string => !!x);
  return { summary, refreshUserIds: allowed.slice(0, 60) };
}
