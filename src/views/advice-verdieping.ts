import type { AppDeps } from '../app/deps';
import type { Case } from '../domain/case';
import type { Contribution } from '../domain/contribution';
import { snapshotOf } from '../domain/decisions';
import type { PartnerOrg } from '../domain/orgs';
import type { Location } from '../domain/roster';
import type { VerdiepingDocs } from '../domain/verdieping/bundle';
import { personRefs } from '../domain/verdieping/common';
import { contributionVisibleTo } from '../domain/views';
import type { AdviceVerdiepingData } from '../cards/advice-verdieping';

export type { AdviceVerdiepingData };

const hasAny = (d: VerdiepingDocs): boolean =>
  d.phase?.body.phase === 'verdieping' ||
  d.readings.length > 0 ||
  d.safetyPlan.length > 0 ||
  d.infoRequests.length > 0 ||
  d.riskAssessments.length > 0 ||
  d.measures.length > 0 ||
  d.involvements.length > 0;

/** Pure: the data from the documents one partition read gave. */
export function adviceVerdiepingData(
  theCase: Case,
  location: Location,
  docs: VerdiepingDocs | undefined,
  contributions: readonly Contribution[],
  viewerOrg: PartnerOrg | undefined,
): AdviceVerdiepingData | undefined {
  if (!docs || !hasAny(docs)) return undefined;
  const answerIds = new Set(docs.infoRequests.map((r) => r.body.answerContributionId).filter((id): id is string => !!id));
  const answers: AdviceVerdiepingData['answers'] = {};
  for (const c of contributions)
    if (answerIds.has(c.id) && !c.withheld && contributionVisibleTo(c, viewerOrg)) answers[c.id] = { text: c.text, at: c.createdAt };
  return {
    persons: personRefs(theCase.persons),
    receivingParties: location.verdieping.receivingParties,
    docs,
    inVerdieping: docs.phase?.body.phase === 'verdieping',
    answers,
  };
}

/**
 * The hook for the advice view and the Actieoverleg view: one read of the case's partition. Spread
 * into the view (`...(await loadAdviceVerdieping(deps, theCase, viewerOrg))`).
 */
export async function loadAdviceVerdieping(
  deps: Pick<AppDeps, 'repo' | 'directory'>,
  theCase: Case,
  viewerOrg: PartnerOrg | undefined,
): Promise<{ verdieping?: AdviceVerdiepingData }> {
  const location = deps.directory.location(theCase.locationId);
  const loaded = await deps.repo.cases.loadBundle(theCase.id);
  if (!location || !loaded) return {};
  const s = snapshotOf(loaded.bundle);
  const data = adviceVerdiepingData(theCase, location, s.verdieping, s.contributions, viewerOrg);
  return data ? { verdieping: data } : {};
}
