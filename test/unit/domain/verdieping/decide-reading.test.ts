import type { CaseBundle } from '../../../../src/domain/case-bundle';
import type { Contribution } from '../../../../src/domain/contribution';
import { JOB_IDS, type DecisionContext } from '../../../../src/domain/decisions';
import { EMPTY_VERDIEPING, type VerdiepingDocs } from '../../../../src/domain/verdieping/bundle';
import {
  decideConfirmReading,
  decideHorizon,
  decideInvolvement,
  decideProposeReading,
  decideSafetyEntry,
  HORIZON_JOB_IDS,
  vtExpireJobId,
} from '../../../../src/domain/verdieping/decide-reading';
import { DEFAULT_RECEIVING_PARTIES } from '../../../../src/domain/verdieping/config';
import type { Involvement } from '../../../../src/domain/verdieping/people';
import type { PhaseState } from '../../../../src/domain/verdieping/phase';
import type { SafetyPlanEntry } from '../../../../src/domain/verdieping/safety-plan';
import type { ReadingVersion } from '../../../../src/domain/verdieping/shared-reading';
import { startConsultation } from '../../../../src/domain/vt/consultation';
import type { VtConsultationRecord } from '../../../../src/domain/vt/record';
import { sampleCase } from '../../cards/fixtures';

/**
 * Pure table tests of the shared reading's decisions (src/domain/verdieping/decide-reading.ts): a
 * bundle, the actor, the input and "now" in; the one commit's documents, audit line, jobs and the
 * case as it is left out. NOW is Monday 23 November 2026, 22:30 in Amsterdam.
 */
const NOW = '2026-11-23T21:30:00.000Z';
const CASE_ID = 'c0ffee12a9b8c7d6e5f4';
const om = { aadObjectId: 'aad-om', orgId: 'om' as const };
const politie = { aadObjectId: 'aad-politie', orgId: 'politie' as const };
const rvdk = { aadObjectId: 'aad-rvdk', orgId: 'rvdk' as const };
const SETTINGS = { maxDays: 42, reminderMinutesBefore: 60 };

function ctx(): DecisionContext {
  let n = 0;
  return { now: NOW, newAuditId: () => `audit-${++n}` };
}

function bundle(
  v: Partial<VerdiepingDocs> = {},
  over: { status?: 'open' | 'closed'; vt?: VtConsultationRecord; contributions?: Contribution[] } = {},
): CaseBundle {
  return {
    theCase: { body: sampleCase({ id: CASE_ID, status: over.status ?? 'open' }), etag: 'etag-case' },
    votes: [],
    contributions: over.contributions ?? [],
    ...(over.vt ? { vtConsultation: { body: over.vt, etag: 'etag-vt' } } : {}),
    verdieping: { ...EMPTY_VERDIEPING, ...v },
  };
}

/** A consultation asked at 22:00, waiting until the termijn (02:15). */
function consultation(): VtConsultationRecord {
  return {
    caseId: CASE_ID,
    seq: 3,
    regionId: 'utrecht',
    regionName: 'Utrecht',
    question: 'Is het gezin bekend?',
    askedBy: 'auto',
    state: startConsultation({
      askedAt: '2026-11-23T21:00:00.000Z',
      onCall: { primary: 'aad-vt', backup: 'aad-vt-2' },
      delays: { reminderMinutes: 15, backupMinutes: 30 },
      expiresAt: '2026-11-24T01:15:00.000Z',
    }),
    sent: {},
    answers: [],
  };
}

const inVerdieping = (at: string): PhaseState => ({
  caseId: CASE_ID,
  phase: 'verdieping',
  horizon: { at, reason: 'termijn_case' },
  timeline: [
    {
      at: '2026-11-23T20:00:00.000Z',
      event: 'verdieping_started',
      byUserId: 'aad-om',
      byOrg: 'om',
      horizon: { at, reason: 'termijn_case' },
    },
  ],
});

describe('decideHorizon (enter verdieping, move the horizon)', () => {
  const input = { reason: 'termijn_case' as const, date: '2026-11-25', time: '10:00' };
  const horizon = '2026-11-25T09:00:00.000Z';

  it('enter: the phase created, the case on the agenda at the horizon, the reminder an hour before and the refresh at it', () => {
    const d = decideHorizon(bundle(), { actor: om, chair: true, which: 'enter', input, settings: SETTINGS }, ctx());
    if (!d.ok) throw new Error(d.error);
    expect(d.value).toEqual({ at: horizon, changed: true });
    expect(d.decision.verdieping).toEqual([
      {
        kind: 'phase',
        id: 'phase',
        etag: null,
        body: expect.objectContaining({ phase: 'verdieping', horizon: { at: horizon, reason: 'termijn_case' } }),
      },
    ]);
    expect(d.decision.nextCase.reAgendaAt).toBe(horizon);
    expect(d.decision.audit).toEqual([
      expect.objectContaining({
        action: 'verdieping.started',
        actorId: 'aad-om',
        actorOrg: 'om',
        detail: { reason: 'termijn_case', at: horizon },
      }),
    ]);
    expect(d.decision.jobs.map((j) => [j.id, j.dueAt])).toEqual([
      [JOB_IDS.refreshCard, NOW],
      [HORIZON_JOB_IDS.reminder(horizon), '2026-11-25T08:00:00.000Z'],
      [HORIZON_JOB_IDS.passed(horizon), horizon],
    ]);
    expect(d.decision.vtConsultation).toBeUndefined();
    expect(d.after.verdieping?.phase?.body.phase).toBe('verdieping');
  });

  it('an open VT consultation waits until the new horizon: its expiry and the expiry job in the same decision', () => {
    const d = decideHorizon(
      bundle({}, { vt: consultation() }),
      { actor: om, chair: true, which: 'enter', input, settings: SETTINGS },
      ctx(),
    );
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.vtConsultation?.state.expiresAt).toBe(horizon);
    expect(d.after.vtConsultation?.state.expiresAt).toBe(horizon);
    expect(d.decision.jobs).toContainEqual({
      id: vtExpireJobId(3, horizon),
      type: 'vtExpire',
      dueAt: horizon,
      payload: { seq: 3 },
      mode: 'request',
    });
  });

  it('move: the phase replaced on the version read, the old moment in the audit, the consultation follows earlier too', () => {
    const vt = { ...consultation(), state: { ...consultation().state, expiresAt: horizon } };
    const b = bundle({ phase: { body: inVerdieping(horizon), etag: 'etag-phase' } }, { vt });
    const d = decideHorizon(
      b,
      { actor: om, chair: true, which: 'move', input: { reason: 'held_by_prosecutor', date: '2026-11-24', time: '14:00' }, settings: SETTINGS },
      ctx(),
    );
    if (!d.ok) throw new Error(d.error);
    const moved = '2026-11-24T13:00:00.000Z';
    expect(d.decision.verdieping?.[0]).toMatchObject({ kind: 'phase', etag: 'etag-phase' });
    expect(d.decision.audit[0]).toMatchObject({
      action: 'verdieping.horizon',
      detail: { reason: 'held_by_prosecutor', at: moved, previousAt: horizon },
    });
    expect(d.decision.vtConsultation?.state.expiresAt).toBe(moved);
    expect(d.decision.jobs.map((j) => j.id)).toContain(vtExpireJobId(3, moved));
  });

  it.each([
    [
      'a second start at the same moment: nothing to write',
      'enter',
      { phase: { body: inVerdieping(horizon), etag: 'e' } },
      input,
      { ok: true },
    ],
    [
      'a start at another moment while in verdieping',
      'enter',
      { phase: { body: inVerdieping(horizon), etag: 'e' } },
      { ...input, date: '2026-11-26' },
      'already_in_verdieping',
    ],
    ['a move while in zsm', 'move', {}, input, 'not_in_verdieping'],
    ['a moment in the past', 'enter', {}, { ...input, date: '2026-11-22' }, 'not_in_future'],
    ['more than the location allows ahead', 'enter', {}, { ...input, date: '2027-01-20' }, 'too_far'],
    ['a local time that does not exist (DST)', 'enter', {}, { ...input, date: '2027-03-28', time: '02:30' }, 'nonexistent_local_time'],
  ] as const)('%s', (_label, which, v, i, expected) => {
    const d = decideHorizon(bundle(v as Partial<VerdiepingDocs>), { actor: om, chair: true, which, input: i, settings: SETTINGS }, ctx());
    if (typeof expected === 'string') expect(d).toEqual({ ok: false, error: expected });
    else {
      if (!d.ok) throw new Error(d.error);
      expect(d.value.changed).toBe(false);
      expect(d.decision).toMatchObject({ votes: [], contributions: [], audit: [], jobs: [] });
      expect(d.decision.verdieping).toBeUndefined();
    }
  });

  it('refuses who is not the chair and a closed case', () => {
    expect(decideHorizon(bundle(), { actor: politie, chair: false, which: 'enter', input, settings: SETTINGS }, ctx())).toEqual({
      ok: false,
      error: 'not_chair',
    });
    expect(
      decideHorizon(bundle({}, { status: 'closed' }), { actor: om, chair: true, which: 'enter', input, settings: SETTINGS }, ctx()),
    ).toEqual({
      ok: false,
      error: 'case_closed',
    });
  });
});

const readingInput = (basedOn: number, over: Partial<ReadingVersion> = {}) => ({
  basedOn,
  whatHappened: 'Ruzie in de woning.',
  worries: 'Herhaald geweld.',
  protectiveFactors: 'Oma dichtbij.',
  unknowns: 'Eerdere meldingen.',
  sharedGoal: 'Veiligheid voor moeder en kinderen.',
  contributionIds: [] as string[],
  ...over,
});

const contribution = (id: string, orgId: Contribution['orgId'], visibleTo?: Contribution['visibleTo']): Contribution => ({
  id,
  caseId: CASE_ID,
  orgId,
  authorId: `aad-${orgId}`,
  text: 'Bekend sinds 2024.',
  source: 'own_system',
  needToKnow: 'Patroon.',
  createdAt: '2026-11-23T20:00:00.000Z',
  ...(visibleTo ? { visibleTo } : {}),
});

describe('decideProposeReading and decideConfirmReading', () => {
  const v1: ReadingVersion = {
    caseId: CASE_ID,
    ...readingInput(0),
    version: 1,
    proposedBy: { userId: 'aad-rvdk', orgId: 'rvdk' },
    proposedAt: '2026-11-23T20:00:00.000Z',
  };

  it('the next version is created with its audit line (ids and numbers, never the text) and the PII kinds confirmed', () => {
    const d = decideProposeReading(
      bundle({ readings: [{ body: v1, etag: 'e1' }] }),
      { actor: politie, input: readingInput(1, { worries: 'Andere zorgen.' }), detail: { piiConfirmed: 'phone' } },
      ctx(),
    );
    if (!d.ok) throw new Error(d.error);
    expect(d.value).toEqual({ version: 2, changed: true });
    expect(d.decision.verdieping).toEqual([
      { kind: 'reading', id: 'reading:v0002', etag: null, body: expect.objectContaining({ version: 2, basedOn: 1 }) },
    ]);
    expect(d.decision.audit[0]).toMatchObject({
      action: 'reading.proposed',
      detail: { version: 2, basedOn: 1, contributions: 0, piiConfirmed: 'phone' },
    });
    expect(JSON.stringify(d.decision.audit)).not.toContain('zorgen');
    expect(d.after.verdieping?.readings.map((r) => r.body.version)).toEqual([1, 2]);
  });

  it.each([
    ['started from an older version', readingInput(0, { worries: 'x' }), [], 'stale_base'],
    ['the same text again', readingInput(1), [], 'unchanged'],
    [
      'resting on a contribution the proposer may not read',
      readingInput(1, { contributionIds: ['c-vt'] }),
      [contribution('c-vt', 'vt', ['vt'])],
      'unknown_contribution',
    ],
    ['resting on a contribution that is not there', readingInput(1, { contributionIds: ['c-none'] }), [], 'unknown_contribution'],
  ] as const)('refuses a proposal %s', (_label, input, contributions, error) => {
    const b = bundle({ readings: [{ body: v1, etag: 'e1' }] }, { contributions: [...contributions] });
    expect(decideProposeReading(b, { actor: politie, input: { ...input, contributionIds: [...input.contributionIds] } }, ctx())).toEqual({
      ok: false,
      error,
    });
  });

  it('a reading may rest on a contribution the proposer may read', () => {
    const b = bundle({ readings: [{ body: v1, etag: 'e1' }] }, { contributions: [contribution('c-pol', 'politie')] });
    const d = decideProposeReading(b, { actor: politie, input: readingInput(1, { contributionIds: ['c-pol'] }) }, ctx());
    expect(d.ok && d.decision.audit[0].detail).toMatchObject({ contributions: 1 });
  });

  it('the chair confirms: the version replaced on its etag; confirming it again writes nothing', () => {
    const d = decideConfirmReading(bundle({ readings: [{ body: v1, etag: 'e1' }] }), { actor: om, chair: true, version: 1 }, ctx());
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.verdieping).toEqual([
      { kind: 'reading', id: 'reading:v0001', etag: 'e1', body: expect.objectContaining({ confirmed: { userId: 'aad-om', at: NOW } }) },
    ]);
    expect(d.decision.audit[0]).toMatchObject({ action: 'reading.confirmed', detail: { version: 1 } });
    const confirmed = d.after.verdieping?.readings[0];
    const again = decideConfirmReading(
      bundle({ readings: [{ body: confirmed!.body, etag: 'e2' }] }),
      { actor: om, chair: true, version: 1 },
      ctx(),
    );
    expect(again.ok && again.value.changed).toBe(false);
    expect(again.ok && again.decision.audit).toEqual([]);
  });

  it.each([
    ['not the chair', false, 1, 'not_chair'],
    ['a version that does not exist', true, 7, 'no_such_version'],
  ] as const)('refuses confirming: %s', (_l, chair, version, error) => {
    expect(decideConfirmReading(bundle({ readings: [{ body: v1, etag: 'e1' }] }), { actor: om, chair, version }, ctx())).toEqual({
      ok: false,
      error,
    });
  });
});

describe('decidePersonDoc: the safety-plan entry and the involvement (one document per person)', () => {
  const safetyInput = {
    personRef: 'kind-1',
    holderOrg: 'vt' as const,
    receivingPartyId: DEFAULT_RECEIVING_PARTIES[0].id,
    measure: 'Plan met moeder',
    status: 'running' as const,
    checkDate: '2026-12-01',
  };
  const parties = DEFAULT_RECEIVING_PARTIES;

  it('a first entry is inserted (etag null) with its audit detail; a change replaces it on the etag read', () => {
    const d = decideSafetyEntry(
      bundle(),
      { actor: rvdk, input: safetyInput, receivingParties: parties, detail: { piiConfirmed: 'name' } },
      ctx(),
    );
    if (!d.ok) throw new Error(d.error);
    expect(d.value).toEqual({ personRef: 'kind-1', changed: true });
    expect(d.decision.verdieping).toEqual([
      { kind: 'safetyplan', id: 'safety:kind-1', etag: null, body: expect.objectContaining({ personRef: 'kind-1', status: 'running' }) },
    ]);
    expect(d.decision.audit[0]).toMatchObject({
      action: 'safetyPlan.set',
      actorOrg: 'rvdk',
      detail: { personRef: 'kind-1', holderOrg: 'vt', status: 'running', receivingPartyId: parties[0].id, piiConfirmed: 'name' },
    });
    expect(JSON.stringify(d.decision.audit)).not.toContain('moeder');
    const entry = d.after.verdieping?.safetyPlan[0].body as SafetyPlanEntry;
    const changed = decideSafetyEntry(
      bundle({ safetyPlan: [{ body: entry, etag: 'e-s' }] }),
      { actor: politie, input: { ...safetyInput, status: 'realised' }, receivingParties: parties },
      ctx(),
    );
    expect(changed.ok && changed.decision.verdieping).toEqual([
      expect.objectContaining({
        id: 'safety:kind-1',
        etag: 'e-s',
        body: expect.objectContaining({ status: 'realised', updatedBy: { userId: 'aad-politie', orgId: 'politie' } }),
      }),
    ]);
    const same = decideSafetyEntry(
      bundle({ safetyPlan: [{ body: entry, etag: 'e-s' }] }),
      { actor: politie, input: safetyInput, receivingParties: parties },
      ctx(),
    );
    expect(same.ok && [same.value.changed, same.decision.audit.length, same.decision.jobs.length]).toEqual([false, 0, 0]);
  });

  it.each([
    ['a person the case does not have', { ...safetyInput, personRef: 'kind-3' }, 'unknown_person'],
    ['a receiving party the location does not have', { ...safetyInput, receivingPartyId: 'onbekend' }, 'unknown_receiving_party'],
  ] as const)('refuses %s', (_l, input, error) => {
    expect(decideSafetyEntry(bundle(), { actor: rvdk, input, receivingParties: parties }, ctx())).toEqual({ ok: false, error });
  });

  it('an involvement: inserted, then replaced; the fields set are listed in the audit, never the wishes', () => {
    const input = { personRef: 'slachtoffer-1', violenceForm: 'partner_violence' as const, wishes: 'Wil dat hij hulp krijgt', informed: true };
    const d = decideInvolvement(bundle(), { actor: politie, input }, ctx());
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.verdieping).toEqual([
      {
        kind: 'involvement',
        id: 'involvement:slachtoffer-1',
        etag: null,
        body: expect.objectContaining({ violenceForm: 'partner_violence', source: 'card' }),
      },
    ]);
    expect(d.decision.audit[0]).toMatchObject({
      action: 'involvement.set',
      detail: { personRef: 'slachtoffer-1', fields: 'informed,violenceForm,wishes' },
    });
    expect(JSON.stringify(d.decision.audit)).not.toContain('hulp');
    const stored = d.after.verdieping?.involvements[0].body as Involvement;
    const again = decideInvolvement(bundle({ involvements: [{ body: stored, etag: 'e-i' }] }), { actor: politie, input }, ctx());
    expect(again.ok && again.value.changed).toBe(false);
    const spoken = decideInvolvement(
      bundle({ involvements: [{ body: stored, etag: 'e-i' }] }),
      { actor: rvdk, input: { personRef: 'slachtoffer-1', spokenBy: 'rvdk' } },
      ctx(),
    );
    expect(spoken.ok && spoken.decision.verdieping?.[0]).toMatchObject({
      etag: 'e-i',
      body: { spokenTo: { byOrg: 'rvdk', recordedAt: NOW } },
    });
  });

  it('refuses an unknown person and any per-person change on a closed case', () => {
    expect(decideInvolvement(bundle(), { actor: politie, input: { personRef: 'kind-9', informed: true } }, ctx())).toEqual({
      ok: false,
      error: 'unknown_person',
    });
    expect(
      decideInvolvement(bundle({}, { status: 'closed' }), { actor: politie, input: { personRef: 'kind-1', informed: true } }, ctx()),
    ).toEqual({
      ok: false,
      error: 'case_closed',
    });
    expect(
      decideSafetyEntry(bundle({}, { status: 'closed' }), { actor: politie, input: safetyInput, receivingParties: parties }, ctx()),
    ).toEqual({
      ok: false,
      error: 'case_closed',
    });
  });
});
