import type { ReportRow } from '../../src/domain/aftercare/report';

/**
 * A report row of a case that had one round and nothing else yet (no children, no re-agenda, no VT
 * in the evening, no decisions per phase): case "c1" at location "a" on 1 March 2026, unless `over` says otherwise.
 */
export const reportRow = (over: Partial<ReportRow> = {}): ReportRow => ({
  caseId: 'c1',
  locationId: 'a',
  intakeAt: '2026-03-01T08:00:00.000Z',
  children: false,
  rounds: 1,
  reAgendaCount: 0,
  vtEvening: { count: 0, responseMinutes: [] },
  phases: { safety: 0, care: 0, recovery: 0 },
  ...over,
});
