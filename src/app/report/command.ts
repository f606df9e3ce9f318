import type { ReportPeriodError } from '../../domain/aftercare/report';
import type { AppDeps } from '../deps';
import type { CsvLinks } from './csv-link';
import { parseReportPeriod } from './period';
import { reportAccess, viewReport, type ReportRefusal, type ReportView } from './view-report';

/** What `rapportage …` asks: an optional location id first, then an optional period (see period.ts). */
export function parseReportArgs(text: string): { locationId?: string; periodArg: string } | 'help' {
  const words = text.trim().split(/\s+/).slice(1);
  if (words.length === 1 && /^(help|hulp|\?)$/i.test(words[0])) return 'help';
  const first = words[0];
  if (first !== undefined && /^[a-z][a-z0-9-]*$/i.test(first))
    return { locationId: first.toLowerCase(), periodArg: words.slice(1).join(' ') };
  return { periodArg: words.join(' ') };
}

export type ReportAnswer =
  | { kind: 'report'; view: ReportView; csvUrl?: string }
  | { kind: 'help' }
  | { kind: 'unknown_location' }
  | { kind: 'refused'; reason: ReportRefusal }
  | { kind: 'period'; error: ReportPeriodError };

/**
 * The `rapportage` command: who asks (the roster decides: chair or coordinator, own locations), which
 * period, the audited view, and a signed CSV link for the same locations and period when configured.
 * Authorisation comes before anything about the asked text is answered.
 */
export async function runReportCommand(
  deps: AppDeps,
  aadObjectId: string | undefined,
  text: string,
  csvLinks: CsvLinks | undefined,
): Promise<ReportAnswer> {
  const access = reportAccess(deps, aadObjectId);
  if (!access.ok) return { kind: 'refused', reason: access.reason };
  const args = parseReportArgs(text);
  if (args === 'help') return { kind: 'help' };
  if (args.locationId !== undefined && !deps.directory.location(args.locationId)) return { kind: 'unknown_location' };
  const scoped = reportAccess(deps, aadObjectId, args.locationId);
  if (!scoped.ok) return { kind: 'refused', reason: scoped.reason };
  const period = parseReportPeriod(args.periodArg, deps.clock.now());
  if (!period.ok) return { kind: 'period', error: period.error };
  const view = await viewReport(deps, scoped.member, scoped.locationIds, period.period, 'card');
  const csvUrl = csvLinks?.url(
    {
      m: scoped.member.aadObjectId,
      l: scoped.locationIds,
      f: period.period.from,
      t: period.period.to,
      d1: period.period.firstDay,
      d2: period.period.lastDay,
    },
    deps.clock.now(),
  );
  return { kind: 'report', view, ...(csvUrl ? { csvUrl } : {}) };
}
