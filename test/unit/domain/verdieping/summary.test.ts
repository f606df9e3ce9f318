import { initialPhase } from '../../../../src/domain/verdieping/phase';
import type { RiskAssessment } from '../../../../src/domain/verdieping/safety-signals';
import { amsterdamDate, summarizeVerdieping, type SummaryInput } from '../../../../src/domain/verdieping/summary';
import { chair, family, politie, vt } from './fixtures';

const DEADLINE = '2026-11-24T02:15:00.000Z';
const empty: SummaryInput = {
  phase: null,
  deadline: DEADLINE,
  persons: family,
  readings: [],
  safetyPlan: [],
  infoRequests: [],
  riskAssessments: [],
  measures: [],
  involvements: [],
};
const sash: RiskAssessment = {
  id: 'risk:1',
  caseId: 'c1',
  instrument: 'SASH',
  fromOrg: 'politie',
  requestedBy: { userId: 'u', orgId: 'om' },
  requestedAt: DEADLINE,
  status: 'asked',
};

describe('the verdieping summary', () => {
  it('in zsm after the termijn: the next moment is the passed termijn; every person still lacks a holder', () => {
    const s = summarizeVerdieping({ ...empty, phase: initialPhase('c1') }, vt, '2026-11-24T03:00:00.000Z');
    expect(s.next).toEqual({ kind: 'termijn', at: DEADLINE, state: 'passed' });
    expect(s.safety.withoutHolder).toEqual(['slachtoffer-1', 'kind-1', 'kind-2']);
    expect(s.reading).toEqual({ pending: 0 });
    expect(s.askedOfMe).toEqual([]);
  });

  it('asks the organisation that must carry out an instrument for its outcome, and nobody else', () => {
    expect(summarizeVerdieping({ ...empty, riskAssessments: [sash] }, politie, DEADLINE).askedOfMe).toEqual([
      { kind: 'risk_outcome', assessmentId: 'risk:1', instrument: 'SASH' },
    ]);
    expect(summarizeVerdieping({ ...empty, riskAssessments: [sash] }, chair, DEADLINE).askedOfMe).toEqual([]);
    expect(summarizeVerdieping({ ...empty, riskAssessments: [{ ...sash, status: 'completed' }] }, politie, DEADLINE).askedOfMe).toEqual([]);
  });

  it('the Dutch date of an instant follows Amsterdam, not UTC', () => {
    expect(amsterdamDate('2026-11-24T23:30:00.000Z')).toBe('2026-11-25');
    expect(amsterdamDate('2026-07-01T21:59:00.000Z')).toBe('2026-07-01');
    expect(amsterdamDate('2026-07-01T22:00:00.000Z')).toBe('2026-07-02');
  });
});
