import { amsterdamDay } from '../local-time';
import type { PartnerOrg } from '../orgs';
import { requireMillis, type Instant } from '../rounds/time';
import type { PersonRef, PersonRefId } from './common';
import { openRequests, requestAge, type InfoRequest } from './info-request';
import { whatIsMissing, type Involvement, type MissingItem } from './people';
import { nextMoment, nextMomentState, type NextMoment, type PhaseState } from './phase';
import { entriesToCheck, personsWithoutHolder, type SafetyPlanEntry } from './safety-plan';
import { runningMeasures, type RiskAssessment, type RunningMeasure } from './safety-signals';
import { currentReading, pendingProposals, type ReadingVersion } from './shared-reading';

/**
 * One pure view model of verdieping for the card's safety section, the agenda and the advice, built
 * from the bundle's bodies. It carries ids, codes and labels' keys only; Dutch comes from i18n.
 * `askedOfMe` is the line the card puts at the top: what the viewer's organisation must do now.
 */
export type AskedOfMe =
  | { kind: 'answer_question'; requestId: string; fromOrg: PartnerOrg; ageHours: number }
  | { kind: 'risk_outcome'; assessmentId: string; instrument: string }
  | { kind: 'check_safety'; personRef: PersonRefId }
  | { kind: 'confirm_reading'; version: number };

export interface VerdiepingSummary {
  next: NextMoment & { state: 'ample' | 'near' | 'passed' };
  reading: { confirmed?: ReadingVersion; pending: number };
  safety: { entries: SafetyPlanEntry[]; withoutHolder: PersonRefId[]; toCheck: PersonRefId[] };
  questions: { open: (InfoRequest & { ageHours: number })[]; answered: number; declined: number };
  risk: { assessments: RiskAssessment[]; measures: RunningMeasure[]; violations: number };
  missing: { personRef: PersonRefId; missing: MissingItem[] }[];
  askedOfMe: AskedOfMe[];
}

export interface SummaryInput {
  phase: PhaseState | null;
  deadline: string;
  persons: readonly PersonRef[];
  readings: readonly ReadingVersion[];
  safetyPlan: readonly SafetyPlanEntry[];
  infoRequests: readonly InfoRequest[];
  riskAssessments: readonly RiskAssessment[];
  measures: readonly RunningMeasure[];
  involvements: readonly Involvement[];
}

/** The Amsterdam calendar date of an instant, "YYYY-MM-DD", from the cached wall-clock parts (no zoned DateTime per call). */
export const amsterdamDate = (t: Instant): string => amsterdamDay(requireMillis(t, 'now'));

export function summarizeVerdieping(input: SummaryInput, viewer: { orgId: PartnerOrg; chair: boolean }, now: Instant): VerdiepingSummary {
  const today = amsterdamDate(now);
  const moment = nextMoment(input.phase, input.deadline);
  const open = openRequests(input.infoRequests).map((r) => ({ ...r, ageHours: requestAge(r, now).hours }));
  const toCheck = entriesToCheck(input.safetyPlan, today);
  const pending = pendingProposals(input.readings);

  const askedOfMe: AskedOfMe[] = [
    ...open
      .filter((r) => r.toOrg === viewer.orgId)
      .map((r) => ({ kind: 'answer_question' as const, requestId: r.id, fromOrg: r.fromOrg, ageHours: r.ageHours })),
    ...input.riskAssessments
      .filter((a) => a.status === 'asked' && a.fromOrg === viewer.orgId)
      .map((a) => ({ kind: 'risk_outcome' as const, assessmentId: a.id, instrument: a.instrument })),
    ...toCheck.filter((e) => e.holder?.orgId === viewer.orgId).map((e) => ({ kind: 'check_safety' as const, personRef: e.personRef })),
    ...(viewer.chair && pending.length > 0 ? [{ kind: 'confirm_reading' as const, version: pending[pending.length - 1].version }] : []),
  ];

  return {
    next: { ...moment, state: nextMomentState(moment, now) },
    reading: { ...(currentReading(input.readings) ? { confirmed: currentReading(input.readings) } : {}), pending: pending.length },
    safety: {
      entries: [...input.safetyPlan],
      withoutHolder: personsWithoutHolder(input.persons, input.safetyPlan).map((p) => p.ref),
      toCheck: toCheck.map((e) => e.personRef),
    },
    questions: {
      open,
      answered: input.infoRequests.filter((r) => r.status === 'answered').length,
      declined: input.infoRequests.filter((r) => r.status === 'declined').length,
    },
    risk: {
      assessments: [...input.riskAssessments],
      measures: runningMeasures(input.measures, today),
      violations: input.measures.reduce((n, m) => n + m.violations.length, 0),
    },
    missing: whatIsMissing(input.persons, input.involvements).map((m) => ({ personRef: m.person.ref, missing: m.missing })),
    askedOfMe,
  };
}
