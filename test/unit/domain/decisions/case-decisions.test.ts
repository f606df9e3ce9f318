import type { CaseBundle } from '../../../../src/domain/case-bundle';
import {
  decideCloseRound,
  decideContribution,
  decideStartRound,
  decideVote,
  JOB_IDS,
  SYSTEM_ACTOR,
  type CaseDecision,
  type DecisionContext,
  type DecisionLocation,
} from '../../../../src/domain/decisions';
import type { EscalationRecord } from '../../../../src/domain/escalation-record';
import type { PartnerOrg } from '../../../../src/domain/orgs';
import { DEFAULT_ESCALATION_POLICY } from '../../../../src/domain/rounds';
import type { RoundInfo } from '../../../../src/domain/rounds';
import { voteId, type ConcernVote, type VoteInput } from '../../../../src/domain/vote';
import { sampleCase } from '../../cards/fixtures';

/** Pure table tests: a bundle, an actor, an input and `now` in; every document, audit entry and job out. */
const NOW = '2026-11-23T21:30:00.000Z';
const CASE_ID = 'c0ffee12a9b8c7d6e5f4';
const OPEN_ROUND_2: RoundInfo[] = [
  {
    number: 1,
    startedAt: '2026-11-23T19:16:00.000Z',
    startedBy: 'intake-api',
    closedAt: '2026-11-23T20:30:00.000Z',
    closedReason: 'chair',
  },
  { number: 2, startedAt: '2026-11-23T21:00:00.000Z', startedBy: 'aad-chair' },
];
const CLOSED_ROUND_2: RoundInfo[] = [OPEN_ROUND_2[0], { ...OPEN_ROUND_2[1], closedAt: '2026-11-23T21:20:00.000Z', closedReason: 'chair' }];

const location = (expectedOrgs: PartnerOrg[] = ['politie', 'om', 'vt']): DecisionLocation => ({
  expectedOrgs,
  // the time rule far away, so only acute and round rules can fire in these tables
  escalation: { ...DEFAULT_ESCALATION_POLICY, persistentHours: 24 * 14 },
});

function ctx(): DecisionContext {
  let n = 0;
  return { now: NOW, newAuditId: () => `audit-${++n}` };
}

function bundle(
  over: { rounds?: RoundInfo[]; votes?: ConcernVote[]; status?: 'open' | 'closed'; escalation?: EscalationRecord } = {},
): CaseBundle {
  const rounds = over.rounds ?? OPEN_ROUND_2;
  return {
    theCase: {
      body: sampleCase({ id: CASE_ID, rounds, round: rounds.at(-1)?.number ?? 1, status: over.status ?? 'open', actions: [] }),
      etag: 'etag-case-1',
    },
    votes: over.votes ?? [],
    contributions: [],
    ...(over.escalation ? { escalation: { body: over.escalation, etag: 'etag-esc-1' } } : {}),
  };
}

const v = (orgId: PartnerOrg, round: number, concern: boolean, acute = false, castAt = '2026-11-23T21:10:00.000Z'): ConcernVote => ({
  id: voteId(round, orgId),
  caseId: CASE_ID,
  round,
  orgId,
  concern,
  ...(concern ? { reason: 'zorgen om de kinderen' } : {}),
  acuteUnsafe: acute,
  voterId: `aad-${orgId}`,
  castAt,
});

const NO: VoteInput = { concern: false, acuteUnsafe: false };
const YES: VoteInput = { concern: true, reason: 'zorgen om de kinderen', acuteUnsafe: false };
const ACUTE: VoteInput = { concern: true, reason: 'direct gevaar thuis', acuteUnsafe: true };

const audits = (d: CaseDecision): string[] => d.audit.map((a) => `${a.action}:${a.actorId}`);
const jobs = (d: CaseDecision): string[] => d.jobs.map((j) => `${j.id}:${j.mode}`);

describe('decideVote', () => {
  const cases: {
    name: string;
    b: CaseBundle;
    org: PartnerOrg;
    input: VoteInput;
    expected?: PartnerOrg[];
    want: { audits: string[]; jobs: string[]; roundClosed: boolean; escalation?: string };
  }[] = [
    {
      name: 'a plain vote, others still to vote: the vote, its audit, a card refresh',
      b: bundle(),
      org: 'politie',
      input: NO,
      want: { audits: ['vote.cast:aad-politie'], jobs: [`${JOB_IDS.refreshCard}:request`], roundClosed: false },
    },
    {
      name: 'the last expected organisation votes: the round closes, attributed to the system',
      b: bundle({ votes: [v('politie', 2, false), v('om', 2, false)] }),
      org: 'vt',
      input: NO,
      want: { audits: ['vote.cast:aad-vt', `round.close:${SYSTEM_ACTOR}`], jobs: [`${JOB_IDS.refreshCard}:request`], roundClosed: true },
    },
    {
      name: 'acute unsafety escalates at once: record, audit by the system, post job, both cards refreshed',
      b: bundle(),
      org: 'politie',
      input: ACUTE,
      want: {
        audits: ['vote.cast:aad-politie', `case.escalated:${SYSTEM_ACTOR}`],
        jobs: [`${JOB_IDS.refreshCard}:request`, `${JOB_IDS.postActieoverleg}:ensure`, `${JOB_IDS.refreshActieoverleg}:request`],
        roundClosed: false,
        escalation: 'acute_unsafe',
      },
    },
    {
      name: 'the closing vote completes a round rule: close, then escalation, in that order',
      // shn and 3ro (not expected to vote) had buikpijn in round 1; it stands. While round 2 is open it
      // does not count for them; vt's vote closes round 2, and then it does: two organisations, two rounds.
      b: bundle({ votes: [v('shn', 1, true), v('3ro', 1, true), v('politie', 2, false), v('om', 2, false)] }),
      org: 'vt',
      input: NO,
      want: {
        audits: ['vote.cast:aad-vt', `round.close:${SYSTEM_ACTOR}`, `case.escalated:${SYSTEM_ACTOR}`],
        jobs: [`${JOB_IDS.refreshCard}:request`, `${JOB_IDS.postActieoverleg}:ensure`, `${JOB_IDS.refreshActieoverleg}:request`],
        roundClosed: true,
        escalation: 'persistent_several_orgs',
      },
    },
    {
      name: 'an escalated case: no second escalation; the Actieoverleg card (not yet posted) gets its post job back',
      b: bundle({
        escalation: { caseId: CASE_ID, at: NOW, rule: 'acute_unsafe', orgs: ['om'], reasons: [], question: 'q?', attendees: ['om'] },
      }),
      org: 'politie',
      input: ACUTE,
      want: {
        audits: ['vote.cast:aad-politie'],
        jobs: [`${JOB_IDS.refreshCard}:request`, `${JOB_IDS.postActieoverleg}:ensure`, `${JOB_IDS.refreshActieoverleg}:request`],
        roundClosed: false,
      },
    },
    {
      name: 'buikpijn without a rule yet: a timer checks the time rule later',
      b: bundle(),
      org: 'om',
      input: YES,
      want: {
        audits: ['vote.cast:aad-om'],
        jobs: [`${JOB_IDS.refreshCard}:request`, `${JOB_IDS.escalationCheck}:request`],
        roundClosed: false,
      },
    },
  ];

  it('a rule the vote itself completes fires before the round closes (one escalation)', () => {
    const b = bundle({ votes: [v('politie', 1, true), v('om', 1, true), v('politie', 2, true), v('om', 2, true)] });
    const r = decideVote(b, { actor: { aadObjectId: 'aad-vt', orgId: 'vt' }, input: NO, location: location() }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(audits(r.decision)).toEqual(['vote.cast:aad-vt', `case.escalated:${SYSTEM_ACTOR}`, `round.close:${SYSTEM_ACTOR}`]);
  });

  it.each(cases)('$name', ({ b, org, input, expected, want }) => {
    const r = decideVote(b, { actor: { aadObjectId: `aad-${org}`, orgId: org }, input, location: location(expected) }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toMatchObject({ id: voteId(2, org), round: 2, orgId: org, concern: input.concern, voterId: `aad-${org}`, castAt: NOW });
    expect(r.decision.votes).toEqual([r.value]);
    expect(audits(r.decision)).toEqual(want.audits);
    expect(jobs(r.decision)).toEqual(want.jobs);
    const closed = r.decision.nextCase.rounds.at(-1);
    expect(closed?.closedAt !== undefined).toBe(want.roundClosed);
    if (want.roundClosed) expect(closed).toMatchObject({ closedAt: NOW, closedReason: 'all_voted' });
    expect(r.decision.escalation?.rule).toBe(want.escalation);
    // the state the answer is built from is the state the commit writes
    expect(r.after.theCase).toEqual(r.decision.nextCase);
    expect(r.after.votes.filter((x) => x.id === r.value.id)).toEqual([r.value]);
    if (want.escalation) expect(r.after.escalation).toEqual(r.decision.escalation);
  });

  it('a re-vote of the same organisation replaces its vote in the state (one per organisation per round)', () => {
    const r = decideVote(
      bundle({ votes: [v('politie', 2, true)] }),
      { actor: { aadObjectId: 'aad-p2', orgId: 'politie' }, input: NO, location: location() },
      ctx(),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.after.votes.filter((x) => x.orgId === 'politie' && x.round === 2)).toEqual([r.value]);
    expect(r.value.concern).toBe(false);
  });

  it('the VT vote by phone (mayCloseRound false) never closes the round', () => {
    const r = decideVote(
      bundle({ votes: [v('politie', 2, false), v('om', 2, false)] }),
      { actor: { aadObjectId: 'aad-vt', orgId: 'vt' }, input: NO, location: location(), mayCloseRound: false },
      ctx(),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.nextCase.rounds.at(-1)?.closedAt).toBeUndefined();
    expect(audits(r.decision)).toEqual(['vote.cast:aad-vt']);
  });

  it.each([
    ['a closed case', bundle({ status: 'closed' }), 'case_closed'],
    ['a closed round', bundle({ rounds: CLOSED_ROUND_2 }), 'round_closed'],
  ])('refuses a vote on %s and decides nothing', (_n, b, error) => {
    expect(decideVote(b, { actor: { aadObjectId: 'aad-om', orgId: 'om' }, input: NO, location: location() }, ctx())).toEqual({
      ok: false,
      error,
    });
  });

  it('without a configured location: the vote only (no round close, no escalation)', () => {
    const r = decideVote(
      bundle({ votes: [v('politie', 2, false), v('om', 2, false)] }),
      { actor: { aadObjectId: 'aad-vt', orgId: 'vt' }, input: ACUTE, location: undefined },
      ctx(),
    );
    if (!r.ok) throw new Error(r.error);
    expect(audits(r.decision)).toEqual(['vote.cast:aad-vt']);
    expect(r.decision.escalation).toBeUndefined();
  });
});

describe('decideContribution', () => {
  const input = {
    text: 'Gezin bekend bij VT sinds 2024.',
    source: 'own_system' as const,
    needToKnow: 'Eerdere meldingen wegen mee in de aanpak.',
  };

  it.each([
    ['unrestricted', undefined, undefined],
    ['restricted to some organisations', ['om', 'vt'] as PartnerOrg[], 'om,vt'],
  ])('%s: the contribution, its audit (ids, no text), a card refresh; the case unchanged', (_n, visibleTo, auditVisible) => {
    const b = bundle();
    const r = decideContribution(
      b,
      { actor: { aadObjectId: 'aad-vt', orgId: 'vt' }, input, id: 'contrib:1', ...(visibleTo ? { visibleTo } : {}) },
      ctx(),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toEqual({
      id: 'contrib:1',
      caseId: CASE_ID,
      orgId: 'vt',
      authorId: 'aad-vt',
      ...input,
      ...(visibleTo ? { visibleTo } : {}),
      createdAt: NOW,
    });
    expect(r.decision.contributions).toEqual([r.value]);
    expect(r.decision.nextCase).toBe(b.theCase.body);
    expect(r.decision.audit).toEqual([
      {
        id: 'audit-1',
        caseId: CASE_ID,
        at: NOW,
        action: 'contribution.add',
        actorId: 'aad-vt',
        actorOrg: 'vt',
        detail: { contributionId: 'contrib:1', source: 'own_system', ...(auditVisible ? { visibleTo: auditVisible } : {}) },
      },
    ]);
    expect(JSON.stringify(r.decision.audit)).not.toContain(input.text);
    expect(jobs(r.decision)).toEqual([`${JOB_IDS.refreshCard}:request`]);
    expect(r.after.contributions).toEqual([r.value]);
  });

  it('refuses on a closed case', () => {
    expect(decideContribution(bundle({ status: 'closed' }), { actor: { aadObjectId: 'a', orgId: 'om' }, input, id: 'x' }, ctx())).toEqual({
      ok: false,
      error: 'case_closed',
    });
  });
});

describe('decideCloseRound (the chair)', () => {
  const chair = { aadObjectId: 'aad-chair', orgId: 'om' as PartnerOrg };

  it.each([
    ['an open round, no buikpijn', bundle(), ['round.close:aad-chair'], [`${JOB_IDS.refreshCard}:request`], undefined],
    [
      'an open round that completes a round rule when closed',
      bundle({ votes: [v('politie', 1, true), v('om', 1, true), v('politie', 2, true), v('om', 2, true)] }),
      ['round.close:aad-chair', `case.escalated:${SYSTEM_ACTOR}`],
      [`${JOB_IDS.refreshCard}:request`, `${JOB_IDS.postActieoverleg}:ensure`, `${JOB_IDS.refreshActieoverleg}:request`],
      'persistent_several_orgs',
    ],
  ])('%s', (_n, b, wantAudits, wantJobs, rule) => {
    const r = decideCloseRound(b, { actor: chair, location: location() }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toEqual({ round: 2 });
    expect(r.decision.nextCase.rounds.at(-1)).toMatchObject({ number: 2, closedAt: NOW, closedReason: 'chair' });
    expect(r.decision.audit[0]).toMatchObject({
      action: 'round.close',
      actorId: 'aad-chair',
      actorOrg: 'om',
      detail: { round: 2, reason: 'chair', overdueActions: 0 },
    });
    expect(audits(r.decision)).toEqual(wantAudits);
    expect(jobs(r.decision)).toEqual(wantJobs);
    expect(r.decision.escalation?.rule).toBe(rule);
  });

  it.each([
    ['no open round', bundle({ rounds: CLOSED_ROUND_2 }), 'no_open_round'],
    ['a closed case', bundle({ status: 'closed' }), 'case_closed'],
  ])('refuses with %s', (_n, b, error) => {
    expect(decideCloseRound(b, { actor: chair, location: location() }, ctx())).toEqual({ ok: false, error });
  });
});

describe('job ids', () => {
  it('are the ids the job handlers and the old request paths use (one job per case each)', async () => {
    const access = await import('../../../../src/app/case-access');
    const escalate = await import('../../../../src/app/course/escalate');
    expect(JOB_IDS).toEqual({
      refreshCard: access.REFRESH_CARD_JOB_ID,
      refreshActieoverleg: access.REFRESH_ACTIEOVERLEG_JOB_ID,
      postActieoverleg: escalate.POST_ACTIEOVERLEG_JOB_ID,
      escalationCheck: escalate.ESCALATION_CHECK_JOB_ID,
    });
  });
});

describe('decideStartRound (the chair)', () => {
  const chair = { aadObjectId: 'aad-chair', orgId: 'om' as PartnerOrg };
  const withReminders = { ...location(), reminders: { missingVotesAfterMinutes: 20, deputyAfterMinutes: 40 } };

  it('after a closed round: round 3, audited as the chair, reminders timed from the start, a card refresh', () => {
    const r = decideStartRound(bundle({ rounds: CLOSED_ROUND_2 }), { actor: chair, location: withReminders }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toEqual({ round: 3 });
    expect(r.decision.nextCase.round).toBe(3);
    expect(r.decision.nextCase.rounds.at(-1)).toEqual({ number: 3, startedAt: NOW, startedBy: 'aad-chair' });
    expect(r.decision.audit).toEqual([
      { id: 'audit-1', caseId: CASE_ID, at: NOW, action: 'round.start', actorId: 'aad-chair', actorOrg: 'om', detail: { round: 3 } },
    ]);
    expect(r.decision.jobs).toEqual([
      { id: 'job:missingVotes:3', type: 'missingVotes', dueAt: '2026-11-23T21:50:00.000Z', payload: { round: 3 }, mode: 'request' },
      { id: 'job:deputy:3', type: 'deputyReminder', dueAt: '2026-11-23T22:10:00.000Z', payload: { round: 3 }, mode: 'request' },
      { id: JOB_IDS.refreshCard, type: 'refreshCard', dueAt: NOW, mode: 'request' },
    ]);
    expect(r.after.theCase).toEqual(r.decision.nextCase);
  });

  it.each([
    ['a round still open', bundle(), 'round_open'],
    ['a closed case', bundle({ status: 'closed', rounds: CLOSED_ROUND_2 }), 'case_closed'],
  ])('refuses with %s', (_n, b, error) => {
    expect(decideStartRound(b, { actor: chair, location: withReminders }, ctx())).toEqual({ ok: false, error });
  });
});
