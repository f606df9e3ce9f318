import { agendaFacts } from '../../../src/domain/agenda-entry';
import type { PartnerOrg } from '../../../src/domain/orgs';
import { voteId, type ConcernVote } from '../../../src/domain/vote';
import { aCase, at } from '../../contract/fixtures/domain';

const vote = (orgId: PartnerOrg, round: number, concern: boolean, acuteUnsafe = false): ConcernVote => ({
  id: voteId(round, orgId),
  caseId: 'c1',
  round,
  orgId,
  concern,
  acuteUnsafe,
  voterId: `u-${orgId}`,
  castAt: at(round * 100),
});
const EXPECTED: PartnerOrg[] = ['politie', 'om', 'vt'];
const inRound = (round: number) => ({ ...aCase('c1'), round, rounds: [{ number: round, startedAt: at(0), startedBy: 'x' }] });

describe('agendaFacts (pure): what the agenda shows of one case', () => {
  it.each([
    { name: 'no votes', votes: [], round: 1, cast: 0, concern: [], acute: false },
    {
      name: 'two of three voted, one concern',
      votes: [vote('politie', 1, true), vote('om', 1, false)],
      round: 1,
      cast: 2,
      concern: ['politie'],
      acute: false,
    },
    { name: 'acute concern', votes: [vote('vt', 1, true, true)], round: 1, cast: 1, concern: ['vt'], acute: true },
    {
      name: 'an unexpected org counts for concern, not for votes cast',
      votes: [vote('rvdk', 1, true)],
      round: 1,
      cast: 0,
      concern: ['rvdk'],
      acute: false,
    },
    // round 2: last round's vote still stands for concern, but only round-2 votes count as cast
    {
      name: 'concern stands into the next round, cast counts this round',
      votes: [vote('politie', 1, true), vote('om', 2, false)],
      round: 2,
      cast: 1,
      concern: ['politie'],
      acute: false,
    },
    {
      name: 'withdrawn acute concern is no longer acute',
      votes: [vote('vt', 1, true, true), vote('vt', 2, false)],
      round: 2,
      cast: 1,
      concern: [],
      acute: false,
    },
  ])('$name', ({ votes, round, cast, concern, acute }) => {
    const f = agendaFacts({ theCase: inRound(round), votes, escalated: false, vtConsultation: null, expectedOrgs: EXPECTED });
    expect(f).toMatchObject({ voted: cast, expected: 3, concernOrgs: concern, acuteUnsafe: acute, vtQuestionOpen: false });
  });

  it.each([
    ['asked', true],
    ['reminded', true],
    ['backup_asked', true],
    ['answered', false],
    ['no_answer', false],
  ] as const)('VT consultation %s → question open: %s', (status, open) => {
    const f = agendaFacts({
      theCase: inRound(1),
      votes: [],
      escalated: true,
      vtConsultation: { state: { status } },
      expectedOrgs: EXPECTED,
    });
    expect(f.vtQuestionOpen).toBe(open);
    expect(f.escalated).toBe(true);
  });

  it('counts each expected organisation once', () => {
    const f = agendaFacts({ theCase: inRound(1), votes: [], escalated: false, vtConsultation: null, expectedOrgs: ['om', 'om', 'vt'] });
    expect(f.expected).toBe(2);
  });
});
