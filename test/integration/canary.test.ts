/**
 * The canary test: a unique string in every free-text field, through the core loop, the escalation,
 * the VT consultation and the advice/decision, over the real HTTP server and the Connector stub.
 * Then scan (a) every log line, (b) every activity sent to a CHANNEL conversation: no canary may
 * appear there; (c) the personal views (invoke answers and 1:1 chats): each canary appears where
 * need-to-know allows it, and a contribution restricted to politie never reaches OM.
 */
import { caseCode } from '../../src/domain/case-code';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALOGS, INPUTS, VERBS } from '../../src/cards/verbs';
import { createLogger } from '../../src/log';
import { ConnectorStub, type ConnectorCall } from '../helpers/connector-stub';
import { LOCATION, sampleIntake, testRoster, USERS } from '../helpers/fixtures';
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
  greetAllUsers,
} from '../helpers/host';

jest.setTimeout(120_000);
const DAY = 86_400_000;
const ON_CALL = 'vt-oncall-utrecht-1'; // config/vt.example.json: Monday evening, region Utrecht
const OVJ_CHANNEL = '19:zsm-mn-ovj@thread.tacv2';

const CANARY = {
  summary: 'KANARIE-SAMENVATTING-q7Jx',
  contributionText: 'KANARIE-BIJDRAGE-TEKST-w2Lp',
  contributionReason: 'KANARIE-BIJDRAGE-REDEN-m4Zt nodig voor het beeld',
  restrictedText: 'KANARIE-BEPERKT-TEKST-c9Vb',
  restrictedReason: 'KANARIE-BEPERKT-REDEN-h3Ns nodig voor de politie',
  votePolitie: 'KANARIE-STEM-POLITIE-r5Dk',
  voteRvdk: 'KANARIE-STEM-RVDK-t8Gf',
  vtInfo: 'KANARIE-VT-INFO-y1Qw',
  vtReason: 'KANARIE-VT-REDEN-u6Hc nodig voor de zorgkant',
  vtPhone: '06 4815 1623',
  vtVote: 'KANARIE-VT-STEM-p0Ra',
  aoQuestion: 'KANARIE-AO-VRAAG-e4Xs: wie ziet toe op het contactverbod?',
  advice: 'KANARIE-ADVIES-k2Mu',
  decision: 'KANARIE-BESLUIT-n7Yo',
  acknowledgement: 'KANARIE-ERKENNING-b5Wi zorgen gedeeld',
  followUp: 'KANARIE-TERUGKOPPELING-s3Ej',
} as const;
/** Restricted to politie: OM (and so the advice to the OvJ) never sees it. */
const RESTRICTED = [CANARY.restrictedText, CANARY.restrictedReason];
/** Short forms that survive truncation on cards (each canary's unique head). */
const head = (c: string) => (c.startsWith('KANARIE') ? (c.split(' ')[0] as string) : c);

let t: TestHost;
let clock: ManualClock;
const stub = new ConnectorStub();
const dir = mkdtempSync(join(tmpdir(), 'zsm-canary-'));
const logLines: string[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _enc, done) {
    logLines.push(chunk.toString('utf8'));
    done();
  },
});
/** Every personal view: [who, what, JSON]. */
const personal: { who: string; what: string; json: string }[] = [];

async function invoke(from: string, verb: string, data: Record<string, unknown>, personalChat = false): Promise<string> {
  const activity = personalChat
    ? {
        ...personalActivity(t.stub.url, from),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data } },
      }
    : executeInvoke(t.stub.url, from, verb, data);
  const res = await sendActivity(t.base, activity);
  expect(res.status).toBe(200);
  const json = JSON.stringify(res.body);
  personal.push({ who: from, what: verb, json });
  return json;
}

const isChannel = (c: ConnectorCall): boolean =>
  c.conversationId === undefined
    ? !!(c.body.channelData as { channel?: unknown } | undefined)?.channel
    : c.conversationId.startsWith('19:');
const count = (texts: readonly string[], needle: string): number => texts.reduce((n, s) => n + s.split(needle).length - 1, 0);

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-11-23T20:00:00Z')); // Monday 21:00 in Amsterdam: VT is not at the desk
  await stub.start();
  const roster = testRoster();
  roster.locations[0] = { ...roster.locations[0]!, ovjChannelId: OVJ_CHANNEL };
  t = await startTestHost({ clock, dataDir: dir, stub, roster, log: createLogger('debug', logSink) });
  await greetAllUsers(t);
  for (const u of [ON_CALL, USERS.politie, USERS.rvdk, USERS.ovj]) await sendActivity(t.base, personalActivity(t.stub.url, u));
});
afterAll(async () => {
  await t.stop();
  await stub.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('canaries in every free-text field', () => {
  it('never reach a channel message or a log line; they appear in the personal views where need-to-know allows', async () => {
    // Intake: the police summary; the municipality makes the bot ask VT's on-call member at once.
    const res = await postSignedCase(
      t.base,
      sampleIntake({ intakeAt: clock.now().toISOString(), summary: `Melding: ${CANARY.summary}.`, municipality: 'Utrecht' }),
      { timestamp: Math.floor(clock.now().getTime() / 1000) },
    );
    expect(res.status).toBe(201);
    const { caseId } = (await res.json()) as { caseId: string };
    await settle(t);
    expect(t.host.deps.directory.location(LOCATION)?.ovjChannelId).toBe(OVJ_CHANNEL);

    // Context information: one for everyone, one only for politie (by RvdK).
    await invoke(USERS.politie, VERBS.addContribution, {
      caseId,
      [INPUTS.contribText]: CANARY.contributionText,
      [INPUTS.contribSource]: 'own_system',
      [INPUTS.contribNeedToKnow]: CANARY.contributionReason,
    });
    await invoke(USERS.rvdk, VERBS.addContribution, {
      caseId,
      [INPUTS.contribText]: CANARY.restrictedText,
      [INPUTS.contribSource]: 'own_system',
      [INPUTS.contribNeedToKnow]: CANARY.restrictedReason,
      [INPUTS.contribVisibleTo]: 'politie',
    });
    expect((await t.host.deps.repo.listContributions(caseId)).find((c) => c.orgId === 'rvdk')?.visibleTo).toEqual(['politie', 'rvdk']);

    // VT answers in its 1:1 chat: call me back (phone), then further information, and a vote (one answer
    // per question: the information after the answer goes through "Aanvullende informatie").
    // VT's information only for politie, OM and RvdK (the example of the issue).
    await invoke(ON_CALL, VERBS.vtCallBack, { caseId, seq: 1, [INPUTS.vtPhone]: CANARY.vtPhone }, true);
    const vtInfo = { [INPUTS.vtText]: CANARY.vtInfo, [INPUTS.vtNeedToKnow]: CANARY.vtReason, [INPUTS.vtVisibleTo]: 'politie,om,rvdk' };
    await invoke(ON_CALL, VERBS.vtAddInfo, { caseId, seq: 1, ...vtInfo }, true);
    expect((await t.host.deps.repo.listContributions(caseId)).find((c) => c.text === CANARY.vtInfo)?.visibleTo).toEqual([
      'om',
      'politie',
      'rvdk',
      'vt',
    ]);
    await invoke(ON_CALL, VERBS.vtConcern, { caseId, seq: 1, [INPUTS.vtReason]: CANARY.vtVote, [INPUTS.vtAcute]: 'false' }, true);

    // Buikpijn, acuut onveilig: escalation to the Actieoverleg; the chair sharpens the question.
    await invoke(USERS.politie, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: CANARY.votePolitie, [INPUTS.voteAcute]: 'false' });
    await invoke(USERS.rvdk, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: CANARY.voteRvdk, [INPUTS.voteAcute]: 'true' });
    await settle(t);
    expect((await t.host.deps.repo.getEscalation(caseId))?.body.rule).toBe('acute_unsafe');
    expect(await invoke(USERS.om, VERBS.aoEditQuestion, { caseId, [INPUTS.aoQuestion]: CANARY.aoQuestion })).toContain('aangepast');
    await settle(t);

    // The advice: RvdK takes regie, drafts, writes the summary, sends it to the OvJ channel.
    await invoke(USERS.rvdk, VERBS.takeLead, { caseId });
    await invoke(USERS.rvdk, VERBS.draftAdvice, { caseId });
    await invoke(USERS.rvdk, VERBS.editAdvice, {
      caseId,
      [INPUTS.adviceSummary]: CANARY.advice,
      [INPUTS.adviceInterventions]: 'contactverbod',
    });
    await invoke(USERS.rvdk, VERBS.sendAdvice, { caseId });
    await settle(t);
    const advice = JSON.stringify((await t.host.deps.repo.getAdvice(caseId))?.body);
    for (const r of RESTRICTED) expect(advice).not.toContain(r); // the advice holds only what OM may read
    expect(advice).toContain(CANARY.contributionText);

    // The OvJ opens the advice from the OvJ channel and decides.
    await invoke(USERS.ovj, VERBS.adviceOpen, { caseId });
    expect(
      await invoke(USERS.ovj, VERBS.decide, {
        caseId,
        [INPUTS.decisionInterventions]: 'contactverbod',
        [INPUTS.decisionText]: CANARY.decision,
        [INPUTS.decisionConcern]: CANARY.acknowledgement,
      }),
    ).toContain(CANARY.decision);
    await settle(t);

    // The follow-up, after the configured days.
    clock.advance(15 * DAY);
    await settle(t);
    await invoke(USERS.rvdk, VERBS.followUp, { caseId, [INPUTS.followUpText]: CANARY.followUp, [INPUTS.followUpClose]: 'false' });
    await settle(t);

    // Personal views: each partner opens the case; the chair opens the Actieoverleg; details dialog.
    await invoke(USERS.politie, VERBS.open, { caseId });
    await invoke(USERS.om, VERBS.open, { caseId });
    await invoke(USERS.shn, VERBS.aoOpen, { caseId });
    const details = await sendActivity(
      t.base,
      channelActivity(t.stub.url, USERS.politie, {
        type: 'invoke',
        name: 'task/fetch',
        value: { data: { dialog: DIALOGS.details, caseId } },
      }),
    );
    personal.push({ who: USERS.politie, what: 'details', json: JSON.stringify(details.body) });
    // Someone off the roster gets nothing.
    const refused = await invoke(USERS.outsider, VERBS.open, { caseId });
    expect(refused).toContain('niet op het rooster');

    // (a) logs, (b) channel messages, (c) personal views and 1:1 chats.
    const channelCalls = t.stub.calls.filter(isChannel).map((c) => JSON.stringify(c.body));
    const personalChats = t.stub.calls.filter((c) => c.conversationId?.startsWith('a:personal-')).map((c) => JSON.stringify(c.body));
    const personalTexts = [...personal.map((p) => p.json), ...personalChats];
    const figures: Record<string, { logs: number; channel: number; personal: number }> = {};
    for (const [name, value] of Object.entries(CANARY)) {
      const needle = head(value);
      figures[name] = { logs: count(logLines, needle), channel: count(channelCalls, needle), personal: count(personalTexts, needle) };
    }
    // The figures for the report (counts per place).
    process.stdout.write(
      `\ncanary figures: ${logLines.length} log lines, ${channelCalls.length} channel activities, ${personalTexts.length} personal views/chats\n` +
        Object.entries(figures)
          .map(([k, f]) => `  ${k.padEnd(20)} logs=${f.logs} channel=${f.channel} personal=${f.personal}`)
          .join('\n') +
        '\n',
    );
    expect(logLines.length).toBeGreaterThan(20);
    expect(logLines.join('')).toContain(caseId); // the logs are about this case (ids only)
    expect(channelCalls.length).toBeGreaterThan(5);
    expect(count(channelCalls, caseCode(caseId))).toBeGreaterThan(5); // the channel messages are about this case
    for (const [name, f] of Object.entries(figures)) {
      expect({ name, logs: f.logs, channel: f.channel }).toEqual({ name, logs: 0, channel: 0 });
      expect({ name, seen: f.personal > 0 }).toEqual({ name, seen: true });
    }
    // Need-to-know inside the personal views: the restricted contribution reaches politie and RvdK, never OM.
    const omViews = personal.filter((p) => p.who === USERS.om || p.who === USERS.ovj).map((p) => p.json);
    for (const r of RESTRICTED) expect(count(omViews, head(r))).toBe(0);
    expect(count(omViews, head(CANARY.contributionText))).toBeGreaterThan(0);
    const politieOpen = personal.find((p) => p.who === USERS.politie && p.what === VERBS.open)?.json ?? '';
    for (const r of RESTRICTED) expect(politieOpen).toContain(head(r));
    expect(JSON.stringify(omViews)).toContain('alleen zichtbaar voor Politie');
    // VT's information: politie sees it; Slachtofferhulp sees only that it exists.
    expect(politieOpen).toContain(head(CANARY.vtInfo));
    const shnViews = personal.filter((p) => p.who === USERS.shn).map((p) => p.json);
    expect(shnViews.length).toBeGreaterThan(0);
    for (const v of [CANARY.vtInfo, CANARY.vtReason]) expect(count(shnViews, head(v))).toBe(0);
    expect(JSON.stringify(shnViews)).toContain('Bijdrage van VT, alleen zichtbaar voor OM, Politie, RvdK, VT');

    // Every personal view was audited; the refusal too.
    const audit = await t.host.deps.repo.listAudit(caseId);
    const views = audit.filter((a) => a.action === 'view.opened');
    const byView = views.reduce<Record<string, number>>((acc, a) => {
      const k = `${String(a.detail?.view)}/${String(a.detail?.via)}`;
      acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {});
    process.stdout.write(`audit view.opened by view/via: ${JSON.stringify(byView)}\n`);
    expect(Object.keys(byView)).toEqual(
      expect.arrayContaining([
        'case/action',
        'case/open',
        'vt/delivered',
        'vt/action',
        'actieoverleg/open',
        'actieoverleg/action',
        'advice/open',
        'advice/action',
        'case/delivered',
      ]),
    );
    expect(audit.filter((a) => a.action === 'access.denied').map((a) => a.actorId)).toContain(USERS.outsider);
  });
});
