import {
  isTeamsMeetingLink,
  markPrepared,
  meetingReminderAt,
  reminderStillValid,
  setMeetingMoment,
  unpreparedInvitees,
  type ActieoverlegMeeting,
  type MeetingMomentInput,
} from '../../../../src/domain/aftercare/meeting';
import type { PartnerOrg } from '../../../../src/domain/orgs';

const lead = { orgId: 'politie' as PartnerOrg, aadObjectId: 'aad-politie-1' };
const invitees: PartnerOrg[] = ['vt', 'om', 'politie', '3ro', 'vt'];

function set(input: MeetingMomentInput, now = '2026-03-20T12:00:00Z', over: Partial<Parameters<typeof setMeetingMoment>[0]> = {}) {
  return setMeetingMoment({
    caseId: 'c1',
    input,
    actor: lead,
    caseOwnerOrg: 'politie',
    invitees,
    reminderLocalTime: '09:00',
    now,
    ...over,
  });
}

function meeting(input: MeetingMomentInput = { date: '2026-03-30', time: '10:00', place: 'ZSM-locatie Zuid' }): ActieoverlegMeeting {
  const r = set(input);
  if (!r.ok) throw new Error(r.error);
  return r.meeting;
}

describe('the Actieoverleg moment (Europe/Amsterdam)', () => {
  it.each([
    // [meeting date, time, now, meeting UTC, reminder UTC (day before, 09:00 local)]
    ['2026-12-01', '13:00', '2026-11-01T00:00:00Z', '2026-12-01T12:00:00.000Z', '2026-11-30T08:00:00.000Z'], // winter, CET
    ['2026-03-30', '10:00', '2026-03-01T00:00:00Z', '2026-03-30T08:00:00.000Z', '2026-03-29T07:00:00.000Z'], // reminder on the DST-start day, after the switch
    ['2026-03-29', '14:00', '2026-03-01T00:00:00Z', '2026-03-29T12:00:00.000Z', '2026-03-28T08:00:00.000Z'], // meeting in CEST, reminder still CET
    ['2026-10-26', '09:30', '2026-10-01T00:00:00Z', '2026-10-26T08:30:00.000Z', '2026-10-25T08:00:00.000Z'], // reminder on the DST-end day, CET again
    ['2026-10-25', '10:00', '2026-10-01T00:00:00Z', '2026-10-25T09:00:00.000Z', '2026-10-24T07:00:00.000Z'], // meeting in CET, reminder in CEST
  ])('meeting %s %s (set at %s) is %s, reminder at %s', (date, time, now, at, reminder) => {
    const r = set({ date, time, place: 'Zaal 2' }, now);
    if (!r.ok) throw new Error(r.error);
    expect(r.meeting.at).toBe(at);
    expect(r.meeting.reminderAt).toBe(reminder);
  });

  it('plans no reminder when the day-before moment has already passed', () => {
    expect(meetingReminderAt('2026-03-30', '09:00', '2026-03-29T07:00:00Z')).toBeUndefined();
    expect(meetingReminderAt('2026-03-30', '09:00', '2026-03-29T06:59:59Z')).toBe('2026-03-29T07:00:00.000Z');
  });

  it('sorts and dedupes invitees, counts revisions and keeps preparations of invitees still invited', () => {
    const m = meeting();
    expect(m.invitees).toEqual(['politie', 'om', '3ro', 'vt']);
    expect(m.revision).toBe(1);
    const p = markPrepared(m, { orgId: 'vt', aadObjectId: 'aad-vt' }, 'Registratie VT opgevraagd', '2026-03-21T10:00:00Z');
    if (!p.ok) throw new Error(p.error);
    const moved = set({ date: '2026-03-31', time: '11:00', place: 'Zaal 3' }, '2026-03-22T00:00:00Z', {
      previous: p.meeting,
      invitees: ['politie', 'vt'],
    });
    if (!moved.ok) throw new Error(moved.error);
    expect(moved.meeting.revision).toBe(2);
    expect(moved.meeting.preparations.map((x) => x.orgId)).toEqual(['vt']);
    expect(reminderStillValid(moved.meeting, 1)).toBe(false);
    expect(reminderStillValid(moved.meeting, 2)).toBe(true);
  });

  it.each([
    [{ date: '2026-03-30', time: '10:00', place: 'Zaal' }, 'politie', undefined, 'not_case_owner'],
    [{ date: '2026-03-30', time: '10:00', place: 'Zaal' }, 'om', 'politie', 'not_case_owner'],
    [{ date: '2026-03-29', time: '02:30', place: 'Zaal' }, 'politie', 'politie', 'invalid_moment'], // skipped hour at DST start
    [{ date: '2026-02-30', time: '10:00', place: 'Zaal' }, 'politie', 'politie', 'invalid_moment'],
    [{ date: '2026-03-20', time: '13:00', place: 'Zaal' }, 'politie', 'politie', 'not_in_future'], // 12:00Z now = 13:00 local
    [{ date: '2026-05-20', time: '10:00', place: 'Zaal' }, 'politie', 'politie', 'too_far'],
    [{ date: '2026-03-30', time: '10:00' }, 'politie', 'politie', 'no_place_or_link'],
    [{ date: '2026-03-30', time: '10:00', teamsLink: 'https://evil.example/teams.microsoft.com' }, 'politie', 'politie', 'link_not_teams'],
    [
      { date: '2026-03-30', time: '10:00', teamsLink: 'http://teams.microsoft.com/l/meetup-join/x' },
      'politie',
      'politie',
      'link_not_teams',
    ],
  ] as const)('refuses %j by %s (owner %s): %s', (input, actorOrg, owner, error) => {
    const r = set(input, '2026-03-20T12:00:00Z', { actor: { orgId: actorOrg, aadObjectId: 'x' }, caseOwnerOrg: owner });
    expect(r).toEqual({ ok: false, error });
  });

  it('accepts a moment exactly one minute ahead and a Teams link', () => {
    const r = set({ date: '2026-03-20', time: '13:01', teamsLink: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.meeting.reminderAt).toBeUndefined();
  });

  it('recognises only https Teams hosts without credentials', () => {
    expect(isTeamsMeetingLink('https://teams.microsoft.com/l/meetup-join/abc')).toBe(true);
    expect(isTeamsMeetingLink('https://teams.live.com/meet/123')).toBe(true);
    expect(isTeamsMeetingLink('https://user:pw@teams.microsoft.com/x')).toBe(false);
    expect(isTeamsMeetingLink('https://teams.microsoft.com.evil.example/x')).toBe(false);
    expect(isTeamsMeetingLink('javascript:alert(1)')).toBe(false);
  });
});

describe('voorbereid', () => {
  it('lets each invitee mark once, replaces a changed mark, and refuses others and late marks', () => {
    const m = meeting();
    expect(unpreparedInvitees(m)).toEqual(['politie', 'om', '3ro', 'vt']);
    const a = markPrepared(m, { orgId: 'om', aadObjectId: 'aad-om' }, '  Strafblad opgevraagd ', '2026-03-21T10:00:00Z');
    if (!a.ok) throw new Error(a.error);
    expect(a.changed).toBe(true);
    expect(a.meeting.preparations).toEqual([{ orgId: 'om', by: 'aad-om', at: '2026-03-21T10:00:00.000Z', brings: 'Strafblad opgevraagd' }]);
    const same = markPrepared(a.meeting, { orgId: 'om', aadObjectId: 'aad-om-2' }, 'Strafblad opgevraagd', '2026-03-22T10:00:00Z');
    expect(same.ok && same.changed).toBe(false);
    const b = markPrepared(a.meeting, { orgId: '3ro', aadObjectId: 'aad-3ro' }, '', '2026-03-22T10:00:00Z');
    if (!b.ok) throw new Error(b.error);
    expect(unpreparedInvitees(b.meeting)).toEqual(['politie', 'vt']);
    expect(markPrepared(m, { orgId: 'halt', aadObjectId: 'x' }, 'x', '2026-03-21T10:00:00Z')).toEqual({ ok: false, error: 'not_invited' });
    expect(markPrepared(m, { orgId: 'om', aadObjectId: 'x' }, 'x', '2026-03-30T08:00:00Z')).toEqual({
      ok: false,
      error: 'meeting_started',
    });
    expect(markPrepared(m, { orgId: 'om', aadObjectId: 'x' }, 'x'.repeat(501), '2026-03-21T10:00:00Z')).toEqual({
      ok: false,
      error: 'brings_too_long',
    });
  });
});
