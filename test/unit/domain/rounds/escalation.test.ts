import type { ConcernVote } from '../../../../src/domain/vote';
import {
  DEFAULT_ESCALATION_POLICY,
  decideEscalation,
  escalationPolicySchema,
  type EscalationDecision,
  type EscalationPolicy,
} from '../../../../src/domain/rounds/escalation';
import type { RoundInfo } from '../../../../src/domain/rounds/round';
import { at, h, inRound, rounds, vote } from './fixtures';

/** Round-rule tests keep the time rule out of the way unless they test it. */
const NO_TIME: EscalationPolicy = { ...DEFAULT_ESCALATION_POLICY, persistentHours: 24 * 14 };

function decide(
  votes: ConcernVote[],
  rs: RoundInfo[],
  now: string,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
  extra: { caseStatus?: 'open' | 'closed'; escalatedAlready?: boolean } = {},
): EscalationDecision {
  return decideEscalation(
    { votes, rounds: rs, now, caseStatus: extra.caseStatus ?? 'open', escalatedAlready: extra.escalatedAlready ?? false },
    policy,
  );
}
const ruleOf = (d: EscalationDecision): string => (d.escalate ? d.rule : 'none');

describe('escalation policy configuration', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_ESCALATION_POLICY).toEqual({ minOrgs: 2, consecutiveRounds: 2, persistentRounds: 4, persistentHours: 12 });
    expect(escalationPolicySchema.parse({ persistentHours: 8 })).toEqual({ ...DEFAULT_ESCALATION_POLICY, persistentHours: 8 });
  });

  it.each([[{ minOrgs: 0 }], [{ consecutiveRounds: 1.5 }], [{ persistentRounds: 1 }], [{ persistentHours: 0 }], [{ acute: false }]])(
    'rejects %j',
    (bad) => {
      expect(escalationPolicySchema.safeParse(bad).success).toBe(false);
    },
  );
});

describe('(a) acuut onveilig', () => {
  it('escalates at once on a mark in the open round, with the reason', () => {
    const d = decide([inRound('vt', 1, true, true), inRound('om', 1, false)], [], at(11));
    expect(d).toEqual({
      escalate: true,
      rule: 'acute_unsafe',
      orgs: ['vt'],
      reasons: [{ orgId: 'vt', round: 1, reason: 'zorg vt r1', acuteUnsafe: true }],
    });
  });

  it('no longer counts when the organisation re-votes without the mark', () => {
    const votes = [vote('vt', 1, true, at(10), true), vote('vt', 1, true, at(12), false)];
    // The surviving vote (the store keeps one per organisation per round) starts the clock.
    expect(decide(votes, [], at(13))).toEqual({ escalate: false, nextCheckAt: at(12 * 60 + 12) });
  });

  it('still stands in the next round when the organisation has not voted again (missed decision is caught)', () => {
    expect(ruleOf(decide([inRound('vt', 1, true, true)], rounds(2, true), h(2)))).toBe('acute_unsafe');
    expect(ruleOf(decide([inRound('vt', 1, true, true), inRound('vt', 2, true)], rounds(2, true), h(3)))).toBe('none');
  });

  it('wins over the other rules when several fire', () => {
    const votes = [inRound('vt', 1, true), inRound('om', 1, true), inRound('vt', 2, true), inRound('om', 2, true, true)];
    const d = decide(votes, rounds(2, true), h(20));
    expect(d.escalate && { rule: d.rule, orgs: d.orgs }).toEqual({ rule: 'acute_unsafe', orgs: ['om'] });
  });
});

describe('(b) aanhoudend, meerdere organisaties', () => {
  it.each([
    [
      '2 organisations in 2 rounds (vote completes it)',
      [inRound('vt', 1, true), inRound('om', 1, true), inRound('vt', 2, true), inRound('om', 2, true)],
      rounds(2, true),
      'persistent_several_orgs',
    ],
    [
      'N-1: one organisation in 2 rounds',
      [inRound('vt', 1, true), inRound('om', 1, false), inRound('vt', 2, true), inRound('om', 2, false)],
      rounds(2),
      'none',
    ],
    ['K-1: 2 organisations in 1 closed round', [inRound('vt', 1, true), inRound('om', 1, true)], rounds(1), 'none'],
    ['a fresh round does not fire by itself', [inRound('vt', 1, true), inRound('om', 1, true)], rounds(2, true), 'none'],
    [
      'second organisation not yet voted in the open round',
      [inRound('vt', 1, true), inRound('om', 1, true), inRound('vt', 2, true)],
      rounds(2, true),
      'none',
    ],
    [
      'different organisations each round',
      [inRound('vt', 1, true), inRound('om', 1, true), inRound('vt', 2, true), inRound('om', 2, false), inRound('politie', 2, true)],
      rounds(2),
      'none',
    ],
    [
      'caught on the next round when missed',
      [inRound('vt', 1, true), inRound('om', 1, true), inRound('vt', 2, true), inRound('om', 2, true)],
      rounds(3, true),
      'persistent_several_orgs',
    ],
    [
      'withdrawn in the next open round',
      [inRound('vt', 1, true), inRound('om', 1, true), inRound('vt', 2, true), inRound('om', 2, true), inRound('om', 3, false)],
      rounds(3, true),
      'none',
    ],
    [
      'buikpijn stands through a round without votes',
      [inRound('vt', 1, true), inRound('om', 1, true)],
      rounds(2),
      'persistent_several_orgs',
    ],
  ])('%s', (_label, votes, rs, rule) => {
    expect(ruleOf(decide(votes, rs, h(5), NO_TIME))).toBe(rule);
  });

  it('does not count an organisation that changed its vote back to geen buikpijn in the same round', () => {
    const votes = [
      inRound('vt', 1, true),
      inRound('om', 1, true),
      inRound('vt', 2, true),
      vote('om', 2, true, at(130)),
      vote('om', 2, false, at(140)),
    ];
    expect(ruleOf(decide(votes, rounds(2, true), h(3), NO_TIME))).toBe('none');
    expect(ruleOf(decide(votes.slice(0, 4), rounds(2, true), h(3), NO_TIME))).toBe('persistent_several_orgs');
  });

  it('names the organisations and their reasons, oldest round first', () => {
    const votes = [
      inRound('vt', 1, true),
      inRound('om', 1, true),
      inRound('shn', 1, false),
      inRound('om', 2, true),
      inRound('vt', 2, true),
    ];
    expect(decide(votes, rounds(2), h(4), NO_TIME)).toEqual({
      escalate: true,
      rule: 'persistent_several_orgs',
      orgs: ['om', 'vt'],
      reasons: [
        { orgId: 'om', round: 1, reason: 'zorg om r1', acuteUnsafe: false },
        { orgId: 'vt', round: 1, reason: 'zorg vt r1', acuteUnsafe: false },
        { orgId: 'om', round: 2, reason: 'zorg om r2', acuteUnsafe: false },
        { orgId: 'vt', round: 2, reason: 'zorg vt r2', acuteUnsafe: false },
      ],
    });
  });

  it('follows the location thresholds (3 organisations, 3 rounds)', () => {
    const policy = { ...NO_TIME, minOrgs: 3, consecutiveRounds: 3 };
    const three = (r: number) => [inRound('vt', r, true), inRound('om', r, true), inRound('rvdk', r, true)];
    expect(ruleOf(decide([...three(1), ...three(2)], rounds(2), h(4), policy))).toBe('none');
    expect(ruleOf(decide([...three(1), ...three(2), ...three(3)], rounds(3), h(6), policy))).toBe('persistent_several_orgs');
  });
});

describe('(c) aanhoudend over rondes', () => {
  // One organisation at a time, each handing the buikpijn on, so rule (b) never applies.
  const relay = [
    inRound('vt', 1, true),
    inRound('vt', 2, false),
    inRound('om', 2, true),
    inRound('om', 3, false),
    inRound('politie', 3, true),
    inRound('politie', 4, false),
    inRound('3ro', 4, true),
  ];

  it('fires after M rounds with buikpijn, whoever has it', () => {
    expect(decide(relay, rounds(4), h(8), NO_TIME)).toEqual({
      escalate: true,
      rule: 'persistent_rounds',
      orgs: ['3ro'],
      reasons: [
        { orgId: 'vt', round: 1, reason: 'zorg vt r1', acuteUnsafe: false },
        { orgId: 'om', round: 2, reason: 'zorg om r2', acuteUnsafe: false },
        { orgId: 'politie', round: 3, reason: 'zorg politie r3', acuteUnsafe: false },
        { orgId: '3ro', round: 4, reason: 'zorg 3ro r4', acuteUnsafe: false },
      ],
    });
  });

  it.each([
    ['M-1 rounds', relay.slice(0, 5), rounds(3), 'none'],
    ['open round M, buikpijn confirmed in it', relay, rounds(4, true), 'persistent_rounds'],
    ['open round M, nobody voted yet', relay.slice(0, 5), rounds(4, true), 'none'],
    ['open round M, the only buikpijn withdrawn', relay.slice(0, 6), rounds(4, true), 'none'],
    ['one vote that stands, M rounds', [inRound('vt', 1, true)], rounds(4), 'persistent_rounds'],
  ])('%s', (_label, votes, rs, rule) => {
    expect(ruleOf(decide(votes, rs, h(8), NO_TIME))).toBe(rule);
  });

  it('starts counting again after a round in which nobody had buikpijn', () => {
    const votes = [
      inRound('vt', 1, true),
      inRound('vt', 2, true),
      inRound('vt', 3, false),
      ...[4, 5, 6, 7].map((r) => inRound('om', r, true)),
    ];
    const upTo = (r: number) => votes.filter((v) => v.round <= r);
    expect(ruleOf(decide(upTo(6), rounds(6), h(12), NO_TIME))).toBe('none');
    expect(ruleOf(decide(upTo(7), rounds(7), h(14), NO_TIME))).toBe('persistent_rounds');
  });
});

describe('(d) aanhoudend in de tijd', () => {
  const first = vote('vt', 1, true, h(0));

  it.each([
    ['exactly H hours', h(12), { escalate: true }],
    ['H hours minus one minute', at(12 * 60 - 1), { escalate: false, nextCheckAt: h(12) }],
    ['long after', h(40), { escalate: true }],
  ])('%s after the first buikpijn', (_label, now, expected) => {
    expect(decide([first], [], now)).toMatchObject(expected);
  });

  it('says which rule and who, and counts from the first buikpijn not the newest', () => {
    const votes = [first, vote('vt', 2, false, h(3)), vote('om', 2, true, h(3))];
    expect(decide(votes, rounds(2, true), h(12))).toEqual({
      escalate: true,
      rule: 'persistent_time',
      orgs: ['om'],
      reasons: [
        { orgId: 'vt', round: 1, reason: 'zorg vt r1', acuteUnsafe: false },
        { orgId: 'om', round: 2, reason: 'zorg om r2', acuteUnsafe: false },
      ],
    });
  });

  it('restarts the clock after a round in which nobody had buikpijn', () => {
    const votes = [first, vote('vt', 2, false, h(2)), vote('om', 3, true, h(5))];
    expect(decide(votes, rounds(3, true), h(13))).toEqual({ escalate: false, nextCheckAt: h(17) });
    expect(ruleOf(decide(votes, rounds(3, true), h(17)))).toBe('persistent_time');
  });

  it('does not run while all buikpijn has been withdrawn, even in an open round', () => {
    expect(decide([first, vote('vt', 2, false, h(2))], rounds(2, true), h(30))).toEqual({ escalate: false });
  });

  it('keeps running while an organisation with buikpijn has not voted in the open round', () => {
    const votes = [first, vote('om', 1, true, h(0.5)), vote('om', 2, false, h(2))];
    expect(ruleOf(decide(votes, rounds(2, true), h(12), { ...DEFAULT_ESCALATION_POLICY, minOrgs: 3 }))).toBe('persistent_time');
  });

  it('follows the location threshold', () => {
    expect(decide([first], [], h(5), { ...DEFAULT_ESCALATION_POLICY, persistentHours: 4 })).toMatchObject({
      escalate: true,
      rule: 'persistent_time',
    });
    expect(decide([first], [], h(3), { ...DEFAULT_ESCALATION_POLICY, persistentHours: 4 })).toEqual({ escalate: false, nextCheckAt: h(4) });
  });
});

describe('never twice, never for a closed case', () => {
  const acuteAndOld = [vote('vt', 1, true, h(0), true), vote('om', 1, true, h(0))];

  it.each([
    ['closed case with acute mark and time passed', { caseStatus: 'closed' as const }],
    ['already escalated', { escalatedAlready: true }],
  ])('%s: no decision and no timer', (_label, extra) => {
    expect(decide(acuteAndOld, rounds(3), h(48), DEFAULT_ESCALATION_POLICY, extra)).toEqual({ escalate: false });
    expect(decide([vote('vt', 1, true, h(0))], [], h(11), DEFAULT_ESCALATION_POLICY, extra)).toEqual({ escalate: false });
  });

  it('gives no timer when nobody has buikpijn', () => {
    expect(decide([], [], h(1))).toEqual({ escalate: false });
    expect(decide([inRound('vt', 1, false)], rounds(1), h(1))).toEqual({ escalate: false });
  });
});

describe('rule order', () => {
  it('prefers multiple organisations over rounds over time', () => {
    const both = [1, 2, 3, 4].flatMap((r) => [inRound('vt', r, true), inRound('om', r, true)]);
    expect(ruleOf(decide(both, rounds(4), h(20)))).toBe('persistent_several_orgs');
    const one = [1, 2, 3, 4].map((r) => inRound('vt', r, true));
    expect(ruleOf(decide(one, rounds(4), h(20)))).toBe('persistent_rounds');
  });
});
