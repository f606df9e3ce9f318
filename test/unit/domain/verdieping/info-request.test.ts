import {
  answerInfo,
  askInfo,
  declineInfo,
  declineInputSchema,
  infoRequestInputSchema,
  openRequests,
  requestAge,
  type InfoRequest,
  type InfoRequestInput,
} from '../../../../src/domain/verdieping/info-request';
import { politie, rvdk, vt } from './fixtures';

const T = (h: number) => new Date(Date.parse('2026-11-23T20:00:00.000Z') + h * 3_600_000).toISOString();
const question: InfoRequestInput = {
  toOrg: 'rvdk',
  question: 'Loopt er een onderzoek of maatregel voor de kinderen?',
  whyNeeded: 'Om te weten wie al betrokken is bij de kinderen.',
  whatItChanges: 'Dan sluiten we aan in plaats van een nieuwe melding te doen.',
};

function ask(id = 'q1', at = T(0), input = question, existing: InfoRequest[] = []): InfoRequest {
  const r = askInfo({ id, caseId: 'c1', caseOpen: true, existing, actor: politie, input, now: at });
  if (!r.ok) throw new Error(r.error);
  return r.request;
}

describe('informatievragen', () => {
  it('a partner asks a named organisation, with why it is needed and what it changes', () => {
    expect(ask()).toEqual({ id: 'q1', caseId: 'c1', fromOrg: 'politie', askedBy: 'u-politie', ...question, status: 'open', askedAt: T(0) });
  });

  it('the need-to-know test is on the question: both reasons are required and must say something', () => {
    expect(infoRequestInputSchema.safeParse(question).success).toBe(true);
    expect(infoRequestInputSchema.safeParse({ ...question, whyNeeded: 'nodig' }).success).toBe(false);
    const { whatItChanges: _dropped, ...withoutChange } = question;
    expect(infoRequestInputSchema.safeParse(withoutChange).success).toBe(false);
    expect(infoRequestInputSchema.safeParse({ ...question, fromOrg: 'om' }).success).toBe(false);
  });

  it('refuses asking the own organisation, on a closed case, and beyond the open-question limit', () => {
    expect(askInfo({ id: 'q', caseId: 'c1', caseOpen: true, existing: [], actor: rvdk, input: question, now: T(0) })).toEqual({
      ok: false,
      error: 'ask_own_org',
    });
    expect(askInfo({ id: 'q', caseId: 'c1', caseOpen: false, existing: [], actor: politie, input: question, now: T(0) })).toEqual({
      ok: false,
      error: 'case_closed',
    });
    const open = Array.from({ length: 30 }, (_, i) => ask(`q${i}`));
    expect(askInfo({ id: 'q', caseId: 'c1', caseOpen: true, existing: open, actor: politie, input: question, now: T(0) })).toEqual({
      ok: false,
      error: 'too_many_open',
    });
    const settled = open.map((q) => ({ ...q, status: 'answered' as const }));
    expect(askInfo({ id: 'q', caseId: 'c1', caseOpen: true, existing: settled, actor: politie, input: question, now: T(0) }).ok).toBe(true);
  });

  describe('life cycle', () => {
    const answer = { id: 'contrib:rvdk-1', orgId: 'rvdk' as const };

    it('open → answered: the asked organisation links its own contribution', () => {
      const r = answerInfo({ request: ask(), actor: rvdk, contribution: answer, now: T(3) });
      expect(r).toEqual({
        ok: true,
        changed: true,
        request: {
          ...ask(),
          status: 'answered',
          answerContributionId: 'contrib:rvdk-1',
          settledAt: T(3),
          settledBy: { userId: 'u-rvdk', orgId: 'rvdk' },
        },
      });
      const answered = r.ok ? r.request : ask();
      expect(answerInfo({ request: answered, actor: rvdk, contribution: answer, now: T(4) })).toEqual({
        ok: true,
        request: answered,
        changed: false,
      });
      expect(answerInfo({ request: answered, actor: rvdk, contribution: { id: 'contrib:rvdk-2', orgId: 'rvdk' }, now: T(4) })).toEqual({
        ok: false,
        error: 'already_settled',
      });
      expect(declineInfo({ request: answered, actor: rvdk, reason: 'not_known', now: T(4) })).toEqual({
        ok: false,
        error: 'already_settled',
      });
    });

    it.each([
      ['another organisation answers', vt, { id: 'contrib:vt', orgId: 'vt' as const }],
      ['the asked organisation links someone else’s contribution', rvdk, { id: 'contrib:vt', orgId: 'vt' as const }],
    ])('refuses when %s', (_what, actor, contribution) => {
      expect(answerInfo({ request: ask(), actor, contribution, now: T(1) })).toEqual({ ok: false, error: 'not_asked_org' });
    });

    it('open → declined with a reason (no legal ground, consent needed); only by the asked organisation', () => {
      const r = declineInfo({ request: ask(), actor: rvdk, reason: 'consent_needed', now: T(2) });
      expect(r.ok && r.request).toMatchObject({ status: 'declined', decline: { reason: 'consent_needed' }, settledAt: T(2) });
      const declined = r.ok ? r.request : ask();
      expect(declineInfo({ request: declined, actor: rvdk, reason: 'consent_needed', now: T(3) })).toMatchObject({
        ok: true,
        changed: false,
      });
      expect(declineInfo({ request: declined, actor: rvdk, reason: 'no_legal_basis', now: T(3) })).toEqual({
        ok: false,
        error: 'already_settled',
      });
      expect(declineInfo({ request: ask(), actor: politie, reason: 'no_legal_basis', now: T(2) })).toEqual({
        ok: false,
        error: 'not_asked_org',
      });
    });

    it('declining "other" needs a note', () => {
      expect(declineInputSchema.safeParse({ requestId: 'q1', reason: 'no_legal_basis' }).success).toBe(true);
      expect(declineInputSchema.safeParse({ requestId: 'q1', reason: 'other' }).success).toBe(false);
      expect(declineInputSchema.safeParse({ requestId: 'q1', reason: 'other', note: 'Loopt via de rechter.' }).success).toBe(true);
    });
  });

  it.each([
    [T(0), 0, 0],
    [T(23.99), 23, 0],
    [T(24), 24, 1],
    [T(75), 75, 3],
  ])('at %s the age is %i hours (%i days)', (now, hours, days) => {
    expect(requestAge(ask(), now)).toEqual({ hours, days });
  });

  it('lists open questions oldest first, optionally only those asked of one organisation', () => {
    const older = ask('q-old', T(0));
    const toVt = ask('q-vt', T(1), { ...question, toOrg: 'vt' });
    const newer = ask('q-new', T(2));
    const done = { ...ask('q-done', T(-5)), status: 'answered' as const };
    expect(openRequests([newer, done, toVt, older]).map((q) => q.id)).toEqual(['q-old', 'q-vt', 'q-new']);
    expect(openRequests([newer, done, toVt, older], 'rvdk').map((q) => q.id)).toEqual(['q-old', 'q-new']);
  });
});
