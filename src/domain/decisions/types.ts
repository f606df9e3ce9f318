import type { AdviceRecord } from '../advice/types';
import type { AuditEntry } from '../audit';
import type { Case } from '../case';
import type { Contribution } from '../contribution';
import type { EscalationRecord } from '../escalation-record';
import type { PartnerOrg } from '../orgs';
import type { EscalationPolicy } from '../rounds/escalation';
import type { CardRef } from '../refs';
import type { VtConsultationRecord } from '../vt/record';
import type { ConcernVote } from '../vote';
import type { VerdiepingDocs, VerdiepingDocWrite } from '../verdieping/bundle';

/** Who acts when no person does: an automatic round close, an escalation, a posted card. */
export const SYSTEM_ACTOR = 'bot';

/** The jobs a decision can ask for (a subset of the store's JobType). */
export type DecidedJobType =
  | 'refreshCard'
  | 'refreshActieoverleg'
  | 'postActieoverleg'
  | 'escalationCheck'
  | 'missingVotes'
  | 'deputyReminder'
  // VT answers and advice steps (vt-decisions.ts, advice-decisions.ts)
  | 'vtReminder'
  // the ladder of a VT consultation (askVt: the 1:1 message, backup, expiry)
  | 'vtSend'
  | 'vtBackup'
  | 'vtExpire'
  | 'sendAdvice'
  | 'refreshAdvice'
  | 'feedback'
  | 'adviceFollowUp'

  /** Also the reminder before a verdieping horizon (payload.horizon). */
  | 'termijnReminder'
  | 'meetingReminder'
  | 'aoOutcomeFeedback'
  /** An informatievraag still open: a 1:1 reminder to the asked organisation (issue 14). */
  | 'questionReminder'
  | 'closingFeedback'
  | 'followUpReminder';

export interface JobIntent {
  id: string;
  type: DecidedJobType;
  dueAt: string;
  payload?: Record<string, string | number | boolean>;
  /**
   * 'request': run (again) with the newest state; coalesced with a run already queued (the store's
   * requestJob rules). 'ensure': insert if absent, never reset (an outbox row that must exist once).
   */
  mode: 'request' | 'ensure';
}

/**
 * Everything that follows from one user action, for ONE commit on the case partition. The case is
 * always written (conditional on the version that was loaded), so two decisions on one case at the
 * same moment are serialised: the second is decided again on the first one's result.
 */
export interface CaseDecision {
  nextCase: Case;
  /** Upserted (deterministic ids: a re-vote overwrites). */
  votes: ConcernVote[];
  /** Inserted. */
  contributions: Contribution[];
  /** Inserted if absent (one escalation per case). */
  escalation?: EscalationRecord;
  /** The existing escalation changed (casusverantwoordelijke, concrete question): replaced if unchanged since loaded. */
  escalationUpdate?: EscalationRecord;
  /** In this order. */
  audit: AuditEntry[];
  jobs: JobIntent[];
  /** The VT consultation as it now is: replaced conditionally on the version loaded with the bundle. */
  vtConsultation?: VtConsultationRecord;
  /** The advice as it now is: replaced conditionally on the version loaded (inserted when there was none). */
  advice?: AdviceRecord;
  /** Verdieping documents created or replaced in the same commit (issue 14). */
  verdieping?: VerdiepingDocWrite[];
}

/** The case as it stands after a decision was committed: what the answer's view is built from (no reload). */
export interface CaseSnapshot {
  theCase: Case;
  votes: ConcernVote[];
  contributions: Contribution[];
  escalation?: EscalationRecord;
  vtConsultation?: VtConsultationRecord;
  advice?: AdviceRecord;
  cardRef?: CardRef;
  verdieping?: VerdiepingDocs;
  returning?: import('../aftercare/returning').ReturningRecord;
}

/** What every decision is given besides the bundle: the moment, and where new audit ids come from. */
export interface DecisionContext {
  now: string;
  newAuditId: () => string;
}

/** The authorised actor (a roster member; authorisation is the use case's job, before deciding). */
export interface DecisionActor {
  aadObjectId: string;
  orgId: PartnerOrg;
}

/** What a decision needs of the case's location (from configuration); absent when it is no longer configured. */
export interface DecisionLocation {
  expectedOrgs: readonly PartnerOrg[];
  escalation: EscalationPolicy;
  /** Reminders after a round starts (minutes): who has not voted, then the deputies. */
  reminders?: { missingVotesAfterMinutes: number; deputyAfterMinutes: number };
}

export type Decided<T, E extends string> = { ok: true; value: T; decision: CaseDecision; after: CaseSnapshot } | { ok: false; error: E };
