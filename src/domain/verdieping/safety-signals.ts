import { z } from 'zod';
import { acceptingOld } from '../old-values';
import { OLD_MEASURE_TYPE } from '../old-values-verdieping';
import type { CaseStatus } from '../case';
import { partnerOrgSchema, type PartnerOrg } from '../orgs';
import { orgOrder } from '../rounds/round';
import { requireMillis, toIso, type Instant } from '../rounds/time';
import { isoInstant, localDate, note, type Result, type VerdiepingActor } from './common';
import { riskLevelSchema, type RiskLevel, type SafetyEscalationPolicy } from './config';

/**
 * Risk instruments (risicotaxatie: SASH, B-SAFER, RiHG and configured ones) and running measures
 * (lopende maatregelen) with their violations, plus the escalation-policy rules they feed.
 */

// ---- risk assessments ----

export const riskRequestInputSchema = z.object({ instrument: z.string().min(2).max(30), fromOrg: partnerOrgSchema }).strict();
export type RiskRequestInput = z.infer<typeof riskRequestInputSchema>;

export const riskOutcomeInputSchema = z
  .object({ assessmentId: z.string().min(1).max(128), level: riskLevelSchema, date: localDate })
  .strict();
export type RiskOutcomeInput = z.infer<typeof riskOutcomeInputSchema>;

export type RiskAssessmentStatus = 'asked' | 'completed';

export interface RiskAssessment {
  id: string;
  caseId: string;
  instrument: string;
  /** The organisation asked to carry it out. */
  fromOrg: PartnerOrg;
  requestedBy: { userId: string; orgId: PartnerOrg };
  requestedAt: string;
  status: RiskAssessmentStatus;
  outcome?: { level: RiskLevel; date: string; recordedAt: string; recordedBy: string };
}

export function requestRisk(args: {
  id: string;
  caseId: string;
  caseOpen: boolean;
  instruments: readonly string[];
  existing: readonly RiskAssessment[];
  actor: VerdiepingActor;
  input: RiskRequestInput;
  now: Instant;
}): Result<{ assessment: RiskAssessment }, 'case_closed' | 'unknown_instrument' | 'already_requested'> {
  if (!args.caseOpen) return { ok: false, error: 'case_closed' };
  const instrument = args.instruments.find((i) => i.toLowerCase() === args.input.instrument.toLowerCase());
  if (!instrument) return { ok: false, error: 'unknown_instrument' };
  if (args.existing.some((a) => a.status === 'asked' && a.instrument === instrument && a.fromOrg === args.input.fromOrg))
    return { ok: false, error: 'already_requested' };
  return {
    ok: true,
    assessment: {
      id: args.id,
      caseId: args.caseId,
      instrument,
      fromOrg: args.input.fromOrg,
      requestedBy: { userId: args.actor.userId, orgId: args.actor.orgId },
      requestedAt: toIso(requireMillis(args.now, 'now')),
      status: 'asked',
    },
  };
}

/** The asked organisation records the outcome: level and the date it was done (not after today). */
export function recordRiskOutcome(args: {
  assessment: RiskAssessment;
  actor: VerdiepingActor;
  level: RiskLevel;
  date: string;
  todayLocal: string;
  now: Instant;
}): Result<{ assessment: RiskAssessment; changed: boolean }, 'not_asked_org' | 'date_in_future' | 'already_recorded'> {
  const { assessment: a } = args;
  if (args.actor.orgId !== a.fromOrg) return { ok: false, error: 'not_asked_org' };
  if (args.date > args.todayLocal) return { ok: false, error: 'date_in_future' };
  if (a.outcome) {
    if (a.outcome.level === args.level && a.outcome.date === args.date) return { ok: true, assessment: a, changed: false };
    return { ok: false, error: 'already_recorded' };
  }
  return {
    ok: true,
    changed: true,
    assessment: {
      ...a,
      status: 'completed',
      outcome: { level: args.level, date: args.date, recordedAt: toIso(requireMillis(args.now, 'now')), recordedBy: args.actor.userId },
    },
  };
}

// ---- running measures ----

export const MEASURE_TYPES = [
  'location_ban',
  'contact_ban',
  'behaviour_order',
  'temporary_house_ban',
  'special_conditions',
  'probation_supervision',
  'other',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

export const measureInputSchema = z
  .object({
    type: acceptingOld(OLD_MEASURE_TYPE, z.enum(MEASURE_TYPES)),
    holderOrg: partnerOrgSchema,
    /** Last Dutch date the measure applies (inclusive). */
    until: localDate,
    note: note(300).optional(),
  })
  .strict();
export type MeasureInput = z.infer<typeof measureInputSchema>;

export const violationInputSchema = z
  .object({ measureId: z.string().min(1).max(128), at: isoInstant, note: note(500).optional() })
  .strict();
export type ViolationInput = z.infer<typeof violationInputSchema>;

export interface Violation {
  id: string;
  at: string;
  reportedAt: string;
  reportedBy: { userId: string; orgId: PartnerOrg };
  note?: string;
}

export interface RunningMeasure {
  id: string;
  caseId: string;
  type: MeasureType;
  holderOrg: PartnerOrg;
  until: string;
  note?: string;
  createdAt: string;
  createdBy: { userId: string; orgId: PartnerOrg };
  violations: Violation[];
}

export const MAX_VIOLATIONS = 50;

export function addMeasure(args: {
  id: string;
  caseId: string;
  caseOpen: boolean;
  actor: VerdiepingActor;
  input: MeasureInput;
  todayLocal: string;
  now: Instant;
}): Result<{ measure: RunningMeasure }, 'case_closed' | 'until_in_past'> {
  if (!args.caseOpen) return { ok: false, error: 'case_closed' };
  if (args.input.until < args.todayLocal) return { ok: false, error: 'until_in_past' };
  return {
    ok: true,
    measure: {
      id: args.id,
      caseId: args.caseId,
      type: args.input.type,
      holderOrg: args.input.holderOrg,
      until: args.input.until,
      ...(args.input.note ? { note: args.input.note } : {}),
      createdAt: toIso(requireMillis(args.now, 'now')),
      createdBy: { userId: args.actor.userId, orgId: args.actor.orgId },
      violations: [],
    },
  };
}

/**
 * Any roster member reports a violation (the police usually see it first). It must have happened,
 * not in the future, and while the measure ran: `violationLocalDate` is the Dutch date of `at`.
 * The violation id is deterministic per moment, so a re-delivered report is recorded once.
 */
export function reportViolation(args: {
  measure: RunningMeasure;
  caseOpen: boolean;
  actor: VerdiepingActor;
  at: string;
  violationLocalDate: string;
  note?: string;
  now: Instant;
}): Result<
  { measure: RunningMeasure; violation: Violation; changed: boolean },
  'case_closed' | 'in_future' | 'measure_ended' | 'too_many'
> {
  const { measure: m } = args;
  if (!args.caseOpen) return { ok: false, error: 'case_closed' };
  const when = requireMillis(args.at, 'at');
  if (when > requireMillis(args.now, 'now')) return { ok: false, error: 'in_future' };
  // Before the measure was recorded it may already have run (it is recorded late), so only `until` bounds it.
  if (args.violationLocalDate > m.until) return { ok: false, error: 'measure_ended' };
  const id = `violation:${toIso(when)}:${args.actor.orgId}`;
  const existing = m.violations.find((v) => v.id === id);
  if (existing) return { ok: true, measure: m, violation: existing, changed: false };
  if (m.violations.length >= MAX_VIOLATIONS) return { ok: false, error: 'too_many' };
  const violation: Violation = {
    id,
    at: toIso(when),
    reportedAt: toIso(requireMillis(args.now, 'now')),
    reportedBy: { userId: args.actor.userId, orgId: args.actor.orgId },
    ...(args.note ? { note: args.note } : {}),
  };
  return { ok: true, changed: true, violation, measure: { ...m, violations: [...m.violations, violation] } };
}

/** Measures that still apply on this Dutch date. */
export function runningMeasures(measures: readonly RunningMeasure[], todayLocal: string): RunningMeasure[] {
  return measures.filter((m) => m.until >= todayLocal);
}

// ---- the escalation-policy rules ----

export type SafetyEscalationRule = 'measure_violation' | 'high_risk';

export type SafetyEscalationDecision =
  | { escalate: false }
  | {
      escalate: true;
      rule: SafetyEscalationRule;
      /** Organisations that reported it (violation) or carried out the instrument (risk). */
      orgs: PartnerOrg[];
      measureIds: string[];
      assessmentIds: string[];
    };

/**
 * Pure, like decideEscalation in rounds/escalation.ts, and evaluated next to it: a violation of a
 * running measure, or a risk outcome at a configured level, sends the case to the Actieoverleg.
 * Closed or already escalated cases never escalate (one escalation per case). Order when both fire:
 * violation first (the signal that was missed in the stalking case).
 */
export function decideSafetyEscalation(
  input: {
    assessments: readonly RiskAssessment[];
    measures: readonly RunningMeasure[];
    caseStatus: CaseStatus;
    escalatedAlready: boolean;
  },
  policy: SafetyEscalationPolicy,
): SafetyEscalationDecision {
  if (input.caseStatus === 'closed' || input.escalatedAlready) return { escalate: false };
  if (policy.violation) {
    const broken = input.measures.filter((m) => m.violations.length > 0);
    if (broken.length > 0) {
      const orgs = uniqueOrgs(broken.flatMap((m) => m.violations.map((v) => v.reportedBy.orgId)));
      return { escalate: true, rule: 'measure_violation', orgs, measureIds: broken.map((m) => m.id).sort(), assessmentIds: [] };
    }
  }
  const high = input.assessments.filter((a) => a.outcome && policy.riskLevels.includes(a.outcome.level));
  if (high.length > 0)
    return {
      escalate: true,
      rule: 'high_risk',
      orgs: uniqueOrgs(high.map((a) => a.fromOrg)),
      measureIds: [],
      assessmentIds: high.map((a) => a.id).sort(),
    };
  return { escalate: false };
}

const uniqueOrgs = (orgs: PartnerOrg[]): PartnerOrg[] => [...new Set(orgs)].sort(orgOrder);
