import type { AdviceRecord } from './advice/types';
import type { Case } from './case';
import type { Contribution } from './contribution';
import type { EscalationRecord } from './escalation-record';
import type { CardRef } from './refs';
import type { VtConsultationRecord } from './vt/record';
import type { ConcernVote } from './vote';
import type { VerdiepingDocs } from './verdieping/bundle';

/** A document as loaded, with the version tag a conditional write of it must name. */
export interface Versioned<T> {
  body: T;
  etag: string;
}

/**
 * A case as one read of its partition gives it: the case document and everything a decision or a
 * view needs next to it. Pure data (no store handle): decisions in src/domain/decisions take it and
 * return what follows; src/store/case-bundle.ts loads it and turns a decision into one commit.
 * The audit trail is not part of it (its own table/container, appended inside the commit).
 */
export interface CaseBundle {
  theCase: Versioned<Case>;
  votes: ConcernVote[];
  contributions: Contribution[];
  escalation?: Versioned<EscalationRecord>;
  vtConsultation?: Versioned<VtConsultationRecord>;
  advice?: Versioned<AdviceRecord>;
  cardRef?: CardRef;
  /** The verdieping documents of the case (issue 14), from the same partition read. */
  verdieping?: VerdiepingDocs;
  /** Oude bekenden found at intake (issue 15), from the same partition read. */
  returning?: import('./aftercare/returning').ReturningRecord;
}
