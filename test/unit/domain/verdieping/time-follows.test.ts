import { applyConsultationEvent, startConsultation, type Consultation } from '../../../../src/domain/vt/consultation';
import { enterVerdieping, followUps, initialPhase, moveHorizon, type PhaseState } from '../../../../src/domain/verdieping/phase';
import {
  consultationExpiry,
  currentHorizon,
  expiryStep,
  reAgendaAllowed,
  termijnReminderApplies,
  withExpiry,
} from '../../../../src/domain/verdieping/time-follows';
import { chair } from './fixtures';
import type { CaseBundle } from '../../../../src/domain/case-bundle';
import { decideReAgenda } from '../../../../src/domain/decisions';
import { EMPTY_VERDIEPING } from '../../../../src/domain/verdieping/bundle';
import { sampleCase } from '../../cards/fixtures';

/**
 * Time follows the horizon (issue 14 item 1): VT consultations, the termijn reminder and door-agenderen
 * look at the current horizon once a case is in verdieping. Tables over both DST changes of 2026 in
 * Europe/Amsterdam (29 March: +01:00 → +02:00; 25 October: +02:00 → +01:00).
 */

const delays = { reminderMinutes: 15, backupMinutes: 30 };

function phaseAt(now: string, date: string, time: string): PhaseState {
  const r = enterVerdieping({ state: initialPhase('c1'), caseOpen: true, actor: chair, input: { reason: 'termijn_case', date, time }, now });
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

function consultation(askedAt: string, expiresAt: string): Consultation {
  return startConsultation({ askedAt, onCall: { primary: 'p', backup: 'b' }, delays, expiresAt });
}

describe('a new VT consultation waits until the next moment', () => {
  it.each([
    // [case asked at (UTC), termijn, horizon date+time (Amsterdam) or none, expected expiry]
    ['zsm: the termijn ahead', '2026-03-27T20:00:00.000Z', '2026-03-28T02:00:00.000Z', null, '2026-03-28T02:00:00.000Z'],
    ['zsm: the termijn passed: an hour from now', '2026-03-28T03:00:00.000Z', '2026-03-28T02:00:00.000Z', null, '2026-03-28T04:00:00.000Z'],
    // Over the spring change: 10:00 on Sunday 29 March is CEST (08:00Z), not CET (09:00Z).
    [
      'verdieping over the spring change',
      '2026-03-27T20:00:00.000Z',
      '2026-03-28T02:00:00.000Z',
      ['2026-03-29', '10:00'],
      '2026-03-29T08:00:00.000Z',
    ],
    // The termijn long passed: still the horizon, not "an hour from now".
    [
      'verdieping, termijn passed',
      '2026-03-28T12:00:00.000Z',
      '2026-03-28T02:00:00.000Z',
      ['2026-03-30', '09:00'],
      '2026-03-30T07:00:00.000Z',
    ],
    // Over the autumn change: 10:00 on Sunday 25 October is CET (09:00Z).
    [
      'verdieping over the autumn change',
      '2026-10-24T20:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
      ['2026-10-25', '10:00'],
      '2026-10-25T09:00:00.000Z',
    ],
  ] as const)('%s', (_name, now, deadline, horizon, expected) => {
    const phase = horizon ? phaseAt(now, horizon[0], horizon[1]) : null;
    expect(consultationExpiry(phase, deadline, now)).toBe(expected);
  });

  it('a horizon that has passed (nobody moved it yet): an hour from now, as for a passed termijn', () => {
    const phase = phaseAt('2026-03-27T20:00:00.000Z', '2026-03-28', '10:00'); // 09:00Z
    expect(consultationExpiry(phase, '2026-03-28T02:00:00.000Z', '2026-03-28T09:30:00.000Z')).toBe('2026-03-28T10:30:00.000Z');
  });
});

describe('an open consultation follows the horizon (expiryStep)', () => {
  const asked = '2026-03-28T20:00:00.000Z'; // Saturday 21:00 CET
  const termijn = '2026-03-29T02:00:00.000Z';
  const inVerdieping = phaseAt(asked, '2026-03-30', '10:00'); // Monday 10:00 CEST = 08:00Z
  const moved = (() => {
    const r = moveHorizon({
      state: inVerdieping,
      caseOpen: true,
      actor: chair,
      input: { reason: 'held_by_prosecutor', date: '2026-03-29', time: '14:00' },
      now: asked,
    });
    if (!r.ok) throw new Error(r.error);
    return r.state;
  })();

  it.each([
    ['zsm, before the termijn: keep', null, termijn, '2026-03-29T01:00:00.000Z', { kind: 'keep' }],
    ['zsm, at the termijn: expire', null, termijn, termijn, { kind: 'expire' }],
    [
      'verdieping, the termijn came: follow the horizon',
      inVerdieping,
      termijn,
      termijn,
      { kind: 'follow', until: '2026-03-30T08:00:00.000Z' },
    ],
    ['verdieping, already at the horizon: keep', inVerdieping, '2026-03-30T08:00:00.000Z', termijn, { kind: 'keep' }],
    ['verdieping, at the horizon: expire', inVerdieping, '2026-03-30T08:00:00.000Z', '2026-03-30T08:00:00.000Z', { kind: 'expire' }],
    // The chair moved it EARLIER (Sunday 14:00 CEST = 12:00Z): the expiry comes forward too.
    [
      'moved earlier: follow to the new moment',
      moved,
      '2026-03-30T08:00:00.000Z',
      asked,
      { kind: 'follow', until: '2026-03-29T12:00:00.000Z' },
    ],
    ['moved earlier, its moment came: expire', moved, '2026-03-29T12:00:00.000Z', '2026-03-29T12:00:00.000Z', { kind: 'expire' }],
  ] as const)('%s', (_name, phase, expiresAt, now, expected) => {
    expect(expiryStep({ consultation: consultation(asked, expiresAt), phase, now })).toEqual(expected);
  });

  it('a closed consultation (answered, or no reaction) is never moved or expired again', () => {
    const open = consultation(asked, termijn);
    const answered = applyConsultationEvent(open, { type: 'answer', at: '2026-03-28T20:05:00.000Z', by: 'p' });
    const silent = applyConsultationEvent(open, { type: 'expire', at: termijn });
    expect(answered.ok && silent.ok).toBe(true);
    for (const c of [answered.state, silent.state]) {
      expect(expiryStep({ consultation: c, phase: inVerdieping, now: termijn })).toEqual({ kind: 'keep' });
      expect(withExpiry(c, '2026-03-30T08:00:00.000Z')).toBe(c);
    }
  });

  it('withExpiry moves only the expiry: the ladder keeps its moments, and expire is refused until the new moment', () => {
    const open = consultation(asked, termijn);
    const later = withExpiry(open, '2026-03-30T08:00:00.000Z');
    expect(later).toEqual({ ...open, expiresAt: '2026-03-30T08:00:00.000Z' });
    expect(applyConsultationEvent(later, { type: 'expire', at: termijn })).toMatchObject({ ok: false, reason: 'not_due' });
    expect(applyConsultationEvent(later, { type: 'expire', at: '2026-03-30T08:00:00.000Z' })).toMatchObject({
      ok: true,
      state: { status: 'no_answer', reason: 'expired' },
    });
  });
});

describe('the termijn reminder and door-agenderen in verdieping', () => {
  it.each([
    ['no phase document (zsm)', null, true],
    ['zsm phase', initialPhase('c1'), true],
    ['verdieping', phaseAt('2026-10-24T20:00:00.000Z', '2026-10-26', '09:00'), false],
  ] as const)('%s', (_name, phase, applies) => {
    expect(termijnReminderApplies(phase)).toBe(applies);
    expect(reAgendaAllowed(phase)).toBe(applies);
    expect(currentHorizon(phase) === undefined).toBe(applies);
  });
});

describe('decideReAgenda on a case in verdieping', () => {
  const NOW = '2026-10-24T20:00:00.000Z';
  const bundleWith = (phase: PhaseState | null): CaseBundle => ({
    theCase: { body: sampleCase({ id: 'c0ffee12a9b8c7d6e5f4', status: 'open', actions: [] }), etag: 'e1' },
    votes: [],
    contributions: [],
    verdieping: { ...EMPTY_VERDIEPING, phase: phase ? { body: phase, etag: 'p1' } : null },
  });
  const ctx = () => ({ now: NOW, newAuditId: () => 'audit-1' });
  const chairActor = { aadObjectId: 'aad-om-chair', orgId: 'om' as const, chair: true };

  it.each([
    ['zsm: door-agenderen as before', null, { ok: true }],
    [
      'verdieping: refused, the chair moves the horizon instead',
      phaseAt(NOW, '2026-10-26', '09:00'),
      { ok: false, error: 'reagenda_in_verdieping' },
    ],
  ] as const)('%s', (_name, phase, want) => {
    const r = decideReAgenda(bundleWith(phase), { actor: chairActor, at: '2026-10-25T19:00:00.000Z' }, ctx());
    expect(r).toMatchObject(want);
  });
});

describe('door-agenderen and the reminder follow the horizon over the DST night (real minutes, not wall-clock)', () => {
  it.each([
    // horizon (Amsterdam), minutes before, expected reAgendaAt (UTC), expected reminder (UTC)
    ['2026-03-29', '03:00', 60, '2026-03-29T01:00:00.000Z', '2026-03-29T00:00:00.000Z'], // 01:00 CET: two hours earlier on the clock face
    ['2026-03-29', '10:00', 60, '2026-03-29T08:00:00.000Z', '2026-03-29T07:00:00.000Z'],
    ['2026-10-25', '03:00', 60, '2026-10-25T02:00:00.000Z', '2026-10-25T01:00:00.000Z'], // 02:00 CET, the second 02:00
    ['2026-10-25', '10:00', 120, '2026-10-25T09:00:00.000Z', '2026-10-25T07:00:00.000Z'],
  ] as const)('%s %s, %i min before', (date, time, before, reAgendaAt, reminderAt) => {
    const now = date.startsWith('2026-03') ? '2026-03-27T20:00:00.000Z' : '2026-10-23T20:00:00.000Z';
    expect(followUps(phaseAt(now, date, time), '2026-01-01T00:00:00.000Z', before)).toEqual({
      reAgendaAt,
      reminderAt,
      vtConsultationUntil: reAgendaAt,
    });
  });
});
