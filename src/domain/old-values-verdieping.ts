import { renamed } from './old-values';
import type { RiskLevel } from './verdieping/config';
import type { DeclineReason, InfoRequest } from './verdieping/info-request';
import type { Involvement, Relationship, ViolenceForm } from './verdieping/people';
import type { HorizonReason, PhaseEvent, PhaseState } from './verdieping/phase';
import type { SafetyPlanEntry, SafetyStatus } from './verdieping/safety-plan';
import type { MeasureType, RiskAssessment, RiskAssessmentStatus, RunningMeasure } from './verdieping/safety-signals';

/**
 * The verdieping part of issue 11 item 6: stored values that were Dutch, old -> new (docs/glossary.md,
 * "Stored values"). Same mechanism as src/domain/old-values.ts: the store maps old documents when it
 * reads (never rewrites them), and card submits / the intake / the roster accept old values at the zod
 * edge (`acceptingOld`), because cards already posted in Teams still send them. Pure. Only type imports
 * from the verdieping modules: they import this file at runtime for their schemas.
 */
export const OLD_SAFETY_STATUS: Readonly<Record<string, SafetyStatus>> = {
  voorgesteld: 'proposed',
  loopt: 'running',
  gerealiseerd: 'realised',
  gestopt: 'stopped',
};

export const OLD_RELATIONSHIP: Readonly<Record<string, Relationship>> = {
  kind: 'child',
  ouder: 'parent',
  ander_familielid: 'other_relative',
  huisgenoot: 'housemate',
  anders: 'other',
};

export const OLD_VIOLENCE_FORM: Readonly<Record<string, ViolenceForm>> = {
  partnergeweld: 'partner_violence',
  ex_partnerstalking: 'ex_partner_stalking',
  eergerelateerd_geweld: 'honour_based_violence',
  ouderenmishandeling: 'elder_abuse',
  kindermishandeling: 'child_abuse',
  kind_ouder_geweld: 'child_to_parent_violence',
  anders: 'other',
};

export const OLD_DECLINE_REASON: Readonly<Record<string, DeclineReason>> = {
  geen_grondslag: 'no_legal_basis',
  toestemming_nodig: 'consent_needed',
  niet_bekend: 'not_known',
  anders: 'other',
};

export const OLD_RISK_LEVEL: Readonly<Record<string, RiskLevel>> = {
  laag: 'low',
  gemiddeld: 'medium',
  hoog: 'high',
};

export const OLD_MEASURE_TYPE: Readonly<Record<string, MeasureType>> = {
  locatieverbod: 'location_ban',
  contactverbod: 'contact_ban',
  gedragsaanwijzing: 'behaviour_order',
  tijdelijk_huisverbod: 'temporary_house_ban',
  bijzondere_voorwaarden: 'special_conditions',
  reclasseringstoezicht: 'probation_supervision',
  anders: 'other',
};

export const OLD_HORIZON_REASON: Readonly<Record<string, HorizonReason>> = {
  termijnzaak: 'termijn_case',
  aanhouden: 'held_by_prosecutor',
  wacht_op_verklaring: 'awaiting_statement',
  wacht_op_risicotaxatie: 'awaiting_risk_assessment',
  wacht_op_informatie: 'awaiting_information',
  veiligheidsplan_controleren: 'check_safety_plan',
  anders: 'other',
};

export const OLD_RISK_ASSESSMENT_STATUS: Readonly<Record<string, RiskAssessmentStatus>> = {
  gevraagd: 'asked',
  afgerond: 'completed',
};

export const OLD_PHASE_EVENT: Readonly<Record<string, PhaseEvent>> = {
  verdieping_gestart: 'verdieping_started',
  horizon_verschoven: 'horizon_moved',
};

export const OLD_INVOLVEMENT_SOURCE: Readonly<Record<string, Involvement['source']>> = { kaart: 'card' };

const own = renamed;

export function normalizeSafetyPlanEntry(e: SafetyPlanEntry): SafetyPlanEntry {
  const status = own(OLD_SAFETY_STATUS, e.status);
  return status === undefined ? e : { ...e, status };
}

export function normalizeInvolvement(i: Involvement): Involvement {
  const violenceForm = own(OLD_VIOLENCE_FORM, i.violenceForm);
  const relationship = own(OLD_RELATIONSHIP, i.relationship);
  const source = own(OLD_INVOLVEMENT_SOURCE, i.source);
  if (violenceForm === undefined && relationship === undefined && source === undefined) return i;
  return {
    ...i,
    ...(violenceForm === undefined ? {} : { violenceForm }),
    ...(relationship === undefined ? {} : { relationship }),
    ...(source === undefined ? {} : { source }),
  };
}

export function normalizeInfoRequest(r: InfoRequest): InfoRequest {
  const reason = own(OLD_DECLINE_REASON, r.decline?.reason);
  return reason === undefined || !r.decline ? r : { ...r, decline: { ...r.decline, reason } };
}

export function normalizeRiskAssessment(a: RiskAssessment): RiskAssessment {
  const status = own(OLD_RISK_ASSESSMENT_STATUS, a.status);
  const level = own(OLD_RISK_LEVEL, a.outcome?.level);
  if (status === undefined && level === undefined) return a;
  return {
    ...a,
    ...(status === undefined ? {} : { status }),
    ...(level === undefined || !a.outcome ? {} : { outcome: { ...a.outcome, level } }),
  };
}

export function normalizeMeasure(m: RunningMeasure): RunningMeasure {
  const type = own(OLD_MEASURE_TYPE, m.type);
  return type === undefined ? m : { ...m, type };
}

export function normalizePhase(p: PhaseState): PhaseState {
  const reasonOf = (h: PhaseState['horizon']) => own(OLD_HORIZON_REASON, h?.reason);
  const oldEntry = p.timeline.some((t) => own(OLD_PHASE_EVENT, t.event) !== undefined || reasonOf(t.horizon) !== undefined);
  const horizonReason = reasonOf(p.horizon);
  if (!oldEntry && horizonReason === undefined) return p;
  const horizon = <H extends PhaseState['horizon']>(h: H): H => {
    const reason = reasonOf(h);
    return reason === undefined || !h ? h : { ...h, reason };
  };
  return {
    ...p,
    ...(p.horizon ? { horizon: horizon(p.horizon) } : {}),
    timeline: oldEntry
      ? p.timeline.map((t) => ({ ...t, event: own(OLD_PHASE_EVENT, t.event) ?? t.event, horizon: horizon(t.horizon) }))
      : p.timeline,
  };
}
