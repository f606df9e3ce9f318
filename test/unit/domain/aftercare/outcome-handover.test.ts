import {
  handoverInputSchema,
  receivingPartiesSchema,
  validateHandover,
  type ReceivingParty,
} from '../../../../src/domain/aftercare/handover';
import { setMeetingMoment, type ActieoverlegMeeting } from '../../../../src/domain/aftercare/meeting';
import {
  actionsByOwner,
  decisionsByPhase,
  outcomeInputSchema,
  overdueActions,
  recordOutcome,
  type OutcomeInput,
} from '../../../../src/domain/aftercare/outcome';
import { mayEscalateAgain, type DecidedDespiteConcern } from '../../../../src/domain/aftercare/repeat-escalation';
import type { PartnerOrg } from '../../../../src/domain/orgs';
import type { ConcernVote } from '../../../../src/domain/vote';

const owner = { orgId: 'vt' as PartnerOrg, aadObjectId: 'aad-vt' };
function meeting(): ActieoverlegMeeting {
  const r = setMeetingMoment({
    caseId: 'c1',
    input: { date: '2026-04-02', time: '14:00', place: 'ZSM' },
    actor: owner,
    caseOwnerOrg: 'vt',
    invitees: ['politie', 'om', 'vt'],
    reminderLocalTime: '09:00',
    now: '2026-04-01T08:00:00Z',
  });
  if (!r.ok) throw new Error(r.error);
  return r.meeting; // 2026-04-02T12:00Z
}

const input: OutcomeInput = outcomeInputSchema.parse({
  decisions: [
    { subject: 'safety_plan', phase: 'safety', text: 'Veiligheidsplan opstellen met beide ouders' },
    { subject: 'intervention', phase: 'care', text: 'Aanmelding wijkteam voor opvoedondersteuning' },
    { subject: 'intervention', phase: 'safety', text: 'Tijdelijk huisverbod verlengen' },
  ],
  actions: [
    { owner: 'vt', what: 'Veiligheidsplan opstellen', due: '2026-04-09' },
    { owner: 'politie', what: 'Huisverbod verlengen', due: '2026-04-03' },
    { owner: 'vt', what: 'Wijkteam aanmelden', due: '2026-04-02' },
  ],
  zvhCasusregie: true,
});

describe('the Actieoverleg outcome', () => {
  const base = { caseId: 'c1', input, actor: owner, caseOwnerOrg: 'vt' as PartnerOrg, meeting: meeting(), now: '2026-04-02T13:30:00Z' };

  it('is recorded by the casusverantwoordelijke after the meeting, with revision 1', () => {
    const r = recordOutcome(base);
    if (!r.ok) throw new Error(r.error);
    expect(r.outcome).toMatchObject({ caseId: 'c1', revision: 1, recordedAt: '2026-04-02T13:30:00.000Z', zvhCasusregie: true });
    expect(decisionsByPhase(r.outcome)).toEqual({ safety: 2, care: 1, recovery: 0 });
    expect([...actionsByOwner(r.outcome).entries()].map(([o, a]) => [o, a.map((x) => x.due)])).toEqual([
      ['vt', ['2026-04-02', '2026-04-09']],
      ['politie', ['2026-04-03']],
    ]);
    expect(overdueActions(r.outcome, '2026-04-04')).toEqual([1, 2]);
    expect(overdueActions(r.outcome, '2026-04-04', new Set([1]))).toEqual([2]);
    const again = recordOutcome({ ...base, previous: r.outcome, now: '2026-04-03T00:00:00Z' });
    expect(again.ok && again.changed).toBe(false);
    const fixed = recordOutcome({ ...base, previous: r.outcome, input: { ...input, zvhCasusregie: false } });
    expect(fixed.ok && fixed.outcome.revision).toBe(2);
  });

  it.each([
    [{ actor: { orgId: 'om' as PartnerOrg, aadObjectId: 'x' } }, 'not_case_owner'],
    [{ caseOwnerOrg: undefined }, 'not_case_owner'],
    [{ meeting: undefined }, 'no_meeting'],
    [{ now: '2026-04-02T11:59:59Z' }, 'meeting_not_held'],
    [{ input: { ...input, decisions: [] } }, 'no_decision'],
    [{ input: { ...input, actions: [{ owner: 'om' as PartnerOrg, what: 'Dagvaarden', due: '2026-04-01' }] } }, 'due_before_meeting'],
    [{ input: { ...input, actions: [{ owner: 'om' as PartnerOrg, what: 'Dagvaarden', due: '2026-13-45' }] } }, 'invalid_due'],
  ])('refuses %j: %s', (over, error) => {
    expect(recordOutcome({ ...base, ...over })).toEqual({ ok: false, error });
  });

  it('rejects unknown fields, an unknown phase and a too short decision at the edge', () => {
    expect(outcomeInputSchema.safeParse({ ...input, name: 'Jan' }).success).toBe(false);
    expect(outcomeInputSchema.safeParse({ ...input, decisions: [{ subject: 'intervention', phase: 'nazorg', text: 'abc' }] }).success).toBe(
      false,
    );
    expect(outcomeInputSchema.safeParse({ ...input, decisions: [{ subject: 'intervention', phase: 'care', text: 'ab' }] }).success).toBe(
      false,
    );
  });
});

describe('no second escalation on the same buikpijn after a decision ondanks buikpijn', () => {
  const decided: DecidedDespiteConcern = {
    at: '2026-04-01T10:00:00Z',
    concerns: [
      { orgId: 'vt', reason: 'Kinderen  waren getuige', acuteUnsafe: false },
      { orgId: 'politie', reason: 'Eerdere meldingen', acuteUnsafe: true },
    ],
  };
  const vote = (orgId: PartnerOrg, reason: string, castAt: string, acuteUnsafe = false, concern = true): ConcernVote => ({
    id: `v-${orgId}-${castAt}`,
    caseId: 'c1',
    round: 3,
    orgId,
    concern,
    reason,
    acuteUnsafe,
    voterId: 'aad',
    castAt,
  });
  const later = '2026-04-01T10:00:01Z';

  it.each([
    ['no earlier decision', undefined, [], [], { allowed: true, trigger: 'no_earlier_decision' }],
    [
      'the same reasons again (retyped)',
      decided,
      [vote('vt', ' kinderen waren GETUIGE', later), vote('politie', 'Eerdere meldingen', later, true)],
      [],
      { allowed: false },
    ],
    [
      'new votes before the decision only',
      decided,
      [vote('om', 'Iets nieuws', '2026-04-01T09:00:00Z')],
      [{ kind: 'new_incident', at: '2026-04-01T10:00:00Z' }],
      { allowed: false },
    ],
    [
      'a new reason of a known organisation',
      decided,
      [vote('vt', 'Moeder is opnieuw bedreigd', later)],
      [],
      { allowed: true, trigger: 'new_reason' },
    ],
    ['a new organisation with buikpijn', decided, [vote('om', 'Kinderen waren getuige', later)], [], { allowed: true, trigger: 'new_org' }],
    [
      'a newly acute organisation',
      decided,
      [vote('vt', 'Kinderen waren getuige', later, true)],
      [],
      { allowed: true, trigger: 'acute_unsafe' },
    ],
    ['a violation of a measure', decided, [], [{ kind: 'measure_violation', at: later }], { allowed: true, trigger: 'measure_violation' }],
    [
      'a new incident beats a violation',
      decided,
      [vote('om', 'x y z', later)],
      [
        { kind: 'measure_violation', at: later },
        { kind: 'new_incident', at: later },
      ],
      { allowed: true, trigger: 'new_incident' },
    ],
    ['a withdrawn (no concern) vote with a new reason', decided, [vote('vt', 'Gaat beter', later, false, false)], [], { allowed: false }],
  ] as const)('%s', (_name, d, votes, developments, expected) => {
    expect(mayEscalateAgain(d, { votes: [...votes], developments: [...developments] })).toEqual(expected);
  });
});

describe('closing with a handover', () => {
  const parties: ReceivingParty[] = receivingPartiesSchema.parse([
    { id: 'save-zuid', kind: 'save_jeugdbescherming', label: 'SAVE Zuid', teamsOrg: 'rvdk' },
    { id: 'wijkteam-noord', kind: 'wijkteam', label: 'Wijkteam Noord' },
    { id: 'geen', kind: 'none', label: 'Geen overdracht' },
  ]);
  const parse = (x: unknown) => handoverInputSchema.parse(x);

  it.each([
    [
      { receivingPartyId: 'save-zuid', handedOver: ['risk_assessment', 'safety_plan'] },
      {
        ok: true,
        handover: {
          partyId: 'save-zuid',
          kind: 'save_jeugdbescherming',
          handedOver: ['safety_plan', 'risk_assessment'],
          notifyOrg: 'rvdk',
        },
      },
    ],
    [
      { receivingPartyId: 'wijkteam-noord', handedOver: ['other'], note: 'Afspraken school' },
      { ok: true, handover: { partyId: 'wijkteam-noord', kind: 'wijkteam', handedOver: ['other'], note: 'Afspraken school' } },
    ],
    [
      { receivingPartyId: 'geen', noneReason: 'Geen zorgen meer na gesprek' },
      { ok: true, handover: { partyId: 'geen', kind: 'none', handedOver: [], noneReason: 'Geen zorgen meer na gesprek' } },
    ],
    [
      { receivingPartyId: 'zvh-west', handedOver: ['ovj_advice'] },
      { ok: false, error: 'unknown_party' },
    ],
    [
      { receivingPartyId: 'geen', noneReason: 'Te kort ' },
      { ok: false, error: 'none_needs_reason' },
    ],
    [
      { receivingPartyId: 'geen', noneReason: 'Geen zorgen meer na gesprek', handedOver: ['ovj_advice'] },
      { ok: false, error: 'none_hands_nothing' },
    ],
    [{ receivingPartyId: 'wijkteam-noord' }, { ok: false, error: 'nothing_handed_over' }],
    [
      { receivingPartyId: 'wijkteam-noord', handedOver: ['other'], note: '   ' },
      { ok: false, error: 'other_needs_note' },
    ],
  ])('%j → %j', (x, expected) => {
    expect(validateHandover(parse(x), parties)).toEqual(expected);
  });

  it('refuses a configuration without exactly one "geen", with duplicates, or "geen" in Teams', () => {
    expect(receivingPartiesSchema.safeParse([{ id: 'a', kind: 'wijkteam', label: 'Wijkteam' }]).success).toBe(false);
    const g = { id: 'geen', kind: 'none', label: 'Geen' };
    expect(receivingPartiesSchema.safeParse([g, g]).success).toBe(false);
    expect(receivingPartiesSchema.safeParse([{ ...g, teamsOrg: 'vt' }]).success).toBe(false);
    expect(receivingPartiesSchema.safeParse([g]).success).toBe(true);
  });
});
