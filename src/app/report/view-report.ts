import type { ReportFigures } from '../../domain/aftercare/report';
import type { Member } from '../../domain/roster';
import type { LocationReport } from '../../store/report-store';
import type { AppDeps } from '../deps';
import type { AskedPeriod } from './period';

/** Who may see the rapportage: the chair and the coordinator, for the locations on their roster entry. */
export const REPORT_ROLES = ['chair', 'coordinator'] as const;

/** The audit chain of rapportage views and exports (not a case: aggregated figures only). */
export const REPORT_AUDIT_CHAIN = '_report';

export type ReportRefusal = 'not_on_roster' | 'not_report_role' | 'not_for_location';

export interface ReportView {
  period: AskedPeriod;
  /** Locations as asked (ids, sorted), with their names from the roster. */
  locations: { id: string; name: string }[];
  perLocation: LocationReport[];
  total: ReportFigures;
  /** When the hermelding figures were judged. */
  asOf: string;
}

/**
 * May this user see the report of these locations? Default: every location of their roster entry.
 * Roles and locations come from the roster only (nothing the activity says).
 */
export function reportAccess(
  deps: AppDeps,
  aadObjectId: string | undefined,
  askedLocation?: string,
): { ok: true; member: Member; locationIds: string[] } | { ok: false; reason: ReportRefusal } {
  const member = deps.directory.member(aadObjectId);
  if (!member) return { ok: false, reason: 'not_on_roster' };
  if (!member.roles.some((r) => (REPORT_ROLES as readonly string[]).includes(r))) return { ok: false, reason: 'not_report_role' };
  if (askedLocation !== undefined && !member.locations.includes(askedLocation)) return { ok: false, reason: 'not_for_location' };
  const ids = askedLocation !== undefined ? [askedLocation] : [...new Set(member.locations)].sort();
  return { ok: true, member, locationIds: ids };
}

/**
 * The rapportage of a period for an authorised member: one indexed query per location (the report
 * rows of that location and period), the figures, and the view itself audited (ids and the period only).
 */
export async function viewReport(
  deps: AppDeps,
  member: Member,
  locationIds: readonly string[],
  period: AskedPeriod,
  via: 'card' | 'csv',
): Promise<ReportView> {
  const asOf = deps.clock.now().toISOString();
  const loaded = await deps.repo.reports.load({ from: period.from, to: period.to, asOf }, locationIds);
  await deps.repo.appendAudit({
    id: `audit:${asOf}:report:${via}:${member.aadObjectId}`,
    caseId: REPORT_AUDIT_CHAIN,
    at: asOf,
    action: via === 'csv' ? 'report.exported' : 'report.viewed',
    actorId: member.aadObjectId,
    actorOrg: member.orgId,
    detail: { locations: [...locationIds].sort().join(','), from: period.from, to: period.to, cases: loaded.total.cases },
  });
  deps.log.info({ actorId: member.aadObjectId, locations: locationIds.length, via }, 'rapportage opened');
  return {
    period,
    locations: [...locationIds].sort().map((id) => ({ id, name: deps.directory.location(id)?.name ?? id })),
    perLocation: loaded.perLocation,
    total: loaded.total,
    asOf,
  };
}
