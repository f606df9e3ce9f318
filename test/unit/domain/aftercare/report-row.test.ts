import { buildReportRow, type ReportRowSource } from '../../../../src/domain/aftercare/report-row';

const base: ReportRowSource = {
  case: {
    id: 'c1',
    locationId: 'rotterdam',
    intakeAt: '2026-03-01T21:00:00+01:00',
    kmFlag: true,
    rounds: [
      { number: 1, startedAt: '2026-03-01T20:00:00Z', startedBy: 'a', closedAt: '2026-03-01T21:00:00Z' },
      { number: 2, startedAt: '2026-03-01T21:30:00Z', startedBy: 'a' },
    ],
  },
  reAgendaCount: 1,
  votes: [{ castAt: '2026-03-01T20:40:00.000Z' }, { castAt: '2026-03-01T20:25:00.000Z' }],
  vtConsultations: [
    { askedAt: '2026-03-01T20:05:00.000Z', outsideOfficeHours: true, firstAnswerAt: '2026-03-01T20:17:30.000Z' },
    { askedAt: '2026-03-01T20:50:00.000Z', outsideOfficeHours: true },
    { askedAt: '2026-03-02T09:00:00.000Z', outsideOfficeHours: false, firstAnswerAt: '2026-03-02T09:05:00.000Z' },
  ],
};

describe('the report row of a case', () => {
  it('derives every counted fact from the case state (hand-computed)', () => {
    expect(buildReportRow(base)).toEqual({
      caseId: 'c1',
      locationId: 'rotterdam',
      intakeAt: '2026-03-01T20:00:00.000Z',
      children: true,
      rounds: 2,
      reAgendaCount: 1,
      firstVoteAt: '2026-03-01T20:25:00.000Z',
      vtEvening: { count: 2, responseMinutes: [12] },
      phases: { safety: 0, care: 0, recovery: 0 },
    });
  });

  it.each([
    [
      { escalation: { at: '2026-03-01T23:00:00.000Z', rule: 'persistent_time' as const } },
      { decidedAt: '2026-03-01T23:00:00.000Z', decision: 'escalated', escalationRule: 'persistent_time' },
    ],
    [
      { case: { ...base.case, closure: { at: '2026-03-02T01:00:00.000Z', by: 'x', despiteConcern: true, remainingConcern: [] } } },
      { decidedAt: '2026-03-02T01:00:00.000Z', decision: 'closed_despite_concern' },
    ],
    [
      { case: { ...base.case, closure: { at: '2026-03-02T01:00:00.000Z', by: 'x', despiteConcern: false, remainingConcern: [] } } },
      { decision: 'closed' },
    ],
    [{ followUp: {} }, { followUp: 'unanswered' }],
    [
      { followUp: { answer: { outcome: 'not_carried_out' as const, by: 'x', orgId: 'vt' as const, at: '2026-04-01T00:00:00Z' } } },
      { followUp: 'not_carried_out' },
    ],
    [{ handover: { kind: 'mda_plus_plus' as const } }, { handoverKind: 'mda_plus_plus' }],
    [
      { outcome: { decisions: [{ subject: 'intervention' as const, phase: 'recovery' as const, text: 'Herstelgesprek' }] } },
      { phases: { safety: 0, care: 0, recovery: 1 } },
    ],
  ])('with %j has %j', (over, expected) => {
    expect(buildReportRow({ ...base, ...over })).toMatchObject(expected);
  });

  it('keeps the first vote and the next intake from the previous row', () => {
    const previous = { ...buildReportRow(base), firstVoteAt: '2026-03-01T20:10:00.000Z', nextIntakeAt: '2026-09-01T00:00:00.000Z' };
    const row = buildReportRow({ ...base, votes: [{ castAt: '2026-03-01T22:00:00.000Z' }], previous });
    expect(row.firstVoteAt).toBe('2026-03-01T20:10:00.000Z');
    expect(row.nextIntakeAt).toBe('2026-09-01T00:00:00.000Z');
    expect(buildReportRow({ ...base, votes: [] }).firstVoteAt).toBeUndefined();
  });
});
