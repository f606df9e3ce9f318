/** Audit trail entry: ids and action names only, never case text or personal data. */
export type AuditAction =
  | 'case.intake'
  | 'case.intake_redelivered'
  | 'case.details_read'
  | 'contribution.add'
  | 'vote.cast'
  | 'card.posted'
  | 'access.denied'
  | 'round.start'
  | 'round.close'
  | 'lead.take'
  | 'lead.handover'
  | 'action.add'
  | 'action.settle'
  | 'case.reagenda'
  | 'case.close'
  | 'case.escalated'
  | 'actieoverleg.posted'
  | 'actieoverleg.owner'
  | 'actieoverleg.question'
  | 'vt.asked'
  | 'vt.answered'
  | 'vt.region'
  | 'vt.oncall'
  | 'vt.info'
  | 'vt.unreachable'
  | 'vt.calledBack'
  | 'advice.draft'
  | 'advice.sent'
  | 'advice.decided'
  | 'advice.followup'
  | 'advice.read';

export interface AuditEntry {
  id: string;
  caseId: string;
  at: string;
  action: AuditAction;
  actorId: string;
  actorOrg?: string;
  /** Non-personal detail: ids, round numbers, flags, reasons for denial. */
  detail?: Record<string, string | number | boolean>;
}
