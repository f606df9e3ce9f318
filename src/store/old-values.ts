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
import type { DocKind, Stored } from './docstore';

type Step<B> = (body: B) => B;
/** Several tables apply to one kind: each maps its own values (and returns its input when none is old). */
const chain =
  <B>(...steps: Step<B>[]): Step<B> =>
  (body) =>
    steps.reduce((b, step) => step(b), body);
const step = <B>(f: Step<B>): Step<unknown> => f as Step<unknown>;

/**
 * The read-time step per document kind whose enum values were Dutch before issue 11 item 6
 * (src/domain/old-values*.ts; docs/glossary.md "Stored values").
 */
const READ_STEPS: Partial<Record<DocKind, Step<unknown>>> = {
  escalation: step(chain<EscalationRecord>(normalizeEscalation, normalizeEscalationAdvice)),
  vtconsult: step<VtConsultationRecord>(normalizeVtConsultation),
  reportrow: step(chain<ReportRow>(normalizeReportRow, normalizeReportRowAftercare, normalizeReportRowAdvice)),
  contribution: step<Contribution>(normalizeContribution),
  returning: step(chain<ReturningRecord>(normalizeReturning, normalizeReturningAdvice)),
  advice: step<AdviceRecord>(normalizeAdvice),
  safetyplan: step<SafetyPlanEntry>(normalizeSafetyPlanEntry),
  involvement: step<Involvement>(normalizeInvolvement),
  inforequest: step<InfoRequest>(normalizeInfoRequest),
  riskassessment: step<RiskAssessment>(normalizeRiskAssessment),
  measure: step<RunningMeasure>(normalizeMeasure),
  phase: step<PhaseState>(normalizePhase),
};

/**
 * The store's read-time step: every read of a document of a kind above passes through here, on both
 * adapters. A current document (and every other kind) comes back as the same object.
 */
export function normalizeStored<T extends Stored>(d: T): T {
  const read = READ_STEPS[d.kind];
  return read ? withBody(d, read(d.body)) : d;
}

function withBody<T extends Stored>(d: T, body: unknown): T {
  return body === d.body ? d : { ...d, body };
}

/** `normalizeStored` for a single read that may miss. */
export const normalizeStoredOrNull = <T extends Stored>(d: T | null): T | null => (d ? normalizeStored(d) : null);
