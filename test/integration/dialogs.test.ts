import { DIALOGS } from '../../src/cards/verbs';
import { sampleIntake, USERS } from '../helpers/fixtures';
import { channelActivity, postSignedCase, sendActivity, startTestHost, waitFor, type TestHost } from '../helpers/host';

let t: TestHost;

interface TaskResponse {
  task: { type: 'continue' | 'message'; value: unknown };
}

function taskInvoke(name: 'task/fetch' | 'task/submit', from: string, data: Record<string, unknown>): Record<string, unknown> {
  return channelActivity(t.stub.url, from, { type: 'invoke', name, value: { data, context: { theme: 'default' } } });
}

async function task(name: 'task/fetch' | 'task/submit', from: string, data: Record<string, unknown>): Promise<TaskResponse> {
  const res = await sendActivity(t.base, taskInvoke(name, from, data));
  expect(res.status).toBe(200);
  return res.body as TaskResponse;
}

beforeAll(async () => {
  t = await startTestHost();
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
});
afterAll(async () => {
  await t.stop();
});

describe('"Details" dialog', () => {
  it('shows the full context information and audits the read', async () => {
    const res = await postSignedCase(t.base, sampleIntake());
    const { caseId } = (await res.json()) as { caseId: string };
    const out = await task('task/fetch', USERS.rvdk, { dialog: DIALOGS.details, caseId });
    expect(out.task.type).toBe('continue');
    expect(JSON.stringify(out.task.value)).toContain('application/vnd.microsoft.card.adaptive');
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.filter((a) => a.action === 'case.detailsRead').map((a) => a.actorOrg)).toEqual(['rvdk']);
  });

  it('refuses someone outside the roster, and audits the attempt', async () => {
    const res = await postSignedCase(t.base, sampleIntake());
    const { caseId } = (await res.json()) as { caseId: string };
    const out = await task('task/fetch', USERS.outsider, { dialog: DIALOGS.details, caseId });
    expect(out.task.type).toBe('message');
    expect(String(out.task.value)).toMatch(/niet op het rooster/);
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.some((a) => a.action === 'case.detailsRead')).toBe(false);
    expect(audit.some((a) => a.action === 'access.denied' && a.actorId === USERS.outsider)).toBe(true);
  });
});

describe('"Nieuwe zaak" dialog', () => {
  it('opens the form for a roster member and refuses others', async () => {
    const ok = await task('task/fetch', USERS.politie, { dialog: DIALOGS.newCase });
    expect(ok.task.type).toBe('continue');
    const no = await task('task/fetch', USERS.outsider, { dialog: DIALOGS.newCase });
    expect(no.task.type).toBe('message');
  });

  it('keeps the form open with a Dutch error on invalid input, and stores nothing', async () => {
    const before = (await t.host.db.query('case', [])).length;
    const out = await task('task/submit', USERS.politie, { dialog: DIALOGS.newCase, locationId: 'midden-nederland' });
    expect(out.task.type).toBe('continue');
    expect((await t.host.db.query('case', [])).length).toBe(before);
  });
});

describe('"Nieuwe zaak" submit', () => {
  it('creates the case for the member, posts its card, and closes the dialog with a confirmation', async () => {
    const before = (await t.host.db.query('case', [])).length;
    const out = await task('task/submit', USERS.politie, {
      dialog: DIALOGS.newCase,
      locationId: 'midden-nederland',
      offenceCategory: 'bedreiging',
      summary: 'Bedreiging van ex-partner via berichten; kinderen in huis.',
      persons: 'verdachte 41; slachtoffer 39; kind 6',
      childrenInvolved: 'true',
      childAges: '6',
      weaponMentioned: 'false',
      victimContactSafe: 'ja',
      custody: 'heengezonden',
    });
    expect(out.task.type).toBe('message');
    expect(String(out.task.value)).toMatch(/aangemaakt/);
    const cases = await t.host.db.query<{ id: string; createdBy: string; kmFlag: boolean }>('case', []);
    expect(cases.length).toBe(before + 1);
    const created = cases.map((c) => c.body).find((c) => c.createdBy === USERS.politie);
    expect(created?.kmFlag).toBe(true);
    await waitFor('card post', () => t.host.deps.repo.getCardRef(created!.id).then((r) => r ?? undefined));
  });

  it('refuses a location the member is not on', async () => {
    const before = (await t.host.db.query('case', [])).length;
    const out = await task('task/submit', USERS.politie, {
      dialog: DIALOGS.newCase,
      locationId: 'noord-holland',
      offenceCategory: 'bedreiging',
      summary: 'Test',
      persons: 'verdachte 41',
      victimContactSafe: 'ja',
      custody: 'heengezonden',
    });
    expect(out.task.type).toBe('continue');
    expect(JSON.stringify(out.task.value)).toMatch(/niet ingeroosterd/);
    expect((await t.host.db.query('case', [])).length).toBe(before);
  });
});

describe('chat', () => {
  it('offers the "Nieuwe zaak" dialog when asked', async () => {
    const sends = t.stub.successful('send').length;
    await sendActivity(t.base, channelActivity(t.stub.url, USERS.politie, { type: 'message', text: 'nieuwe zaak' }));
    const reply = await waitFor('reply', () => t.stub.successful('send').slice(sends)[0]);
    expect(JSON.stringify(reply.body)).toContain(DIALOGS.newCase);
  });
});
