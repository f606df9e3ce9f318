import type { AgendaEntry } from './agenda';
import type { Case } from './case';
import type { PartnerOrg } from './orgs';
import { concernedOrgs, missingOrgs, standingPicture } from './rounds';
import type { ConcernVote } from './vote';
import type { Consultation } from './vt/consultation';

/** What the agenda shows of one open case besides the case itself (acute, children and termijn come from it). */
export interface AgendaFacts extends AgendaEntry {
  /** A question to VT's on-call staff is still waiting for an answer. */
  vtQuestionOpen: boolean;
  /** Expected organisations that voted in the current round / all expected organisations of the location. */
  voted: number;
  expected: number;
}

const OPEN_VT: ReadonlySet<Consultation['status']> = new Set(['asked', 'reminded', 'backup_asked']);

/** Pure: the agenda facts of one case from its partition's documents (no I/O). */
export function agendaFacts(args: {
  theCase: Case;
  votes: readonly ConcernVote[];
  escalated: boolean;
  vtConsultation: { state: Pick<Consultation, 'status'> } | null;
  expectedOrgs: readonly PartnerOrg[];
}): AgendaFacts {
  const { theCase, votes, expectedOrgs } = args;
  const picture = standingPicture(votes, theCase.round);
  const expected = new Set(expectedOrgs).size;
  const missing = missingOrgs(expectedOrgs, votes, theCase.round).length;
  return {
    case: theCase,
    concernOrgs: concernedOrgs(votes, theCase.round),
    acuteUnsafe: [...picture.values()].some((v) => v.concern && v.acuteUnsafe),
    escalated: args.escalated,
    vtQuestionOpen: args.vtConsultation !== null && OPEN_VT.has(args.vtConsultation.state.status),
    voted: expected - missing,
    expected: expected,
  };
}
