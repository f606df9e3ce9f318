import type { CaseSnapshot } from '../../domain/decisions';
import { buildReportRow, reportRowAfter, sameReportRow } from '../../domain/aftercare/report-row';
import type { Case } from '../../domain/case';
import { isVtOfficeHours } from '../../domain/vt/office-hours';
import type { LoadedCase } from '../../store/case-bundle';
import { snapshotOf } from '../../domain/decisions';
import type { WriteOp } from '../../store/docstore';
import { reportRowDoc, reportRowOp } from '../../store/report-store';
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
  const row = reportRowAfter({
    after,
    reAgendaAtBefore: loaded.bundle.theCase.body.reAgendaAt,
    previous: loaded.reportRow,
    outsideOfficeHours: outsideOfficeHoursOf(deps, after.theCase.vtRegionId),
  });
  return sameReportRow(loaded.reportRow, row) ? [] : [reportRowOp(row)];
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

/**
 * The report-row write of a change of the case document alone (changeCase: closing, door-agenderen,
 * lead changes): one read of the partition for what the row also counts (votes, escalation, VT), made
 * only when the case changes; nothing when no figure moved. The case replace stays conditional, so
 * a row built on a stale partition is never committed.
 */
export async function reportRowOpsForChange(deps: AppDeps, before: Case, next: Case): Promise<WriteOp[]> {
  const loaded = await deps.repo.cases.loadBundle(before.id);
  if (!loaded) return [];
  return reportRowOps(
    deps,
    { ...loaded, bundle: { ...loaded.bundle, theCase: { ...loaded.bundle.theCase, body: before } } },
    {
      ...snapshotOf(loaded.bundle),
      theCase: next,
    },
  );
}
