import {
  daysAhead,
  enterVerdieping,
  followUps,
  horizonInputSchema,
  horizonInstant,
  initialPhase,
  moveHorizon,
  nextMoment,
  nextMomentState,
  type HorizonInput,
  type PhaseState,
} from '../../../../src/domain/verdieping/phase';
import { chair, politie } from './fixtures';

const NOW = '2026-03-27T09:00:00.000Z'; // Friday 10:00 in Amsterdam (CET), two days before summer time starts
const DEADLINE = '2026-03-27T15:00:00.000Z';
const input = (date: string, time?: string, reason: HorizonInput['reason'] = 'termijn_case'): HorizonInput => ({
  reason,
  date,
  ...(time ? { time } : {}),
});

function inVerdieping(date = '2026-03-30', time = '10:00'): PhaseState {
  const r = enterVerdieping({ state: initialPhase('c1'), caseOpen: true, actor: chair, input: input(date, time), now: NOW });
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

describe('horizon times in Europe/Amsterdam (DST)', () => {
  it.each([
    ['2026-03-28', '10:00', '2026-03-28T09:00:00.000Z'], // CET, +01:00
    ['2026-03-29', '10:00', '2026-03-29T08:00:00.000Z'], // the day summer time starts: CEST, +02:00
    ['2026-10-24', '10:00', '2026-10-24T08:00:00.000Z'], // CEST
    ['2026-10-25', '10:00', '2026-10-25T09:00:00.000Z'], // winter time again
    ['2026-10-25', '02:30', '2026-10-25T01:30:00.000Z'], // ambiguous: the second 02:30 (winter time)
  ])('%s %s is %s', (date, time, utc) => {
    expect(horizonInstant(date, time)).toEqual({ ok: true, at: utc });
  });

  it('defaults to 09:00 Dutch time', () => {
    expect(horizonInstant('2026-03-30')).toEqual({ ok: true, at: '2026-03-30T07:00:00.000Z' });
  });

  it('refuses a time that does not exist (02:30 when the clocks go forward) and an impossible date', () => {
    expect(horizonInstant('2026-03-29', '02:30')).toEqual({ ok: false, error: 'nonexistent_local_time' });
    expect(horizonInstant('2026-02-30', '10:00')).toEqual({ ok: false, error: 'invalid_time' });
  });

  it('"two days ahead" keeps the Dutch clock time: 47 hours over the spring change, 49 over the autumn one', () => {
    const spring = daysAhead(NOW, 2);
    expect(spring).toEqual({ date: '2026-03-29', time: '10:00' });
    const springAt = horizonInstant(spring.date, spring.time);
    expect(springAt.ok && (Date.parse(springAt.at) - Date.parse(NOW)) / 3_600_000).toBe(47);
    const autumnFrom = '2026-10-24T08:00:00.000Z'; // Saturday 10:00 CEST
    const autumn = daysAhead(autumnFrom, 2);
    expect(autumn).toEqual({ date: '2026-10-26', time: '10:00' });
    const autumnAt = horizonInstant(autumn.date, autumn.time);
    expect(autumnAt.ok && (Date.parse(autumnAt.at) - Date.parse(autumnFrom)) / 3_600_000).toBe(49);
    expect(daysAhead(NOW, 2, '14:30')).toEqual({ date: '2026-03-29', time: '14:30' });
  });
});

describe('the horizon input schema', () => {
  it.each([
    [{ reason: 'held_by_prosecutor', date: '2026-03-30' }, true],
    [{ reason: 'held_by_prosecutor', date: '2026-03-30', time: '23:59', note: 'wacht op letselverklaring' }, true],
    [{ reason: 'held_by_prosecutor', date: '30-03-2026' }, false],
    [{ reason: 'held_by_prosecutor', date: '2026-03-30', time: '24:00' }, false],
    [{ reason: 'later', date: '2026-03-30' }, false],
    [{ reason: 'held_by_prosecutor', date: '2026-03-30', at: NOW }, false], // strict: unknown fields refused
  ])('%j valid: %s', (value, valid) => {
    expect(horizonInputSchema.safeParse(value).success).toBe(valid);
  });
});

describe('entering verdieping', () => {
  const base = { state: initialPhase('c1'), caseOpen: true, now: NOW };

  it('the chair takes the case in with a reason and a horizon; the timeline says who, when and until when', () => {
    const r = enterVerdieping({
      ...base,
      actor: chair,
      input: { ...input('2026-03-29', '10:00', 'awaiting_statement'), note: 'medische verklaring' },
    });
    expect(r).toEqual({
      ok: true,
      changed: true,
      state: {
        caseId: 'c1',
        phase: 'verdieping',
        horizon: { at: '2026-03-29T08:00:00.000Z', reason: 'awaiting_statement', note: 'medische verklaring' },
        timeline: [
          {
            at: NOW,
            event: 'verdieping_started',
            byUserId: 'u-chair',
            byOrg: 'om',
            horizon: { at: '2026-03-29T08:00:00.000Z', reason: 'awaiting_statement', note: 'medische verklaring' },
          },
        ],
      },
    });
  });

  it.each([
    ['a member who does not chair', { actor: politie }, 'not_chair'],
    ['a closed case', { caseOpen: false }, 'case_closed'],
    ['a horizon in the past', { input: input('2026-03-27', '09:59') }, 'not_in_future'],
    ['a horizon right now', { input: input('2026-03-27', '10:00') }, 'not_in_future'],
    ['a horizon beyond the limit', { input: input('2026-05-09', '10:00') }, 'too_far'],
    ['a nonexistent time', { input: input('2026-03-29', '02:15') }, 'nonexistent_local_time'],
  ])('is refused for %s', (_what, override, error) => {
    expect(enterVerdieping({ ...base, actor: chair, input: input('2026-03-30', '10:00'), ...override })).toEqual({ ok: false, error });
  });

  it('the limit is Dutch calendar days (42 by default, or as configured), the same over a DST change', () => {
    expect(enterVerdieping({ ...base, actor: chair, input: input('2026-05-08', '23:59') }).ok).toBe(true);
    expect(enterVerdieping({ ...base, actor: chair, input: input('2026-05-09', '00:00') })).toEqual({ ok: false, error: 'too_far' });
    // 42 calendar days from a summer-time morning to a winter-time morning is 42 days and 1 hour: still allowed
    expect(enterVerdieping({ ...base, now: '2026-10-01T08:00:00.000Z', actor: chair, input: input('2026-11-12', '10:00') }).ok).toBe(true);
    expect(enterVerdieping({ ...base, actor: chair, input: input('2026-03-30', '10:00'), maxDays: 3 }).ok).toBe(true);
    expect(enterVerdieping({ ...base, actor: chair, input: input('2026-03-31', '10:00'), maxDays: 3 })).toEqual({
      ok: false,
      error: 'too_far',
    });
  });

  it('a re-delivered click changes nothing; another horizon must be a move', () => {
    const state = inVerdieping();
    expect(enterVerdieping({ ...base, state, actor: chair, input: input('2026-03-30', '10:00') })).toEqual({
      ok: true,
      state,
      changed: false,
    });
    expect(enterVerdieping({ ...base, state, actor: chair, input: input('2026-03-31', '10:00') })).toEqual({
      ok: false,
      error: 'already_in_verdieping',
    });
  });
});

describe('moving the horizon', () => {
  it('is a timeline line with the previous moment', () => {
    const state = inVerdieping();
    const r = moveHorizon({
      state,
      caseOpen: true,
      actor: chair,
      input: input('2026-04-02', '14:00', 'held_by_prosecutor'),
      now: '2026-03-28T12:00:00.000Z',
    });
    expect(r.ok && r.state.horizon).toEqual({ at: '2026-04-02T12:00:00.000Z', reason: 'held_by_prosecutor' });
    expect(r.ok && r.state.timeline.map((e) => [e.event, e.horizon.at, e.previousAt])).toEqual([
      ['verdieping_started', '2026-03-30T08:00:00.000Z', undefined],
      ['horizon_moved', '2026-04-02T12:00:00.000Z', '2026-03-30T08:00:00.000Z'],
    ]);
  });

  it('may move earlier as well as later, only by the chair, only in verdieping, not on a closed case', () => {
    const state = inVerdieping();
    expect(moveHorizon({ state, caseOpen: true, actor: chair, input: input('2026-03-28', '09:00'), now: NOW }).ok).toBe(true);
    expect(moveHorizon({ state, caseOpen: true, actor: politie, input: input('2026-03-28', '09:00'), now: NOW })).toEqual({
      ok: false,
      error: 'not_chair',
    });
    expect(moveHorizon({ state: initialPhase('c1'), caseOpen: true, actor: chair, input: input('2026-03-28', '09:00'), now: NOW })).toEqual(
      {
        ok: false,
        error: 'not_in_verdieping',
      },
    );
    expect(moveHorizon({ state, caseOpen: false, actor: chair, input: input('2026-03-28', '09:00'), now: NOW })).toEqual({
      ok: false,
      error: 'case_closed',
    });
  });

  it('the same move again, even after that moment has passed, is unchanged; a past moment otherwise is refused', () => {
    const state = inVerdieping();
    const again = { state, caseOpen: true, actor: chair, input: input('2026-03-30', '10:00') };
    expect(moveHorizon({ ...again, now: NOW })).toEqual({ ok: true, state, changed: false });
    expect(moveHorizon({ ...again, now: '2026-03-31T00:00:00.000Z' })).toEqual({ ok: true, state, changed: false });
    expect(moveHorizon({ ...again, input: input('2026-03-30', '11:00'), now: '2026-03-31T00:00:00.000Z' })).toEqual({
      ok: false,
      error: 'not_in_future',
    });
  });
});

describe('the next moment and what follows it', () => {
  it('in zsm it is the termijn, and door-agenderen, the reminder and VT follow the termijn', () => {
    expect(nextMoment(null, DEADLINE)).toEqual({ kind: 'termijn', at: DEADLINE });
    expect(nextMoment(initialPhase('c1'), DEADLINE)).toEqual({ kind: 'termijn', at: DEADLINE });
    expect(followUps(undefined, DEADLINE)).toEqual({
      reAgendaAt: DEADLINE,
      reminderAt: '2026-03-27T14:00:00.000Z',
      vtConsultationUntil: DEADLINE,
    });
  });

  it('in verdieping it is the horizon: the card no longer shows a dead termijn', () => {
    const state = inVerdieping();
    const m = nextMoment(state, DEADLINE);
    expect(m).toEqual({ kind: 'horizon', at: '2026-03-30T08:00:00.000Z', reason: 'termijn_case' });
    // the termijn passed long ago; the next moment is still ahead
    expect(nextMomentState({ kind: 'termijn', at: DEADLINE }, '2026-03-28T09:00:00.000Z')).toBe('passed');
    expect(nextMomentState(m, '2026-03-28T09:00:00.000Z')).toBe('ample');
    expect(nextMomentState(m, '2026-03-30T07:30:00.000Z')).toBe('near');
    expect(nextMomentState(m, '2026-03-30T08:00:00.000Z')).toBe('passed');
    expect(followUps(state, DEADLINE, 120)).toEqual({
      reAgendaAt: '2026-03-30T08:00:00.000Z',
      reminderAt: '2026-03-30T06:00:00.000Z',
      vtConsultationUntil: '2026-03-30T08:00:00.000Z',
    });
  });

  it('follows a moved horizon', () => {
    const moved = moveHorizon({ state: inVerdieping(), caseOpen: true, actor: chair, input: input('2026-04-03'), now: NOW });
    expect(moved.ok && followUps(moved.state, DEADLINE).reAgendaAt).toBe('2026-04-03T07:00:00.000Z');
  });
});
