import type { VerdiepingCardData } from '../cards/verdieping-card';
import type { Case } from '../domain/case';
import type { PartnerOrg } from '../domain/orgs';
import type { Location } from '../domain/roster';
import { personRefs } from '../domain/verdieping/common';
import { summarizeVerdieping } from '../domain/verdieping/summary';
import type { VerdiepingBundle } from '../store/verdieping-store';

/**
 * What the case card shows of verdieping for one viewer, from the verdieping documents of the case's
 * partition (pure: the caller read them). Undefined while nothing of verdieping exists yet and the
 * viewer cannot act on it (no personal view).
 */
export function verdiepingCardData(
  theCase: Case,
  location: Location,
  v: VerdiepingBundle,
  viewer: { orgId: PartnerOrg; chair: boolean } | undefined,
  now: Date,
): VerdiepingCardData | undefined {
  if (!viewer) return undefined;
  const persons = personRefs(theCase.persons);
  const readings = v.readings.map((x) => x.body);
  const summary = summarizeVerdieping(
    {
      phase: v.phase?.body ?? null,
      deadline: theCase.deadline,
      persons,
      readings,
      safetyPlan: v.safetyPlan.map((x) => x.body),
      infoRequests: v.infoRequests.map((x) => x.body),
      riskAssessments: v.riskAssessments.map((x) => x.body),
      measures: v.measures.map((x) => x.body),
      involvements: v.involvements.map((x) => x.body),
    },
    viewer,
    now.toISOString(),
  );
  const latest = readings[readings.length - 1];
  return {
    summary,
    persons,
    receivingParties: location.verdieping.receivingParties,
    ...(latest ? { latest } : {}),
    inVerdieping: v.phase?.body.phase === 'verdieping',
  };
}
