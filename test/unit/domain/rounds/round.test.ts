import {
  allVoted,
  canStartRound,
  closeRound,
  concernedOrgs,
  currentRoundNumber,
  isCurrentRoundOpen,
  missingOrgs,
  roundDelta,
  standingPicture,
  startRound,
} from '../../../../src/domain/rounds/round';
import type { PartnerOrg } from '../../../../src/domain/orgs';
import { at, h, inRound, rounds, vote } from './fixtures';

const EXPECTED: PartnerOrg[] = ['politie', 'om', '3ro', 'rvdk', 'shn', 'vt'];

describe('missing organisations and all voted', () => {
  const votes = [inRound('vt', 2, true), inRound('om', 2, false), inRound('politie', 1, true), inRound('halt', 2, true)];

  it('lists expected organisations without a vote in that round, in partner order', () => {
    expect(missingOrgs(EXPECTED, votes, 2)).toEqual(['politie', '3ro', 'rvdk', 'shn']);
    expect(missingOrgs(EXPECTED, votes, 1)).toEqual(['om', '3ro', 'rvdk', 'shn', 'vt']);
  });

  it('ignores duplicates in the expected list and votes of unexpected organisations', () => {
    expect(missingOrgs(['vt', 'vt', 'om'], votes, 2)).toEqual([]);
  });

  it.each([
    [['vt', 'om'] as PartnerOrg[], true],
    [['vt', 'om', 'politie'] as PartnerOrg[], false],
  ])('all voted for %j in round 2: %s', (expected, result) => {
    expect(allVoted(expected, votes, 2)).toBe(result);
  });
});

describe('starting and closing rounds', () => {
  it('treats an unrecorded first round as round 1 and open', () => {
    expect(currentRoundNumber([])).toBe(1);
    expect(isCurrentRoundOpen([])).toBe(true);
    expect(isCurrentRoundOpen(rounds(2))).toBe(false);
    expect(isCurrentRoundOpen(rounds(2, true))).toBe(true);
  });

  it.each([
    ['no round recorded', [], { ok: true, number: 1 }],
    ['current round open', rounds(1, true), { ok: false, error: 'round_open' }],
    ['current round closed', rounds(3), { ok: true, number: 4 }],
  ])('can start a round: %s', (_label, rs, expected) => {
    expect(canStartRound(rs)).toEqual(expected);
  });

  it('starts the next round with who and when (UTC)', () => {
    const result = startRound(rounds(1), 'u-chair', '2026-03-02T12:00:00+01:00');
    expect(result).toEqual({
      ok: true,
      round: { number: 2, startedAt: '2026-03-02T11:00:00.000Z', startedBy: 'u-chair' },
      rounds: [rounds(1)[0], { number: 2, startedAt: '2026-03-02T11:00:00.000Z', startedBy: 'u-chair' }],
    });
  });

  it('refuses a second open round, a start before the previous close, and an invalid time', () => {
    expect(startRound(rounds(1, true), 'u', h(5))).toEqual({ ok: false, error: 'round_open' });
    expect(startRound(rounds(1), 'u', at(59))).toEqual({ ok: false, error: 'time_before_previous' });
    expect(startRound(rounds(1), 'u', at(60)).ok).toBe(true);
    expect(startRound([], 'u', 'gisteren')).toEqual({ ok: false, error: 'invalid_time' });
  });

  it('closes the open round with the reason and keeps the others', () => {
    const result = closeRound(rounds(2, true), 'all_voted', new Date(h(3)));
    expect(result.ok && result.round).toEqual({
      number: 2,
      startedAt: h(2),
      startedBy: 'chair',
      closedAt: h(3),
      closedReason: 'all_voted',
    });
    expect(result.ok && result.rounds.map((r) => r.closedAt)).toEqual([h(1), h(3)]);
  });

  it.each([
    ['no round', [], h(1), 'no_open_round'],
    ['already closed', rounds(2), h(9), 'no_open_round'],
    ['before its start', rounds(2, true), at(119), 'time_before_previous'],
  ])('refuses to close: %s', (_label, rs, now, error) => {
    expect(closeRound(rs, 'chair', now)).toEqual({ ok: false, error });
  });

  it('works on rounds stored out of order', () => {
    const shuffled = [...rounds(3, true)].reverse();
    expect(canStartRound(shuffled)).toEqual({ ok: false, error: 'round_open' });
    const closed = closeRound(shuffled, 'chair', h(5));
    expect(closed.ok && closed.rounds.map((r) => r.number)).toEqual([1, 2, 3]);
  });
});

describe('standing buikpijn', () => {
  it('keeps per organisation its newest vote up to the round, later rounds ignored', () => {
    const votes = [inRound('vt', 1, true), inRound('vt', 2, false), inRound('om', 1, true), inRound('om', 3, false)];
    const standing = standingPicture(votes, 2);
    expect(standing.get('vt')?.round).toBe(2);
    expect(standing.get('om')?.round).toBe(1);
    expect(concernedOrgs(votes, 2)).toEqual(['om']);
    expect(concernedOrgs(votes, 3)).toEqual([]);
    expect(concernedOrgs(votes, 1)).toEqual(['om', 'vt']);
  });

  it('takes the later re-vote within a round', () => {
    const votes = [vote('vt', 1, true, at(10)), vote('vt', 1, false, at(20))];
    expect(concernedOrgs(votes, 1)).toEqual([]);
    expect(concernedOrgs([votes[1], votes[0]], 1)).toEqual([]);
  });
});

describe('round delta', () => {
  it('marks every vote of round 1 as nieuw', () => {
    expect(roundDelta([inRound('vt', 1, true), inRound('om', 1, false)], 1)).toEqual([
      { orgId: 'om', change: 'new', concern: false },
      { orgId: 'vt', change: 'new', concern: true },
    ]);
  });

  it('tells gelijk, erbij, weg and nieuw against the previous round', () => {
    const votes = [
      inRound('vt', 1, true),
      inRound('om', 1, false),
      inRound('politie', 1, true),
      inRound('rvdk', 1, true),
      inRound('vt', 2, true),
      inRound('om', 2, true),
      inRound('politie', 2, false),
      inRound('3ro', 2, false),
    ];
    expect(roundDelta(votes, 2)).toEqual([
      { orgId: 'politie', change: 'resolved', concern: false },
      { orgId: 'om', change: 'raised', concern: true },
      { orgId: '3ro', change: 'new', concern: false },
      { orgId: 'vt', change: 'same', concern: true },
    ]);
  });

  it('compares with what still stood when the organisation skipped a round', () => {
    const votes = [inRound('shn', 1, true), inRound('shn', 3, true), inRound('vt', 1, true), inRound('vt', 3, false)];
    expect(roundDelta(votes, 3)).toEqual([
      { orgId: 'shn', change: 'same', concern: true },
      { orgId: 'vt', change: 'resolved', concern: false },
    ]);
  });
});
