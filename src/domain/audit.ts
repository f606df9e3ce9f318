/** Audit trail entry: ids and action names only, never case text or personal data. */
export type AuditAction =
  | 'case.intake'
  | 'case.intakeRedelivered'
  | 'case.detailsRead'
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
  | 'case.reAgenda'
  | 'case.close'
  | 'case.escalated'
  | 'actieoverleg.posted'
  | 'actieoverleg.owner'
  | 'actieoverleg.question'
  | 'vt.asked'
  | 'vt.answered'
  | 'vt.region'
  | 'vt.onCall'
  | 'vt.info'
  | 'vt.unreachable'
  | 'vt.calledBack'
  | 'advice.draft'
  | 'advice.sent'
  | 'advice.decided'
  | 'advice.followUp'
  | 'advice.read'
  /** A well-authorised attempt refused for what it asked (a closed case, fields the action does not know). */
  | 'action.refused'
  /** A personal view of a card (detail: view, via); see src/domain/views.ts. */
  | 'view.opened'
  // privacy: retention, erasure and reading the trail itself
  | 'case.purgeStarted'
  | 'case.purged'
  | 'audit.read'
  | 'audit.exported'
  | 'audit.expired'
  // verdieping (issue 14)
  | 'verdieping.started'
  | 'verdieping.horizon'
  | 'reading.proposed'
  | 'reading.confirmed'
  | 'safetyPlan.set'
  | 'infoRequest.asked'
  | 'infoRequest.answered'
  | 'infoRequest.declined'
  | 'risk.requested'
  | 'risk.outcome'
  | 'measure.added'
  | 'measure.violation'
  | 'involvement.set'
  | 'case.closeDespiteSafety'
  // after the decision (issue 15)
  | 'actieoverleg.meeting'
  | 'actieoverleg.prepared'
  | 'actieoverleg.outcome'

  // rapportage (issue 15): aggregated figures, audited per view and export
  | 'report.viewed'
  | 'report.exported';

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
