import {
  canClose,
  carryOver,
  closeDespiteConcern,
  handOverCaseLead,
  mayJudgeAction,
  newAction,
  overdueActions,
  reAgenda,
  settleAction,
  takeCaseLead,
  type CaseAction,
} from '../../../../src/domain/rounds/case-lifecycle';
import type { PartnerOrg } from '../../../../src/domain/orgs';
import { at, h, inRound, rounds } from './fixtures';

describe('regie (case lead)', () => {
  it.each([
    [undefined, 'rvdk', { ok: true, lead: 'rvdk', changed: true }],
    [null, '3ro', { ok: true, lead: '3ro', changed: true }],
    ['rvdk', 'rvdk', { ok: true, lead: 'rvdk', changed: false }],
    ['rvdk', '3ro', { ok: false, error: 'lead_taken' }],
  ] as const)('take with current %s by %s', (current, org, expected) => {
    expect(takeCaseLead(current, org)).toEqual(expected);
  });

  const member = (orgId: PartnerOrg) => ({ orgId, chair: false });
  it.each([
    ['the lead hands over', 'rvdk', member('rvdk'), '3ro', { ok: true, lead: '3ro', changed: true }],
    [
      'the chair hands over for an absent lead',
      'rvdk',
      { orgId: 'om' as const, chair: true },
      '3ro',
      { ok: true, lead: '3ro', changed: true },
    ],
    ['another organisation may not', 'rvdk', member('politie'), 'politie', { ok: false, error: 'not_lead_or_chair' }],
    ['nobody has regie yet', undefined, member('rvdk'), '3ro', { ok: false, error: 'no_lead' }],
    ['a repeated hand-over is harmless', '3ro', member('rvdk'), '3ro', { ok: true, lead: '3ro', changed: false }],
  ] as const)('%s', (_label, current, from, to, expected) => {
    expect(handOverCaseLead(current, from, to)).toEqual(expected);
  });
});

describe('closing a case', () => {
  it.each([
    ['no round yet', [], [], { ok: false, error: 'no_closed_round' }],
    ['round still open', [inRound('vt', 1, false)], rounds(1, true), { ok: false, error: 'round_open' }],
    [
      'buikpijn in the last round',
      [inRound('vt', 2, true), inRound('om', 2, false)],
      rounds(2),
      { ok: false, error: 'concern_remaining', orgs: ['vt'] },
    ],
    [
      'buikpijn that was never withdrawn',
      [inRound('om', 1, true), inRound('vt', 2, false)],
      rounds(2),
      { ok: false, error: 'concern_remaining', orgs: ['om'] },
    ],
    ['nobody has buikpijn any more', [inRound('om', 1, true), inRound('om', 2, false)], rounds(2), { ok: true }],
  ])('%s', (_label, votes, rs, expected) => {
    expect(canClose(votes, rs)).toEqual(expected);
  });

  const votes = [inRound('vt', 1, true), inRound('om', 1, false)];
  const reason20 = 'x'.repeat(20);

  it.each([
    ['not the chair', false, reason20, { ok: false, error: 'not_chair' }],
    ['reason one short', true, '  ' + 'x'.repeat(19) + '  ', { ok: false, error: 'reason_too_short' }],
    ['reason too long', true, 'x'.repeat(1001), { ok: false, error: 'reason_too_long' }],
    ['chair with a reason of exactly the minimum', true, ` ${reason20} `, { ok: true, reason: reason20, remainingConcern: ['vt'] }],
  ])('close despite concern: %s', (_label, chair, reason, expected) => {
    expect(closeDespiteConcern({ actor: { chair }, reason, votes, rounds: rounds(1) })).toEqual(expected);
  });
});

describe('door-agenderen', () => {
  const now = h(0);
  it.each([
    ['in the past', at(-1), { ok: false, error: 'not_in_future' }],
    ['right now', now, { ok: false, error: 'not_in_future' }],
    ['a minute ahead', at(1), { ok: true, at: at(1) }],
    ['exactly 14 days ahead', h(14 * 24), { ok: true, at: h(14 * 24) }],
    ['14 days and a minute ahead', at(14 * 24 * 60 + 1), { ok: false, error: 'too_far' }],
    ['not a time', 'morgen', { ok: false, error: 'invalid_time' }],
    ['with an offset, stored in UTC', '2026-03-03T10:00:00+01:00', { ok: true, at: '2026-03-03T09:00:00.000Z' }],
  ])('%s', (_label, when, expected) => {
    expect(reAgenda(when, now)).toEqual(expected);
  });

  it('follows a shorter maximum', () => {
    expect(reAgenda(h(49), now, 2)).toEqual({ ok: false, error: 'too_far' });
    expect(reAgenda(h(48), new Date(now), 2)).toEqual({ ok: true, at: h(48) });
  });
});

describe('actions', () => {
  const action = (id: string, dueAt: string, status: CaseAction['status'] = 'open'): CaseAction => ({
    id,
    what: 'VT belt slachtoffer',
    orgId: 'vt',
    dueAt,
    status,
    createdAt: h(0),
  });

  it('creates an open action due in the future', () => {
    expect(newAction('a1', { what: 'Huisbezoek', orgId: 'politie', dueAt: '2026-03-02T12:00:00+01:00' }, h(0))).toEqual({
      ok: true,
      action: { id: 'a1', what: 'Huisbezoek', orgId: 'politie', dueAt: h(3), status: 'open', createdAt: h(0) },
    });
    expect(newAction('a1', { what: 'Huisbezoek', orgId: 'politie', dueAt: h(0) }, h(0))).toEqual({ ok: false, error: 'due_not_in_future' });
  });

  it('is overdue from its due moment on, only while open', () => {
    const actions = [action('due-now', h(2)), action('due-later', at(121)), action('done', h(1), 'done'), action('late', h(1))];
    expect(overdueActions(actions, h(2)).map((a) => a.id)).toEqual(['due-now', 'late']);
    expect(overdueActions(actions, at(119)).map((a) => a.id)).toEqual(['late']);
  });

  it('carries open actions over on round close and asks a verdict on the overdue ones', () => {
    const actions = [action('a', h(5)), action('b', h(1)), action('c', h(1), 'not_carried_out')];
    const result = carryOver(actions, h(2));
    expect({
      carried: result.carried.map((a) => a.id),
      needVerdict: result.needVerdict.map((a) => a.id),
      settled: result.settled.map((a) => a.id),
    }).toEqual({
      carried: ['a'],
      needVerdict: ['b'],
      settled: ['c'],
    });
  });

  it('takes one verdict, repeats harmlessly, refuses a different one', () => {
    const settled = settleAction(action('a', h(1)), 'circumstances_changed', h(2), 'slachtoffer verhuisd');
    expect(settled).toEqual({
      ok: true,
      changed: true,
      action: { ...action('a', h(1)), status: 'circumstances_changed', settledAt: h(2), note: 'slachtoffer verhuisd' },
    });
    if (!settled.ok) throw new Error('expected ok');
    expect(settleAction(settled.action, 'circumstances_changed', h(3))).toEqual({ ok: true, changed: false, action: settled.action });
    expect(settleAction(settled.action, 'done', h(3))).toEqual({ ok: false, error: 'already_settled' });
  });

  it.each([
    [{ orgId: 'vt' as const, chair: false }, 'rvdk' as const, true],
    [{ orgId: 'rvdk' as const, chair: false }, 'rvdk' as const, true],
    [{ orgId: 'om' as const, chair: true }, 'rvdk' as const, true],
    [{ orgId: 'politie' as const, chair: false }, 'rvdk' as const, false],
    [{ orgId: 'politie' as const, chair: false }, undefined, false],
  ])('may %j judge a VT action with lead %s: %s', (actor, lead, expected) => {
    expect(mayJudgeAction({ orgId: 'vt' }, actor, lead)).toBe(expected);
  });
});
