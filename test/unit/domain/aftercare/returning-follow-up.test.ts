import {
  answerFollowUp,
  askFollowUp,
  followUpConfigSchema,
  followUpReminder,
  type FollowUp,
} from '../../../../src/domain/aftercare/follow-up';
import { returningConfigSchema, returningLeadNotes, returningSummary, type EarlierCase } from '../../../../src/domain/aftercare/returning';

const earlier: EarlierCase[] = [
  {
    caseId: 'old-2',
    intakeAt: '2026-01-10T12:00:00Z',
    decision: 'closed_despite_concern',
    handoverKind: 'wijkteam',
    lead: { orgId: 'vt', aadObjectId: 'aad-b' },
  },
  {
    caseId: 'old-1',
    intakeAt: '2024-05-01T12:00:00Z',
    decision: 'escalated',
    measureRunningUntil: '2026-06-01T00:00:00Z',
    lead: { orgId: 'politie', aadObjectId: 'aad-a' },
  },
  { caseId: 'old-3', intakeAt: '2025-03-01T12:00:00Z', decision: 'closed', lead: { orgId: 'vt', aadObjectId: 'aad-b' } },
  { caseId: 'later', intakeAt: '2026-05-01T00:00:00Z', decision: 'open' },
];
const config = returningConfigSchema.parse({});

describe('oude bekenden', () => {
  it('summarises earlier cases only: counts, dates, decisions, last handover, running measure, signal', () => {
    const s = returningSummary(
      { caseId: 'new', intakeAt: '2026-04-11T11:00:00Z' },
      [...earlier, { caseId: 'new', intakeAt: '2026-01-01T00:00:00Z', decision: 'open' }],
      config,
    );
    expect(s).toEqual({
      count: 3,
      firstIntakeAt: '2024-05-01T12:00:00Z',
      lastIntakeAt: '2026-01-10T12:00:00Z',
      decisions: { escalated: 1, closed: 1, closed_despite_concern: 1, open: 0 },
      lastHandover: 'wijkteam',
      measureRunning: true,
      daysSinceLast: 90, // 10 Jan 12:00 → 11 Apr 11:00 = 90 days 23 h
      signal: true,
    });
    expect(JSON.stringify(s)).not.toMatch(/aad-|old-/);
  });

  it.each([
    [90, true],
    [89, false],
  ])('signals within a configured period of %d days: %s', (signalDays, signal) => {
    expect(
      returningSummary({ caseId: 'new', intakeAt: '2026-04-11T11:00:00Z' }, earlier, returningConfigSchema.parse({ signalDays })).signal,
    ).toBe(signal);
  });

  it('has no signal, no dates and no running measure without earlier cases (measure ended before intake)', () => {
    const s = returningSummary({ caseId: 'new', intakeAt: '2026-07-01T00:00:00Z' }, [earlier[1]], config);
    expect(s).toMatchObject({ count: 1, measureRunning: false, signal: false });
    expect(returningSummary({ caseId: 'new', intakeAt: '2026-07-01T00:00:00Z' }, [], config)).toEqual({
      count: 0,
      decisions: { escalated: 0, closed: 0, closed_despite_concern: 0, open: 0 },
      measureRunning: false,
      signal: false,
    });
  });

  it('notifies each earlier lead still on a roster once, with a deterministic note id', () => {
    const notes = returningLeadNotes('new', earlier, (aad) => aad !== 'aad-a');
    expect(notes).toEqual([{ noteId: 'returning-note:new:aad-b', aadObjectId: 'aad-b', orgId: 'vt', earlierCaseIds: ['old-2', 'old-3'] }]);
    expect(returningLeadNotes('new', earlier, () => true).map((n) => n.aadObjectId)).toEqual(['aad-a', 'aad-b']);
  });
});

describe('wat is ervan gekomen?', () => {
  const config = followUpConfigSchema.parse({});
  const ask = (over: Partial<Parameters<typeof askFollowUp>[0]> = {}) =>
    askFollowUp({
      caseId: 'c1',
      caseLead: { orgId: 'vt', aadObjectId: 'aad-vt' },
      open: undefined,
      askedBy: 'aad-chair',
      config,
      now: '2026-04-10T08:00:00Z',
      ...over,
    });

  it('is addressed to the case lead and needs one', () => {
    const r = ask();
    expect(r).toEqual({
      ok: true,
      followUp: {
        caseId: 'c1',
        askedAt: '2026-04-10T08:00:00.000Z',
        askedBy: 'aad-chair',
        addressee: { orgId: 'vt', aadObjectId: 'aad-vt' },
        remindersSent: 0,
        nextReminderAt: '2026-04-12T08:00:00.000Z',
      },
    });
    expect(ask({ caseLead: undefined })).toEqual({ ok: false, error: 'no_case_lead' });
    if (r.ok) expect(ask({ open: r.followUp })).toEqual({ ok: false, error: 'already_open' });
  });

  it('reminds every 48 h while unanswered, at most twice', () => {
    const r = ask();
    if (!r.ok) throw new Error(r.error);
    expect(followUpReminder(r.followUp, config, '2026-04-12T07:59:59Z')).toEqual({ due: false });
    const one = followUpReminder(r.followUp, config, '2026-04-12T08:00:00Z');
    if (!one.due) throw new Error('not due');
    expect(one.followUp).toMatchObject({ remindersSent: 1, nextReminderAt: '2026-04-14T08:00:00.000Z' });
    const two = followUpReminder(one.followUp, config, '2026-04-14T09:00:00Z');
    if (!two.due) throw new Error('not due');
    expect(two.followUp.remindersSent).toBe(2);
    expect(two.followUp.nextReminderAt).toBeUndefined();
    expect(followUpReminder(two.followUp, config, '2026-05-01T00:00:00Z')).toEqual({ due: false });
  });

  it('routes the answer to the thread, the other contributors and the advice card; only the lead or the chair answers', () => {
    const r = ask();
    if (!r.ok) throw new Error(r.error);
    const f: FollowUp = r.followUp;
    const base = {
      followUp: f,
      answer: { outcome: 'partly_carried_out' as const },
      contributors: ['politie', 'vt', 'om', 'politie'] as const,
      now: '2026-04-11T00:00:00Z',
    };
    const a = answerFollowUp({
      ...base,
      contributors: [...base.contributors],
      actor: { orgId: 'vt', aadObjectId: 'aad-vt', chair: false },
      adviceSent: true,
    });
    if (!a.ok) throw new Error(a.error);
    expect(a.targets).toEqual(['thread', 'contributors', 'ovj_advice_card']);
    expect(a.notifyOrgs).toEqual(['politie', 'om']);
    expect(a.followUp.nextReminderAt).toBeUndefined();
    expect(followUpReminder(a.followUp, config, '2026-05-01T00:00:00Z')).toEqual({ due: false });
    expect(
      answerFollowUp({
        ...base,
        followUp: a.followUp,
        contributors: [],
        actor: { orgId: 'vt', aadObjectId: 'x', chair: false },
        adviceSent: false,
      }),
    ).toEqual({ ok: false, error: 'already_answered' });
    expect(
      answerFollowUp({ ...base, contributors: [], actor: { orgId: 'om', aadObjectId: 'x', chair: false }, adviceSent: false }),
    ).toEqual({ ok: false, error: 'not_addressee' });
    const chair = answerFollowUp({
      ...base,
      contributors: ['vt'],
      actor: { orgId: 'om', aadObjectId: 'aad-chair', chair: true },
      adviceSent: false,
    });
    expect(chair.ok && chair.targets).toEqual(['thread', 'contributors']);
  });
});
