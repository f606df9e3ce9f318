import { INPUTS, VERBS } from '../../src/cards/verbs';
import { nlMessages } from '../../src/i18n/nl';
import { countingStore, type StoreCounter } from '../helpers/counting-store';
import { sampleIntake, USERS } from '../helpers/fixtures';
import {
  driveJobsByHand,
  executeInvoke,
  greetAllUsers,
  postSignedCase,
  sendActivity,
  startTestHost,
  type TestHost,
  waitFor,
} from '../helpers/host';
import { makeDocStore, type TestStore } from '../helpers/stores';
import { HANDOVER_DATA } from '../helpers/handover';

/**
 * The chair's and the lead's verbs (regie, lead actions, door-agenderen, the Actieoverleg's
 * casusverantwoordelijke and concrete question), counted by an instrumented DocStore under the real
 * host (SQLite, HTTP server, Connector stub): on the request path one partition read and one commit,
 * the answer built from the committed case (door-agenderen adds the location's timer, insert if
 * absent). A closed case refuses every one of them and changes nothing. The job loop is stopped while
 * a click is counted.
 */
let store: TestStore;
let counter: StoreCounter;
let t: TestHost;
let caseId: string;
const measured: Record<string, Record<string, number>> = {};

const CARD = 'application/vnd.microsoft.card.adaptive';
const ONE_READ_ONE_COMMIT = { readPartition: 1, commit: 1 };

async function invoke(from: string, verb: string, data: Record<string, unknown>): Promise<{ type: string; text: string }> {
  const res = await sendActivity(t.base, executeInvoke(t.stub.url, from, verb, data));
  expect(res.status).toBe(200);
  const body = (res.body as { type: string; value: unknown } | undefined) ?? { type: 'none', value: undefined };
  return { type: body.type, text: JSON.stringify(body.value) };
}

/** One click with the job loop stopped: its answer and the store operations of its request path. */
async function click(label: string, from: string, verb: string, data: Record<string, unknown>) {
  counter.reset();
  const answer = await invoke(from, verb, data);
  const counts = counter.take();
  measured[label] = counts;
  return { answer, counts };
}

async function newCase(): Promise<string> {
  const res = await postSignedCase(t.base, sampleIntake());
  const id = ((await res.json()) as { caseId: string }).caseId;
  // the job loop is driven by hand once the counting starts: drive it until the card is posted
  await waitFor('card ref', async () => {
    await t.host.runner.runOnce();
    return t.host.deps.repo.getCardRef(id).then((r) => r ?? undefined);
  });
  return id;
}

const auditOf = async (id: string): Promise<string[]> => (await t.host.deps.repo.listAudit(id)).map((e) => `${e.action}:${e.actorId}`);

/** A moment tomorrow evening as the date and time inputs of the form (Amsterdam). */
function tomorrowEvening(): { date: string; time: string } {
  const when = new Date(t.host.deps.clock.now().getTime() + 24 * 3_600_000);
  return { date: when.toISOString().slice(0, 10), time: '19:30' };
}

beforeAll(async () => {
  store = await makeDocStore('sqlite');
  counter = countingStore(store.db);
  t = await startTestHost({ db: counter.store });
  await greetAllUsers(t, [USERS.politie, USERS.om, USERS.vt, USERS.rvdk]);
  caseId = await newCase();
  // From here on the job loop runs only when the test drives it.
  await driveJobsByHand(t);
  // Warm what a running process holds anyway (known users, conversation references).
  for (const u of [USERS.politie, USERS.om, USERS.vt, USERS.rvdk]) await invoke(u, VERBS.refresh, { caseId });
});

afterAll(async () => {
  await t.stop();
  await store.cleanup();
  // The figures for the report (kept in the test output on purpose).
  console.log(`store operations per course click:\n${JSON.stringify(measured, null, 1)}`);
});

describe('course verbs: one partition read and one commit on the request path (counted, SQLite)', () => {
  it('regie taken: the lead and its audit in the one commit, the answer from it', async () => {
    const { answer, counts } = await click('lead.take', USERS.rvdk, VERBS.takeLead, { caseId });
    expect(counts).toEqual(ONE_READ_ONE_COMMIT);
    expect(answer.type).toBe(CARD);
    expect(answer.text).toContain(nlMessages.ok.leadTaken);
    expect((await t.host.deps.repo.getCase(caseId))?.caseLead?.orgId).toBe('rvdk');
    expect(await auditOf(caseId)).toEqual(expect.arrayContaining([`lead.take:${USERS.rvdk}`]));
  });

  it('regie taken again by the same organisation: nothing changes, still one read and one commit (the view audit)', async () => {
    const before = (await auditOf(caseId)).filter((a) => a.startsWith('lead.take')).length;
    const { answer, counts } = await click('lead.take (again)', USERS.rvdk, VERBS.takeLead, { caseId });
    expect(counts).toEqual(ONE_READ_ONE_COMMIT);
    expect(answer.type).toBe(CARD);
    expect((await auditOf(caseId)).filter((a) => a.startsWith('lead.take'))).toHaveLength(before);
  });

  it('regie handed over', async () => {
    const { answer, counts } = await click('lead.handover', USERS.rvdk, VERBS.handOverLead, { caseId, [INPUTS.leadTo]: 'politie' });
    expect(counts).toEqual(ONE_READ_ONE_COMMIT);
    expect(answer.text).toContain(nlMessages.ok.leadHandedOver);
    expect((await t.host.deps.repo.getCase(caseId))?.caseLead?.orgId).toBe('politie');
  });

  it('an action added, then settled', async () => {
    const { date } = tomorrowEvening();
    const added = await click('action.add', USERS.politie, VERBS.addAction, {
      caseId,
      [INPUTS.actionWhat]: 'Huisverbod overwegen',
      [INPUTS.actionOrg]: 'politie',
      [INPUTS.actionDueDate]: date,
      [INPUTS.actionDueTime]: '12:00',
    });
    expect(added.counts).toEqual(ONE_READ_ONE_COMMIT);
    expect(added.answer.text).toContain(nlMessages.ok.actionAdded);
    const [action] = (await t.host.deps.repo.getCase(caseId))?.actions ?? [];
    expect(action).toMatchObject({ orgId: 'politie', status: 'open' });

    const settled = await click('action.settle', USERS.politie, VERBS.settleAction, {
      caseId,
      actionId: action.id,
      [INPUTS.actionVerdict]: 'done',
    });
    expect(settled.counts).toEqual(ONE_READ_ONE_COMMIT);
    expect(settled.answer.text).toContain(nlMessages.ok.actionSettled);
    expect((await t.host.deps.repo.getCase(caseId))?.actions[0].status).toBe('done');
  });

  it('door-agenderen: one read and one commit for the case, plus the location timer (insert if absent)', async () => {
    const { date, time } = tomorrowEvening();
    const { answer, counts } = await click('case.reAgenda', USERS.om, VERBS.reAgenda, {
      caseId,
      [INPUTS.reAgendaDate]: date,
      [INPUTS.reAgendaTime]: time,
    });
    expect(counts).toEqual({ readPartition: 1, insert: 1, commit: 1 });
    expect(answer.type).toBe(CARD);
    const at = (await t.host.deps.repo.getCase(caseId))?.reAgendaAt;
    expect(at).toBeDefined();
    const timers = await t.host.db.listPartition<{ type: string; dueAt: string }>('_agenda:midden-nederland', 'job');
    expect(timers.map((d) => `${d.body.type}:${d.body.dueAt}`)).toContain(`agendaReminder:${at}`);
    // the same moment again: the case is unchanged, the timer is not written twice
    const again = await click('case.reAgenda (again)', USERS.om, VERBS.reAgenda, {
      caseId,
      [INPUTS.reAgendaDate]: date,
      [INPUTS.reAgendaTime]: time,
    });
    expect(again.counts).toEqual(ONE_READ_ONE_COMMIT);
  });

  it('Actieoverleg: casusverantwoordelijke and concrete question, each one read and one commit, answered with the Actieoverleg card', async () => {
    await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Direct gevaar thuis.', [INPUTS.voteAcute]: 'true' });
    await t.host.runner.runOnce(); // posts the Actieoverleg card
    await waitFor('Actieoverleg posted', () => t.host.deps.repo.getEscalation(caseId).then((e) => e?.body.actieoverlegRef));

    const owner = await click('actieoverleg.owner', USERS.rvdk, VERBS.aoBecomeOwner, { caseId });
    expect(owner.counts).toEqual(ONE_READ_ONE_COMMIT);
    expect(owner.answer.type).toBe(CARD);
    expect(owner.answer.text).toContain(nlMessages.ok.ownerSet);
    expect((await t.host.deps.repo.getEscalation(caseId))?.body.caseOwner?.orgId).toBe('rvdk');

    const question = 'Vervolgen, ja of nee? En wie ziet toe op het contactverbod?';
    const edited = await click('actieoverleg.question', USERS.om, VERBS.aoEditQuestion, { caseId, [INPUTS.aoQuestion]: question });
    expect(edited.counts).toEqual(ONE_READ_ONE_COMMIT);
    expect(edited.answer.text).toContain(nlMessages.ok.questionChanged);
    expect(edited.answer.text).toContain('contactverbod');
    expect((await t.host.deps.repo.getEscalation(caseId))?.body.question).toBe(question);

    // refused input: the Actieoverleg card as the command's one read found it, with the reason on top;
    // the actor's view of it is the one write
    const refused = await click('actieoverleg.question (too short)', USERS.om, VERBS.aoEditQuestion, {
      caseId,
      [INPUTS.aoQuestion]: 'Kort',
    });
    expect(refused.counts).toEqual({ readPartition: 1, appendAudit: 1 });
    expect(refused.answer.type).toBe(CARD);
    expect(refused.answer.text).toContain('contactverbod'); // the question as it stands
    expect((await t.host.deps.repo.getEscalation(caseId))?.body.question).toBe(question);

    // the refresh of the posted Actieoverleg card was committed with the change
    const jobs = await t.host.db.listPartition<{ type: string; status: string }>(caseId, 'job');
    expect(jobs.find((j) => j.body.type === 'refreshActieoverleg')?.body.status).toBe('pending');
  });

  it('every click audited what it did and that the actor saw the answer, from its one commit', async () => {
    const trail = await t.host.deps.repo.listAudit(caseId);
    const views = trail.filter((e) => e.action === 'view.opened' && e.detail?.via === 'action');
    // take, take again, hand over; add, settle; re-agenda twice; then the VT vote that escalated
    expect(views.filter((e) => e.detail?.view === 'case').map((e) => e.actorId)).toEqual([
      USERS.rvdk,
      USERS.rvdk,
      USERS.rvdk,
      USERS.politie,
      USERS.politie,
      USERS.om,
      USERS.om,
      USERS.vt,
    ]);
    // become owner, edit the question, the refused edit
    expect(views.filter((e) => e.detail?.view === 'actieoverleg').map((e) => e.actorId)).toEqual([USERS.rvdk, USERS.om, USERS.om]);
    expect(trail.map((e) => `${e.action}:${e.actorId}`)).toEqual(
      expect.arrayContaining([
        `lead.handover:${USERS.rvdk}`,
        `action.add:${USERS.politie}`,
        `action.settle:${USERS.politie}`,
        `case.reAgenda:${USERS.om}`,
        `actieoverleg.owner:${USERS.rvdk}`,
        `actieoverleg.question:${USERS.om}`,
      ]),
    );
  });
});

describe('a closed case refuses every course verb and changes nothing', () => {
  let closedId: string;
  beforeAll(async () => {
    closedId = await newCase();
    await invoke(USERS.om, VERBS.closeRound, { caseId: closedId });
    expect((await invoke(USERS.om, VERBS.closeCase, { caseId: closedId, ...HANDOVER_DATA })).text).toContain(nlMessages.ok.caseClosed);
    expect((await t.host.deps.repo.getCase(closedId))?.status).toBe('closed');
  });

  const { date } = { date: '2099-01-01' };
  const verbs: [string, string, string, Record<string, unknown>][] = [
    ['lead.take', USERS.rvdk, VERBS.takeLead, {}],
    ['lead.handover', USERS.om, VERBS.handOverLead, { [INPUTS.leadTo]: 'politie' }],
    [
      'action.add',
      USERS.politie,
      VERBS.addAction,
      {
        [INPUTS.actionWhat]: 'Huisverbod overwegen',
        [INPUTS.actionOrg]: 'politie',
        [INPUTS.actionDueDate]: date,
        [INPUTS.actionDueTime]: '12:00',
      },
    ],
    ['action.settle', USERS.politie, VERBS.settleAction, { actionId: 'action-1', [INPUTS.actionVerdict]: 'done' }],
    ['case.reAgenda', USERS.om, VERBS.reAgenda, { [INPUTS.reAgendaDate]: date, [INPUTS.reAgendaTime]: '19:30' }],
    ['actieoverleg.owner', USERS.rvdk, VERBS.aoBecomeOwner, {}],
    ['actieoverleg.question', USERS.om, VERBS.aoEditQuestion, { [INPUTS.aoQuestion]: 'Vervolgen, ja of nee? Wie doet wat?' }],
  ];

  it.each(verbs)('%s: refused with the reason, audited as refused, the case untouched', async (attempted, from, verb, data) => {
    const before = await t.host.db.get(closedId, 'case');
    const viewsOf = async (): Promise<number> =>
      (await t.host.deps.repo.listAudit(closedId)).filter((e) => e.action === 'view.opened' && e.actorId === from).length;
    const viewsBefore = await viewsOf();
    const { answer, counts } = await click(`${attempted} (closed case)`, from, verb, { caseId: closedId, ...data });
    expect(answer.text).toContain(nlMessages.errors.caseClosed);
    // The command's one read and one write. A case-card refusal answers with the case card as that read
    // found it, and writes the refusal and the actor's view of the card in one commit; the Actieoverleg
    // verbs of a case that never escalated answer with the reason only (the refusal's one audit entry),
    // from that read too.
    if (attempted.startsWith('actieoverleg.')) {
      expect(counts).toEqual({ readPartition: 1, appendAudit: 1 });
    } else {
      expect(counts).toEqual(ONE_READ_ONE_COMMIT);
      expect(answer.type).toBe(CARD);
    }
    expect((await t.host.db.get(closedId, 'case'))?.etag).toBe(before?.etag);
    const refused = (await t.host.deps.repo.listAudit(closedId)).filter(
      (e) => e.action === 'action.refused' && e.detail?.attempted === attempted && e.detail?.reason === 'case_closed',
    );
    expect(refused.map((e) => e.actorId)).toEqual([from]);
    // the case card it was answered with is audited as seen (in the refusal's commit)
    expect((await viewsOf()) - viewsBefore).toBe(attempted.startsWith('actieoverleg.') ? 0 : 1);
  });
});

describe('two people at the same moment: the conditional commit lets one win, the other is decided again and refused', () => {
  it('regie: one organisation gets it, the other is told it is taken', async () => {
    const id = await newCase();
    const [a, b] = await Promise.all([
      invoke(USERS.rvdk, VERBS.takeLead, { caseId: id }),
      invoke(USERS.politie, VERBS.takeLead, { caseId: id }),
    ]);
    const lead = (await t.host.deps.repo.getCase(id))?.caseLead?.orgId;
    expect(['rvdk', 'politie']).toContain(lead);
    const [won, lost] = lead === 'rvdk' ? [a, b] : [b, a];
    expect(won.text).toContain(nlMessages.ok.leadTaken);
    expect(lost.text).toContain(nlMessages.errors.leadTaken);
    expect((await auditOf(id)).filter((x) => x.startsWith('lead.take'))).toHaveLength(1);
  });

  it('casusverantwoordelijke: one owner, one audit entry; the other is told there is one already', async () => {
    const id = await newCase();
    await invoke(USERS.vt, VERBS.voteConcern, { caseId: id, [INPUTS.voteReason]: 'Direct gevaar thuis.', [INPUTS.voteAcute]: 'true' });
    expect((await t.host.deps.repo.getEscalation(id))?.body.rule).toBe('acute_unsafe');
    const [a, b] = await Promise.all([
      invoke(USERS.rvdk, VERBS.aoBecomeOwner, { caseId: id }),
      invoke(USERS.politie, VERBS.aoBecomeOwner, { caseId: id }),
    ]);
    const owner = (await t.host.deps.repo.getEscalation(id))?.body.caseOwner?.aadObjectId;
    expect([USERS.rvdk, USERS.politie]).toContain(owner);
    const [won, lost] = owner === USERS.rvdk ? [a, b] : [b, a];
    expect(won.text).toContain(nlMessages.ok.ownerSet);
    expect(lost.text).toContain('Er is al een casusverantwoordelijke');
    expect((await auditOf(id)).filter((x) => x.startsWith('actieoverleg.owner'))).toEqual([`actieoverleg.owner:${owner}`]);
  });
});
