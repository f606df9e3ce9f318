import type { CaseSnapshot } from '../../domain/decisions';
import { buildReportRow, reportRowAfter, sameReportRow } from '../../domain/aftercare/report-row';
import type { Case } from '../../domain/case';
import { isVtOfficeHours } from '../../domain/vt/office-hours';
import type { LoadedCase } from '../../store/case-bundle';
import { snapshotOf } from '../../domain/decisions';
import type { WriteOp } from '../../store/docstore';
import { PreconditionFailedError } from '../../store/docstore';
import { withEtagRetry } from '../../store/etag-retry';
import { REPORT_ROW_ID, reportRowDoc, reportRowOp } from '../../store/report-store';
import type { AppDeps } from '../deps';

/**
 * Outside VT's office hours at `askedAt`, judged by the case's VT region; a case without a (known)
 * region counts as inside office hours (the desk asked it then).
 */
function outsideOfficeHoursOf(deps: AppDeps, vtRegionId: string | undefined): (askedAt: string) => boolean {
  const region = vtRegionId ? deps.directory.vt?.regions.find((r) => r.id === vtRegionId) : undefined;
  return (askedAt) => (region ? !isVtOfficeHours(region, askedAt) : false);
}

/**
 * The report-row write a case command adds to its one commit: the row rebuilt from the case as the
 * command left it; nothing when no figure changed (most clicks), so a command writes no more than before.
 */
export function reportRowOps(deps: AppDeps, loaded: LoadedCase, after: CaseSnapshot): WriteOp[] {
  const row = rowAfter(deps, loaded, after);
  // An upsert, not conditional on the row's version: on Cosmos a commit's writes are sequential, so
  // a row write failing after the case and a contribution were written would make the retried command
  // write that contribution twice (decisions §58).
  return sameReportRow(loaded.reportRow, row) ? [] : [reportRowOp(row)];
}

/**
 * The report row of a case brought up to date after a change made outside a case command (a VT
 * consultation asked or moved on by its jobs, an escalation by the timer job): one partition read,
 * and a write only when a figure moved, conditional on the row's version (a lost race reads again).
 * The row is derived state, so running this twice, or late, is harmless.
 */
export async function syncReportRow(deps: AppDeps, caseId: string): Promise<'written' | 'unchanged' | 'missing'> {
  return withEtagRetry(`report row of ${caseId}`, async () => {
    const loaded = await deps.repo.cases.loadBundle(caseId);
    if (!loaded) return 'missing' as const;
    const row = rowAfter(deps, loaded, snapshotOf(loaded.bundle));
    if (sameReportRow(loaded.reportRow, row)) return 'unchanged' as const;
    const doc = reportRowDoc(row);
    // Conditional on the row as read: one written meanwhile is read again, never overwritten.
    const write: WriteOp = loaded.reportRowEtag ? { op: 'replace', doc, ifMatch: loaded.reportRowEtag } : { op: 'insert', doc };
    const [result] = await deps.repo.cases.commit([write]);
    // A row inserted meanwhile by someone else: read again and decide on it.
    if (result === 'exists') throw new PreconditionFailedError(caseId, REPORT_ROW_ID);
    return 'written' as const;
  });
}

/** The case's row as `after` leaves it, counting on from the row as loaded. */
function rowAfter(deps: AppDeps, loaded: LoadedCase, after: CaseSnapshot) {
  return reportRowAfter({
    after,
    reAgendaAtBefore: loaded.bundle.theCase.body.reAgendaAt,
    previous: loaded.reportRow,
    outsideOfficeHours: outsideOfficeHoursOf(deps, after.theCase.vtRegionId),
  });
}

/**
 * The intake's row: inserted if absent in the intake's own commit (a re-delivery repairs a missing
 * row and never resets one that commands have moved on since).
 */
export function intakeReportRowOp(theCase: Case): WriteOp {
  return {
    op: 'insert',
    doc: reportRowDoc(buildReportRow({ case: theCase, reAgendaCount: 0, votes: [], vtConsultations: [] })),
  };
}
