import type { AdviceRecord } from '../../../../src/domain/advice/types';
import { outcomeInputSchema, type OutcomeInput } from '../../../../src/domain/aftercare/outcome';
import { meetingReminderJobId } from '../../../../src/domain/aftercare/meeting';
import type { CaseBundle } from '../../../../src/domain/case-bundle';
import { ADVICE_JOB_IDS, JOB_IDS, type DecisionContext } from '../../../../src/domain/decisions';
import {
  decideMeetingMoment,
  decideOutcome,
  decidePrepared,
  outcomeFeedbackJobId,
} from '../../../../src/domain/decisions/aftercare-decisions';
import { decideVtRegion } from '../../../../src/domain/decisions/vt-region';
import type { EscalationRecord } from '../../../../src/domain/escalation-record';
import { sampleCase } from '../../cards/fixtures';

/**
 * Pure table tests of the Actieoverleg meeting, voorbereid and outcome decisions and of the desk's VT
 * region: a bundle, the actor, the input and "now" in; the escalation as it is left, the case, the
 * audit line and the jobs of the one commit out.
 */
const CASE_ID = 'c0ffee12a9b8c7d6e5f4';
const SET_AT = '2026-04-01T06:00:00.000Z'; // Wednesday 08:00 in Amsterdam, before the 09:00 reminder of the day before
const vt = { aadObjectId: 'aad-vt', orgId: 'vt' as const };
const politie = { aadObjectId: 'aad-politie', orgId: 'politie' as const };
const om = { aadObjectId: 'aad-om', orgId: 'om' as const };

const ctx = (now: string): DecisionContext => {
  let n = 0;
  return { now, newAuditId: () => `audit-${++n}` };
};

const ESCALATION: EscalationRecord = {
  caseId: CASE_ID,
  at: '2026-04-01T07:00:00.000Z',
  rule: 'acute_unsafe',
  orgs: ['politie'],
  reasons: [],
  question: 'Wat is nodig om de kinderen veilig te houden?',
  attendees: ['politie', 'om', 'vt'],
  caseOwner: { orgId: 'vt', aadObjectId: 'aad-vt', at: '2026-04-01T07:30:00.000Z' },
};

function bundle(over: { escalation?: EscalationRecord | null; status?: 'open' | 'closed'; advice?: AdviceRecord } = {}): CaseBundle {
  const e = over.escalation === undefined ? ESCALATION : over.escalation;
  return {
    theCase: { body: sampleCase({ id: CASE_ID, status: over.status ?? 'open', actions: [] }), etag: 'etag-case' },
    votes: [],
    contributions: [],
    ...(e ? { escalation: { body: e, etag: 'etag-esc' } } : {}),
    ...(over.advice ? { advice: { body: over.advice, etag: 'etag-adv' } } : {}),
  };
}

const moment = { date: '2026-04-02', time: '14:00', place: 'ZSM-locatie' };

/** The escalation with a meeting set by the casusverantwoordelijke (Thursday 14:00 = 12:00 UTC). */
function withMeeting(): EscalationRecord {
  const d = decideMeetingMoment(bundle(), { actor: vt, input: moment, reminderLocalTime: '09:00' }, ctx(SET_AT));
  if (!d.ok) throw new Error(d.error);
  return d.after.escalation as EscalationRecord;
}

describe('decideMeetingMoment', () => {
  it('the casusverantwoordelijke sets the moment: the escalation replaced, the AO refresh and the day-before reminder', () => {
    const d = decideMeetingMoment(bundle(), { actor: vt, input: moment, reminderLocalTime: '09:00' }, ctx(SET_AT));
    if (!d.ok) throw new Error(d.error);
    expect(d.value).toEqual({ at: '2026-04-02T12:00:00.000Z', reminderAt: '2026-04-01T07:00:00.000Z' });
    expect(d.decision.escalationUpdate?.meeting).toMatchObject({
      revision: 1,
      at: '2026-04-02T12:00:00.000Z',
      invitees: ['politie', 'om', 'vt'],
    });
    // The case itself is written unchanged (conditional on the version read: the commit is serialised with other changes).
    expect(d.decision.nextCase).toEqual(bundle().theCase.body);
    expect(d.decision.audit).toEqual([
      expect.objectContaining({
        action: 'actieoverleg.meeting',
        actorId: 'aad-vt',
        detail: { revision: '1', at: '2026-04-02T12:00:00.000Z', via: 'place' },
      }),
    ]);
    expect(d.decision.jobs).toEqual([
      { id: JOB_IDS.refreshActieoverleg, type: 'refreshActieoverleg', dueAt: SET_AT, mode: 'request' },
      {
        id: meetingReminderJobId(CASE_ID, 1),
        type: 'meetingReminder',
        dueAt: '2026-04-01T07:00:00.000Z',
        payload: { revision: 1 },
        mode: 'ensure',
      },
    ]);
    expect(d.after.escalation?.meeting?.revision).toBe(1);
  });

  it('moving the moment bumps the revision, so the old reminder knows it is stale', () => {
    const d = decideMeetingMoment(
      bundle({ escalation: withMeeting() }),
      { actor: vt, input: { ...moment, time: '15:00' }, reminderLocalTime: '09:00' },
      ctx(SET_AT),
    );
    expect(d.ok && d.decision.jobs.map((j) => j.id)).toContain(meetingReminderJobId(CASE_ID, 2));
  });

  it.each([
    ['someone else than the casusverantwoordelijke', { actor: politie }, 'not_case_owner'],
    ['a case without a casusverantwoordelijke', { escalation: { ...ESCALATION, caseOwner: undefined } }, 'not_case_owner'],
    ['a case that is not escalated', { escalation: null }, 'not_escalated'],
    ['a closed case', { status: 'closed' as const }, 'case_closed'],
    ['a time that does not exist', { input: { ...moment, time: '25:00' } }, 'invalid_moment'],
  ] as const)('refuses %s', (_l, over, error) => {
    const o = over as { actor?: typeof vt; escalation?: EscalationRecord | null; status?: 'closed'; input?: typeof moment };
    const b = bundle({ ...('escalation' in o ? { escalation: o.escalation } : {}), ...(o.status ? { status: o.status } : {}) });
    expect(decideMeetingMoment(b, { actor: o.actor ?? vt, input: o.input ?? moment, reminderLocalTime: '09:00' }, ctx(SET_AT))).toEqual({
      ok: false,
      error,
    });
  });
});

describe('decidePrepared', () => {
  it('an invitee marks voorbereid: the escalation replaced, the AO refreshed; the same again writes nothing', () => {
    const b = bundle({ escalation: withMeeting() });
    const d = decidePrepared(b, { actor: politie, brings: 'Registraties van het afgelopen jaar' }, ctx(SET_AT));
    if (!d.ok) throw new Error(d.error);
    expect(d.value).toEqual({ changed: true });
    expect(d.decision.escalationUpdate?.meeting?.preparations).toEqual([
      { orgId: 'politie', by: 'aad-politie', at: SET_AT, brings: 'Registraties van het afgelopen jaar' },
    ]);
    expect(d.decision.audit[0]).toMatchObject({ action: 'actieoverleg.prepared', detail: { revision: '1' } });
    expect(JSON.stringify(d.decision.audit)).not.toContain('Registraties');
    expect(d.decision.jobs.map((j) => j.id)).toEqual([JOB_IDS.refreshActieoverleg]);
    const again = decidePrepared(
      bundle({ escalation: d.after.escalation }),
      { actor: politie, brings: 'Registraties van het afgelopen jaar' },
      ctx(SET_AT),
    );
    expect(again.ok && [again.value.changed, again.decision.audit.length, again.decision.escalationUpdate]).toEqual([false, 0, undefined]);
  });

  it.each([
    ['no meeting set yet', () => bundle(), politie, SET_AT, 'no_meeting'],
    [
      'an organisation that is not invited',
      () => bundle({ escalation: withMeeting() }),
      { aadObjectId: 'aad-rvdk', orgId: 'rvdk' as const },
      SET_AT,
      'not_invited',
    ],
    ['after the meeting began', () => bundle({ escalation: withMeeting() }), politie, '2026-04-02T12:00:00.000Z', 'meeting_started'],
  ] as const)('refuses: %s', (_l, b, actor, now, error) => {
    expect(decidePrepared(b(), { actor, brings: '' }, ctx(now))).toEqual({ ok: false, error });
  });
});

describe('decideOutcome', () => {
  const AFTER = '2026-04-02T13:30:00.000Z';
  const input: OutcomeInput = outcomeInputSchema.parse({
    decisions: [
      { subject: 'safety_plan', phase: 'safety', text: 'Veiligheidsplan opstellen met beide ouders' },
      { subject: 'intervention', phase: 'care', text: 'Aanmelding wijkteam' },
    ],
    actions: [{ owner: 'vt', what: 'Veiligheidsplan opstellen', due: '2026-04-09' }],
    zvhCasusregie: true,
  });

  it('the outcome on the escalation, its action on the case due 17:00 that day, both cards refreshed and the terugkoppeling', () => {
    const d = decideOutcome(bundle({ escalation: withMeeting() }), { actor: vt, input }, ctx(AFTER));
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.escalationUpdate?.outcome).toMatchObject({ revision: 1, zvhCasusregie: true });
    expect(d.decision.nextCase.actions).toEqual([
      {
        id: 'ao-action-1',
        what: 'Veiligheidsplan opstellen',
        orgId: 'vt',
        dueAt: '2026-04-09T15:00:00.000Z',
        status: 'open',
        createdAt: AFTER,
      },
    ]);
    expect(d.after.theCase.actions).toHaveLength(1);
    expect(d.decision.audit[0]).toMatchObject({
      action: 'actieoverleg.outcome',
      detail: { revision: '1', decisions: '2', actions: '1', zvh: 'true' },
    });
    expect(d.decision.jobs.map((j) => [j.id, j.mode])).toEqual([
      [JOB_IDS.refreshActieoverleg, 'request'],
      [JOB_IDS.refreshCard, 'request'],
      [outcomeFeedbackJobId(1), 'ensure'],
    ]);
    const again = decideOutcome(bundle({ escalation: d.after.escalation }), { actor: vt, input }, ctx(AFTER));
    expect(again.ok && [again.value.changed, again.decision.audit.length]).toEqual([false, 0]);
  });

  it('an advice card already sent to the OvJ is refreshed too (it shows the outcome)', () => {
    const advice = {
      adviceRef: { conversationId: 'c', activityId: 'a', serviceUrl: 'https://smba.example/', postedAt: SET_AT },
    } as unknown as AdviceRecord;
    const d = decideOutcome(bundle({ escalation: withMeeting(), advice }), { actor: vt, input }, ctx(AFTER));
    expect(d.ok && d.decision.jobs.map((j) => j.id)).toContain(ADVICE_JOB_IDS.refreshAdvice);
  });

  it.each([
    ['not the casusverantwoordelijke', () => bundle({ escalation: withMeeting() }), om, AFTER, 'not_case_owner'],
    ['before the meeting', () => bundle({ escalation: withMeeting() }), vt, '2026-04-02T11:00:00.000Z', 'meeting_not_held'],
    ['without a meeting', () => bundle(), vt, AFTER, 'no_meeting'],
    ['not escalated', () => bundle({ escalation: null }), vt, AFTER, 'not_escalated'],
  ] as const)('refuses: %s', (_l, b, actor, now, error) => {
    expect(decideOutcome(b(), { actor, input }, ctx(now))).toEqual({ ok: false, error });
  });
});

describe('decideVtRegion', () => {
  const NOW = '2026-04-01T08:00:00.000Z';
  it('sets an allowed region: the case, its audit line and the card refresh; the same region again writes nothing', () => {
    const d = decideVtRegion(
      bundle({ escalation: null }),
      { actor: politie, regionId: 'utrecht', allowedRegionIds: ['utrecht', 'gooi'] },
      ctx(NOW),
    );
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.nextCase.vtRegionId).toBe('utrecht');
    expect(d.decision.audit).toEqual([
      expect.objectContaining({ action: 'vt.region', actorOrg: 'politie', detail: { regionId: 'utrecht' } }),
    ]);
    expect(d.decision.jobs.map((j) => j.id)).toEqual([JOB_IDS.refreshCard]);
    const b = bundle({ escalation: null });
    const same = decideVtRegion(
      { ...b, theCase: { ...b.theCase, body: d.after.theCase } },
      { actor: politie, regionId: 'utrecht', allowedRegionIds: ['utrecht'] },
      ctx(NOW),
    );
    expect(same.ok && [same.value.changed, same.decision.audit.length, same.decision.jobs.length]).toEqual([false, 0, 0]);
  });

  it.each([
    ['no region', undefined],
    ['a region the location does not allow', 'gooi'],
  ] as const)('refuses %s', (_l, regionId) => {
    expect(decideVtRegion(bundle(), { actor: politie, regionId, allowedRegionIds: ['utrecht'] }, ctx(NOW))).toEqual({
      ok: false,
      error: 'invalid_input',
    });
  });

  it('refuses on a closed case', () => {
    expect(
      decideVtRegion(bundle({ status: 'closed' }), { actor: politie, regionId: 'utrecht', allowedRegionIds: ['utrecht'] }, ctx(NOW)),
    ).toEqual({
      ok: false,
      error: 'case_closed',
    });
  });
});
