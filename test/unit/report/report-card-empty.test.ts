import { reportCardModel } from '../../../src/cards/report-card';
import { computeReport, type ReportRow } from '../../../src/domain/aftercare/report';
import { reportRow } from '../../helpers/report-rows';

const AS_OF = '2027-06-01T00:00:00.000Z';
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
    ['a case, nothing decided or escalated', [reportRow({})], { phasesEmpty: true }],
    [
      'an escalated case with an Actieoverleg outcome',
      [
        reportRow({
          decision: 'escalated',
          escalationRule: 'repeat_report',
          decidedAt: '2026-03-01T09:00:00.000Z',
          phases: { safety: 0, care: 0, recovery: 1 },
        }),
      ],
      { phasesEmpty: false },
    ],
  ])('%s', (_name, rows, expected) => {
    expect(model(rows)).toMatchObject(expected);
  });
});
