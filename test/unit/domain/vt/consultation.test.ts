import {
  applyConsultationEvent,
  consultationTimeline,
  nextStep,
  startConsultation,
  type Consultation,
  type ConsultationEvent,
} from '../../../../src/domain/vt/on-call';

const delays = { reminderMinutes: 15, backupMinutes: 30 };
const T0 = '2026-01-13T21:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const DEADLINE = at(6 * 60);

function start(onCall: { primary?: string; backup?: string } = { primary: 'p', backup: 'b' }, expiresAt = DEADLINE): Consultation {
  return startConsultation({ askedAt: T0, onCall, delays, expiresAt });
}

/** Apply events in order; every one must be accepted. */
function run(state: Consultation, ...events: ConsultationEvent[]): Consultation {
  return events.reduce((s, e) => {
    const r = applyConsultationEvent(s, e);
    if (!r.ok) throw new Error(`${e.type} refused: ${r.reason}`);
    return r.state;
  }, state);
}

describe('consultationTimeline', () => {
  it.each([
    ['winter evening', '2026-01-13T21:00:00+01:00', '2026-01-13T20:15:00.000Z', '2026-01-13T20:30:00.000Z'],
    ['across the spring DST change: real minutes', '2026-03-29T00:50:00Z', '2026-03-29T01:05:00.000Z', '2026-03-29T01:20:00.000Z'],
    ['across the autumn DST change: real minutes', '2026-10-25T00:50:00Z', '2026-10-25T01:05:00.000Z', '2026-10-25T01:20:00.000Z'],
  ])('%s', (_name, askedAt, reminderAt, backupAt) => {
    expect(consultationTimeline(askedAt, delays)).toEqual({ reminderAt, backupAt });
  });

  it('uses the configured delays', () => {
    expect(consultationTimeline(T0, { reminderMinutes: 5, backupMinutes: 10 })).toEqual({ reminderAt: at(5), backupAt: at(10) });
  });
});

describe('startConsultation', () => {
  it('asks the primary and schedules the reminder', () => {
    const s = start();
    expect(s).toStrictEqual({
      status: 'asked',
      askedAt: T0,
      expiresAt: DEADLINE,
      reminderAt: at(15),
      backupAt: at(30),
      primary: 'p',
      backup: 'b',
    });
    expect(nextStep(s)).toEqual({ kind: 'reminder', at: at(15), event: 'reminderDue' });
  });

  it('closes at once when nobody is on call', () => {
    const s = start({});
    expect(s).toMatchObject({ status: 'no_answer', reason: 'no_one_on_call', closedAt: T0 });
    expect(nextStep(s)).toBeNull();
  });
});

describe('consultation state machine', () => {
  it('walks asked → reminded → backup_asked → answered (by the backup)', () => {
    const reminded = run(start(), { type: 'reminderDue', at: at(15) });
    expect(reminded).toMatchObject({ status: 'reminded', remindedAt: at(15) });
    expect(nextStep(reminded)).toEqual({ kind: 'backup', at: at(30), event: 'backupDue' });

    const escalated = run(reminded, { type: 'backupDue', at: at(30) });
    // The backup gets the same ladder (issue 13.4): a reminder after 15 minutes, "geen reactie" after 30.
    expect(escalated).toMatchObject({
      status: 'backup_asked',
      backupAskedAt: at(30),
      backupRemindAt: at(45),
      backupSilentAt: at(60),
    });
    expect(nextStep(escalated)).toEqual({ kind: 'backup_reminder', at: at(45), event: 'backupReminderDue' });

    const answered = run(escalated, { type: 'answer', at: at(41), by: 'b' });
    expect(answered).toMatchObject({ status: 'answered', answeredAt: at(41), answeredBy: 'b', late: false });
    expect(nextStep(answered)).toBeNull();
  });

  it('a late reminder job is overtaken by the backup job', () => {
    const s = run(start(), { type: 'backupDue', at: at(31) });
    expect(s.status).toBe('backup_asked');
    expect(applyConsultationEvent(s, { type: 'reminderDue', at: at(32) })).toMatchObject({ ok: false, reason: 'already_done' });
  });

  it('without a backup, the backup time closes it as no_answer', () => {
    const reminded = run(start({ primary: 'p' }), { type: 'reminderDue', at: at(15) });
    expect(nextStep(reminded)).toEqual({ kind: 'no_answer', at: at(30), event: 'backupDue' });
    expect(run(reminded, { type: 'backupDue', at: at(30) })).toMatchObject({
      status: 'no_answer',
      reason: 'no_backup',
      closedAt: at(30),
    });
  });

  it('the deadline ends the wait; a late answer is still recorded', () => {
    const expired = run(start(), { type: 'reminderDue', at: at(15) }, { type: 'backupDue', at: at(30) }, { type: 'expire', at: DEADLINE });
    expect(expired).toMatchObject({ status: 'no_answer', reason: 'expired', closedAt: DEADLINE });
    const late = run(expired, { type: 'answer', at: at(400), by: 'p' });
    expect(late).toMatchObject({ status: 'answered', answeredBy: 'p', late: true });
    expect(late).not.toHaveProperty('reason');
    expect(late).not.toHaveProperty('closedAt');
  });

  it('a deadline before the reminder comes first in nextStep', () => {
    expect(nextStep(start(undefined, at(10)))).toEqual({ kind: 'no_answer', at: at(10), event: 'expire' });
  });

  it('noOneOnCall closes an open consultation', () => {
    const s = run(start(), { type: 'noOneOnCall', at: at(1) });
    expect(s).toMatchObject({ status: 'no_answer', reason: 'no_one_on_call' });
    expect(applyConsultationEvent(s, { type: 'reminderDue', at: at(15) })).toMatchObject({ ok: false, reason: 'closed' });
  });

  it.each<[string, (s: Consultation) => Consultation, ConsultationEvent, string]>([
    ['reminder before its time', (s) => s, { type: 'reminderDue', at: at(14) }, 'not_due'],
    ['backup before its time', (s) => s, { type: 'backupDue', at: at(29) }, 'not_due'],
    ['expire before the deadline', (s) => s, { type: 'expire', at: at(359) }, 'not_due'],
    ['a second reminder', (s) => run(s, { type: 'reminderDue', at: at(15) }), { type: 'reminderDue', at: at(16) }, 'already_done'],
    ['a second backup request', (s) => run(s, { type: 'backupDue', at: at(30) }), { type: 'backupDue', at: at(31) }, 'already_done'],
    ['an answer from someone not asked', (s) => s, { type: 'answer', at: at(5), by: 'x' }, 'not_consulted'],
    ['a second answer', (s) => run(s, { type: 'answer', at: at(5), by: 'p' }), { type: 'answer', at: at(6), by: 'b' }, 'closed'],
    ['a reminder after the answer', (s) => run(s, { type: 'answer', at: at(5), by: 'p' }), { type: 'reminderDue', at: at(15) }, 'closed'],
  ])('refuses %s', (_name, prepare, event, reason) => {
    const before = prepare(start());
    const r = applyConsultationEvent(before, event);
    expect(r).toMatchObject({ ok: false, reason });
    expect(r.state).toBe(before);
  });

  it('refuses a time without offset', () => {
    expect(() => applyConsultationEvent(start(), { type: 'reminderDue', at: '2026-01-13T22:15:00' })).toThrow(RangeError);
  });

  it('does not mutate the previous state', () => {
    const s = start();
    const copy: unknown = JSON.parse(JSON.stringify(s));
    run(s, { type: 'reminderDue', at: at(15) });
    expect(JSON.parse(JSON.stringify(s))).toEqual(copy);
    expect(s.status).toBe('asked');
  });
});

describe('issue 13: cannot be reached, and the backup ladder', () => {
  it('an unreachable primary goes to the backup at once; an unreachable backup closes it', () => {
    const toBackup = run(start(), { type: 'unreachable', at: at(1), who: 'p' });
    expect(toBackup).toMatchObject({ status: 'backup_asked', backupAskedAt: at(1), primaryUnreachableAt: at(1) });
    const closed = run(toBackup, { type: 'unreachable', at: at(2), who: 'b' });
    expect(closed).toMatchObject({
      status: 'no_answer',
      reason: 'unreachable',
      backupUnreachableAt: at(2),
      primaryUnreachableAt: at(1),
    });
  });

  it('an unreachable primary without a backup closes at once as unreachable', () => {
    expect(run(start({ primary: 'p' }), { type: 'unreachable', at: at(1), who: 'p' })).toMatchObject({
      status: 'no_answer',
      reason: 'unreachable',
    });
  });

  it('the backup is reminded, then "geen reactie" when it stays silent; early events are refused', () => {
    const asked = run(start(), { type: 'backupDue', at: at(30) });
    expect(applyConsultationEvent(asked, { type: 'backupReminderDue', at: at(44) })).toMatchObject({ ok: false, reason: 'not_due' });
    const reminded = run(asked, { type: 'backupReminderDue', at: at(45) });
    expect(nextStep(reminded)).toEqual({ kind: 'no_answer', at: at(60), event: 'backupSilentDue' });
    expect(applyConsultationEvent(reminded, { type: 'backupReminderDue', at: at(46) })).toMatchObject({
      ok: false,
      reason: 'already_done',
    });
    expect(run(reminded, { type: 'backupSilentDue', at: at(60) })).toMatchObject({ status: 'no_answer', reason: 'backup_silent' });
  });
});
