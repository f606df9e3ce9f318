import type { Case } from './case';
import type { PartnerOrg } from './orgs';

export interface AgendaEntry {
  case: Case;
  concernOrgs: PartnerOrg[];
  acuteUnsafe: boolean;
  escalated: boolean;
  /** Organisations that voted in the current round (unknown: treated as none). */
  voted?: number;
}

/**
 * The agenda order, as the chair runs the meeting: acute first, then cases with children, then the
 * termijn that ends soonest, then the most buikpijn (open questions), then the fewest votes.
 */
export function orderAgenda<T extends AgendaEntry>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      Number(b.acuteUnsafe) - Number(a.acuteUnsafe) ||
      Number(b.case.facts.childrenInvolved) - Number(a.case.facts.childrenInvolved) ||
      Date.parse(a.case.deadline) - Date.parse(b.case.deadline) ||
      b.concernOrgs.length - a.concernOrgs.length ||
      (a.voted ?? 0) - (b.voted ?? 0) ||
      a.case.id.localeCompare(b.case.id),
  );
}
