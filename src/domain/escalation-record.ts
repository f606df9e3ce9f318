import type { PartnerOrg } from './orgs';
import type { CardRef } from './refs';
import type { EscalationReason, EscalationRule } from './rounds/escalation';

/**
 * The one escalation of a case to the Actieoverleg (a document with a deterministic id, inserted if
 * absent: the first process to decide wins, every other one sees it is there).
 */
export interface EscalationRecord {
  caseId: string;
  at: string;
  rule: EscalationRule;
  orgs: PartnerOrg[];
  reasons: EscalationReason[];
  /** The concrete question for the Actieoverleg; drafted from the facts, editable by the chair. */
  question: string;
  /** The chair confirmed the need-to-know of these likely identifiers in the question (kinds only). */
  questionPiiConfirmed?: import('./pii').PiiKind[];
  attendees: PartnerOrg[];
  caseOwner?: { orgId: PartnerOrg; aadObjectId: string; at: string };
  /** Set once the Actieoverleg card is posted. */
  actieoverlegRef?: CardRef;
  /** The Actieoverleg as a meeting (issue 15): moment, invitees, who is voorbereid. */
  meeting?: import('./aftercare/meeting').ActieoverlegMeeting;
  /** What the Actieoverleg decided (issue 15), recorded by the casusverantwoordelijke. */
  outcome?: import('./aftercare/outcome').ActieoverlegOutcome;
}

/** How a case was closed; remaining buikpijn stays visible. */
export interface CaseClosure {
  at: string;
  by: string;
  despiteConcern: boolean;
  reason?: string;
  remainingConcern: PartnerOrg[];
  /** Closed "ondanks" while these persons (labels, e.g. "kind-2") had no safety holder (issue 14). */
  despiteSafety?: boolean;
  unplacedSafety?: string[];
  /** Who holds the case from now on and what was handed over (issue 15); absent on cases closed before it. */
  handover?: import('./aftercare/handover').Handover;
}
