import type { AdviceRecord } from '../domain/advice/types';
import type { ReportRow } from '../domain/aftercare/report';
import type { ReturningRecord } from '../domain/aftercare/returning';
import type { Contribution } from '../domain/contribution';
import type { EscalationRecord } from '../domain/escalation-record';
import {
  normalizeAdvice,
  normalizeEscalationAdvice,
  normalizeReportRowAdvice,
  normalizeReturningAdvice,
} from '../domain/old-values-advice';
import { normalizeEscalation, normalizeReportRow, normalizeVtConsultation } from '../domain/old-values';
import { normalizeContribution, normalizeReportRowAftercare, normalizeReturning } from '../domain/old-values-aftercare';
import {
  normalizeInfoRequest,
  normalizeInvolvement,
  normalizeMeasure,
  normalizePhase,
  normalizeRiskAssessment,
  normalizeSafetyPlanEntry,
} from '../domain/old-values-verdieping';
import type { InfoRequest } from '../domain/verdieping/info-request';
import type { Involvement } from '../domain/verdieping/people';
import type { PhaseState } from '../domain/verdieping/phase';
import type { SafetyPlanEntry } from '../domain/verdieping/safety-plan';
import type { RiskAssessment, RunningMeasure } from '../domain/verdieping/safety-signals';
import type { VtConsultationRecord } from '../domain/vt/record';
import type { Stored } from './docstore';

/**
 * The store's read-time step for documents whose enum values were Dutch before issue 11 item 6
 * (src/domain/old-values.ts, src/domain/old-values-verdieping.ts): every read of an escalation, VT
 * consultation, report row or verdieping document passes through here, on both adapters. Other kinds
 * are returned as they are.
 */
export function normalizeStored<T extends Stored>(d: T): T {
  switch (d.kind) {
    case 'escalation':
      return withBody(d, normalizeEscalationAdvice(normalizeEscalation(d.body as EscalationRecord)));
    case 'vtconsult':
      return withBody(d, normalizeVtConsultation(d.body as VtConsultationRecord));
    case 'reportrow':
      return withBody(d, normalizeReportRowAdvice(normalizeReportRowAftercare(normalizeReportRow(d.body as ReportRow))));
    case 'contribution':
      return withBody(d, normalizeContribution(d.body as Contribution));
    case 'returning':
      return withBody(d, normalizeReturningAdvice(normalizeReturning(d.body as ReturningRecord)));
    case 'advice':
      return withBody(d, normalizeAdvice(d.body as AdviceRecord));
    // verdieping documents (src/domain/old-values-verdieping.ts)
    case 'safetyplan':
      return withBody(d, normalizeSafetyPlanEntry(d.body as SafetyPlanEntry));
    case 'involvement':
      return withBody(d, normalizeInvolvement(d.body as Involvement));
    case 'inforequest':
      return withBody(d, normalizeInfoRequest(d.body as InfoRequest));
    case 'riskassessment':
      return withBody(d, normalizeRiskAssessment(d.body as RiskAssessment));
    case 'measure':
      return withBody(d, normalizeMeasure(d.body as RunningMeasure));
    case 'phase':
      return withBody(d, normalizePhase(d.body as PhaseState));
    default:
      return d;
  }
}

function withBody<T extends Stored>(d: T, body: unknown): T {
  return body === d.body ? d : { ...d, body };
}

/** `normalizeStored` for a single read that may miss. */
export const normalizeStoredOrNull = <T extends Stored>(d: T | null): T | null => (d ? normalizeStored(d) : null);
