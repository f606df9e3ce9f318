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
  postSignedCase,
  sendActivity,
  settle,
  startTestHost,
  type TestHost,
} from '../helpers/host';
import { openPersonalChats, personalExecuteInvoke } from '../helpers/personal-chat';
import { HANDOVER_DATA } from '../helpers/handover';

/** Regression tests for issue 13 (VT consultation defects), through the real HTTP server and the Connector stub. */

jest.setTimeout(60_000);
const MINUTE = 60_000;
const ON_CALL = 'vt-oncall-utrecht-1';
const BACKUP = 'vt-oncall-utrecht-2';
/** On call in the test region 'stil', but never installed the app: no personal chat. */
const NO_CHAT = 'vt-oncall-zonder-chat';

let t: TestHost;
let clock: ManualClock;
const stub = new ConnectorStub();
const dir = mkdtempSync(join(tmpdir(), 'zsm-vtfix-'));

function vtConfigFile(): void {
  const cfg = JSON.parse(readFileSync('config/vt.example.json', 'utf8')) as {
    locations: { id: string; regionIds: string[] }[];
    regions: { id: string; name: string; officeHours: Record<string, string>; onCall?: unknown; dayTeamChannelId?: string }[];
    municipalities: Record<string, string>;
  };
  cfg.regions.find((r) => r.id === 'utrecht')!.dayTeamChannelId = '19:vt-utrecht-dagteam@thread.tacv2';
  const all = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  cfg.regions.push({
    id: 'stil',
    name: 'Veilig Thuis Stil (test)',
    officeHours: { mon: '08:30-17:00' },
    onCall: { shifts: [{ days: all, hours: '08:30-08:30', primary: NO_CHAT, backup: BACKUP }] },
  });
  cfg.locations[0].regionIds.push('stil');
  cfg.municipalities['Stilledorp'] = 'stil';
  writeFileSync(join(dir, 'vt.json'), JSON.stringify(cfg));
}

const start = () => startTestHost({ clock, dataDir: dir, stub, env: { VT_CONFIG_FILE: join(dir, 'vt.json') } });

const vtInvoke = (aad: string, verb: string, data: Record<string, unknown>) => personalExecuteInvoke(t.stub.url, aad, verb, data);

const personalSends = (aad: string) => t.stub.successful('send').filter((c) => c.conversationId === `a:personal-${aad}`);
const deskThreadSends = async (caseId: string) => {
  const ref = await t.host.deps.repo.getCardRef(caseId);
  return t.stub.successful('send').filter((c) => c.conversationId === ref?.conversationId);
};
/** The case card as a roster member sees it: the personal view (the channel message carries no content). */
const lastCaseCard = async (caseId: string): Promise<string> => {
  const res = await sendActivity(t.base, executeInvoke(t.stub.url, USERS.politie, VERBS.refresh, { caseId }));
  return JSON.stringify((res.body as { value?: unknown }).value ?? '');
};

/** The notice on top of a card an invoke answered with (the refusal or confirmation text). */
function noticeOf(body: unknown): string {
  const card = (body as { value?: { body?: { items?: { text?: string }[] }[] } }).value;
  return card?.body?.[0]?.items?.[0]?.text ?? String((body as { value?: unknown }).value);
}

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
  clock = new ManualClock(Date.parse('2026-11-23T20:00:00Z')); // Monday 21:00 in Amsterdam
  await stub.start();
  vtConfigFile();
  t = await start();
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
  await openPersonalChats(t, [ON_CALL, BACKUP]);
});
afterAll(async () => {
  await t.stop();
  await stub.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('issue 13: VT consultation', () => {
  it('1: refreshing an open consultation card does not thank for an answer never given', async () => {
    const caseId = await newCase('Utrecht');
    const res = await sendActivity(t.base, vtInvoke(ON_CALL, VERBS.vtRefresh, { caseId, seq: 1 }));
    const body = JSON.stringify(res.body);
    expect(body).toContain('Is dit gezin bekend bij Veilig Thuis?');
    expect(body).not.toContain('Dank u');
    // After a real answer, the answer itself still says thank you.
    const answered = await sendActivity(t.base, vtInvoke(ON_CALL, VERBS.vtNotKnown, { caseId, seq: 1 }));
    expect(JSON.stringify(answered.body)).toContain('Dank u');
    const refreshed = await sendActivity(t.base, vtInvoke(ON_CALL, VERBS.vtRefresh, { caseId, seq: 1 }));
    expect(JSON.stringify(refreshed.body)).not.toContain('Dank u. Uw antwoord');
  });

  it('2: a late answer after the backup answered is refused clearly and offered as further information', async () => {
    const caseId = await newCase('Zeist');
    clock.advance(31 * MINUTE);
    await settle(t);
    expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.state.status).toBe('backup_asked');
    const byBackup = await sendActivity(
      t.base,
      vtInvoke(BACKUP, VERBS.vtKnown, {
        caseId,
        seq: 1,
        [INPUTS.vtText]: 'Bekend: melding 2024 over de kinderen.',
        [INPUTS.vtNeedToKnow]: 'Eerdere melding over de kinderen weegt mee in het advies.',
      }),
    );
    expect(JSON.stringify(byBackup.body)).toContain('Dank u');

    // The primary's late "niet bekend" on the old card: refused, nothing stored.
    const late = await sendActivity(t.base, vtInvoke(ON_CALL, VERBS.vtNotKnown, { caseId, seq: 1 }));
    expect(JSON.stringify(late.body)).toContain('al beantwoord');
    const record = (await t.host.deps.repo.getVtConsultation(caseId))?.body;
    expect(record?.answers.map((a) => a.kind)).toEqual(['known']);
    expect(record?.state).toMatchObject({ status: 'answered', answeredBy: BACKUP });
    expect(await t.host.deps.repo.listContributions(caseId)).toHaveLength(1);

    // A late "bekend" with information: refused as an answer, its text offered again as further information.
    const lateKnown = await sendActivity(
      t.base,
      vtInvoke(ON_CALL, VERBS.vtKnown, {
        caseId,
        seq: 1,
        [INPUTS.vtText]: 'Ook bekend: huisverbod in 2023.',
        [INPUTS.vtNeedToKnow]: 'Een eerder huisverbod zegt iets over herhaling.',
      }),
    );
    const lateCard = JSON.stringify(lateKnown.body);
    expect(lateCard).toContain('al beantwoord');
    expect(lateCard).toContain(VERBS.vtAddInfo);
    expect(lateCard).toContain('Ook bekend: huisverbod in 2023.');
    expect(await t.host.deps.repo.listContributions(caseId)).toHaveLength(1);
    const extra = await sendActivity(
      t.base,
      vtInvoke(ON_CALL, VERBS.vtAddInfo, {
        caseId,
        seq: 1,
        [INPUTS.vtText]: 'Ook bekend: huisverbod in 2023.',
        [INPUTS.vtNeedToKnow]: 'Een eerder huisverbod zegt iets over herhaling.',
      }),
    );
    expect(JSON.stringify(extra.body)).toContain('aanvullende informatie staat bij de zaak');
    expect(await t.host.deps.repo.listContributions(caseId)).toHaveLength(2);
    expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.answers).toHaveLength(1);
    await settle(t);
    const card = await lastCaseCard(caseId);
    expect(card).toContain('Bekend bij Veilig Thuis');
    expect(card).not.toContain('Niet bekend bij Veilig Thuis');
  });

  it('6: an on-call member without a personal chat is "niet bereikbaar" at once and the backup is asked', async () => {
    const backupBefore = personalSends(BACKUP).length;
    const caseId = await newCase('Stilledorp');
    const state = (await t.host.deps.repo.getVtConsultation(caseId))?.body.state;
    expect(state).toMatchObject({ status: 'backup_asked', primary: NO_CHAT, backup: BACKUP });
    expect(state?.primaryUnreachableAt).toBe(clock.now().toISOString());
    const toBackup = personalSends(BACKUP).slice(backupBefore);
    expect(toBackup).toHaveLength(1);
    expect(JSON.stringify(toBackup[0].body)).toContain('Is dit gezin bekend bij Veilig Thuis?');
    // The case card may be posted after the question was sent; the card itself says it at once.
    const card = await lastCaseCard(caseId);
    expect(card).toContain('niet bereikbaar via Teams');
    expect(card).not.toContain('automatisch gevraagd om 21:31 (VT buiten kantoortijd)"');
  });

  it('4 + 3: the backup gets its own reminder naming the case, and the desk is told when the backup is silent too', async () => {
    const caseId = await newCase('Stilledorp');
    const ref = caseCode(caseId);
    const before = personalSends(BACKUP).length;
    clock.advance(16 * MINUTE);
    await settle(t);
    const reminders = personalSends(BACKUP)
      .slice(before)
      .map((c) => JSON.stringify(c.body))
      .filter((b) => b.includes('Herinnering') && b.includes(`zaak ${ref}`));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('Is dit gezin bekend bij Veilig Thuis?');
    expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.state.backupRemindedAt).toBeDefined();
    expect(JSON.stringify(await deskThreadSends(caseId))).not.toContain('Ook de achterwacht');

    clock.advance(15 * MINUTE);
    await settle(t);
    expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.state).toMatchObject({
      status: 'no_answer',
      reason: 'backup_silent',
    });
    expect(JSON.stringify(await deskThreadSends(caseId))).toContain('Ook de achterwacht');
    expect(await lastCaseCard(caseId)).toContain('ook de achterwacht reageerde niet');
  });

  it('3: the reminder to the on-call member names the case and the question', async () => {
    const first = await newCase('Utrecht');
    const second = await newCase('Utrecht');
    const before = personalSends(ON_CALL).length;
    clock.advance(16 * MINUTE);
    await settle(t);
    const reminders = personalSends(ON_CALL)
      .slice(before)
      .map((c) => JSON.stringify(c.body))
      .filter((b) => b.includes('Herinnering'));
    expect(reminders).toHaveLength(2);
    expect(reminders.filter((r) => r.includes(`zaak ${caseCode(first)}`))).toHaveLength(1);
    expect(reminders.filter((r) => r.includes(`zaak ${caseCode(second)}`))).toHaveLength(1);
    for (const r of reminders) expect(r).toContain('Is dit gezin bekend bij Veilig Thuis?');
  });

  it('14: refusals say what was wrong (short close reason, too long buikpijn reason) and never echo huge input', async () => {
    const caseId = await newCase('Utrecht');
    const short = await sendActivity(
      t.base,
      executeInvoke(t.stub.url, USERS.om, VERBS.closeDespiteConcern, { caseId, ...HANDOVER_DATA, [INPUTS.closeReason]: 'te kort' }),
    );
    expect(noticeOf(short.body)).toContain('minimaal 20 tekens om te sluiten ondanks buikpijn');

    const tooLong = await sendActivity(
      t.base,
      executeInvoke(t.stub.url, USERS.rvdk, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'zorg '.repeat(150) }),
    );
    expect(noticeOf(tooLong.body)).toContain('maximaal 500 tekens');
    expect(noticeOf(tooLong.body)).not.toContain('minimaal 3 tekens');

    const huge = 'x'.repeat(400_000);
    const res = await sendActivity(
      t.base,
      executeInvoke(t.stub.url, USERS.politie, VERBS.addContribution, {
        caseId,
        [INPUTS.contribText]: huge,
        [INPUTS.contribSource]: 'own_system',
        [INPUTS.contribNeedToKnow]: huge,
      }),
    );
    const bytes = Buffer.byteLength(JSON.stringify(res.body), 'utf8');
    expect(JSON.stringify(res.body)).toContain('te lang (maximaal 2000 tekens)');
    expect(bytes).toBeLessThan(40 * 1024);
    expect(await t.host.deps.repo.listContributions(caseId)).toHaveLength(0);
  });

  // (later tests go above this one: it moves the clock to the next morning)
  it('5: "Bel mij terug" is an open task of the desk: reminder, "Teruggebeld" on the card, its state in the summary', async () => {
    const caseId = await newCase('Utrecht');
    await sendActivity(t.base, vtInvoke(ON_CALL, VERBS.vtCallBack, { caseId, seq: 1, [INPUTS.vtPhone]: '06 12345678' }));
    await settle(t);
    let card = await lastCaseCard(caseId);
    expect(card).toContain('terugbellen open');
    expect(card).toContain(VERBS.vtCalledBack);
    expect(card).toContain('Terugbellen staat nog open: bel Veilig Thuis op 06 12345678');

    clock.advance(16 * MINUTE);
    await settle(t);
    const reminders = (await deskThreadSends(caseId)).filter((c) => JSON.stringify(c.body).includes('vroeg om terugbellen'));
    expect(reminders).toHaveLength(1);

    const done = await sendActivity(t.base, executeInvoke(t.stub.url, USERS.politie, VERBS.vtCalledBack, { caseId }));
    expect(JSON.stringify(done.body)).toContain('teruggebeld');
    expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.callBack).toMatchObject({ doneBy: USERS.politie });
    await settle(t);
    card = await lastCaseCard(caseId);
    expect(card).toContain('teruggebeld om');
    expect(card).not.toContain(VERBS.vtCalledBack);
    expect((await t.host.deps.repo.listAudit(caseId)).map((a) => a.action)).toContain('vt.calledBack');

    const creates = t.stub.successful('create').length;
    clock.advance(12 * 60 * MINUTE); // the next morning
    await settle(t);
    const summary = t.stub
      .successful('create')
      .slice(creates)
      .filter((c) => (c.body.channelData as { channel: { id: string } }).channel.id === '19:vt-utrecht-dagteam@thread.tacv2');
    expect(summary).toHaveLength(1);
    expect(JSON.stringify(summary[0].body)).toContain('teruggebeld om');
  });
});
