import { VERBS, INPUTS } from '../../src/cards/verbs';
import type { DocKind } from '../../src/store/docstore';
import { ConnectorStub } from '../helpers/connector-stub';
import { sampleIntake, USERS } from '../helpers/fixtures';
import {
  settle,
  channelActivity,
  executeInvoke,
  postSignedCase,
  sendActivity,
  startTestHost,
  waitFor,
  type TestHost,
} from '../helpers/host';

let t: TestHost;
let caseId: string;

interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

async function invoke(from: string, verb: string, data: Record<string, unknown>): Promise<InvokeBody> {
  const res = await sendActivity(t.base, executeInvoke(t.stub.url, from, verb, data));
  expect(res.status).toBe(200);
  return res.body as InvokeBody;
}

async function countDocs(): Promise<Record<string, number>> {
  const kinds: DocKind[] = ['case', 'contribution', 'vote', 'job', 'cardref'];
  const out: Record<string, number> = {};
  for (const k of kinds) out[k] = (await t.host.db.query(k, [])).length;
  return out;
}

beforeAll(async () => {
  t = await startTestHost();
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
  const res = await postSignedCase(t.base, sampleIntake());
  caseId = ((await res.json()) as { caseId: string }).caseId;
  await waitFor('card ref', () => t.host.deps.repo.getCardRef(caseId).then((r) => r ?? undefined));
});
afterAll(async () => {
  await t.stop();
});

describe('card actions (Action.Execute through /api/messages)', () => {
  it('adds context information for the organisation on the roster, and updates the posted card for everyone', async () => {
    const updatesBefore = t.stub.successful('update').length;
    const input = {
      caseId,
      [INPUTS.contribText]: 'Eerdere melding HG in 2025, toen geen aangifte.',
      [INPUTS.contribSource]: 'own_system',
      [INPUTS.contribNeedToKnow]: 'Patroon van herhaald geweld bepaalt of voorgeleiding nodig is.',
    };
    // A forged organisation is a field the action does not know: refused as a whole, nothing stored.
    const forged = await invoke(USERS.politie, VERBS.addContribution, { ...input, orgId: 'om' });
    expect(forged).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('velden') });
    expect(await t.host.deps.repo.listContributions(caseId)).toHaveLength(0);
    const body = await invoke(USERS.politie, VERBS.addContribution, input);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Eerdere melding HG in 2025');
    const contributions = await t.host.deps.repo.listContributions(caseId);
    expect(contributions).toHaveLength(1);
    expect(contributions[0].orgId).toBe('politie');
    expect(contributions[0].needToKnow).toContain('Patroon');
    // The posted message (the channel) is updated, but carries no case content: only the personal view does.
    const update = await waitFor('card update', () => t.stub.successful('update').slice(updatesBefore)[0]);
    expect(JSON.stringify(update.body)).not.toContain('Eerdere melding HG in 2025');
    expect(JSON.stringify(update.body)).not.toContain('Patroon van herhaald geweld');
    const opened = await invoke(USERS.om, VERBS.open, { caseId });
    expect(JSON.stringify(opened.value)).toContain('Eerdere melding HG in 2025');
    const card = ConnectorStub.cardOf(update.body) as { refresh?: { userIds?: string[] } };
    // Teams wants MRIs: the ones the bot has seen of this location's roster (politie has acted, VT not yet).
    expect(card.refresh?.userIds).toEqual([`29:${USERS.politie}`]);
  });

  it('refuses context information without a need-to-know reason, and keeps nothing', async () => {
    await settle(t);
    const before = await countDocs();
    const body = await invoke(USERS.politie, VERBS.addContribution, {
      caseId,
      [INPUTS.contribText]: 'Iets',
      [INPUTS.contribSource]: 'own_system',
      [INPUTS.contribNeedToKnow]: '',
    });
    expect(JSON.stringify(body.value)).toContain('waarom deze informatie nodig is');
    // What was typed comes back in the form, so nothing is lost.
    expect(JSON.stringify(body.value)).toContain('"value":"Iets"');
    expect(await countDocs()).toEqual(before);
  });

  it('records buikpijn with a reason and acute mark; a re-vote of the same organisation overwrites it, and both stay in the audit trail', async () => {
    const updatesBefore = t.stub.successful('update').length;
    const concern = await invoke(USERS.vt, VERBS.voteConcern, {
      caseId,
      [INPUTS.voteReason]: 'Kinderen al bekend, zorgen over veiligheid',
      [INPUTS.voteAcute]: 'true',
    });
    expect(concern.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(concern.value)).toContain('Kinderen al bekend, zorgen over veiligheid');
    // Everyone's card (the posted message) shows where the round stands — counts only, never the reason.
    const update = await waitFor('card update with the vote', () =>
      t.stub
        .successful('update')
        .slice(updatesBefore)
        .find((c) => JSON.stringify(ConnectorStub.cardOf(c.body)).includes('1 van 6 gestemd · 1 buikpijn')),
    );
    expect(JSON.stringify(update.body)).not.toContain('Kinderen al bekend');
    let votes = await t.host.deps.repo.listVotes(caseId);
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ orgId: 'vt', concern: true, acuteUnsafe: true, round: 1 });

    await invoke(USERS.vt, VERBS.voteNoConcern, { caseId });
    votes = await t.host.deps.repo.listVotes(caseId);
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ orgId: 'vt', concern: false, acuteUnsafe: false });
    const audit = (await t.host.deps.repo.listAudit(caseId)).filter((a) => a.action === 'vote.cast');
    expect(audit.map((a) => a.detail?.concern)).toEqual([true, false]);
  });

  it('requires a reason for buikpijn', async () => {
    await settle(t);
    const before = await countDocs();
    const body = await invoke(USERS.rvdk, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: ' ' });
    expect(JSON.stringify(body.value)).toContain('waar de buikpijn over gaat');
    expect(await countDocs()).toEqual(before);
  });

  it('shows each viewer their own organisation (refresh)', async () => {
    const body = await invoke(USERS.om, VERBS.refresh, { caseId });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('uw organisatie');
  });

  const refused: [string, string, string, Record<string, unknown>, RegExp][] = [
    ['someone not on the roster', USERS.outsider, VERBS.voteNoConcern, {}, /niet op het rooster/],
    ['a member of another location', USERS.otherLocation, VERBS.voteNoConcern, {}, /niet ingeroosterd/],
    ['an unknown verb', USERS.politie, 'case.deleteEverything', {}, /niet herkend/],
    ['forged data', USERS.politie, VERBS.voteConcern, { caseId: '../../etc' }, /niet herkend/],
    ['an unknown case', USERS.politie, VERBS.voteNoConcern, { caseId: 'ffffffffffffffffffffffff' }, /niet gevonden/],
  ];
  it.each(refused)('refuses %s with a Dutch message and changes nothing', async (_label, from, verb, data, message) => {
    await settle(t);
    const before = await countDocs();
    const auditBefore = (await t.host.deps.repo.listAudit(caseId)).length;
    const body = await invoke(from, verb, { caseId, ...data });
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(body.value)).toMatch(message);
    expect(await countDocs()).toEqual(before);
    if (from === USERS.outsider || from === USERS.otherLocation) {
      const audit = await t.host.deps.repo.listAudit(caseId);
      expect(audit.length).toBe(auditBefore + 1);
      expect(audit[audit.length - 1]).toMatchObject({ action: 'access.denied', actorId: from });
    }
  });

  it('refuses votes on a closed case', async () => {
    const closed = sampleIntake();
    const res = await postSignedCase(t.base, closed);
    const id = ((await res.json()) as { caseId: string }).caseId;
    const doc = await t.host.db.get<{ status: string }>(id, 'case');
    await t.host.db.replace({ pk: id, id: 'case', kind: 'case', body: { ...doc!.body, status: 'closed' } }, doc!.etag);
    await settle(t);
    const before = await countDocs();
    const body = await invoke(USERS.politie, VERBS.voteNoConcern, { caseId: id });
    expect(JSON.stringify(body.value)).toContain('gesloten');
    expect(await countDocs()).toEqual(before);
  });
});

describe('inbound turns and their clients (src/teams/inbound-clients.ts)', () => {
  it('every turn of this file, from one service URL, shared one Connector client and one user-token client', async () => {
    const before = t.host.inboundClientsBuilt();
    const votes = await Promise.all([USERS.politie, USERS.om, USERS.rvdk].map((u) => invoke(u, VERBS.voteNoConcern, { caseId })));
    for (const v of votes) expect(v.type).toBeDefined();
    expect(before).toEqual({ connectors: 1, userTokens: 1 });
    expect(t.host.inboundClientsBuilt()).toEqual({ connectors: 1, userTokens: 1 });
  });
});
