import {
  DEFAULT_VERDIEPING_CONFIG,
  instrumentsOf,
  verdiepingConfigSchema,
  type SafetyEscalationPolicy,
} from '../../../../src/domain/verdieping/config';
import {
  addMeasure,
  decideSafetyEscalation,
  measureInputSchema,
  recordRiskOutcome,
  reportViolation,
  requestRisk,
  runningMeasures,
  type RiskAssessment,
  type RunningMeasure,
} from '../../../../src/domain/verdieping/safety-signals';
import { chair, politie, rvdk, vt } from './fixtures';

const NOW = '2026-11-24T10:00:00.000Z';
const instruments = instrumentsOf(verdiepingConfigSchema.parse({ extraInstruments: ['MASIC'] }));

function risk(over: Partial<RiskAssessment> = {}): RiskAssessment {
  const r = requestRisk({
    id: 'risk:1',
    caseId: 'c1',
    caseOpen: true,
    instruments,
    existing: [],
    actor: chair,
    input: { instrument: 'sash', fromOrg: 'politie' },
    now: NOW,
  });
  if (!r.ok) throw new Error(r.error);
  return { ...r.assessment, ...over };
}

function measure(): RunningMeasure {
  const r = addMeasure({
    id: 'measure:1',
    caseId: 'c1',
    caseOpen: true,
    actor: chair,
    input: { type: 'location_ban', holderOrg: 'om', until: '2027-02-24' },
    todayLocal: '2026-11-24',
    now: NOW,
  });
  if (!r.ok) throw new Error(r.error);
  return r.measure;
}

describe('risk instruments', () => {
  it('are requested from an organisation by their configured name (SASH, B-SAFER, RiHG and extra ones)', () => {
    expect(risk()).toEqual({
      id: 'risk:1',
      caseId: 'c1',
      instrument: 'SASH',
      fromOrg: 'politie',
      requestedBy: { userId: 'u-chair', orgId: 'om' },
      requestedAt: NOW,
      status: 'asked',
    });
    const masic = requestRisk({
      id: 'r2',
      caseId: 'c1',
      caseOpen: true,
      instruments,
      existing: [],
      actor: chair,
      input: { instrument: 'MASIC', fromOrg: 'vt' },
      now: NOW,
    });
    expect(masic.ok && masic.assessment.instrument).toBe('MASIC');
    expect(
      requestRisk({
        id: 'r3',
        caseId: 'c1',
        caseOpen: true,
        instruments: instrumentsOf(DEFAULT_VERDIEPING_CONFIG),
        existing: [],
        actor: chair,
        input: { instrument: 'MASIC', fromOrg: 'vt' },
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      error: 'unknown_instrument',
    });
    expect(
      requestRisk({
        id: 'r4',
        caseId: 'c1',
        caseOpen: true,
        instruments,
        existing: [risk()],
        actor: rvdk,
        input: { instrument: 'SASH', fromOrg: 'politie' },
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      error: 'already_requested',
    });
    expect(
      requestRisk({
        id: 'r5',
        caseId: 'c1',
        caseOpen: false,
        instruments,
        existing: [],
        actor: rvdk,
        input: { instrument: 'SASH', fromOrg: 'politie' },
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      error: 'case_closed',
    });
  });

  it('the asked organisation records level and date; again the same is unchanged, a different one refused', () => {
    const r = recordRiskOutcome({
      assessment: risk(),
      actor: politie,
      level: 'high',
      date: '2026-11-24',
      todayLocal: '2026-11-24',
      now: NOW,
    });
    expect(r.ok && r.assessment).toMatchObject({
      status: 'completed',
      outcome: { level: 'high', date: '2026-11-24', recordedBy: 'u-politie' },
    });
    const done = r.ok ? r.assessment : risk();
    expect(
      recordRiskOutcome({ assessment: done, actor: politie, level: 'high', date: '2026-11-24', todayLocal: '2026-11-25', now: NOW }),
    ).toMatchObject({ ok: true, changed: false });
    expect(
      recordRiskOutcome({ assessment: done, actor: politie, level: 'low', date: '2026-11-24', todayLocal: '2026-11-25', now: NOW }),
    ).toEqual({ ok: false, error: 'already_recorded' });
    expect(
      recordRiskOutcome({ assessment: risk(), actor: vt, level: 'high', date: '2026-11-24', todayLocal: '2026-11-24', now: NOW }),
    ).toEqual({ ok: false, error: 'not_asked_org' });
    expect(
      recordRiskOutcome({ assessment: risk(), actor: politie, level: 'high', date: '2026-11-25', todayLocal: '2026-11-24', now: NOW }),
    ).toEqual({ ok: false, error: 'date_in_future' });
  });
});

describe('running measures and violations', () => {
  it('records type, holder and until; a measure ending in the past is refused', () => {
    expect(measure()).toMatchObject({ type: 'location_ban', holderOrg: 'om', until: '2027-02-24', violations: [] });
    expect(
      addMeasure({
        id: 'm',
        caseId: 'c1',
        caseOpen: true,
        actor: chair,
        input: { type: 'contact_ban', holderOrg: 'om', until: '2026-11-23' },
        todayLocal: '2026-11-24',
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      error: 'until_in_past',
    });
    expect(measureInputSchema.safeParse({ type: 'enkelband', holderOrg: 'om', until: '2027-01-01' }).success).toBe(false);
    expect(runningMeasures([measure()], '2027-02-24')).toHaveLength(1);
    expect(runningMeasures([measure()], '2027-02-25')).toHaveLength(0);
  });

  it('a violation is recorded once per moment and organisation (a re-delivered report changes nothing)', () => {
    const first = reportViolation({
      measure: measure(),
      caseOpen: true,
      actor: politie,
      at: '2026-11-24T08:30:00+01:00',
      violationLocalDate: '2026-11-24',
      now: NOW,
    });
    expect(first.ok && first.violation).toEqual({
      id: 'violation:2026-11-24T07:30:00.000Z:politie',
      at: '2026-11-24T07:30:00.000Z',
      reportedAt: NOW,
      reportedBy: { userId: 'u-politie', orgId: 'politie' },
    });
    const m = first.ok ? first.measure : measure();
    const again = reportViolation({
      measure: m,
      caseOpen: true,
      actor: politie,
      at: '2026-11-24T07:30:00.000Z',
      violationLocalDate: '2026-11-24',
      now: NOW,
    });
    expect(again.ok && again.changed).toBe(false);
    expect(again.ok && again.measure.violations).toHaveLength(1);
  });

  it.each([
    ['in the future', { at: '2026-11-24T10:00:01.000Z' }, 'in_future'],
    ['after the measure ended', { at: '2026-11-24T09:00:00.000Z', violationLocalDate: '2027-02-25' }, 'measure_ended'],
    ['on a closed case', { caseOpen: false }, 'case_closed'],
  ])('refuses a violation %s', (_what, over, error) => {
    expect(
      reportViolation({
        measure: measure(),
        caseOpen: true,
        actor: politie,
        at: '2026-11-24T09:00:00.000Z',
        violationLocalDate: '2026-11-24',
        now: NOW,
        ...over,
      }),
    ).toEqual({ ok: false, error });
  });
});

describe('the safety rules of the escalation policy', () => {
  const policy: SafetyEscalationPolicy = DEFAULT_VERDIEPING_CONFIG.safetyEscalation;
  const violated = (): RunningMeasure => {
    const r = reportViolation({
      measure: measure(),
      caseOpen: true,
      actor: politie,
      at: '2026-11-24T09:00:00.000Z',
      violationLocalDate: '2026-11-24',
      now: NOW,
    });
    return r.ok ? r.measure : measure();
  };
  const outcome = (level: 'low' | 'medium' | 'high') =>
    risk({ status: 'completed', outcome: { level, date: '2026-11-24', recordedAt: NOW, recordedBy: 'u-politie' } });
  const base = {
    assessments: [] as RiskAssessment[],
    measures: [] as RunningMeasure[],
    caseStatus: 'open' as const,
    escalatedAlready: false,
  };

  it.each([
    ['nothing', {}, policy, { escalate: false }],
    ['a measure without violation', { measures: [measure()] }, policy, { escalate: false }],
    [
      'a violation',
      { measures: [violated()] },
      policy,
      { escalate: true, rule: 'measure_violation', orgs: ['politie'], measureIds: ['measure:1'], assessmentIds: [] },
    ],
    [
      'a high risk outcome',
      { assessments: [outcome('high')] },
      policy,
      { escalate: true, rule: 'high_risk', orgs: ['politie'], measureIds: [], assessmentIds: ['risk:1'] },
    ],
    ['a medium outcome by default', { assessments: [outcome('medium')] }, policy, { escalate: false }],
    [
      'a medium outcome where configured',
      { assessments: [outcome('medium')] },
      { riskLevels: ['medium', 'high'], violation: true } as SafetyEscalationPolicy,
      { escalate: true, rule: 'high_risk' },
    ],
    ['a requested instrument without outcome', { assessments: [risk()] }, policy, { escalate: false }],
    [
      'both: the violation comes first',
      { assessments: [outcome('high')], measures: [violated()] },
      policy,
      { escalate: true, rule: 'measure_violation' },
    ],
    [
      'a violation with the rule switched off',
      { measures: [violated()] },
      { riskLevels: ['high'], violation: false } as SafetyEscalationPolicy,
      { escalate: false },
    ],
    [
      'a high outcome with the rule switched off',
      { assessments: [outcome('high')] },
      { riskLevels: [], violation: true } as SafetyEscalationPolicy,
      { escalate: false },
    ],
    ['a closed case', { measures: [violated()], caseStatus: 'closed' as const }, policy, { escalate: false }],
    ['a case escalated already', { measures: [violated()], escalatedAlready: true }, policy, { escalate: false }],
  ])('%s', (_what, over, p, expected) => {
    expect(decideSafetyEscalation({ ...base, ...over }, p)).toMatchObject(expected);
  });

  it('the configuration has defaults and refuses duplicates', () => {
    expect(DEFAULT_VERDIEPING_CONFIG.safetyEscalation).toEqual({ riskLevels: ['high'], violation: true });
    expect(verdiepingConfigSchema.safeParse({ extraInstruments: ['sash'] }).success).toBe(false);
    expect(
      verdiepingConfigSchema.safeParse({
        receivingParties: [
          { id: 'a', name: 'A' },
          { id: 'a', name: 'B' },
        ],
      }).success,
    ).toBe(false);
    expect(verdiepingConfigSchema.safeParse({ safetyEscalation: { riskLevels: ['extreem'] } }).success).toBe(false);
  });
});
