import { nlAftercare, reportFigureLabel } from '../../../../src/i18n/nl/aftercare';
import {
  computeReport,
  checkReportPeriod,
  csvCell,
  figureLines,
  hermelding,
  percentile,
  reportCsv,
  rowsInPeriod,
  type ReportRow,
} from '../../../../src/domain/aftercare/report';

const zero = { safety: 0, care: 0, recovery: 0 };
const noVt = { count: 0, responseMinutes: [] };
const rows: ReportRow[] = [
  {
    caseId: 'case-r1',
    locationId: 'A',
    intakeAt: '2026-01-10T20:00:00.000Z',
    children: true,
    rounds: 2,
    reAgendaCount: 0,
    firstVoteAt: '2026-01-10T20:30:00.000Z',
    decidedAt: '2026-01-10T22:00:00.000Z',
    decision: 'escalated',
    escalationRule: 'persistent_rounds',
    vtEvening: { count: 1, responseMinutes: [12] },
    phases: { safety: 2, care: 1, recovery: 0 },
    followUp: 'carried_out',
    nextIntakeAt: '2026-03-01T00:00:00.000Z',
  },
  {
    caseId: 'case-r2',
    locationId: 'A',
    intakeAt: '2026-02-01T10:00:00.000Z',
    children: false,
    rounds: 1,
    reAgendaCount: 1,
    firstVoteAt: '2026-02-01T10:10:00.000Z',
    decidedAt: '2026-02-01T11:00:00.000Z',
    decision: 'closed',
    vtEvening: noVt,
    phases: zero,
    nextIntakeAt: '2026-12-01T10:00:00.000Z', // 303 days later
  },
  {
    caseId: 'case-r3',
    locationId: 'A',
    intakeAt: '2026-03-01T00:00:00.000Z',
    children: true,
    rounds: 3,
    reAgendaCount: 2,
    firstVoteAt: '2026-03-01T00:45:00.000Z',
    decidedAt: '2026-03-01T05:00:00.000Z',
    decision: 'closed_despite_concern',
    vtEvening: { count: 2, responseMinutes: [5, 40] },
    phases: zero,
    followUp: 'unanswered',
  },
  {
    caseId: 'case-r4',
    locationId: 'A',
    intakeAt: '2026-06-30T23:59:00.000Z',
    children: false,
    rounds: 1,
    reAgendaCount: 0,
    vtEvening: { count: 1, responseMinutes: [] },
    phases: zero,
  },
  {
    caseId: 'case-r5',
    locationId: 'B',
    intakeAt: '2026-04-15T12:00:00.000Z',
    children: true,
    rounds: 4,
    reAgendaCount: 0,
    firstVoteAt: '2026-04-15T12:20:00.000Z',
    decidedAt: '2026-04-15T15:20:00.000Z',
    decision: 'escalated',
    escalationRule: 'acute_unsafe',
    vtEvening: noVt,
    phases: { safety: 1, care: 0, recovery: 1 },
    followUp: 'partly_carried_out',
    nextIntakeAt: '2026-05-15T12:00:00.000Z',
  },
  {
    caseId: 'case-r6',
    locationId: 'A',
    intakeAt: '2026-07-01T00:00:00.000Z',
    children: true,
    rounds: 9,
    reAgendaCount: 5,
    vtEvening: noVt,
    phases: zero,
  },
];
const period = { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z', asOf: '2027-03-01T00:00:00.000Z' };

describe('report figures (hand-computed)', () => {
  it('selects the period [from, to) and the location', () => {
    expect(rowsInPeriod(rows, period, 'A').map((r) => r.caseId)).toEqual(['case-r1', 'case-r2', 'case-r3', 'case-r4']);
    expect(rowsInPeriod(rows, period).map((r) => r.caseId)).toEqual(['case-r1', 'case-r2', 'case-r3', 'case-r4', 'case-r5']);
  });

  it('computes every figure of location A, first half of 2026', () => {
    expect(computeReport(rowsInPeriod(rows, period, 'A'), period.asOf)).toEqual({
      cases: 4,
      withChildren: { count: 2, of: 4, share: 0.5 },
      reAgenda: { count: 2, of: 4, share: 0.5 },
      roundsPerCase: 1.75, // (2 + 1 + 3 + 1) / 4
      intakeToFirstVote: { n: 3, medianMinutes: 30, p90Minutes: 45 }, // 10, 30, 45
      intakeToDecision: { n: 3, medianMinutes: 120, p90Minutes: 300 }, // 60, 120, 300
      decisions: { escalated: 1, closed: 1, closed_despite_concern: 1 },
      escalationsByRule: {
        acute_unsafe: 0,
        persistent_several_orgs: 0,
        persistent_rounds: 1,
        persistent_time: 0,
        measure_violation: 0,
        repeat_report: 0,
        high_risk: 0,
      },
      vtEvening: { consultations: 4, answered: 3, response: { n: 3, medianMinutes: 12, p90Minutes: 40 } }, // 5, 12, 40
      decisionsByPhase: { safety: 2, care: 1, recovery: 0 },
      followUp: { carried_out: 1, partly_carried_out: 0, not_carried_out: 0, unknown: 0, unanswered: 1 },
      // 6 months: all four windows have passed by 1 Mar 2027; only r1 (49 days) came back within 183 days.
      hermelding6: { months: 6, count: 1, of: 4, share: 0.25 },
      // 12 months: r4's window ends 30 Jun 2027 (left out); r3's ends exactly on asOf (counts); r1 and r2 (303 days) came back.
      hermelding12: { months: 12, count: 2, of: 3, share: 2 / 3 },
    });
  });

  it('counts all locations together', () => {
    const f = computeReport(rowsInPeriod(rows, period), period.asOf);
    expect(f.cases).toBe(5);
    expect(f.withChildren).toEqual({ count: 3, of: 5, share: 0.6 });
    expect(f.roundsPerCase).toBe(11 / 5);
    expect(f.escalationsByRule.acute_unsafe).toBe(1);
    expect(f.decisionsByPhase).toEqual({ safety: 3, care: 1, recovery: 1 });
    expect(f.hermelding6).toEqual({ months: 6, count: 2, of: 5, share: 0.4 });
  });

  it('gives no rates, means or durations for an empty period (not zero)', () => {
    const f = computeReport([], period.asOf);
    expect(f.cases).toBe(0);
    expect(f.withChildren).toEqual({ count: 0, of: 0 });
    expect(f.roundsPerCase).toBeUndefined();
    expect(f.intakeToDecision).toEqual({ n: 0 });
    expect(f.hermelding12).toEqual({ months: 12, count: 0, of: 0 });
  });

  it('leaves out cases whose hermelding window has not passed yet', () => {
    expect(hermelding(rows.slice(0, 1), 6, '2026-07-12T19:59:59Z')).toEqual({ months: 6, count: 0, of: 0 });
    expect(hermelding(rows.slice(0, 1), 6, '2026-07-12T20:00:00Z')).toEqual({ months: 6, count: 1, of: 1, share: 1 });
  });

  it.each([
    [[], 50, undefined],
    [[7], 90, 7],
    [[40, 10, 30, 20], 50, 20],
    [[40, 10, 30, 20], 90, 40],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
  ])('nearest-rank percentile of %j at p%d is %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+31 6', `"'+31 6"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['Locatie "Zuid", Rotterdam', `"Locatie ""Zuid"", Rotterdam"`],
    [3, '3'],
    [0.5, '0.5000'],
    [2 / 3, '0.6667'],
    [undefined, '""'],
    [Number.NaN, '""'],
  ])('cell %j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes aggregated lines per location only: no case ids, CRLF lines, guarded labels', () => {
    const a = rowsInPeriod(rows, period, 'A');
    const csv = reportCsv(
      [{ locationLabel: '=cmd|calc', period, figures: computeReport(a, period.asOf) }],
      ['locatie', 'van', 'tot', 'kengetal', 'waarde'],
      (k) => `label:${k}`,
    );
    expect(csv).not.toMatch(/case-r/);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('"locatie","van","tot","kengetal","waarde"');
    expect(lines[1]).toBe(`"'=cmd|calc","2026-01-01T00:00:00.000Z","2026-07-01T00:00:00.000Z","label:cases",4`);
    expect(lines).toContain(`"'=cmd|calc","2026-01-01T00:00:00.000Z","2026-07-01T00:00:00.000Z","label:hermelding_12m_share",0.6667`);
    expect(lines.at(-1)).toBe('');
    // 10 base figures + 3 decisions + 7 rules + 4 VT + 3 phases + 5 follow-up + 6 hermelding = 38, plus header and the final CRLF
    expect(lines.length).toBe(1 + 38 + 1);
  });
});

describe('Dutch labels', () => {
  it('has a label for every figure line of the report', () => {
    const keys = figureLines(computeReport(rows, period.asOf)).map((l) => l.key);
    expect(keys.filter((k) => nlAftercare.report.figure[k] === undefined)).toEqual([]);
    expect(reportFigureLabel('cases')).toBe('Zaken');
  });
});

describe('the asked period', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', { ok: true }], // 365 days
    ['2028-01-01T00:00:00Z', '2029-01-01T00:00:00Z', { ok: true }], // 366 days (leap year)
    ['2026-01-01T00:00:00Z', '2027-01-02T00:00:00.001Z', { ok: false, error: 'period_too_long' }],
    ['2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', { ok: false, error: 'empty_period' }],
    ['2026-02-01', 'morgen', { ok: false, error: 'invalid_period' }],
  ])('%s → %s: %j', (from, to, expected) => {
    expect(checkReportPeriod(from, to)).toEqual(expected);
  });
});
