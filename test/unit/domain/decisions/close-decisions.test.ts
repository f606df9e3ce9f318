import type { CaseBundle } from '../../../../src/domain/case-bundle';
import { aftercareConfigSchema, type HandoverInput } from '../../../../src/domain/aftercare';
import {
  CLOSING_JOB_ID,
  closureOf,
  decideCloseCase,
  safetyRuleApplies,
  unplacedPersons,
  type CloseArgs,
  type CloseError,
  type DecisionContext,
} from '../../../../src/domain/decisions';
import type { PartnerOrg } from '../../../../src/domain/orgs';
import type { RoundInfo } from '../../../../src/domain/rounds';
import { EMPTY_VERDIEPING, type VerdiepingDocs } from '../../../../src/domain/verdieping/bundle';
import type { SafetyPlanEntry } from '../../../../src/domain/verdieping/safety-plan';
import { voteId, type ConcernVote } from '../../../../src/domain/vote';
import { sampleCase } from '../../cards/fixtures';

/**
 * The closing rule as a table: the buikpijn rule, the safety plan rule (issue 14) and the handover
 * (issue 15), for a normal close and for the chair's "ondanks". The sample case has a suspect, a
 * victim and two children (13 and 9).
 */
const NOW = '2026-11-23T21:30:00.000Z';
const CASE_ID = 'c0ffee12a9b8c7d6e5f4';
const PARTIES = aftercareConfigSchema.parse({}).receivingParties;
const ctx = (): DecisionContext => {
  let n = 0;
  return { now: NOW, newAuditId: () => `audit-${++n}` };
};

const CLOSED_ROUND: RoundInfo[] = [
  { number: 1, startedAt: '2026-11-23T19:16:00.000Z', startedBy: 'x', closedAt: '2026-11-23T20:30:00.000Z' },
];
const OPEN_ROUND: RoundInfo[] = [{ number: 1, startedAt: '2026-11-23T19:16:00.000Z', startedBy: 'x' }];

const vote = (orgId: PartnerOrg, concern: boolean): ConcernVote => ({
  id: voteId(1, orgId),
  caseId: CASE_ID,
  round: 1,
  orgId,
  concern,
  ...(concern ? { reason: 'Zorgen over de kinderen' } : {}),
  acuteUnsafe: false,
  voterId: `aad-${orgId}`,
  castAt: '2026-11-23T20:00:00.000Z',
});

const holder = (personRef: string): { body: SafetyPlanEntry; etag: string } => ({
  body: {
    caseId: CASE_ID,
    personRef,
    holder: { orgId: 'rvdk' },
    measure: 'Toezicht',
    status: 'running',
    checkDate: '2026-12-01',
    updatedAt: NOW,
    updatedBy: { userId: 'aad-rvdk', orgId: 'rvdk' },
  },
  etag: `e-${personRef}`,
});
const needsHolder = (personRef: string): { body: SafetyPlanEntry; etag: string } => ({
  body: { caseId: CASE_ID, personRef, updatedAt: NOW, updatedBy: { userId: 'aad-rvdk', orgId: 'rvdk' } },
  etag: `e-${personRef}`,
});

const inVerdieping = (plan: VerdiepingDocs['safetyPlan']): VerdiepingDocs => ({
  ...EMPTY_VERDIEPING,
  phase: { body: { caseId: CASE_ID, phase: 'verdieping', timeline: [] }, etag: 'p' },
  safetyPlan: plan,
});
const zsmPlan = (plan: VerdiepingDocs['safetyPlan']): VerdiepingDocs => ({ ...EMPTY_VERDIEPING, safetyPlan: plan });
const ALL_PLACED = ['slachtoffer-1', 'kind-1', 'kind-2'].map(holder);

function bundle(over: { votes?: ConcernVote[]; rounds?: RoundInfo[]; verdieping?: VerdiepingDocs; status?: 'open' | 'closed' } = {}) {
  const b: CaseBundle = {
    theCase: {
      body: sampleCase({ id: CASE_ID, status: over.status ?? 'open', round: 1, rounds: over.rounds ?? CLOSED_ROUND }),
      etag: 'v1',
    },
    votes: over.votes ?? [vote('politie', false)],
    contributions: [],
    ...(over.verdieping ? { verdieping: over.verdieping } : {}),
  };
  return b;
}

const TO_SAVE: HandoverInput = { receivingPartyId: 'save', handedOver: ['safety_plan', 'ovj_advice'] };
const TO_NOBODY: HandoverInput = { receivingPartyId: 'geen', handedOver: [], noneReason: 'Gezin verhuist naar Belgie.' };
const REASON = 'Besluit genomen: voorgeleiding; VT volgt het gezin.';

const args = (over: Partial<CloseArgs> = {}): CloseArgs => ({
  actor: { aadObjectId: 'aad-om-chair', orgId: 'om' },
  chair: true,
  mode: 'normal',
  handover: TO_SAVE,
  parties: PARTIES,
  ...over,
});

describe('when the safety plan rule applies', () => {
  it.each<[string, VerdiepingDocs | undefined, boolean]>([
    ['no verdieping documents (ZSM, nothing written)', undefined, false],
    ['ZSM phase, empty plan', EMPTY_VERDIEPING, false],
    ['ZSM phase, the plan names a person', zsmPlan([holder('kind-1')]), true],
    ['in verdieping, empty plan', inVerdieping([]), true],
  ])('%s', (_name, verdieping, applies) => {
    expect(safetyRuleApplies(bundle(verdieping ? { verdieping } : {}))).toBe(applies);
  });

  it.each<[string, VerdiepingDocs, string[]]>([
    ['in verdieping, nobody placed', inVerdieping([]), ['slachtoffer-1', 'kind-1', 'kind-2']],
    ['in verdieping, one child placed', inVerdieping([holder('kind-2')]), ['slachtoffer-1', 'kind-1']],
    ['victim and both children placed', inVerdieping(ALL_PLACED), []],
    ['the suspect marked as needing a holder', inVerdieping([...ALL_PLACED, needsHolder('verdachte-1')]), ['verdachte-1']],
    ['ZSM, the plan names only kind-1', zsmPlan([holder('kind-1')]), ['slachtoffer-1', 'kind-2']],
  ])('%s', (_name, verdieping, unplaced) => {
    expect(unplacedPersons(bundle({ verdieping }))).toEqual(unplaced);
  });
});

describe('closureOf: the table', () => {
  const concern = [vote('politie', false), vote('vt', true)];
  const rows: [string, Parameters<typeof bundle>[0], Partial<CloseArgs>, CloseError | 'ok'][] = [
    ['normal, ZSM, no buikpijn, handover to SAVE', {}, {}, 'ok'],
    ['normal, ZSM, to nobody with a reason', {}, { handover: TO_NOBODY }, 'ok'],
    ['normal, closed case', { status: 'closed' }, {}, 'case_closed'],
    ['normal, round still open', { rounds: OPEN_ROUND }, {}, 'round_open'],
    ['normal, no round at all', { rounds: [] }, {}, 'no_closed_round'],
    ['normal, buikpijn stands', { votes: concern }, {}, 'concern_remaining'],
    ['normal, verdieping, nobody placed', { verdieping: inVerdieping([]) }, {}, 'safety_not_placed'],
    ['normal, verdieping, one child unplaced', { verdieping: inVerdieping(ALL_PLACED.slice(0, 2)) }, {}, 'safety_not_placed'],
    ['normal, verdieping, all placed', { verdieping: inVerdieping(ALL_PLACED) }, {}, 'ok'],
    ['normal, buikpijn AND unplaced: buikpijn is named first', { votes: concern, verdieping: inVerdieping([]) }, {}, 'concern_remaining'],
    [
      'normal, all placed but no handover items',
      { verdieping: inVerdieping(ALL_PLACED) },
      { handover: { receivingPartyId: 'wijkteam', handedOver: [] } },
      'nothing_handed_over',
    ],
    ['normal, unknown party', {}, { handover: { receivingPartyId: 'reclassering', handedOver: ['ovj_advice'] } }, 'unknown_party'],
    ['normal, to nobody without a reason', {}, { handover: { receivingPartyId: 'geen', handedOver: [] } }, 'none_needs_reason'],
    ['normal, to nobody but items handed over', {}, { handover: { ...TO_NOBODY, handedOver: ['safety_plan'] } }, 'none_hands_nothing'],
    ['normal, "other" without a note', {}, { handover: { receivingPartyId: 'zvh', handedOver: ['other'] } }, 'other_needs_note'],
    ['after the decision, buikpijn stands, round open', { votes: concern, rounds: OPEN_ROUND }, { afterDecision: true }, 'ok'],
    [
      'after the decision, verdieping, unplaced',
      { votes: concern, verdieping: inVerdieping([]) },
      { afterDecision: true },
      'safety_not_placed',
    ],
    [
      'after the decision, no handover',
      {},
      { afterDecision: true, handover: { receivingPartyId: 'geen', handedOver: [] } },
      'none_needs_reason',
    ],
    ['ondanks, verdieping, unplaced, chair with reason', { verdieping: inVerdieping([]) }, { mode: 'despite', reason: REASON }, 'ok'],
    ['ondanks, buikpijn, chair with reason', { votes: concern }, { mode: 'despite', reason: REASON }, 'ok'],
    ['ondanks, round open (the chair ends it)', { votes: concern, rounds: OPEN_ROUND }, { mode: 'despite', reason: REASON }, 'ok'],
    ['ondanks, not the chair', { verdieping: inVerdieping([]) }, { mode: 'despite', reason: REASON, chair: false }, 'not_chair'],
    ['ondanks, reason too short', { verdieping: inVerdieping([]) }, { mode: 'despite', reason: 'kort' }, 'reason_too_short'],
    ['ondanks, reason too long', { verdieping: inVerdieping([]) }, { mode: 'despite', reason: 'x'.repeat(1001) }, 'reason_too_long'],
    [
      'ondanks still names a handover',
      { verdieping: inVerdieping([]) },
      { mode: 'despite', reason: REASON, handover: { receivingPartyId: 'geen', handedOver: [] } },
      'none_needs_reason',
    ],
  ];
  it.each(rows.map(([name, b, a, expected]) => [`${name} → ${expected}`, b, a, expected] as const))('%s', (_name, b, a, expected) => {
    const r = closureOf(bundle(b), args(a), NOW);
    expect(r.ok ? 'ok' : r.error).toBe(expected);
  });

  it('a normal close records the handover and nothing overridden', () => {
    const r = closureOf(bundle({ verdieping: inVerdieping(ALL_PLACED) }), args(), NOW);
    expect(r).toEqual({
      ok: true,
      closure: {
        at: NOW,
        by: 'aad-om-chair',
        despiteConcern: false,
        remainingConcern: [],
        handover: { partyId: 'save', kind: 'save_jeugdbescherming', handedOver: ['safety_plan', 'ovj_advice'] },
      },
    });
  });

  it('ondanks with unplaced persons only: despiteSafety with the persons, not "ondanks buikpijn"', () => {
    const r = closureOf(
      bundle({ verdieping: inVerdieping([holder('kind-2')]) }),
      args({ mode: 'despite', reason: ` ${REASON} `, handover: TO_NOBODY }),
      NOW,
    );
    expect(r).toEqual({
      ok: true,
      closure: {
        at: NOW,
        by: 'aad-om-chair',
        despiteConcern: false,
        reason: REASON,
        remainingConcern: [],
        despiteSafety: true,
        unplacedSafety: ['slachtoffer-1', 'kind-1'],
        handover: { partyId: 'geen', kind: 'none', handedOver: [], noneReason: 'Gezin verhuist naar Belgie.' },
      },
    });
  });

  it('ondanks with buikpijn and unplaced persons records both', () => {
    const r = closureOf(
      bundle({ votes: [vote('politie', false), vote('vt', true)], verdieping: inVerdieping(ALL_PLACED.slice(1)) }),
      args({ mode: 'despite', reason: REASON }),
      NOW,
    );
    expect(r.ok && r.closure).toMatchObject({
      despiteConcern: true,
      remainingConcern: ['vt'],
      despiteSafety: true,
      unplacedSafety: ['slachtoffer-1'],
    });
  });

  it('ondanks with nothing to override is an "ondanks buikpijn" without organisations (as before)', () => {
    const r = closureOf(bundle(), args({ mode: 'despite', reason: REASON }), NOW);
    expect(r.ok && r.closure).toMatchObject({ despiteConcern: true, remainingConcern: [] });
    expect(r.ok && r.closure.despiteSafety).toBeUndefined();
  });

  it('a receiving party that is a partner in Teams is named for terugkoppeling', () => {
    const parties = aftercareConfigSchema.parse({
      receivingParties: [
        { id: 'rvdk-jb', kind: 'save_jeugdbescherming', label: 'Jeugdbescherming (RvdK)', teamsOrg: 'rvdk' },
        { id: 'geen', kind: 'none', label: 'Geen overdracht' },
      ],
    }).receivingParties;
    const r = closureOf(bundle(), args({ parties, handover: { receivingPartyId: 'rvdk-jb', handedOver: ['contact_person'] } }), NOW);
    expect(r.ok && r.closure.handover).toEqual({
      partyId: 'rvdk-jb',
      kind: 'save_jeugdbescherming',
      handedOver: ['contact_person'],
      notifyOrg: 'rvdk',
    });
  });
});

describe('decideCloseCase', () => {
  it('closes in one commit: the case, one audit line with ids only, the terugkoppeling job and the card refresh', () => {
    const d = decideCloseCase(bundle(), args({ handover: { ...TO_SAVE, note: 'Dossier via beveiligde mail' } }), ctx());
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.nextCase).toMatchObject({
      status: 'closed',
      closure: { handover: { partyId: 'save', note: 'Dossier via beveiligde mail' } },
    });
    expect(d.decision.audit).toEqual([
      {
        id: 'audit-1',
        caseId: CASE_ID,
        at: NOW,
        action: 'case.close',
        actorId: 'aad-om-chair',
        actorOrg: 'om',
        detail: { despiteConcern: false, handoverTo: 'save', handedOver: 'safety_plan,ovj_advice' },
      },
    ]);
    expect(JSON.stringify(d.decision.audit)).not.toContain('beveiligde');
    expect(d.decision.jobs.map((j) => [j.id, j.type, j.mode])).toEqual([
      [CLOSING_JOB_ID, 'closingFeedback', 'request'],
      ['job:refreshCard', 'refreshCard', 'request'],
    ]);
    expect(d.after.theCase).toBe(d.decision.nextCase);
  });

  it('the audit of an "ondanks" names the overridden organisations and persons', () => {
    const d = decideCloseCase(
      bundle({ votes: [vote('vt', true)], verdieping: inVerdieping([]) }),
      args({ mode: 'despite', reason: REASON, handover: TO_NOBODY }),
      ctx(),
    );
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.audit[0]?.detail).toEqual({
      despiteConcern: true,
      remaining: 'vt',
      unplacedSafety: 'slachtoffer-1,kind-1,kind-2',
      handoverTo: 'geen',
      handedOver: '',
    });
  });

  it('a refusal writes nothing', () => {
    expect(decideCloseCase(bundle({ verdieping: inVerdieping([]) }), args(), ctx())).toEqual({ ok: false, error: 'safety_not_placed' });
  });
});
