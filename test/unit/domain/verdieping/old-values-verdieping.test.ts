import { personSchema } from '../../../../src/domain/persons';
import {
  OLD_DECLINE_REASON,
  OLD_HORIZON_REASON,
  OLD_INVOLVEMENT_SOURCE,
  OLD_MEASURE_TYPE,
  OLD_PHASE_EVENT,
  OLD_RELATIONSHIP,
  OLD_RISK_ASSESSMENT_STATUS,
  OLD_RISK_LEVEL,
  OLD_SAFETY_STATUS,
  OLD_VIOLENCE_FORM,
  normalizeInfoRequest,
  normalizeInvolvement,
  normalizeMeasure,
  normalizePhase,
  normalizeRiskAssessment,
  normalizeSafetyPlanEntry,
} from '../../../../src/domain/old-values-verdieping';
import { RISK_LEVELS, safetyEscalationPolicySchema } from '../../../../src/domain/verdieping/config';
import { DECLINE_REASONS, declineInputSchema, type InfoRequest } from '../../../../src/domain/verdieping/info-request';
import { RELATIONSHIPS, VIOLENCE_FORMS, involvementInputSchema, type Involvement } from '../../../../src/domain/verdieping/people';
import { HORIZON_REASONS, horizonInputSchema, type PhaseState } from '../../../../src/domain/verdieping/phase';
import { SAFETY_STATUSES, safetyEntryInputSchema, type SafetyPlanEntry } from '../../../../src/domain/verdieping/safety-plan';
import {
  MEASURE_TYPES,
  measureInputSchema,
  riskOutcomeInputSchema,
  type RiskAssessment,
  type RunningMeasure,
} from '../../../../src/domain/verdieping/safety-signals';

const AT = '2026-11-23T21:00:00.000Z';
const entries = (t: Readonly<Record<string, string>>) => Object.entries(t);

/** Bodies as an old document holds them: the enum fields are given as plain strings. */
const safety = (status: string) =>
  ({
    caseId: 'c1',
    personRef: 'kind-1',
    holder: { orgId: 'vt' },
    measure: 'Plan',
    status,
    checkDate: '2026-12-01',
    updatedAt: AT,
    updatedBy: { userId: 'u', orgId: 'vt' },
  }) as unknown as SafetyPlanEntry;
const involvement = (violenceForm: string, relationship: string, source: string) =>
  ({ caseId: 'c1', personRef: 'kind-1', violenceForm, relationship, source, informed: true, updatedAt: AT }) as unknown as Involvement;
const question = (reason: string) =>
  ({
    id: 'q1',
    caseId: 'c1',
    fromOrg: 'politie',
    askedBy: 'u',
    toOrg: 'vt',
    question: 'Bekend?',
    status: 'declined',
    askedAt: AT,
    decline: { reason, note: 'Zie dossier' },
  }) as unknown as InfoRequest;
const risk = (status: string, level?: string) =>
  ({
    id: 'r1',
    caseId: 'c1',
    instrument: 'SASH',
    fromOrg: '3ro',
    requestedBy: { userId: 'u', orgId: 'om' },
    requestedAt: AT,
    status,
    ...(level ? { outcome: { level, date: '2026-11-23', recordedAt: AT, recordedBy: 'u3' } } : {}),
  }) as unknown as RiskAssessment;
const measure = (type: string) =>
  ({
    id: 'm1',
    caseId: 'c1',
    type,
    holderOrg: 'om',
    until: '2026-12-31',
    createdAt: AT,
    createdBy: { userId: 'u', orgId: 'om' },
    violations: [],
  }) as unknown as RunningMeasure;
const phase = (events: [string, string][], reason: string) =>
  ({
    caseId: 'c1',
    phase: 'verdieping',
    horizon: { at: AT, reason, note: 'n' },
    timeline: events.map(([event, r], i) => ({
      at: AT,
      event,
      byUserId: 'u',
      byOrg: 'om',
      horizon: { at: AT, reason: r },
      previousAt: i ? AT : undefined,
    })),
  }) as unknown as PhaseState;

describe('the tables: every old value maps to a current one, and no old value is still current', () => {
  it.each([
    ['safety status', OLD_SAFETY_STATUS, SAFETY_STATUSES],
    ['relationship', OLD_RELATIONSHIP, RELATIONSHIPS],
    ['violence form', OLD_VIOLENCE_FORM, VIOLENCE_FORMS],
    ['decline reason', OLD_DECLINE_REASON, DECLINE_REASONS],
    ['risk level', OLD_RISK_LEVEL, RISK_LEVELS],
    ['measure type', OLD_MEASURE_TYPE, MEASURE_TYPES],
    ['horizon reason', OLD_HORIZON_REASON, HORIZON_REASONS],
    ['risk request status', OLD_RISK_ASSESSMENT_STATUS, ['asked', 'completed']],
    ['phase event', OLD_PHASE_EVENT, ['verdieping_started', 'horizon_moved']],
    ['involvement source', OLD_INVOLVEMENT_SOURCE, ['intake', 'card']],
  ] as const)('%s', (_, table, current) => {
    for (const [old, now] of entries(table)) {
      expect(current).toContain(now);
      expect(current).not.toContain(old);
    }
  });
});

describe('old documents read with the new values', () => {
  it.each(entries(OLD_SAFETY_STATUS))('safety status %s reads as %s', (old, now) => {
    const r = normalizeSafetyPlanEntry(safety(old));
    expect(r).toEqual({ ...safety(old), status: now });
  });

  it.each(entries(OLD_VIOLENCE_FORM))('violence form %s reads as %s', (old, now) => {
    expect(normalizeInvolvement(involvement(old, 'partner', 'intake'))).toEqual(involvement(now, 'partner', 'intake'));
  });

  it.each(entries(OLD_RELATIONSHIP))('relationship %s reads as %s, source kaart as card', (old, now) => {
    expect(normalizeInvolvement(involvement('partner_violence', old, 'kaart'))).toEqual(involvement('partner_violence', now, 'card'));
  });

  it.each(entries(OLD_DECLINE_REASON))('decline reason %s reads as %s, the note kept', (old, now) => {
    expect(normalizeInfoRequest(question(old))).toEqual(question(now));
  });

  it.each(entries(OLD_RISK_LEVEL))('risk outcome level %s reads as %s, status afgerond as completed', (old, now) => {
    expect(normalizeRiskAssessment(risk('afgerond', old))).toEqual(risk('completed', now));
  });

  it('risk request status gevraagd reads as asked (no outcome yet)', () => {
    expect(normalizeRiskAssessment(risk('gevraagd'))).toEqual(risk('asked'));
  });

  it.each(entries(OLD_MEASURE_TYPE))('measure type %s reads as %s', (old, now) => {
    expect(normalizeMeasure(measure(old))).toEqual(measure(now));
  });

  it.each(entries(OLD_HORIZON_REASON))('horizon reason %s reads as %s (the current horizon and the timeline)', (old, now) => {
    const r = normalizePhase(
      phase(
        [
          ['verdieping_gestart', 'termijnzaak'],
          ['horizon_verschoven', old],
        ],
        old,
      ),
    );
    expect(r).toEqual(
      phase(
        [
          ['verdieping_started', 'termijn_case'],
          ['horizon_moved', now],
        ],
        now,
      ),
    );
  });

  it('a phase document with only old events (current reasons) gets the new events', () => {
    expect(normalizePhase(phase([['verdieping_gestart', 'other']], 'other')).timeline[0].event).toBe('verdieping_started');
  });
});

describe('a current document comes back as the same object', () => {
  it.each([
    ['safety', () => safety('running'), normalizeSafetyPlanEntry],
    ['safety without status', () => ({ ...safety('running'), status: undefined }) as SafetyPlanEntry, normalizeSafetyPlanEntry],
    ['involvement', () => involvement('child_abuse', 'child', 'card'), normalizeInvolvement],
    [
      'involvement without codes',
      () => ({ caseId: 'c1', personRef: 'kind-1', source: 'card', updatedAt: AT }) as Involvement,
      normalizeInvolvement,
    ],
    ['open question', () => ({ ...question('other'), status: 'open', decline: undefined }) as InfoRequest, normalizeInfoRequest],
    ['declined question', () => question('consent_needed'), normalizeInfoRequest],
    ['risk asked', () => risk('asked'), normalizeRiskAssessment],
    ['risk completed', () => risk('completed', 'high'), normalizeRiskAssessment],
    ['measure', () => measure('contact_ban'), normalizeMeasure],
    [
      'phase',
      () =>
        phase(
          [
            ['verdieping_started', 'termijn_case'],
            ['horizon_moved', 'other'],
          ],
          'other',
        ),
      normalizePhase,
    ],
    ['phase zsm', () => ({ caseId: 'c1', phase: 'zsm', timeline: [] }) as PhaseState, normalizePhase],
  ] as const)('%s', (_, make, normalize) => {
    const doc = make();
    expect((normalize as (d: unknown) => unknown)(doc)).toBe(doc);
  });
});

describe('the zod edge takes old values (cards posted before, the intake, deployed roster files) as the new ones', () => {
  it('card submits', () => {
    const safetyIn = { personRef: 'kind-1', holderOrg: 'vt', measure: 'Plan', checkDate: '2026-12-01' };
    expect(safetyEntryInputSchema.parse({ ...safetyIn, status: 'loopt' }).status).toBe('running');
    expect(safetyEntryInputSchema.parse({ ...safetyIn, status: 'realised' }).status).toBe('realised');
    expect(safetyEntryInputSchema.safeParse({ ...safetyIn, status: 'bezig' }).success).toBe(false);
    expect(
      involvementInputSchema.parse({ personRef: 'kind-1', violenceForm: 'kind_ouder_geweld', relationship: 'ander_familielid' }),
    ).toEqual({
      personRef: 'kind-1',
      violenceForm: 'child_to_parent_violence',
      relationship: 'other_relative',
    });
    expect(declineInputSchema.parse({ requestId: 'q1', reason: 'geen_grondslag' }).reason).toBe('no_legal_basis');
    // the old "anders" is "other", so it still needs a note
    expect(declineInputSchema.safeParse({ requestId: 'q1', reason: 'anders' }).success).toBe(false);
    expect(declineInputSchema.parse({ requestId: 'q1', reason: 'anders', note: 'Via de rechter.' }).reason).toBe('other');
    expect(riskOutcomeInputSchema.parse({ assessmentId: 'r1', level: 'hoog', date: '2026-11-23' }).level).toBe('high');
    expect(measureInputSchema.parse({ type: 'tijdelijk_huisverbod', holderOrg: 'politie', until: '2026-12-01' }).type).toBe(
      'temporary_house_ban',
    );
    expect(horizonInputSchema.parse({ reason: 'veiligheidsplan_controleren', date: '2026-12-01' }).reason).toBe('check_safety_plan');
    expect(horizonInputSchema.safeParse({ reason: 12, date: '2026-12-01' }).success).toBe(false);
  });

  it('the intake person and the roster policy', () => {
    expect(personSchema.parse({ role: 'slachtoffer', violenceForm: 'partnergeweld', relationship: 'ex_partner' })).toEqual({
      role: 'slachtoffer',
      violenceForm: 'partner_violence',
      relationship: 'ex_partner',
    });
    expect(safetyEscalationPolicySchema.parse({ riskLevels: ['gemiddeld', 'high'] }).riskLevels).toEqual(['medium', 'high']);
    expect(safetyEscalationPolicySchema.parse({}).riskLevels).toEqual(['high']);
    expect(safetyEscalationPolicySchema.safeParse({ riskLevels: ['zeer_hoog'] }).success).toBe(false);
  });
});
