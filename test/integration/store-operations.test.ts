import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AFTERCARE_INPUTS, AFTERCARE_VERBS, AO_OUTCOME_VERB, outcomeInputIds as ids } from '../../src/cards/aftercare-verbs';
import { SIGNAL_INPUTS as S, SIGNAL_VERBS } from '../../src/cards/safety-signals';
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { VD_INPUTS as I, VD_VERBS } from '../../src/cards/verdieping-inputs';
import { countingStore, type StoreCounter } from '../helpers/counting-store';
import { sampleIntake, USERS } from '../helpers/fixtures';
import { HANDOVER_DATA } from '../helpers/handover';
import {
  driveJobsByHand,
  executeInvoke,
  greetAllUsers,
  ManualClock,
  personalActivity,
  postSignedCase,
  sendActivity,
  settle,
  startTestHost,
  waitFor,
  waitForCardRef,
  type TestHost,
} from '../helpers/host';
import { makeDocStore, type TestStore } from '../helpers/stores';

/**
 * Store operations per click, counted by an instrumented DocStore under the real host (SQLite,
 * HTTP server, Connector stub): the request path of a vote, a contribution and the chair's round
 * close is one partition read and one commit; the job loop's card refresh reads the partition once.
 * The job loop does not run by itself while a click is counted; the test then drives one pass by
 * hand, so the two are counted apart.
 */
let store: TestStore;
let counter: StoreCounter;
let t: TestHost;
let caseId: string;
let handOff: TestHost['host']['deps']['handOff'];
const measured: Record<string, Record<string, number>> = {};

const total = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);

async function invoke(from: string, verb: string, data: Record<string, unknown>): Promise<{ type: string; value: unknown }> {
  const res = await sendActivity(t.base, executeInvoke(t.stub.url, from, verb, data));
  expect(res.status).toBe(200);
  return (res.body as { type: string; value: unknown }) ?? { type: 'none', value: undefined };
}

/** One click with the job loop stopped: the request path's store operations. */
async function requestPath(label: string, click: () => Promise<{ type: string; value: unknown }>): Promise<Record<string, number>> {
  counter.reset();
  const body = await click();
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  const counts = counter.take();
  measured[`${label} (request)`] = counts;
  return counts;
}

/** The job loop's pass after that click: the refresh of the posted card. */
async function jobPass(label: string): Promise<{ counts: Record<string, number>; updates: number }> {
  const updatesBefore = t.stub.successful('update').length;
  counter.reset();
  await t.host.runner.runOnce();
  const counts = counter.take();
  measured[`${label} (job loop)`] = counts;
  return { counts, updates: t.stub.successful('update').length - updatesBefore };
}

beforeAll(async () => {
  store = await makeDocStore('sqlite');
  counter = countingStore(store.db);
  t = await startTestHost({ db: counter.store, env: { JOB_HAND_OFF: 'true' } });
  await greetAllUsers(t, [USERS.politie, USERS.om, USERS.vt]);
  const res = await postSignedCase(t.base, sampleIntake());
  caseId = ((await res.json()) as { caseId: string }).caseId;
  await waitFor('card ref', () => t.host.deps.repo.getCardRef(caseId).then((r) => r ?? undefined));
  // From here on the job loop runs only when the test drives it (the hand-off test below starts one by hand).
  handOff = await driveJobsByHand(t);
  // A first click warms what a running process holds anyway (known users, conversation references).
  await invoke(USERS.vt, VERBS.refresh, { caseId });
});

afterAll(async () => {
  await t.stop();
  await store.cleanup();
  // The figures for the report (kept in the test output on purpose).
  console.log(`store operations per click:\n${JSON.stringify(measured, null, 1)}`);
});

describe('store operations per click (counted, SQLite)', () => {
  it('a vote: one partition read and one commit on the request path; the card refresh reads the partition once', async () => {
    const counts = await requestPath('vote', () =>
      invoke(USERS.politie, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Zorgen om de kinderen in huis.' }),
    );
    expect(counts).toEqual({ readPartition: 1, commit: 1 });
    const votes = await t.host.deps.repo.listVotes(caseId);
    expect(votes.map((v) => v.orgId)).toEqual(['politie']);
    const job = await jobPass('vote');
    expect(job.updates).toBe(1);
    // poll + claim + complete are the job's own bookkeeping; the handler itself reads once
    expect(job.counts).toEqual({ query: 1, replace: 2, readPartition: 1 });
  });

  it('a contribution: one partition read and one commit', async () => {
    const counts = await requestPath('contribution', () =>
      invoke(USERS.vt, VERBS.addContribution, {
        caseId,
        [INPUTS.contribText]: 'Gezin bekend bij Veilig Thuis sinds vorig jaar.',
        [INPUTS.contribSource]: 'own_system',
        [INPUTS.contribNeedToKnow]: 'Eerdere meldingen bepalen of er een veiligheidsplan nodig is.',
      }),
    );
    expect(counts).toEqual({ readPartition: 1, commit: 1 });
    expect(await t.host.deps.repo.listContributions(caseId)).toHaveLength(1);
    const job = await jobPass('contribution');
    expect(job.updates).toBe(1);
    expect(total(job.counts)).toBeLessThanOrEqual(4);
  });

  it("the chair's round close: one partition read and one commit", async () => {
    const counts = await requestPath('close round', () => invoke(USERS.om, VERBS.closeRound, { caseId }));
    expect(counts).toEqual({ readPartition: 1, commit: 1 });
    expect((await t.host.deps.repo.getCase(caseId))?.rounds.at(-1)?.closedReason).toBe('chair');
    const job = await jobPass('close round');
    expect(job.updates).toBe(1);
    expect(total(job.counts)).toBeLessThanOrEqual(4);
  });

  it("the chair's round start: one partition read and one commit (reminders and refresh in it)", async () => {
    const counts = await requestPath('start round', () => invoke(USERS.om, VERBS.startRound, { caseId }));
    expect(counts).toEqual({ readPartition: 1, commit: 1 });
    expect((await t.host.deps.repo.getCase(caseId))?.round).toBe(2);
    const jobs = (await t.host.db.listPartition<{ type: string }>(caseId, 'job')).map((d) => d.body.type);
    expect(jobs).toEqual(expect.arrayContaining(['missingVotes', 'deputyReminder']));
    const job = await jobPass('start round');
    expect(job.updates).toBe(1);
    expect(total(job.counts)).toBeLessThanOrEqual(4);
  });

  it('with the hand-off on: the card refresh is one partition read and one write after the commit, no poll, no claim', async () => {
    const port = handOff;
    if (!port) throw new Error('the host wires a hand-off');
    const handed: { caseId: string; jobIds: readonly string[] }[] = [];
    // The hand-off is started by hand after the request path was counted, so the two are counted apart.
    t.host.deps.handOff = { ...port, run: (c, ids) => handed.push({ caseId: c, jobIds: ids }) };
    try {
      const counts = await requestPath('vote, hand-off', () =>
        invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Eerdere meldingen in dit gezin.' }),
      );
      expect(counts).toEqual({ readPartition: 1, commit: 1 });
      expect(handed).toEqual([{ caseId, jobIds: ['job:refreshCard'] }]);
      // The commit wrote the refresh already leased to this process's job loop: the loop's poll does not take it.
      const job = await t.host.db.get<{ leaseOwner?: string; status: string }>(caseId, 'job:refreshCard');
      expect(job?.body).toMatchObject({ status: 'pending', leaseOwner: t.host.runner.owner });
      expect(await t.host.deps.repo.findDueJobs(t.host.deps.clock.now().toISOString(), 20)).toEqual([]);

      const updatesBefore = t.stub.successful('update').length;
      counter.reset();
      await t.host.runner.handOff(caseId, handed[0].jobIds);
      const loop = counter.take();
      measured['vote, hand-off (job loop)'] = loop;
      expect(loop).toEqual({ readPartition: 1, replace: 1 });
      const updates = t.stub.successful('update').slice(updatesBefore);
      expect(updates).toHaveLength(1);
      // The update shows the vote just cast in the second round (the channel summary counts votes, no reasons).
      expect(JSON.stringify(updates[0].body)).toMatch(/ronde 2 · 1 van \d+ gestemd/);
      expect((await t.host.db.get<{ status: string }>(caseId, 'job:refreshCard'))?.body.status).toBe('done');
    } finally {
      t.host.deps.handOff = undefined;
    }
  });

  it('a vote refused on a closed case: the one partition read answers it, the refusal and the view in one commit', async () => {
    const res = await postSignedCase(t.base, sampleIntake({ externalId: 'BVH-CLOSED-VOTE' }));
    const closedId = ((await res.json()) as { caseId: string }).caseId;
    await waitFor('card ref', async () => {
      await t.host.runner.runOnce();
      return t.host.deps.repo.getCardRef(closedId).then((r) => r ?? undefined);
    });
    await invoke(USERS.om, VERBS.closeRound, { caseId: closedId });
    await invoke(USERS.om, VERBS.closeCase, { caseId: closedId, ...HANDOVER_DATA });
    expect((await t.host.deps.repo.getCase(closedId))?.status).toBe('closed');
    const counts = await requestPath('vote on a closed case', () =>
      invoke(USERS.politie, VERBS.voteConcern, { caseId: closedId, [INPUTS.voteReason]: 'Zorgen om de kinderen in huis.' }),
    );
    // was 2 partition reads and 2 audit writes: the answer read the case again and audited its view apart
    expect(counts).toEqual({ readPartition: 1, commit: 1 });
    const trail = (await t.host.deps.repo.listAudit(closedId)).filter((e) => e.actorId === USERS.politie);
    expect(trail.map((e) => `${e.action}:${String(e.detail?.reason ?? e.detail?.via)}`)).toEqual([
      'action.refused:case_closed',
      'view.opened:action',
    ]);
    expect(await t.host.deps.repo.listVotes(closedId)).toEqual([]);
  });

  it('the audit trail holds what the click did and that the actor saw the case, from that one commit', async () => {
    const trail = await t.host.deps.repo.listAudit(caseId);
    const actions = trail.map((e) => `${e.action}:${e.actorId}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `vote.cast:${USERS.politie}`,
        `contribution.add:${USERS.vt}`,
        `round.close:${USERS.om}`,
        `view.opened:${USERS.politie}`,
      ]),
    );
    expect(trail.filter((e) => e.action === 'view.opened' && e.detail?.via === 'action')).toHaveLength(5);
  });
});

/**
 * The verdieping and Actieoverleg commands on the same one path (issue 11 item 1), counted on a host
 * of their own with a test clock (the outcome needs the meeting to have taken place) and VT's example
 * configuration (the intake in Utrecht at 20:00 asks VT's on-call member, so the case has an open
 * consultation when it goes into verdieping).
 */
describe('store operations per click: verdieping and the Actieoverleg (counted, SQLite)', () => {
  let vStore: TestStore;
  let vCounter: StoreCounter;
  let v: TestHost;
  let clock: ManualClock;
  let caseId: string;
  const dir = mkdtempSync(join(tmpdir(), 'store-ops-vt-'));

  const click = async (label: string, from: string, verb: string, data: Record<string, unknown>) => {
    vCounter.reset();
    const res = await sendActivity(v.base, executeInvoke(v.stub.url, from, verb, data));
    expect(res.status).toBe(200);
    const body = res.body as { type: string; value: unknown };
    const counts = vCounter.take();
    measured[`${label} (request)`] = counts;
    return { counts, type: body.type, card: JSON.stringify(body.value) };
  };

  beforeAll(async () => {
    // Monday 23 November 2026, 20:00 in Utrecht: outside VT's office hours.
    clock = new ManualClock(Date.parse('2026-11-23T19:00:00Z'));
    writeFileSync(join(dir, 'vt.json'), readFileSync('config/vt.example.json', 'utf8'));
    vStore = await makeDocStore('sqlite');
    vCounter = countingStore(vStore.db);
    v = await startTestHost({ db: vCounter.store, clock, env: { VT_CONFIG_FILE: join(dir, 'vt.json') } });
    await greetAllUsers(v);
    for (const aad of ['vt-oncall-utrecht-1', 'vt-oncall-utrecht-2']) await sendActivity(v.base, personalActivity(v.stub.url, aad));
    const res = await postSignedCase(v.base, sampleIntake({ intakeAt: clock.now().toISOString(), municipality: 'Utrecht' }), {
      timestamp: Math.floor(clock.now().getTime() / 1000),
    });
    caseId = ((await res.json()) as { caseId: string }).caseId;
    await waitForCardRef(v, caseId);
    // Escalated (acuut onveilig), the Actieoverleg card posted, RvdK the casusverantwoordelijke.
    await sendActivity(
      v.base,
      executeInvoke(v.stub.url, USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Direct gevaar', [INPUTS.voteAcute]: 'true' }),
    );
    await settle(v);
    await sendActivity(v.base, executeInvoke(v.stub.url, USERS.rvdk, VERBS.aoBecomeOwner, { caseId }));
    expect((await v.host.deps.repo.getEscalation(caseId))?.body.caseOwner?.orgId).toBe('rvdk');
    expect((await v.host.deps.repo.getVtConsultation(caseId))?.body.state.status).toBe('asked');
    await driveJobsByHand(v);
    await sendActivity(v.base, executeInvoke(v.stub.url, USERS.politie, VERBS.refresh, { caseId }));
  });

  afterAll(async () => {
    await v.stop();
    await vStore.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("into verdieping: one partition read and one commit, with the VT consultation's new expiry in it; the location's agenda reminder is the one write elsewhere", async () => {
    const { counts, type, card } = await click('verdieping entered', USERS.om, VD_VERBS.enter, {
      caseId,
      [I.reason]: 'termijn_case',
      [I.date]: '2026-11-25',
      [I.time]: '10:00',
    });
    expect(card).toContain('in verdieping genomen');
    // insert: the agenda reminder of that moment, in the location's timer partition (insert if absent)
    expect(type).toBe('application/vnd.microsoft.card.adaptive');
    expect(counts).toEqual({ readPartition: 1, insert: 1, commit: 1 });
    expect((await v.host.deps.repo.getVtConsultation(caseId))?.body.state.expiresAt).toBe('2026-11-25T09:00:00.000Z');
  });

  it('a verdieping question: one partition read and one commit', async () => {
    const { counts, type, card } = await click('verdieping question', USERS.politie, SIGNAL_VERBS.askInfo, {
      caseId,
      [S.askTo]: 'rvdk',
      [S.askQuestion]: 'Is er een lopende ondertoezichtstelling voor de kinderen?',
      [S.askWhy]: 'Bepaalt wie de veiligheid van de kinderen bewaakt.',
      [S.askChanges]: 'Zonder OTS vragen we de Raad om een onderzoek.',
    });
    expect(card).toContain('Raad voor de Kinderbescherming');
    expect(type).toBe('application/vnd.microsoft.card.adaptive');
    expect(counts).toEqual({ readPartition: 1, commit: 1 });
    expect((await v.host.deps.repo.cases.loadVerdieping(caseId)).infoRequests).toHaveLength(1);
  });

  it('a safety-plan entry: one partition read and one commit', async () => {
    const entry = {
      caseId,
      [I.person]: 'kind-1',
      [I.holderOrg]: 'vt',
      [I.receivingParty]: 'save',
      [I.measure]: 'Veiligheidsplan met moeder opgesteld',
      [I.status]: 'running',
      [I.checkDate]: '2026-12-01',
    };
    const { counts, type, card } = await click('safety-plan entry', USERS.rvdk, VD_VERBS.setSafety, entry);
    expect(card).toContain('veiligheidsplan is bijgewerkt');
    expect(type).toBe('application/vnd.microsoft.card.adaptive');
    expect(counts).toEqual({ readPartition: 1, commit: 1 });
    expect((await v.host.deps.repo.cases.loadVerdieping(caseId)).safetyPlan.map((e) => e.body.personRef)).toEqual(['kind-1']);
  });

  it('an outsider with personal data in the form gets the roster refusal: nothing of the input is looked at, nothing written but the audit line', async () => {
    const { counts, type, card } = await click('safety-plan entry, outsider', USERS.outsider, VD_VERBS.setSafety, {
      caseId,
      [I.person]: 'kind-2',
      [I.holderOrg]: 'vt',
      [I.measure]: 'Bellen met Jan Jansen op 06-12345678',
      [I.status]: 'running',
      [I.checkDate]: '2026-12-01',
    });
    // Who may not see the case gets the reason only, never the card.
    expect(type).toBe('application/vnd.microsoft.activity.message');
    expect(card).toContain('rooster');
    expect(card).not.toMatch(/persoonsgegevens|telefoonnummer/i);
    expect(counts).toEqual({ readPartition: 1, appendAudit: 1 });
    const denied = (await v.host.deps.repo.listAudit(caseId)).filter((a) => a.actorId === USERS.outsider);
    expect(denied.map((a) => `${a.action}:${String(a.detail?.attempted)}`)).toEqual(['access.denied:safetyPlan.set']);
  });

  it('the Actieoverleg meeting: one partition read and one commit', async () => {
    const { counts, type, card } = await click('AO meeting', USERS.rvdk, AFTERCARE_VERBS.aoMeetingSet, {
      caseId,
      [AFTERCARE_INPUTS.meetingDate]: '2026-11-24',
      [AFTERCARE_INPUTS.meetingTime]: '10:00',
      [AFTERCARE_INPUTS.meetingPlace]: 'Zorg- en Veiligheidshuis',
      [AFTERCARE_INPUTS.meetingLink]: '',
    });
    expect(card).toContain('Het moment van het Actieoverleg is vastgelegd.');
    expect(type).toBe('application/vnd.microsoft.card.adaptive');
    expect(counts).toEqual({ readPartition: 1, commit: 1 });
    expect((await v.host.deps.repo.getEscalation(caseId))?.body.meeting?.at).toBe('2026-11-24T09:00:00.000Z');
  });

  it('the Actieoverleg outcome: one partition read and one commit (the report row in it)', async () => {
    clock.advance(Date.parse('2026-11-24T11:00:00Z') - clock.now().getTime());
    const { counts, type, card } = await click('AO outcome', USERS.rvdk, AO_OUTCOME_VERB, {
      caseId,
      [ids.decisionSubject(1)]: 'safety_plan',
      [ids.decisionPhase(1)]: 'safety',
      [ids.decisionText(1)]: 'Veiligheidsplan opstellen met beide ouders',
      [ids.decisionText(2)]: '',
      [ids.decisionText(3)]: '',
      [ids.actionOwner(1)]: 'vt',
      [ids.actionWhat(1)]: 'Huisbezoek en veiligheidsplan',
      [ids.actionDue(1)]: '2026-11-26',
      [ids.actionWhat(2)]: '',
      [ids.actionDue(2)]: '',
      [ids.actionWhat(3)]: '',
      [ids.actionDue(3)]: '',
      [ids.zvh]: 'false',
    });
    expect(card).toContain('De uitkomst van het Actieoverleg is vastgelegd.');
    expect(type).toBe('application/vnd.microsoft.card.adaptive');
    expect(counts).toEqual({ readPartition: 1, commit: 1 });
    expect((await v.host.deps.repo.getEscalation(caseId))?.body.outcome?.revision).toBe(1);
    expect((await v.host.deps.repo.getCase(caseId))?.actions.map((a) => a.id)).toContain('ao-action-1');
    // The decisions per phase count in the report: the case's row was written in that one commit.
    const row = await v.host.db.get<{ phases: Record<string, number> }>(caseId, 'reportrow');
    expect(row?.body.phases).toEqual({ safety: 1, care: 0, recovery: 0 });
  });
});
