import type { Case } from '../domain/case';
import type { Contribution } from '../domain/contribution';
import type { EscalationRecord } from '../domain/escalation-record';
import type { PartnerOrg } from '../domain/orgs';
import type { Location } from '../domain/roster';
import type { ConcernVote } from '../domain/vote';
import type { INPUTS } from './verbs';

/** Everything a case card shows; built by the app layer, rendered by pure card builders. */
export interface CaseCardView {
  case: Case;
  location: Location;
  contributions: Contribution[];
  /** All votes of all rounds (the builder picks the current round). */
  votes: ConcernVote[];
  /** The organisation of the person looking at the card (personal view), if known. */
  viewerOrg?: PartnerOrg;
  /** Entra object ids that get a personal view through refresh (≤ 60). */
  refreshUserIds: string[];
  /** One-off notice at the top of the card (a confirmation or an error), already in Dutch. */
  notice?: { kind: 'good' | 'attention'; text: string };
  /** The case's escalation to the Actieoverleg, when it happened. */
  escalation?: EscalationRecord;
  /** Whether the viewer is a chair (sees round, agenda and closing controls). */
  viewerIsChair?: boolean;
  /** What the user typed, to show again after the server refused it (nothing typed is lost). */
  draft?: Partial<Record<(typeof INPUTS)[keyof typeof INPUTS], string>>;
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
  notice?: { kind: 'good' | 'attention'; text: string };
  now: Date;
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
    caseLink?: string;
  }[];
  now: Date;
}
