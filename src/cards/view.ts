import type { NextMoment } from '../domain/verdieping/phase';
import type { Case } from '../domain/case';
import type { Contribution } from '../domain/contribution';
import type { EscalationRecord } from '../domain/escalation-record';
import type { AdviceRecord, Intervention } from '../domain/advice/types';
import type { VtConsultationRecord } from '../domain/vt/record';
import type { PartnerOrg } from '../domain/orgs';
import type { Location } from '../domain/roster';
import type { ConcernVote } from '../domain/vote';
import type { INPUTS } from './verbs';
import type { VerdiepingCardData } from './verdieping-card';
import type { VerdiepingDocs } from '../domain/verdieping/bundle';
import type { AdviceVerdiepingData } from './advice-verdieping';

/** Everything a case card shows; built by the app layer, rendered by pure card builders. */
export interface CaseCardView {
  case: Case;
  location: Location;
  contributions: Contribution[];
  /** All votes of all rounds (the builder picks the current round). */
  votes: ConcernVote[];
  /** The organisation of the person looking at the card (personal view), if known. */
  viewerOrg?: PartnerOrg;
  /** The organisations on the location's roster: the choices (and default) of "Zichtbaar voor". */
  rosterOrgs?: PartnerOrg[];
  /** Entra object ids that get a personal view through refresh (≤ 60). */
  refreshUserIds: string[];
  /** One-off notice at the top of the card (a confirmation or an error), already in Dutch. */
  notice?: { kind: 'good' | 'attention'; text: string };
  /** The case's escalation to the Actieoverleg, when it happened. */
  escalation?: EscalationRecord;
  /** Veilig Thuis for this case: its region (or why none) and the latest consultation. */
  vt?: {
    regionId?: string;
    regionName?: string;
    /** Regions the desk may choose from when correcting the region. */
    regionChoices: { id: string; name: string }[];
    consultation?: VtConsultationRecord;
    /** Shown at once instead of silence: nobody on call, or the municipality is not mapped. */
    warning?: 'no_one_on_call' | 'region_unknown';
  };
  /** The advice to the OvJ, once drafted; and the palette to choose interventions from. */
  advice?: AdviceRecord;
  palette?: Intervention[];
  /** Whether the viewer is a chair (sees round, agenda and closing controls). */
  viewerIsChair?: boolean;
  /** What the user typed, to show again after the server refused it (nothing typed is lost). */
  draft?: Partial<Record<(typeof INPUTS)[keyof typeof INPUTS], string>>;
  /** Verdieping (issue 14): the next moment, the confirmed duiding, the safety plan, what is missing (personal views). */
  verdieping?: VerdiepingCardData;
  /** The verdieping documents of the case (issue 14): questions, instruments, measures, ... */
  verdiepingDocs?: VerdiepingDocs;
  /** Oude bekenden found at intake (issue 15): only in the personal view of a roster member of the location. */
  returning?: import('../domain/aftercare/returning').ReturningRecord;
  /** "Now", for the time left until the termijn. */
  now: Date;
}

/** The Actieoverleg card: the escalated case for the high-risk table. */
export interface ActieoverlegCardView {
  case: Case;
  location: Location;
  escalation: EscalationRecord;
  contributions: Contribution[];
  votes: ConcernVote[];
  /** Deep link back to the case card in the location channel, when known. */
  caseLink?: string;
  viewerIsChair?: boolean;
  /** The viewer's organisation (the meeting part: set the moment, mark voorbereid). */
  viewerOrg?: PartnerOrg;
  notice?: { kind: 'good' | 'attention'; text: string };
  /** The OvJ's decision, when one was recorded (before the escalation or since) (issue 15). */
  ovjDecision?: import('./after-decision').OvjDecisionView;
  now: Date;
  /** Verdieping (issue 14): the card shows the safety plan per person. */
  verdieping?: AdviceVerdiepingData;
}

/** The agenda of a location: open cases, ordered by termijn and concern (reminder and "agenda" command). */
export interface AgendaView {
  location: Location;
  /** When this is the reminder of a door-agenderen moment: that moment. */
  at?: string;
  items: {
    case: Case;
    concernOrgs: PartnerOrg[];
    acuteUnsafe: boolean;
    escalated: boolean;
    /** Organisations that voted in the current round, and how many are expected (for "0/6"). */
    voted?: number;
    expected?: number;
    caseLink?: string;
    /** A question to VT's on-call staff still waits for an answer (buildAgenda always sets it). */
    vtQuestionOpen?: boolean;
    /** Verdieping (issue 14): the next moment (the horizon replaces the termijn), a violated measure, open questions and the oldest one's age. */
    next?: NextMoment;
    violation?: boolean;
    openQuestions?: number;
    oldestOpenHours?: number;
  }[];
  now: Date;
}

/** The consultation card in the 1:1 chat with VT's on-call member. */
export interface VtConsultationCardView {
  case: Case;
  location: Location;
  consultation: VtConsultationRecord;
  /** Whether this copy went to the backup (the text says the primary did not answer). */
  toBackup: boolean;
  notice?: { kind: 'good' | 'attention'; text: string };
  /** What a refused late answer carried, offered again in the further-information form (already capped). */
  extraDraft?: { text?: string; needToKnow?: string };
  now: Date;
}

/** The next-morning summary for a VT region's day team. */
export interface VtMorningSummaryView {
  regionName: string;
  /** Start of the evening/night covered and the morning it is sent. */
  from: string;
  to: string;
  items: { case: Case; locationName: string; consultation: VtConsultationRecord; caseLink?: string }[];
  now: Date;
}

/** The advice card for the OvJ: summary first, details on demand, the decision form. */
export interface AdviceCardView {
  case: Case;
  location: Location;
  advice: AdviceRecord;
  palette: Intervention[];
  /** Whether the viewer may record the decision (the OvJ). */
  viewerMayDecide?: boolean;
  /** In the Details dialog: everything in full (no inline "Details tonen"). */
  expanded?: boolean;
  /** The page of the Details dialog (0: the advice with what fits; then the remaining contributions). */
  page?: number;
  notice?: { kind: 'good' | 'attention'; text: string };
  /** The Actieoverleg's outcome, when the case was escalated and it is recorded (issue 15). */
  aoOutcome?: import('../domain/aftercare/outcome').ActieoverlegOutcome;
  now: Date;
  /** Verdieping (issue 14): the advice starts from the confirmed duiding, then the safety plan, signals, questions, what is missing. */
  verdieping?: AdviceVerdiepingData;
}
