import type { ActieoverlegCardView } from '../cards/view';
import { ovjDecisionOf } from '../cards/after-decision';
import { messageLink } from '../cards/links';
import type { Case } from '../domain/case';
import type { CardRef } from '../domain/refs';
import { contributionsFor, type ViewVia } from '../domain/views';
import type { AppDeps } from '../app/deps';
import { fail, ok, type Result } from '../app/errors';
import { auditView, authorizeView } from '../app/views';
import { loadAdviceVerdieping } from './advice-verdieping';

/** A Teams link to the case card's real message (from its stored reference), when it was posted. */
export async function caseLink(deps: AppDeps, theCase: Case): Promise<string | undefined> {
  return caseLinkOf(await deps.repo.getCardRef(theCase.id));
}

/** The same link from a card reference already read (no store access). */
export function caseLinkOf(ref: Pick<CardRef, 'conversationId' | 'activityId'> | null | undefined): string | undefined {
  return ref ? messageLink(ref) : undefined;
}

export async function loadActieoverlegView(
  deps: AppDeps,
  theCase: Case,
  viewerAad?: string,
  notice?: ActieoverlegCardView['notice'],
): Promise<ActieoverlegCardView | null> {
  const location = deps.directory.location(theCase.locationId);
  const escalation = await deps.repo.getEscalation(theCase.id);
  if (!location || !escalation) return null;
  const [contributions, votes, link, advice] = await Promise.all([
    deps.repo.listContributions(theCase.id),
    deps.repo.listVotes(theCase.id),
    caseLink(deps, theCase),
    deps.repo.getAdvice(theCase.id),
  ]);
  const ovjDecision = ovjDecisionOf(advice?.body, deps.directory.palette);
  const viewer = deps.directory.member(viewerAad);
  return {
    case: theCase,
    location,
    escalation: escalation.body,
    contributions: contributionsFor(contributions, viewer?.orgId),
    votes,
    ...(link ? { caseLink: link } : {}),
    viewerIsChair: !!viewer?.roles.includes('chair') && viewer.locations.includes(theCase.locationId),
    ...(viewer ? { viewerOrg: viewer.orgId } : {}),
    ...(notice ? { notice } : {}),
    ...(ovjDecision ? { ovjDecision } : {}),
    now: deps.clock.now(),
    ...(await loadAdviceVerdieping(deps, theCase, viewer?.orgId)),
  };
}

export async function viewActieoverleg(
  deps: AppDeps,
  caseId: string,
  aad: string | undefined,
  notice?: ActieoverlegCardView['notice'],
  via: ViewVia = 'action',
): Promise<Result<ActieoverlegCardView>> {
  const theCase = await deps.repo.getCase(caseId);
  if (!theCase) return fail('case_not_found');
  const access = await authorizeView(deps, 'actieoverleg', theCase, aad);
  if (!access.ok) return access;
  const view = await loadActieoverlegView(deps, theCase, aad, notice);
  if (!view) return fail('not_escalated');
  await auditView(deps, caseId, access.value, 'actieoverleg', via);
  return ok(view);
}
