import { answerFollowUp, decide, draftAdvice, sendAdvice } from '../../src/app/advice/advice';
import { castVote } from '../../src/app/cast-vote';
import { editConcreteQuestion } from '../../src/app/course/actieoverleg';
import { answerVt, voteAsVt } from '../../src/app/vt/answer';
import type { AppError } from '../../src/app/errors';
import type { EscalationRecord } from '../../src/domain/escalation-record';
import type { VtConsultationRecord } from '../../src/domain/vt/record';
import { sampleIntake, USERS } from '../helpers/fixtures';
import { ManualClock, postSignedCase, settle, startTestHost, waitFor, type TestHost } from '../helpers/host';

/**
 * The free-text gate on every other command that stores user text, through the use cases on a real
 * host (real store, real job loop): refused without the toggle (kinds named, nothing changed), stored
 * and marked with it. VT's call-back phone number is exempt.
 */
jest.setTimeout(60_000);
const ON_CALL = 'vt-oncall-utrecht-1';
let t: TestHost;
let clock: ManualClock;
let caseId: string;

const refusedWith = (r: { ok: boolean; error?: AppError }) => (r.ok ? 'stored' : `${r.error?.code}:${(r.error?.piiKinds ?? []).join(',')}`);

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-11-23T20:00:00Z')); // Monday 21:00 in Amsterdam: VT is asked at once
  t = await startTestHost({ clock });
  const res = await postSignedCase(t.base, sampleIntake({ intakeAt: clock.now().toISOString(), municipality: 'Utrecht' }), {
    timestamp: Math.floor(clock.now().getTime() / 1000),
  });
  expect(res.status).toBe(201);
  caseId = ((await res.json()) as { caseId: string }).caseId;
  await settle(t);
});
afterAll(async () => {
  await t.stop();
});

describe('free-text gate on VT answers', () => {
  it('VT "bekend" information with an e-mail address is refused, then stored with the toggle (kinds on the contribution and in the audit)', async () => {
    const consult = await waitFor('VT consultation', () => t.host.db.get<VtConsultationRecord>(caseId, 'vtconsult').then((d) => d?.body));
    const args = {
      caseId,
      seq: consult.seq,
      aadObjectId: ON_CALL,
      kind: 'known' as const,
      needToKnow: 'Bepaalt de veiligheidsafspraken.',
    };
    const before = (await t.host.deps.repo.listContributions(caseId)).length;
    expect(refusedWith(await answerVt(t.host.deps, { ...args, text: 'Moeder mailt via m.jansen@example.nl' }))).toBe('pii_found:email');
    expect(await t.host.deps.repo.listContributions(caseId)).toHaveLength(before);
    expect(refusedWith(await answerVt(t.host.deps, { ...args, text: 'Moeder mailt via m.jansen@example.nl', piiConfirm: true }))).toBe(
      'stored',
    );
    const vt = (await t.host.deps.repo.listContributions(caseId)).find((c) => c.orgId === 'vt');
    expect(vt?.piiConfirmed).toEqual(['email']);
    const audit = (await t.host.deps.repo.listAudit(caseId)).filter((a) => a.action === 'vt.answered');
    expect(audit.map((a) => a.detail?.piiConfirmed)).toEqual(['email']);
  });

  it('the call-back phone number is exempt (it is the purpose of that answer)', async () => {
    const consult = await waitFor('VT consultation', () => t.host.db.get<VtConsultationRecord>(caseId, 'vtconsult').then((d) => d?.body));
    // The consultation took the first answer; a second one on the same seq is still recorded as an answer.
    const r = await answerVt(t.host.deps, { caseId, seq: consult.seq, aadObjectId: ON_CALL, kind: 'call_back', phone: '06-12345678' });
    expect(r.ok || r.error.code).not.toBe('pii_found');
  });

  it("VT's buikpijn reason with a BSN is refused, then stored with the toggle", async () => {
    const consult = await waitFor('VT consultation', () => t.host.db.get<VtConsultationRecord>(caseId, 'vtconsult').then((d) => d?.body));
    const input = { concern: true, reason: 'Kind (BSN 111222333) eerder gemeld', acuteUnsafe: false };
    expect(refusedWith(await voteAsVt(t.host.deps, { caseId, seq: consult.seq, aadObjectId: ON_CALL, input }))).toBe('pii_found:bsn');
    expect(refusedWith(await voteAsVt(t.host.deps, { caseId, seq: consult.seq, aadObjectId: ON_CALL, input, piiConfirm: true }))).toBe(
      'stored',
    );
    expect((await t.host.deps.repo.listVotes(caseId)).find((v) => v.orgId === 'vt')?.piiConfirmed).toEqual(['bsn']);
  });
});

describe('free-text gate on the Actieoverleg question and the advice', () => {
  it("the chair's question with an address is refused, then stored and marked with the toggle", async () => {
    await castVote(t.host.deps, {
      caseId,
      aadObjectId: USERS.politie,
      input: { concern: true, reason: 'Acuut gevaar', acuteUnsafe: true },
    });
    await waitFor('escalation', () => t.host.db.get(caseId, 'escalation').then((d) => d ?? undefined));
    const question = 'Is een huisverbod nodig voor Dorpsstraat 12?';
    expect(refusedWith(await editConcreteQuestion(t.host.deps, { caseId, aadObjectId: USERS.om, question }))).toBe('pii_found:address');
    const before = await t.host.db.get<EscalationRecord>(caseId, 'escalation');
    expect(before?.body.question).not.toBe(question);
    expect(refusedWith(await editConcreteQuestion(t.host.deps, { caseId, aadObjectId: USERS.om, question, piiConfirm: true }))).toBe(
      'stored',
    );
    const after = await t.host.db.get<EscalationRecord>(caseId, 'escalation');
    expect(after?.body).toMatchObject({ question, questionPiiConfirmed: ['address'] });
    const audit = (await t.host.deps.repo.listAudit(caseId)).filter((a) => a.action === 'actieoverleg.question');
    expect(audit.at(-1)?.detail).toEqual({ piiConfirmed: 'address' });
  });

  it('advice summary, decision text and follow-up answer: refused without the toggle, marked with it', async () => {
    const summary = 'Slachtoffer geb. 12-03-1990, contactverbod nodig.';
    expect(refusedWith(await draftAdvice(t.host.deps, { caseId, aadObjectId: USERS.om, summary }))).toBe('pii_found:birthDate');
    expect(await t.host.deps.repo.getAdvice(caseId)).toBeNull();
    const drafted = await draftAdvice(t.host.deps, { caseId, aadObjectId: USERS.om, summary, piiConfirm: true });
    expect(drafted.ok && drafted.value.draft.summaryPiiConfirmed).toEqual(['birthDate']);
    const sent = await sendAdvice(t.host.deps, { caseId, aadObjectId: USERS.om });
    expect(sent.ok && sent.value.draft.summaryPiiConfirmed).toEqual(['birthDate']); // kept when the advice is recomposed
    await settle(t);

    const text = 'Huisverbod; bel de reclassering op 030-1234567.';
    const ack = 'Het huisverbod dekt het acute risico voorlopig af.';
    expect(refusedWith(await decide(t.host.deps, { caseId, aadObjectId: USERS.ovj, text, concernAcknowledgement: ack }))).toBe(
      'pii_found:phone',
    );
    const decided = await decide(t.host.deps, { caseId, aadObjectId: USERS.ovj, text, concernAcknowledgement: ack, piiConfirm: true });
    expect(decided.ok && decided.value.decision?.piiConfirmed).toEqual(['phone']);

    const answer = 'Contact via iban NL91 ABNA 0417 1643 00 geregeld.';
    expect(refusedWith(await answerFollowUp(t.host.deps, { caseId, aadObjectId: USERS.om, text: answer }))).toBe('pii_found:iban');
    const followed = await answerFollowUp(t.host.deps, { caseId, aadObjectId: USERS.om, text: answer, piiConfirm: true });
    expect(followed.ok && followed.value.followUp?.piiConfirmed).toEqual(['iban']);
  });
});
