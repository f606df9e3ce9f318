import { z } from 'zod';
import type { ReportRow } from './aftercare/report';
import type { AuditAction, AuditEntry } from './audit';
import type { EscalationRecord } from './escalation-record';
import type { EscalationRule } from './rounds/escalation';
import type { ConsultationStatus } from './vt/consultation';
import type { VtAnswerKind, VtConsultationRecord } from './vt/record';

/**
 * Stored enum values were Dutch until issue 11 item 6; they are English now (docs/glossary.md).
 * Documents written before keep their old values: the store maps them here when it reads (as
 * `normalizeCase` does for rounds), and never rewrites them. Pure; each function returns its input
 * unchanged (the same object) when nothing is old, so a current document costs one lookup per value.
 */
export const OLD_CONSULTATION_STATUS: Readonly<Record<string, ConsultationStatus>> = {
  gevraagd: 'asked',
  herinnerd: 'reminded',
  achterwacht_gevraagd: 'backup_asked',
  beantwoord: 'answered',
  geen_reactie: 'no_answer',
};

export const OLD_VT_ANSWER_KIND: Readonly<Record<string, VtAnswerKind>> = {
  bekend: 'known',
  niet_bekend: 'not_known',
  bel_terug: 'call_back',
};

export const OLD_ESCALATION_RULE: Readonly<Record<string, EscalationRule>> = {
  acuut_onveilig: 'acute_unsafe',
  aanhoudend_meerdere_organisaties: 'persistent_several_orgs',
  aanhoudend_rondes: 'persistent_rounds',
  aanhoudend_tijd: 'persistent_time',
  hermelding: 'repeat_report',
  overtreding_maatregel: 'measure_violation',
  hoog_risico: 'high_risk',
};

/** The new name of `key` when it is an old value of `table`; undefined otherwise (also for a non-string). */
export const renamed = <T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
const own = renamed;

/**
 * A zod enum that also takes the old (Dutch) value and gives the new one: for card submits (cards
 * posted before still carry old choice values), the intake and config files. Anything else is left to
 * the enum to refuse.
 */
export function acceptingOld<T extends string, S extends z.ZodType<T>>(table: Readonly<Record<string, T>>, schema: S) {
  return z.preprocess((v) => renamed(table, v) ?? v, schema);
}

/** The current name of a possibly old value (unknown values pass through: the type checks the rest). */
export function currentValue<T extends string>(table: Readonly<Record<string, T>>, value: T): T {
  return own(table, value) ?? value;
}

export function normalizeVtConsultation(r: VtConsultationRecord): VtConsultationRecord {
  const status = own(OLD_CONSULTATION_STATUS, r.state.status);
  const oldAnswer = r.answers.some((a) => own(OLD_VT_ANSWER_KIND, a.kind) !== undefined);
  if (status === undefined && !oldAnswer) return r;
  return {
    ...r,
    state: status === undefined ? r.state : ({ ...r.state, status } as VtConsultationRecord['state']),
    answers: oldAnswer ? r.answers.map((a) => ({ ...a, kind: currentValue(OLD_VT_ANSWER_KIND, a.kind) })) : r.answers,
  };
}

export function normalizeEscalation(e: EscalationRecord): EscalationRecord {
  const rule = own(OLD_ESCALATION_RULE, e.rule);
  return rule === undefined ? e : { ...e, rule };
}

export function normalizeReportRow(r: ReportRow): ReportRow {
  const rule = r.escalationRule === undefined ? undefined : own(OLD_ESCALATION_RULE, r.escalationRule);
  return rule === undefined ? r : { ...r, escalationRule: rule };
}

/**
 * Audit action names before the one convention (dot + camelCase). The audit trail is hash-chained:
 * old entries keep their names for ever (the chain still verifies), and readers of the trail map them
 * here (AuditStore.listAudit, the privacy officer's trail card). The CSV export keeps what was hashed.
 */
export const OLD_AUDIT_ACTIONS: Readonly<Record<string, AuditAction>> = {
  'case.intake_redelivered': 'case.intakeRedelivered',
  'case.details_read': 'case.detailsRead',
  'case.reagenda': 'case.reAgenda',
  'case.purge_started': 'case.purgeStarted',
  'case.close_despite_safety': 'case.closeDespiteSafety',
  'advice.followup': 'advice.followUp',
  'vt.oncall': 'vt.onCall',
  // verdieping (src/domain/old-values-verdieping.ts)
  'inforequest.asked': 'infoRequest.asked',
  'inforequest.answered': 'infoRequest.answered',
  'inforequest.declined': 'infoRequest.declined',
  'safetyplan.set': 'safetyPlan.set',
};

/** The current name of an audit action as stored (old or current). */
export function currentAuditAction(action: string): AuditAction {
  return own(OLD_AUDIT_ACTIONS, action) ?? (action as AuditAction);
}

/** An audit entry as read, with the current action name (the same object when it is current). */
export function normalizeAuditEntry(e: AuditEntry): AuditEntry {
  const action = own(OLD_AUDIT_ACTIONS, e.action);
  return action === undefined ? e : { ...e, action };
}
