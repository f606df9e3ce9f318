import { INPUTS, VERBS } from '../../src/cards/verbs';
import { countingStore, type StoreCounter } from '../helpers/counting-store';
import { sampleIntake, USERS } from '../helpers/fixtures';
import { HANDOVER_DATA } from '../helpers/handover';
import {
  driveJobsByHand,
  executeInvoke,
  greetAllUsers,
  postSignedCase,
  sendActivity,
  startTestHost,
  waitFor,
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
        [INPUTS.contribSource]: 'eigen_systeem',
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
