import type { Case } from './case';
import type { PartnerOrg } from './orgs';

export interface AgendaEntry {
  case: Case;
  concernOrgs: PartnerOrg[];
  acuteUnsafe: boolean;
  escalated: boolean;
}

/** The agenda order: acute first, then the termijn that ends soonest, then the most buikpijn. */
export function orderAgenda<T extends AgendaEntry>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      Number(b.acuteUnsafe) - Number(a.acuteUnsafe) ||
      Date.parse(a.case.deadline) - Date.parse(b.case.deadline) ||
      b.concernOrgs.length - a.concernOrgs.length ||
      a.case.id.localeCompare(b.case.id),
  );
}
