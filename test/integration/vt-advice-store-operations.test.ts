import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftAdvice, decide, sendAdvice, answerFollowUp } from '../../src/app/advice/advice';
import { addVtInfo, answerVt, voteAsVt } from '../../src/app/vt/answer';
import { askVt } from '../../src/app/vt/consult';
import type { Result } from '../../src/app/errors';
import { countingStore, type StoreCounter } from '../helpers/counting-store';
import { sampleIntake, USERS } from '../helpers/fixtures';
import {
  channelActivity,
  driveJobsByHand,
  ManualClock,
  personalActivity,
  postSignedCase,
  sendActivity,
  settle,
  startTestHost,
  type TestHost,
} from '../helpers/host';
import { makeDocStore, type TestStore } from '../helpers/stores';
import { HANDOVER_FIELDS } from '../helpers/handover';

/**
 * Store operations per VT answer and per advice step, counted by an instrumented DocStore under the
 * real host (SQLite, the job loop stopped while a step is counted): each step is one partition read
 * and one commit. Composing the advice also reads the person index once per pseudonym of the case
 * (earlier cases, "oude bekenden"): outside the case partition, so counted apart.
 */
jest.setTimeout(120_000);
const ON_CALL = 'vt-oncall-utrecht-1';

let store: TestStore;
let counter: StoreCounter;
let t: TestHost;
let caseId: string;
let pseudonyms: number;
const dir = mkdtempSync(join(tmpdir(), 'zsm-vt-ops-'));
const measured: Record<string, Record<string, number>> = {};

async function counted<T>(label: string, step: () => Promise<Result<T>>): Promise<Record<string, number>> {
  counter.reset();
  const r = await step();
  const counts = counter.take();
  if (!r.ok) throw new Error(`${label} refused: ${r.error.code}`);
  measured[label] = counts;
  return counts;
}

beforeAll(async () => {
  const clock = new ManualClock(Date.parse('2026-11-23T20:00:00Z')); // Monday 21:00 in Amsterdam: VT's on-call staff is asked
  store = await makeDocStore('sqlite');
  counter = countingStore(store.db);
  t = await startTestHost({ clock, db: counter.store, dataDir: dir, env: { VT_CONFIG_FILE: 'config/vt.example.json' } });
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
  await sendActivity(t.base, personalActivity(t.stub.url, ON_CALL));
  const res = await postSignedCase(t.base, sampleIntake({ intakeAt: clock.now().toISOString(), municipality: 'Utrecht' }), {
    timestamp: Math.floor(clock.now().getTime() / 1000),
  });
  expect(res.status).toBe(201);
  caseId = ((await res.json()) as { caseId: string }).caseId;
  await settle(t);
  expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.state.primary).toBe(ON_CALL);
  pseudonyms = (await t.host.deps.repo.getCase(caseId))!.persons.filter((p) => p.pseudonym).length;
  expect(pseudonyms).toBeGreaterThan(0);
  // From here on the job loop runs only when the test drives it (no hand-off of card refreshes either).
  await driveJobsByHand(t);
  await t.host.runner.stop();
});

afterAll(async () => {
  await t.stop();
  await store.cleanup();
  rmSync(dir, { recursive: true, force: true });
  console.log(`store operations per VT answer and advice step:\n${JSON.stringify(measured, null, 1)}`);
});

describe('store operations per VT answer (counted, SQLite)', () => {
  it("VT's answer: one partition read and one commit (consultation, contribution, audit and jobs in it)", async () => {
    const counts = await counted('vt answer', () =>
      answerVt(t.host.deps, {
        caseId,
        seq: 1,
        aadObjectId: ON_CALL,
        kind: 'known',
        text: 'Gezin bekend bij Veilig Thuis sinds vorig jaar.',
        needToKnow: 'Eerdere meldingen bepalen het veiligheidsplan.',
      }),
    );
    expect(counts).toEqual({ readPartition: 1, commit: 1 });
    const r = (await t.host.deps.repo.getVtConsultation(caseId))!.body;
    expect(r.state.status).toBe('answered');
    expect(r.answers.map((a) => a.kind)).toEqual(['known']);
    expect((await t.host.deps.repo.listContributions(caseId)).map((c) => c.orgId)).toEqual(['vt']);
    expect((await t.host.deps.repo.getJob(caseId, 'job:refreshCard'))?.body.status).toBe('pending');
  });

  it("VT's information and VT's vote: one partition read and one commit each", async () => {
    expect(
      await counted('vt info', () =>
        addVtInfo(t.host.deps, {
          caseId,
          seq: 1,
          aadObjectId: ON_CALL,
          text: 'Ook bekend: eerder veiligheidsplan opgesteld.',
          needToKnow: 'Bepaalt of het plan herzien moet worden.',
        }),
      ),
    ).toEqual({ readPartition: 1, commit: 1 });
    expect(
      await counted('vt vote', () =>
        voteAsVt(t.host.deps, { caseId, seq: 1, aadObjectId: ON_CALL, input: { concern: true, reason: 'Kinderen in huis.' } }),
      ),
    ).toEqual({ readPartition: 1, commit: 1 });
    expect((await t.host.deps.repo.listVotes(caseId)).map((v) => `${v.orgId}:${v.voterId}`)).toEqual([`vt:${ON_CALL}`]);
  });

  it('someone the consultation did not ask: one read and the audited refusal, nothing else', async () => {
    counter.reset();
    const r = await answerVt(t.host.deps, { caseId, seq: 1, aadObjectId: USERS.politie, kind: 'not_known' });
    expect(r.ok ? 'ok' : r.error.code).toBe('vt_not_consulted');
    expect(counter.take()).toEqual({ readPartition: 1, appendAudit: 1 });
  });
});

describe('store operations per advice step (counted, SQLite)', () => {
  const composing = () => ({ readPartition: 1, listPartition: pseudonyms, commit: 1 });

  it('draft and send: one partition read, the person index per pseudonym, one commit', async () => {
    expect(
      await counted('advice draft', () => draftAdvice(t.host.deps, { caseId, aadObjectId: USERS.om, interventionIds: 'contactverbod' })),
    ).toEqual(composing());
    expect(await counted('advice send', () => sendAdvice(t.host.deps, { caseId, aadObjectId: USERS.om }))).toEqual(composing());
    expect((await t.host.deps.repo.getAdvice(caseId))?.body.status).toBe('sent');
    expect((await t.host.deps.repo.getJob(caseId, 'job:sendAdvice'))?.body.status).toBe('pending');
  });

  it('a role refusal (not the OvJ) reads once and writes only its audited refusal', async () => {
    counter.reset();
    const r = await decide(t.host.deps, { caseId, aadObjectId: USERS.politie, text: 'Contactverbod.' });
    expect(r.ok ? 'ok' : r.error.code).toBe('not_ovj');
    expect(counter.take()).toEqual({ readPartition: 1, appendAudit: 1 });
    const refusal = (await t.host.deps.repo.listAudit(caseId)).filter((e) => e.action === 'access.denied').at(-1);
    expect(refusal).toEqual(expect.objectContaining({ actorId: USERS.politie, detail: { attempted: 'advice.decide', reason: 'not_ovj' } }));
  });

  it("the OvJ's decision and the terugkoppeling: one partition read and one commit each", async () => {
    expect(
      await counted('advice decision', () =>
        decide(t.host.deps, {
          caseId,
          aadObjectId: USERS.ovj,
          interventionIds: 'contactverbod',
          text: 'Contactverbod per direct.',
          concernAcknowledgement: 'Buikpijn van VT gezien; het contactverbod dekt het risico.',
        }),
      ),
    ).toEqual({ readPartition: 1, commit: 1 });
    expect(
      await counted('advice follow-up (closes the case)', () =>
        answerFollowUp(t.host.deps, {
          caseId,
          aadObjectId: USERS.om,
          text: 'Contactverbod nageleefd.',
          close: true,
          handover: HANDOVER_FIELDS,
        }),
      ),
    ).toEqual({ readPartition: 1, commit: 1 });
    expect((await t.host.deps.repo.getCase(caseId))?.status).toBe('closed');
    const trail = (await t.host.deps.repo.listAudit(caseId)).map((e) => e.action);
    expect(trail).toEqual(
      expect.arrayContaining(['vt.answered', 'vt.info', 'advice.draft', 'advice.sent', 'advice.decided', 'advice.followUp', 'case.close']),
    );
    const jobs = ['job:refreshAdvice', 'job:feedback:decision', 'job:adviceFollowUp', 'job:feedback:followUp'];
    for (const id of jobs) expect((await t.host.deps.repo.getJob(caseId, id))?.body.status).toBe('pending');
  });

  it('a step on the closed case reads once and writes only its audited refusal', async () => {
    counter.reset();
    const r = await decide(t.host.deps, { caseId, aadObjectId: USERS.ovj, text: 'Nog een besluit.' });
    expect(r.ok ? 'ok' : r.error.code).toBe('case_closed');
    expect(counter.take()).toEqual({ readPartition: 1, appendAudit: 1 });
  });
});

const clockNow = (): string => t.host.deps.clock.now().toISOString();

describe('asking VT (the desk presses "Vraag VT", or the intake outside office hours)', () => {
  it('one partition read and one commit for the consultation, its audit, its jobs and the card refresh; the region apart', async () => {
    const res = await postSignedCase(t.base, sampleIntake({ externalId: 'BVH-ASK-VT', intakeAt: clockNow(), municipality: 'Utrecht' }), {
      timestamp: Math.floor(Date.parse(clockNow()) / 1000),
    });
    const askedId = ((await res.json()) as { caseId: string }).caseId;
    // the intake's own VT question is a job; it has not run (the loop is driven by hand), so nobody was asked yet
    expect(await t.host.deps.repo.getVtConsultation(askedId)).toBeNull();
    counter.reset();
    const r = await askVt(t.host.deps, { caseId: askedId, askedBy: USERS.politie });
    const counts = counter.take();
    measured['ask VT'] = counts;
    expect(r.ok).toBe(true);
    // the case partition: one read, one commit; the region's partition: its on-call overrides (a read)
    // and the morning summary of the night (insert if absent)
    expect(counts).toEqual({ readPartition: 1, commit: 1, get: 1, insert: 1 });
    const consult = (await t.host.deps.repo.getVtConsultation(askedId))!.body;
    expect(consult.state.primary).toBe(ON_CALL);
    for (const id of ['job:vtSend:1', 'job:vtReminder:1', 'job:vtBackup:1', 'job:vtExpire:1', 'job:refreshCard'])
      expect((await t.host.deps.repo.getJob(askedId, id))?.body.status).toBe('pending');
    expect((await t.host.deps.repo.listAudit(askedId)).filter((e) => e.action === 'vt.asked').map((e) => e.actorId)).toEqual([
      USERS.politie,
    ]);
    // asked again while it is open: refused, nothing written
    counter.reset();
    const again = await askVt(t.host.deps, { caseId: askedId, askedBy: USERS.politie });
    expect(again.ok ? 'ok' : again.error.code).toBe('vt_already_asked');
    expect(counter.take()).toEqual({ readPartition: 1 });
  });
});
