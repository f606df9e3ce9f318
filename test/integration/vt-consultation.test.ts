import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { caseCode } from '../../src/domain/case-code';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { ConnectorStub } from '../helpers/connector-stub';
import { sampleIntake, USERS } from '../helpers/fixtures';
import {
  channelActivity,
  executeInvoke,
  ManualClock,
  personalActivity,
  postSignedCase,
  sendActivity,
  settle,
  startTestHost,
  type TestHost,
} from '../helpers/host';
import { openPersonalChats, personalExecuteInvoke } from '../helpers/personal-chat';

jest.setTimeout(60_000);
const MINUTE = 60_000;
const ON_CALL = 'vt-oncall-utrecht-1';
const BACKUP = 'vt-oncall-utrecht-2';
const STANDBY = 'vt-oncall-utrecht-3';
const DAY_TEAM = '19:vt-utrecht-dagteam@thread.tacv2';

let t: TestHost;
let clock: ManualClock;
const stub = new ConnectorStub();
const dir = mkdtempSync(join(tmpdir(), 'zsm-vt-'));
const start = () => startTestHost({ clock, dataDir: dir, stub, env: { VT_CONFIG_FILE: join(dir, 'vt.json') } });

/** The example VT configuration plus a region where nobody is on call, and a day-team channel. */
function vtConfigFile(dir: string): string {
  const cfg = JSON.parse(readFileSync('config/vt.example.json', 'utf8')) as {
    locations: { id: string; regionIds: string[] }[];
    regions: { id: string; name: string; dayTeamChannelId?: string; officeHours: Record<string, string>; onCall?: unknown }[];
    municipalities: Record<string, string>;
  };
  cfg.regions.find((r) => r.id === 'utrecht')!.dayTeamChannelId = DAY_TEAM;
  cfg.regions.push({ id: 'leeg', name: 'Veilig Thuis Leeg (test)', officeHours: { mon: '08:30-17:00' }, onCall: { shifts: [] } });
  cfg.locations[0].regionIds.push('leeg');
  cfg.municipalities['Nergensdorp'] = 'leeg';
  const file = join(dir, 'vt.json');
  writeFileSync(file, JSON.stringify(cfg));
  return file;
}

const vtInvoke = (aad: string, verb: string, data: Record<string, unknown>) => personalExecuteInvoke(t.stub.url, aad, verb, data);

const personalSends = (aad: string) => t.stub.successful('send').filter((c) => c.conversationId === `a:personal-${aad}`);

async function newCase(municipality: string): Promise<string> {
  const res = await postSignedCase(t.base, sampleIntake({ intakeAt: clock.now().toISOString(), municipality }), {
    timestamp: Math.floor(clock.now().getTime() / 1000),
  });
  expect(res.status).toBe(201);
  const { caseId } = (await res.json()) as { caseId: string };
  await settle(t);
  return caseId;
}

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-11-23T20:00:00Z')); // Monday 21:00 in Amsterdam: VT is not at the desk
  await stub.start();
  vtConfigFile(dir);
  t = await start();
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
  await openPersonalChats(t, [ON_CALL, BACKUP, STANDBY]);
});
afterAll(async () => {
  await t.stop();
  await stub.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Veilig Thuis in the evening', () => {
  it('an evening case asks the on-call member in a 1:1 chat; the answer becomes VT context information on the case card', async () => {
    const before = personalSends(ON_CALL).length;
    const caseId = await newCase('Utrecht');
    const sent = personalSends(ON_CALL).slice(before);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0].body)).toContain('Is dit gezin bekend bij Veilig Thuis?');
    const record = await t.host.deps.repo.getVtConsultation(caseId);
    expect(record?.body).toMatchObject({ regionId: 'utrecht', state: { status: 'asked', primary: ON_CALL, backup: BACKUP } });

    // Someone else cannot answer for VT.
    const refused = await sendActivity(t.base, vtInvoke(USERS.politie, VERBS.vtNotKnown, { caseId, seq: 1 }));
    expect(JSON.stringify(refused.body)).toContain('niet als dienstdoende');

    const res = await sendActivity(
      t.base,
      vtInvoke(ON_CALL, VERBS.vtKnown, {
        caseId,
        seq: 1,
        [INPUTS.vtText]: 'Gezin bekend: melding 2025, lopend traject.',
        [INPUTS.vtNeedToKnow]: 'Lopend VT-traject bepaalt de zorgkant van het advies.',
      }),
    );
    expect(JSON.stringify(res.body)).toContain('Dank u');
    const contributions = await t.host.deps.repo.listContributions(caseId);
    expect(contributions).toEqual([
      expect.objectContaining({ orgId: 'vt', authorId: ON_CALL, text: 'Gezin bekend: melding 2025, lopend traject.' }),
    ]);
    expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.state.status).toBe('answered');
    await sendActivity(
      t.base,
      vtInvoke(ON_CALL, VERBS.vtConcern, { caseId, seq: 1, [INPUTS.vtReason]: 'Kinderen al eerder in beeld', [INPUTS.vtAcute]: 'false' }),
    );
    expect(await t.host.deps.repo.listVotes(caseId)).toEqual([expect.objectContaining({ orgId: 'vt', concern: true, voterId: ON_CALL })]);
    await settle(t);
    const ref = await t.host.deps.repo.getCardRef(caseId);
    const updates = t.stub.successful('update').filter((c) => c.activityId === ref?.activityId);
    const lastCard = JSON.stringify(ConnectorStub.cardOf(updates[updates.length - 1].body));
    // The location channel carries no content; the roster's personal view does.
    expect(lastCard).not.toContain('Gezin bekend: melding 2025');
    const opened = await sendActivity(t.base, executeInvoke(t.stub.url, USERS.politie, VERBS.open, { caseId }));
    expect(JSON.stringify(opened.body)).toContain('Gezin bekend: melding 2025');
    // The consultation card: the on-call member and the roster, not the backup who was never asked.
    expect(JSON.stringify((await sendActivity(t.base, vtInvoke(ON_CALL, VERBS.vtRefresh, { caseId, seq: 1 }))).body)).toContain(
      'Is dit gezin bekend bij Veilig Thuis?',
    );
    expect(JSON.stringify((await sendActivity(t.base, vtInvoke(BACKUP, VERBS.vtRefresh, { caseId, seq: 1 }))).body)).not.toContain(
      'Is dit gezin bekend bij Veilig Thuis?',
    );
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.filter((a) => a.action === 'view.opened').map((a) => `${a.actorId}:${a.detail?.view}:${a.detail?.via}`)).toEqual(
      expect.arrayContaining([`${ON_CALL}:vt:delivered`, `${USERS.politie}:case:open`, `${ON_CALL}:vt:refresh`]),
    );
    expect(audit.filter((a) => a.action === 'access.denied').map((a) => a.actorId)).toContain(BACKUP);
  });

  it('no answer: a reminder, then the backup and the desk is told; a restart in between loses nothing', async () => {
    const caseId = await newCase('Zeist');
    clock.advance(16 * MINUTE);
    await settle(t);
    expect(personalSends(ON_CALL).some((c) => JSON.stringify(c.body).includes('Herinnering'))).toBe(true);
    expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.state.status).toBe('reminded');

    // Restart: a new process on the same store picks up the backup timer.
    await t.stop();
    t = await start();
    const backupBefore = personalSends(BACKUP).length;
    clock.advance(15 * MINUTE);
    await settle(t);
    expect(personalSends(BACKUP).length).toBe(backupBefore + 1);
    expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.state.status).toBe('backup_asked');
    const ref = await t.host.deps.repo.getCardRef(caseId);
    expect(
      stub.successful('send').some((c) => c.conversationId === ref?.conversationId && JSON.stringify(c.body).includes('achterwacht')),
    ).toBe(true);
  });

  it('nobody on call: the desk sees a clear warning at once, not silence', async () => {
    const caseId = await newCase('Nergensdorp');
    const record = await t.host.deps.repo.getVtConsultation(caseId);
    expect(record?.body.state).toMatchObject({ status: 'no_answer', reason: 'no_one_on_call' });
    const ref = await t.host.deps.repo.getCardRef(caseId);
    const posts = t.stub
      .successful('create')
      .concat(t.stub.successful('update'))
      .filter((c) => JSON.stringify(c.body).includes(caseCode(caseId)) || c.activityId === ref?.activityId);
    expect(posts.length).toBeGreaterThan(0);
    const opened = await sendActivity(t.base, executeInvoke(t.stub.url, USERS.politie, VERBS.open, { caseId }));
    expect(JSON.stringify(opened.body)).toMatch(/Niemand van Veilig Thuis/);
  });

  it('an unknown municipality: the desk chooses the region on the card, then asks VT', async () => {
    const caseId = await newCase('Onbekendstad');
    expect(await t.host.deps.repo.getVtConsultation(caseId)).toBeNull();
    const ask = await sendActivity(t.base, executeInvoke(t.stub.url, USERS.politie, VERBS.askVt, { caseId }));
    expect(JSON.stringify(ask.body)).toContain('regio van Veilig Thuis is niet bekend');
    await sendActivity(t.base, executeInvoke(t.stub.url, USERS.politie, VERBS.setVtRegion, { caseId, [INPUTS.vtRegion]: 'utrecht' }));
    expect((await t.host.deps.repo.getCase(caseId))?.vtRegionId).toBe('utrecht');
    const asked = await sendActivity(t.base, executeInvoke(t.stub.url, USERS.politie, VERBS.askVt, { caseId }));
    expect(JSON.stringify(asked.body)).toContain('Veilig Thuis is gevraagd');
    const again = await sendActivity(t.base, executeInvoke(t.stub.url, USERS.politie, VERBS.askVt, { caseId }));
    expect(JSON.stringify(again.body)).toContain('al gevraagd');
    expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.askedBy).toBe(USERS.politie);
  });

  it('"ik heb nu dienst" makes a colleague the on-call member for the next question', async () => {
    const sends = t.stub.successful('send').length;
    await sendActivity(t.base, { ...personalActivity(t.stub.url, STANDBY), type: 'message', text: 'ik heb nu dienst', id: 'm1' });
    const reply = t.stub
      .successful('send')
      .slice(sends)
      .find((c) => c.conversationId === `a:personal-${STANDBY}`);
    expect(JSON.stringify(reply?.body)).toContain('U heeft nu dienst');
    const caseId = await newCase('Amersfoort');
    expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.state).toMatchObject({ primary: STANDBY, backup: ON_CALL });
  });

  it('the next morning the VT day team gets a summary of the evening', async () => {
    const creates = t.stub.successful('create').length;
    clock.advance(14 * 60 * MINUTE); // past 08:30 the next day
    await settle(t);
    const summary = t.stub
      .successful('create')
      .slice(creates)
      .filter((c) => (c.body.channelData as { channel: { id: string } }).channel.id === DAY_TEAM);
    expect(summary).toHaveLength(1);
    expect(JSON.stringify(summary[0].body)).toContain('Bekend bij Veilig Thuis');
  });
});
