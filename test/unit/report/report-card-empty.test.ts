import { reportCardModel } from '../../../src/cards/report-card';
import { computeReport, type ReportRow } from '../../../src/domain/aftercare/report';

const AS_OF = '2027-06-01T00:00:00.000Z';
const row = (over: Partial<ReportRow>): ReportRow => ({
  caseId: 'c1',
  locationId: 'a',
  intakeAt: '2026-03-01T08:00:00.000Z',
  children: false,
  rounds: 1,
  reAgendaCount: 0,
  vtEvening: { count: 0, responseMinutes: [] },
  phases: { veiligheid: 0, zorg: 0, herstel: 0 },
  ...over,
});
const model = (rows: ReportRow[]) =>
  reportCardModel({
    period: { firstDay: '2026-03-01', lastDay: '2026-03-31' },
    locations: [{ id: 'a', name: 'A' }],
    perLocation: [{ locationId: 'a', figures: computeReport(rows, AS_OF) }],
    total: computeReport(rows, AS_OF),
  });

describe('the report card says "geen gegevens" instead of a donut whose figures are all zero', () => {
  it.each<[string, ReportRow[], { phasesEmpty: boolean }]>([
    ['no cases', [], { phasesEmpty: true }],
    ['a case, nothing decided or escalated', [row({})], { phasesEmpty: true }],
    [
      'an escalated case with an Actieoverleg outcome',
      [
        row({
          decision: 'geescaleerd',
          escalationRule: 'repeat_report',
          decidedAt: '2026-03-01T09:00:00.000Z',
          phases: { veiligheid: 0, zorg: 0, herstel: 1 },
        }),
      ],
      { phasesEmpty: false },
    ],
  ])('%s', (_name, rows, expected) => {
    expect(model(rows)).toMatchObject(expected);
  });
});
