import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALOGS, INPUTS, VERBS } from '../../src/cards/verbs';
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
  greetAllUsers,
} from '../helpers/host';
import { HANDOVER_DATA } from '../helpers/handover';

jest.setTimeout(60_000);
const DAY = 86_400_000;
let t: TestHost;
let clock: ManualClock;
const stub = new ConnectorStub();
const dir = mkdtempSync(join(tmpdir(), 'zsm-advice-'));
const start = () => startTestHost({ clock, dataDir: dir, stub });

async function invoke(from: string, verb: string, data: Record<string, unknown>): Promise<string> {
  const res = await sendActivity(t.base, executeInvoke(t.stub.url, from, verb, data));
  expect(res.status).toBe(200);
  return JSON.stringify((res.body as { value: unknown }).value);
}

async function caseWithTwoRounds(personKey: string): Promise<string> {
  const intake = sampleIntake({
    intakeAt: clock.now().toISOString(),
    persons: [
      { role: 'verdachte', age: 40, personKey },
      { role: 'slachtoffer', age: 38 },
      { role: 'kind', age: 13 },
    ],
  });
  const res = await postSignedCase(t.base, intake, { timestamp: Math.floor(clock.now().getTime() / 1000) });
  const { caseId } = (await res.json()) as { caseId: string };
  await settle(t);
  await invoke(USERS.rvdk, VERBS.takeLead, { caseId });
  await invoke(USERS.politie, VERBS.addContribution, {
    caseId,
    [INPUTS.contribText]: 'Eerder B-SAFER afgenomen: hoog risico. Stalking van ex-partner gemeld.',
    [INPUTS.contribSource]: 'own_system',
    [INPUTS.contribNeedToKnow]: 'Risicotaxatie bepaalt de veiligheidsmaatregel.',
  });
  await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Kinderen onveilig thuis', [INPUTS.voteAcute]: 'false' });
  await invoke(USERS.om, VERBS.closeRound, { caseId });
  await invoke(USERS.om, VERBS.startRound, { caseId });
  await invoke(USERS.vt, VERBS.voteConcern, {
    caseId,
    [INPUTS.voteReason]: 'Nog steeds zorgen om de kinderen',
    [INPUTS.voteAcute]: 'false',
  });
  await invoke(USERS.politie, VERBS.voteNoConcern, { caseId });
  return caseId;
}

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-11-23T14:00:00Z'));
  await stub.start();
  t = await start();
  await greetAllUsers(t);
  for (const u of [USERS.ovj, USERS.politie, USERS.rvdk]) await sendActivity(t.base, personalActivity(t.stub.url, u));
});
afterAll(async () => {
  await t.stop();
  await stub.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('advice, decision and terugkoppeling', () => {
  it('from a case with two rounds to a recorded decision, terugkoppeling, and the follow-up across a restart', async () => {
    // An earlier case with the same suspect makes him an "oude bekende".
    await caseWithTwoRounds('bvh-key-suspect-77');
    clock.advance(DAY);
    const caseId = await caseWithTwoRounds('bvh-key-suspect-77');

    expect(await invoke(USERS.shn, VERBS.draftAdvice, { caseId })).toContain('regiehouder');
    expect(await invoke(USERS.rvdk, VERBS.draftAdvice, { caseId })).toContain('concept');
    await invoke(USERS.rvdk, VERBS.editAdvice, {
      caseId,
      [INPUTS.adviceSummary]: 'Veiligheid eerst: contactverbod; daarna zorg via RvdK.',
      [INPUTS.adviceInterventions]: 'rvdk-onderzoek,contactverbod',
    });
    const advice = (await t.host.deps.repo.getAdvice(caseId))!.body;
    expect(advice.draft.interventions.map((i) => i.interventionId)).toEqual(['contactverbod', 'rvdk-onderzoek']); // safety first
    expect(advice.draft.openConcern.map((c) => c.orgId)).toEqual(['vt']);
    expect(advice.draft.patterns.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['returning', 'children', 'stalking', 'risk_assessment']),
    );
    expect(JSON.stringify(advice)).not.toContain('bvh-key-suspect-77');

    // The same edit through the dialog (Teams clients; the Playground opens no dialogs).
    const task = (name: string, data: Record<string, unknown>) =>
      sendActivity(
        t.base,
        channelActivity(t.stub.url, USERS.rvdk, { type: 'invoke', name, value: { data, context: { theme: 'default' } } }),
      );
    const fetched = (await task('task/fetch', { dialog: DIALOGS.editAdvice, caseId })).body as { task: { type: string } };
    expect(fetched.task.type).toBe('continue');
    await task('task/submit', {
      dialog: DIALOGS.editAdvice,
      caseId,
      [INPUTS.adviceSummary]: 'Veiligheid eerst: contactverbod; daarna zorg via RvdK (dialoog).',
      [INPUTS.adviceInterventions]: 'rvdk-onderzoek,contactverbod',
    });
    expect((await t.host.deps.repo.getAdvice(caseId))!.body.draft.summary).toContain('(dialoog)');

    await invoke(USERS.rvdk, VERBS.sendAdvice, { caseId });
    await settle(t);
    const toOvj = t.stub.successful('send').filter((c) => c.conversationId === `a:personal-${USERS.ovj}`);
    expect(toOvj).toHaveLength(1);
    const card = JSON.stringify(ConnectorStub.cardOf(toOvj[0].body));
    // The standing buikpijn with its reason is on the card; earlier rounds are in the Details dialog.
    expect(card).toContain('Nog steeds zorgen om de kinderen');
    expect(await invoke(USERS.rvdk, VERBS.editAdvice, { caseId, [INPUTS.adviceSummary]: 'te laat' })).toContain('al verstuurd');

    // The decision: not by a partner; with remaining buikpijn only with an acknowledgement.
    const ovjDecide = (data: Record<string, unknown>) =>
      sendActivity(t.base, {
        ...personalActivity(t.stub.url, USERS.ovj),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: VERBS.decide, data: { caseId, ...data } } },
      });
    expect(await invoke(USERS.politie, VERBS.decide, { caseId, [INPUTS.decisionInterventions]: 'contactverbod' })).toContain(
      'Alleen de officier',
    );
    expect(JSON.stringify((await ovjDecide({ [INPUTS.decisionInterventions]: 'contactverbod' })).body)).toContain('nog buikpijn');
    await ovjDecide({
      [INPUTS.decisionInterventions]: 'contactverbod,rvdk-onderzoek',
      [INPUTS.decisionText]: 'Voorwaarden via reclassering.',
      [INPUTS.decisionConcern]: 'Zorgen VT gedeeld; RvdK-onderzoek volgt direct.',
    });
    const decided = (await t.host.deps.repo.getAdvice(caseId))!.body;
    expect(decided).toMatchObject({
      status: 'decided',
      decision: { by: USERS.ovj, concernAcknowledgement: 'Zorgen VT gedeeld; RvdK-onderzoek volgt direct.' },
    });
    await settle(t);
    const ref = await t.host.deps.repo.getCardRef(caseId);
    // The case thread is in the location channel: that there is a decision, not what it is.
    const thread = t.stub.successful('send').filter((c) => c.conversationId === ref?.conversationId);
    expect(thread.some((c) => JSON.stringify(c.body).includes('de OvJ heeft besloten'))).toBe(true);
    expect(thread.some((c) => JSON.stringify(c.body).includes('Contactverbod'))).toBe(false);
    // Every contributor hears it (politie contributed; VT only voted).
    expect(
      t.stub
        .successful('send')
        .some((c) => c.conversationId === `a:personal-${USERS.politie}` && JSON.stringify(c.body).includes('het besluit van de OvJ')),
    ).toBe(true);
    const audit = (await t.host.deps.repo.listAudit(caseId)).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['advice.draft', 'advice.sent', 'advice.decided']));

    // 14 days later, across a restart, the case lead is asked what came of it.
    await t.stop();
    t = await start();
    clock.advance(15 * DAY);
    await settle(t);
    expect(
      t.stub
        .successful('send')
        .some((c) => c.conversationId === ref?.conversationId && JSON.stringify(c.body).includes('Wat is er gekomen')),
    ).toBe(true);
    expect(
      await invoke(USERS.rvdk, VERBS.followUp, {
        caseId,
        [INPUTS.followUpText]: 'Contactverbod nageleefd; RvdK-onderzoek loopt.',
        [INPUTS.followUpClose]: 'true',
        ...HANDOVER_DATA,
      }),
    ).toContain('terugkoppeling');
    expect((await t.host.deps.repo.getCase(caseId))?.status).toBe('closed');
    await settle(t);
    const followUps = t.stub.successful('send').filter((c) => JSON.stringify(c.body).includes('Contactverbod nageleefd'));
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.every((c) => c.conversationId?.startsWith('a:personal-'))).toBe(true);
  });
});
