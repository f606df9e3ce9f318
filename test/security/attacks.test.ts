/**
 * Attacks on a running instance (real HTTP server, real SQLite store, the Connector stub as Teams and
 * a "foreign" server outside the allowlist). Each attack: the refusal, nothing stored (every document
 * compared before/after), nothing sent outside the allowlist, and the audit entry.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { VD_VIEW_VERB } from '../../src/cards/verdieping-inputs';
import { nlMessages, nlTrust } from '../../src/i18n/nl';
import { AO_CHANNEL, CHANNEL, sampleIntake, USERS } from '../helpers/fixtures';
import {
  channelActivity,
  executeInvoke,
  personalActivity,
  postSignedCase,
  sendActivity,
  settle,
  startTestHost,
  waitFor,
  type TestHost,
} from '../helpers/host';
import { ForeignServer, newAudit, snapshot, Tally } from './harness';
import { HANDOVER_DATA } from '../helpers/handover';

const NH_CHANNEL = '19:zsm-nh@thread.tacv2';
const tally = new Tally();
const logLines: string[] = [];
let t: TestHost;
const foreign = new ForeignServer();
let caseA: string; // midden-nederland
let caseB: string; // noord-holland

interface InvokeBody {
  type: string;
  value: unknown;
}

async function invoke(from: string, verb: string, data: Record<string, unknown>, serviceUrl = t.stub.url): Promise<InvokeBody> {
  const res = await sendActivity(t.base, executeInvoke(serviceUrl, from, verb, data));
  expect(res.status).toBe(200);
  return res.body as InvokeBody;
}

async function newCase(locationId = 'midden-nederland'): Promise<string> {
  const res = await postSignedCase(t.base, sampleIntake({ locationId }));
  expect(res.status).toBe(201);
  const { caseId } = (await res.json()) as { caseId: string };
  await waitFor('card ref', () => t.host.deps.repo.getCardRef(caseId).then((r) => r ?? undefined));
  return caseId;
}

/** Minimal data each verb needs to get past its schema (the attack is in who sends it, and on what). */
function dataFor(verb: string, caseId: string): Record<string, unknown> {
  if (verb.startsWith('vt.') && verb !== VERBS.vtRefresh) return { caseId, seq: 1, [INPUTS.vtText]: 'x'.repeat(20) };
  if (verb === VERBS.vtRefresh) return { caseId, seq: 1 };
  if (verb === VERBS.settleAction) return { caseId, actionId: 'action-1', [INPUTS.actionVerdict]: 'done' };
  if (verb === VERBS.addContribution)
    return {
      caseId,
      [INPUTS.contribText]: 'Tekst van de aanvaller',
      [INPUTS.contribSource]: 'own_system',
      [INPUTS.contribNeedToKnow]: 'Nodig voor het beeld.',
    };
  if (verb === VERBS.voteConcern) return { caseId, [INPUTS.voteReason]: 'zorgen van de aanvaller', [INPUTS.voteAcute]: 'true' };
  if (verb === VERBS.closeDespiteConcern)
    return { caseId, ...HANDOVER_DATA, [INPUTS.closeReason]: 'Gesloten door een aanvaller, zonder reden.' };
  if (verb === VERBS.aoEditQuestion) return { caseId, [INPUTS.aoQuestion]: 'Een nieuwe vraag van de aanvaller?' };
  if (verb === VERBS.decide) return { caseId, [INPUTS.decisionText]: 'Sepot door een aanvaller' };
  if (verb === VERBS.followUp) return { caseId, [INPUTS.followUpText]: 'Afgerond', [INPUTS.followUpClose]: 'true', ...HANDOVER_DATA };
  return { caseId };
}

const ALL_VERBS = Object.values(VERBS);
/** Views in the message for clients without dialogs (Details, the advice form): they read, like refresh and open. */
const VIEW_VERBS = new Set<string>([VERBS.detailsHere, VERBS.editAdviceHere, VD_VIEW_VERB, VERBS.closeForm]);
/** Card verbs a roster member could use to change a case (everything but the personal views: refresh, open, the dialog views). */
const WRITE_VERBS = ALL_VERBS.filter((v) => !v.endsWith('refresh') && !v.endsWith('.open') && v !== VERBS.refresh && !VIEW_VERBS.has(v));
const MESSAGES = new Set<string>(
  [...Object.values(nlMessages.errors), ...Object.values(nlTrust), ...Object.values(nlMessages.vt)].filter((m) => typeof m === 'string'),
);

beforeAll(async () => {
  await foreign.start();
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logLines.push(chunk.toString('utf8'));
      cb();
    },
  });
  t = await startTestHost({ log: pino({ level: 'info' }, sink) });
  // Teams introduces the bot: the two location channels, the Actieoverleg channel, personal chats.
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.om, {
      type: 'conversationUpdate',
      channelData: { tenant: { id: 'tenant-test-1' }, channel: { id: AO_CHANNEL } },
    }),
  );
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.otherLocation, {
      type: 'conversationUpdate',
      channelData: { tenant: { id: 'tenant-test-1' }, channel: { id: NH_CHANNEL } },
    }),
  );
  for (const u of [USERS.ovj, USERS.om, USERS.rvdk, USERS.otherLocation]) await sendActivity(t.base, personalActivity(t.stub.url, u));
  // Every actor of the tests has been seen once (their MRI is learned), so "nothing stored" is exact.
  for (const u of [USERS.om, USERS.ovj, USERS.rvdk, USERS.vt])
    await sendActivity(t.base, channelActivity(t.stub.url, u, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }));
  caseA = await newCase();
  caseB = await newCase('noord-holland');
});

afterAll(async () => {
  tally.print('security attacks (attack: outcome counts)');
  await t?.stop();
  await foreign.stop();
});

describe('a foreign serviceUrl steers nothing', () => {
  it('activities that name a foreign serviceUrl are refused: no reference kept, no call made to it', async () => {
    const before = await snapshot(t);
    const stubCalls = t.stub.calls.length;
    const evil = [
      foreign.url,
      `http://127.0.0.1@127.0.0.2:${new URL(foreign.url).port}/`, // credentials trick: the host is 127.0.0.2
      'https://smba.trafficmanager.net.evil.example/emea/',
      'http://localhost.evil.example/_connector',
    ];
    for (const serviceUrl of evil) {
      // The channel (installation / message), a personal chat, a card action, a group chat message.
      await sendActivity(
        t.base,
        channelActivity(serviceUrl, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
      );
      await sendActivity(t.base, channelActivity(serviceUrl, USERS.politie, { type: 'message', text: 'help' }));
      await sendActivity(t.base, { ...personalActivity(serviceUrl, USERS.ovj), type: 'message', text: 'agenda' });
      const res = await invoke(USERS.politie, VERBS.voteConcern, dataFor(VERBS.voteConcern, caseA), serviceUrl);
      expect(res).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: nlMessages.errors.unknownAction });
      tally.add('foreign serviceUrl (4 activities each)', 'refused');
    }
    const after = await snapshot(t);
    expect(after.docs).toEqual(before.docs);
    expect(newAudit(before, after)).toEqual([]);
    expect(foreign.requests).toEqual([]);
    expect(t.stub.calls.length).toBe(stubCalls); // not even a reply to the real Teams
    expect((await t.host.deps.repo.getConversationRef(`channel:${CHANNEL}`))?.serviceUrl).toBe(t.stub.url);
    expect(logLines.join('')).toContain('serviceUrl outside the allowlist refused');
  });

  it('a stored reference with a foreign URL (an old database) is never called: the job goes dead at once', async () => {
    const good = await t.host.deps.repo.getConversationRef(`channel:${NH_CHANNEL}`);
    await t.host.deps.repo.putConversationRef(`channel:${NH_CHANNEL}`, { ...good!, serviceUrl: foreign.url });
    try {
      const res = await postSignedCase(t.base, sampleIntake({ locationId: 'noord-holland' }));
      expect(res.status).toBe(201);
      const { caseId } = (await res.json()) as { caseId: string };
      await settle(t);
      const jobs = await t.host.db.listPartition<{ type: string; status: string; attempts: number }>(caseId, 'job');
      expect(jobs.find((j) => j.body.type === 'postCard')?.body).toMatchObject({ status: 'dead', attempts: 1 });
      expect(foreign.requests).toEqual([]);
      tally.add('stored foreign serviceUrl', 'job dead, 0 calls');
    } finally {
      await t.host.deps.repo.putConversationRef(`channel:${NH_CHANNEL}`, good!);
    }
  });

  it('references are kept only for configured channels and known users', async () => {
    const before = await snapshot(t);
    await sendActivity(
      t.base,
      channelActivity(t.stub.url, USERS.politie, {
        type: 'conversationUpdate',
        channelData: { tenant: { id: 'tenant-test-1' }, channel: { id: '19:some-other-team@thread.tacv2' } },
      }),
    );
    await sendActivity(t.base, personalActivity(t.stub.url, USERS.outsider));
    await sendActivity(t.base, personalActivity(t.stub.url, 'aad-random-visitor'));
    const after = await snapshot(t);
    expect(after.docs).toEqual(before.docs);
    expect(await t.host.deps.repo.getConversationRef(`user:${USERS.outsider}`)).toBeNull();
    expect(Object.keys(await t.host.deps.repo.getUserMris())).not.toContain(USERS.outsider);
    tally.add('unconfigured channel / unknown users (3)', 'nothing stored');
  });
});

describe('who may do what', () => {
  async function attackEveryVerb(label: string, from: string, caseId: string, verbs: string[], expectedReason: string): Promise<void> {
    const before = await snapshot(t);
    const stubCalls = t.stub.calls.length;
    for (const verb of verbs) {
      const res = await invoke(from, verb, dataFor(verb, caseId));
      // The reason only, never the case card (its content is not for this caller).
      expect(res.type).toBe('application/vnd.microsoft.activity.message');
      // (the verb and the text in the failure, so a new verb's unknown refusal text is named)
      expect(MESSAGES.has(res.value as string) ? verb : `${verb}: ${String(res.value)}`).toBe(verb);
      tally.add(label, 'refused (message only)');
    }
    const after = await snapshot(t);
    expect(after.docs).toEqual(before.docs);
    expect(t.stub.calls.length).toBe(stubCalls);
    expect(foreign.requests).toEqual([]);
    const audit = newAudit(before, after);
    expect(audit.every((a) => a.action === 'access.denied' && a.caseId === caseId && a.actorId === from)).toBe(true);
    expect(audit.map((a) => a.detail?.reason)).toEqual(expect.arrayContaining([expectedReason]));
    for (const a of audit) tally.add(`${label}: audit`, String(a.detail?.reason));
  }

  it('a non-roster user (or a forged from) gets no case, on any card verb', () =>
    attackEveryVerb('non-roster user, every verb', USERS.outsider, caseA, ALL_VERBS, 'not_on_roster'));

  it('IDOR: a member of another location uses this case id on every card verb', () =>
    attackEveryVerb('IDOR other location, every verb', USERS.otherLocation, caseA, ALL_VERBS, 'not_for_location'));

  it('IDOR the other way round', () => attackEveryVerb('IDOR reverse, every verb', USERS.politie, caseB, ALL_VERBS, 'not_for_location'));

  it('wrong roles: a member does chair work, a chair records the OvJ decision', async () => {
    const chairVerbs = [VERBS.startRound, VERBS.closeRound, VERBS.closeCase, VERBS.closeDespiteConcern, VERBS.reAgenda];
    const before = await snapshot(t);
    for (const verb of chairVerbs) {
      const res = await invoke(USERS.politie, verb, dataFor(verb, caseA));
      expect(JSON.stringify(res.value)).toContain(nlMessages.errors.notChair);
      tally.add('member does chair work', 'refused');
    }
    // Only the OvJ of the OM records a decision: not the chair (OM), not a politie member.
    for (const who of [USERS.om, USERS.politie]) {
      const res = await invoke(who, VERBS.decide, dataFor(VERBS.decide, caseA));
      expect(JSON.stringify(res.value)).toContain(nlMessages.advice.notOvj);
      tally.add('non-OvJ records decision', 'refused');
    }
    const after = await snapshot(t);
    expect(after.docs).toEqual(before.docs);
    const reasons = newAudit(before, after).map((a) => `${a.action}:${String(a.detail?.reason)}`);
    expect(reasons.filter((r) => r === 'access.denied:not_chair').length).toBeGreaterThanOrEqual(chairVerbs.length);
    expect(reasons.filter((r) => r === 'access.denied:not_ovj')).toHaveLength(2);
  });
});

describe('a closed case takes no more writes', () => {
  it('every write verb is refused with the Dutch reason, nothing changes, the refusal is audited', async () => {
    const caseC = await newCase();
    // Acute buikpijn escalates to the Actieoverleg; the chair then closes despite it.
    expect((await invoke(USERS.politie, VERBS.voteConcern, dataFor(VERBS.voteConcern, caseC))).type).toContain('card');
    await waitFor('escalation', () => t.host.deps.repo.getEscalation(caseC).then((e) => e ?? undefined));
    const closed = await invoke(USERS.om, VERBS.closeDespiteConcern, {
      caseId: caseC,
      ...HANDOVER_DATA,
      [INPUTS.closeReason]: 'Buikpijn blijft, maar besloten wordt toch.',
    });
    expect(JSON.stringify(closed.value)).not.toContain(nlMessages.errors.caseClosed);
    expect((await t.host.deps.repo.getCase(caseC))?.status).toBe('closed');

    const actorFor = (verb: string): string =>
      verb === VERBS.decide
        ? USERS.ovj
        : verb.startsWith('vt.')
          ? USERS.vt
          : verb === VERBS.addContribution || verb.startsWith('case.vote')
            ? USERS.politie
            : USERS.om;
    const before = await snapshot(t);
    const refusedWithText: string[] = [];
    for (const verb of WRITE_VERBS) {
      const res = await invoke(actorFor(verb), verb, dataFor(verb, caseC));
      if (JSON.stringify(res.value).includes(nlMessages.errors.caseClosed)) refusedWithText.push(verb);
      tally.add('closed case, write verbs', verb.startsWith('vt.') ? 'refused (no consultation)' : 'refused: zaak gesloten');
    }
    const after = await snapshot(t);
    expect(after.docs).toEqual(before.docs);
    // Every write on the case card, the advice and the Actieoverleg says the case is closed; VT answers have no open question.
    expect(refusedWithText.sort()).toEqual(WRITE_VERBS.filter((v) => !v.startsWith('vt.')).sort());
    const audit = newAudit(before, after).filter((a) => a.action === 'action.refused' && a.detail?.reason === 'case_closed');
    expect(audit).toHaveLength(refusedWithText.length);
    expect(audit.every((a) => a.caseId === caseC)).toBe(true);
    tally.add('closed case: audit action.refused', String(audit.length));
  });
});

describe('strict card input', () => {
  it('fields a verb does not know are refused on every verb, with a Dutch message and an audit entry', async () => {
    const before = await snapshot(t);
    for (const verb of ALL_VERBS) {
      const res = await invoke(USERS.om, verb, { ...dataFor(verb, caseA), geboortedatum: '1984-02-03', orgId: 'om' });
      expect(res).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: nlTrust.unknownFields });
      expect(JSON.stringify(res)).not.toContain('1984');
      tally.add('unknown fields, every verb', 'refused');
    }
    const after = await snapshot(t);
    expect(after.docs).toEqual(before.docs);
    const audit = newAudit(before, after);
    expect(audit).toHaveLength(ALL_VERBS.length);
    expect(audit.every((a) => a.action === 'action.refused' && a.detail?.reason === 'unknown_fields')).toBe(true);
  });

  it('an unknown verb is answered and logged as "unknown", never with its text', async () => {
    const verb = 'case.deleteAll-jan-jansen-1984';
    const res = await invoke(USERS.politie, verb, { caseId: caseA });
    expect(res.value).toBe(nlMessages.errors.unknownAction);
    expect(logLines.join('')).toContain('unknown card verb');
    expect(logLines.join('')).not.toContain('jan-jansen');
    tally.add('unknown verb', 'refused, logged as unknown');
  });

  it('"agenda" in a group chat is refused; in the location channel it works', async () => {
    const calls = t.stub.calls.length;
    await sendActivity(t.base, {
      ...channelActivity(t.stub.url, USERS.politie, { type: 'message', text: 'agenda' }),
      conversation: { id: '19:groupchat@unq.gbl.spaces', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-test-1' },
      channelData: { tenant: { id: 'tenant-test-1' } },
    });
    const reply = t.stub.calls.slice(calls);
    expect(reply).toHaveLength(1);
    expect(JSON.stringify(reply[0].body)).toContain(nlTrust.agendaOnlyChannelOrPersonal);
    expect(JSON.stringify(reply[0].body)).not.toContain('AdaptiveCard');
    tally.add('agenda in group chat', 'refused');
    // Another team's channel: no agenda either.
    await sendActivity(
      t.base,
      channelActivity(t.stub.url, USERS.politie, {
        type: 'message',
        text: 'agenda',
        channelData: { tenant: { id: 'tenant-test-1' }, channel: { id: '19:other@thread.tacv2' } },
      }),
    );
    expect(JSON.stringify(t.stub.calls.at(-1)?.body)).not.toContain('AdaptiveCard');
    await sendActivity(t.base, channelActivity(t.stub.url, USERS.politie, { type: 'message', text: 'agenda' }));
    expect(JSON.stringify(t.stub.calls.at(-1)?.body)).toContain('AdaptiveCard');
  });
});

describe('views are access-checked and audited', () => {
  it('vt.refresh, case.refresh and actieoverleg.refresh: refused to outsiders, audited for members', async () => {
    const before = await snapshot(t);
    for (const verb of [VERBS.vtRefresh, VERBS.refresh, VERBS.aoRefresh]) {
      const res = await invoke(USERS.outsider, verb, dataFor(verb, caseA));
      expect(res.type).toBe('application/vnd.microsoft.activity.message');
      tally.add('refresh views by outsider', 'refused');
    }
    const view = await invoke(USERS.rvdk, VERBS.refresh, { caseId: caseA });
    expect(view.type).toBe('application/vnd.microsoft.card.adaptive');
    const after = await snapshot(t);
    expect(after.docs).toEqual(before.docs);
    const actions = newAudit(before, after).map((a) => `${a.action}:${a.actorId}`);
    expect(actions).toEqual(expect.arrayContaining([`access.denied:${USERS.outsider}`, `view.opened:${USERS.rvdk}`]));
  });
});
