import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { ConnectorStub } from '../helpers/connector-stub';
import { sampleIntake, USERS } from '../helpers/fixtures';
import {
  channelActivity,
  ManualClock,
  personalActivity,
  postSignedCase,
  sendActivity,
  settle,
  startTestHost,
  type TestHost,
} from '../helpers/host';

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
    onCall: { shifts: [{ days: all, hours: '00:00-00:00', primary: NO_CHAT, backup: BACKUP }] },
  });
  cfg.locations[0].regionIds.push('stil');
  cfg.municipalities['Stilledorp'] = 'stil';
  writeFileSync(join(dir, 'vt.json'), JSON.stringify(cfg));
}

const start = () => startTestHost({ clock, dataDir: dir, stub, env: { VT_CONFIG_FILE: join(dir, 'vt.json') } });

function vtInvoke(aad: string, verb: string, data: Record<string, unknown>): Record<string, unknown> {
  return {
    ...personalActivity(t.stub.url, aad),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

const personalSends = (aad: string) => t.stub.successful('send').filter((c) => c.conversationId === `a:personal-${aad}`);
const deskThreadSends = async (caseId: string) => {
  const ref = await t.host.deps.repo.getCardRef(caseId);
  return t.stub.successful('send').filter((c) => c.conversationId === ref?.conversationId);
};
const lastCaseCard = async (caseId: string): Promise<string> => {
  const ref = await t.host.deps.repo.getCardRef(caseId);
  const msg = t.stub.messages.get(`${ref?.conversationId}|${ref?.activityId}`);
  return JSON.stringify(msg ? (ConnectorStub.cardOf(msg) ?? msg) : '');
};

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
  for (const aad of [ON_CALL, BACKUP]) await sendActivity(t.base, personalActivity(t.stub.url, aad));
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
});
