import {
  decidedDespiteConcernOf,
  developmentsOf,
  repeatCheckOf,
  type RepeatSource,
} from '../../../../src/domain/aftercare/repeat-escalation';
import {
  DEFAULT_ESCALATION_POLICY,
  decideEscalation,
  escalationPolicySchema,
  type EscalationPolicy,
} from '../../../../src/domain/rounds/escalation';
import type { ConcernVote } from '../../../../src/domain/vote';
import { at, h, rounds, vote } from '../rounds/fixtures';

/**
 * The escalation policy with the repeat check wired in (issue 15): after the OvJ decided "ondanks
 * buikpijn", the same buikpijn does not escalate again; something new does. Times: minutes after T0.
 */
const TIME_ONLY: EscalationPolicy = { ...DEFAULT_ESCALATION_POLICY, minOrgs: 7, persistentRounds: 50, persistentHours: 12 };

// vt has buikpijn from round 1 (cast at minute 10); the OvJ decides at hour 2 with it acknowledged.
const vtR1 = vote('vt', 1, true, at(10));
const adviceDecided: RepeatSource['advice'] = {
  decision: { at: h(2), concernAcknowledgement: 'Gezien, besluit staat toch' },
  draft: { openConcern: [{ orgId: 'vt', reason: 'zorg vt r1', round: 1 }] },
};
const none = { contributions: [], measures: [] };

function decideAt(now: string, votes: ConcernVote[], src: Omit<RepeatSource, 'votes'>) {
  return decideEscalation(
    { votes, rounds: rounds(1, true), caseStatus: 'open', escalatedAlready: false, now, repeat: repeatCheckOf({ ...src, votes }) },
    TIME_ONLY,
  );
}
const ruleOf = (d: ReturnType<typeof decideEscalation>): string =>
  d.escalate ? d.rule : d.nextCheckAt ? `later ${d.nextCheckAt}` : 'none';

describe('decideEscalation after a decision "ondanks buikpijn"', () => {
  it.each<[string, ConcernVote[], Omit<RepeatSource, 'votes'>, string]>([
    ['no advice decision: the time rule fires at 12 h', [vtR1], { ...none }, 'persistent_time'],
    [
      'a decision without open buikpijn (no acknowledgement): fires as before',
      [vtR1],
      { ...none, advice: { decision: { at: h(2) }, draft: { openConcern: [] } } },
      'persistent_time',
    ],
    ['decided despite the same buikpijn: nothing fires, no timer', [vtR1], { ...none, advice: adviceDecided }, 'none'],
    [
      'the same organisation re-votes the same reason (retyped) after the decision: still nothing',
      [{ ...vote('vt', 1, true, h(3)), reason: '  Zorg  VT r1 ' }],
      { ...none, advice: adviceDecided },
      'none',
    ],
    [
      'a new reason after the decision: fires',
      [{ ...vote('vt', 1, true, h(3)), reason: 'Nu ook dreiging via berichten' }],
      { ...none, advice: adviceDecided },
      'persistent_time',
    ],
    [
      'a melding contribution after the decision (new incident): fires',
      [vtR1],
      { advice: adviceDecided, contributions: [{ source: 'report', createdAt: h(5) }], measures: [] },
      'persistent_time',
    ],
    [
      'a melding from before the decision: nothing new',
      [vtR1],
      { advice: adviceDecided, contributions: [{ source: 'report', createdAt: h(1) }], measures: [] },
      'none',
    ],
    [
      'another source of contribution after the decision: nothing new',
      [vtR1],
      { advice: adviceDecided, contributions: [{ source: 'talk_with_involved', createdAt: h(5) }], measures: [] },
      'none',
    ],
    [
      'a violation of a measure reported after the decision: fires',
      [vtR1],
      { advice: adviceDecided, contributions: [], measures: [{ violations: [{ reportedAt: h(6) }] }] },
      'persistent_time',
    ],
  ])('%s', (_name, votes, src, expected) => {
    // At 16 h: past 12 h after the first vote (10 min) and after a re-vote at 3 h (which restarts the clock).
    expect(ruleOf(decideAt(h(16), votes, src))).toBe(expected);
  });

  it('a new acute mark after the decision escalates at once (acute rule)', () => {
    const votes = [vtR1, vote('om', 1, true, h(3), true)];
    expect(ruleOf(decideAt(h(3), votes, { ...none, advice: adviceDecided }))).toBe('acute_unsafe');
  });

  it('before 12 h the time rule still only plans a check (the block applies to a firing rule only)', () => {
    expect(ruleOf(decideAt(h(4), [vtR1], { ...none, advice: adviceDecided }))).toBe(`later ${at(10 + 12 * 60)}`);
  });
});

describe('what the repeat check reads of a case', () => {
  it('takes the open buikpijn of the decided advice, with the acute mark of its vote', () => {
    const votes = [vote('vt', 1, true, at(10), true), vote('om', 1, false, at(12))];
    expect(decidedDespiteConcernOf({ advice: adviceDecided, votes })).toEqual({
      at: h(2),
      concerns: [{ orgId: 'vt', reason: 'zorg vt r1', acuteUnsafe: true }],
    });
  });

  it.each<[string, RepeatSource['advice']]>([
    ['no advice', undefined],
    ['advice not decided', { draft: { openConcern: [{ orgId: 'vt', round: 1 }] } }],
    ['decided without acknowledgement', { decision: { at: h(2) }, draft: { openConcern: [{ orgId: 'vt', round: 1 }] } }],
    ['acknowledged but nothing open', { decision: { at: h(2), concernAcknowledgement: 'x'.repeat(12) }, draft: { openConcern: [] } }],
  ])('nothing decided despite buikpijn: %s', (_name, advice) => {
    expect(decidedDespiteConcernOf({ ...(advice ? { advice } : {}), votes: [vtR1] })).toBeUndefined();
  });

  it('developments: meldingen are new incidents, reported violations are overtredingen', () => {
    expect(
      developmentsOf({
        contributions: [
          { source: 'report', createdAt: h(1) },
          { source: 'own_system', createdAt: h(2) },
        ],
        measures: [{ violations: [{ reportedAt: h(3) }, { reportedAt: h(4) }] }, { violations: [] }],
      }),
    ).toEqual([
      { kind: 'new_incident', at: h(1) },
      { kind: 'measure_violation', at: h(3) },
      { kind: 'measure_violation', at: h(4) },
    ]);
  });
});

describe('(e) hermelding: a returning person within the configured period, with buikpijn standing', () => {
  const ROUNDS_ONLY: EscalationPolicy = { ...DEFAULT_ESCALATION_POLICY, persistentHours: 24 * 14 };
  const on = (days: number): EscalationPolicy => ({ ...ROUNDS_ONLY, hermeldingDays: days });
  const run = (policy: EscalationPolicy, votes: ConcernVote[], daysSinceLast: number | undefined) =>
    decideEscalation(
      {
        votes,
        rounds: rounds(1, true),
        caseStatus: 'open',
        escalatedAlready: false,
        now: h(1),
        ...(daysSinceLast !== undefined ? { returningDaysSinceLast: daysSinceLast } : {}),
      },
      policy,
    );

  it.each<[string, EscalationPolicy, ConcernVote[], number | undefined, string]>([
    ['rule off (no hermeldingDays): nothing yet', ROUNDS_ONLY, [vtR1], 30, 'later'],
    ['on, returned after 30 days within 90, buikpijn stands: escalates', on(90), [vtR1], 30, 'repeat_report'],
    ['on, returned on the last day of the period: escalates', on(30), [vtR1], 30, 'repeat_report'],
    ['on, returned a day after the period: nothing yet', on(29), [vtR1], 30, 'later'],
    ['on, no earlier case: nothing yet', on(90), [vtR1], undefined, 'later'],
    ['on, returned but nobody has buikpijn: nothing', on(90), [vote('vt', 1, false, at(10))], 30, 'none'],
    ['acute goes first', on(90), [vote('vt', 1, true, at(10), true)], 30, 'acute_unsafe'],
  ])('%s', (_name, policy, votes, days, expected) => {
    const d = run(policy, votes, days);
    expect(d.escalate ? d.rule : d.nextCheckAt ? 'later' : 'none').toBe(expected);
  });

  it('names the organisations with buikpijn and their reasons', () => {
    expect(run(on(90), [vtR1, vote('politie', 1, true, at(20)), vote('om', 1, false, at(30))], 5)).toEqual({
      escalate: true,
      rule: 'repeat_report',
      orgs: ['politie', 'vt'],
      reasons: [
        { orgId: 'politie', round: 1, reason: 'zorg politie r1', acuteUnsafe: false },
        { orgId: 'vt', round: 1, reason: 'zorg vt r1', acuteUnsafe: false },
      ],
    });
  });

  it('is off by default and configurable per location', () => {
    expect(DEFAULT_ESCALATION_POLICY.hermeldingDays).toBeUndefined();
    expect(escalationPolicySchema.parse({ hermeldingDays: 180 }).hermeldingDays).toBe(180);
    expect(escalationPolicySchema.safeParse({ hermeldingDays: 0 }).success).toBe(false);
  });
});
