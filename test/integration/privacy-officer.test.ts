import { PURGE_PK, type PurgeRecord } from '../../src/app/privacy/purge';
import { caseCode } from '../../src/domain/case-code';
import { nlPrivacy } from '../../src/i18n/nl/privacy';
import { PRIVACY_VERBS } from '../../src/teams/privacy-handlers';
import { LOCATION, sampleIntake, testRoster, USERS } from '../helpers/fixtures';
import { channelActivity, personalActivity, postSignedCase, sendActivity, startTestHost, waitFor, type TestHost } from '../helpers/host';

jest.setTimeout(30_000);
const PRIVACY = 'aad-privacy-officer';
let t: TestHost;

beforeAll(async () => {
  const roster = testRoster();
  roster.members.push({ aadObjectId: PRIVACY, orgId: 'om', roles: ['privacy'], locations: [LOCATION] });
  t = await startTestHost({ roster });
  // The bot learns the location channel and the personal chats from these (as when the app is installed).
  await sendActivity(t.base, channelActivity(t.stub.url, USERS.om, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }));
  for (const u of [PRIVACY, USERS.politie, USERS.om]) await sendActivity(t.base, personalActivity(t.stub.url, u));
});
afterAll(async () => {
  await t.stop();
});

async function newCase(): Promise<string> {
  const res = await postSignedCase(t.base, sampleIntake());
  const { caseId } = (await res.json()) as { caseId: string };
  await waitFor('card ref', async () => {
    await t.host.runner.runOnce();
    return (await t.host.deps.repo.getCardRef(caseId)) ?? undefined;
  });
  return caseId;
}

/** The bot's reply in a personal chat (text or card), as it reached the Connector stub. */
async function say(aad: string, text: string): Promise<string> {
  const before = t.stub.successful('send').length;
  await sendActivity(t.base, personalActivity(t.stub.url, aad, { type: 'message', text, membersAdded: undefined }));
  const reply = await waitFor('reply', () =>
    t.stub
      .successful('send')
      .slice(before)
      .find((c) => c.conversationId === `a:personal-${aad}`),
  );
  return JSON.stringify(reply.body);
}

async function confirmErase(aad: string, caseId: string): Promise<string> {
  const res = await sendActivity(
    t.base,
    personalActivity(t.stub.url, aad, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      membersAdded: undefined,
      value: { action: { type: 'Action.Execute', verb: PRIVACY_VERBS.erase, data: { caseId } }, trigger: 'manual' },
    }),
  );
  expect(res.status).toBe(200);
  return JSON.stringify(res.body);
}

describe('privacy officer in a personal chat', () => {
  it('"audit <zaakcode>" shows the verified trail to the privacy role only, and audits the read and the refusal', async () => {
    const caseId = await newCase();
    const ref = caseCode(caseId);
    const card = await say(PRIVACY, `audit ${ref}`);
    expect(card).toContain(nlPrivacy.auditCard.title(ref));
    expect(card).toContain(nlPrivacy.auditCard.chainOk);
    expect(card).toContain('case.intake');
    expect(card).not.toContain('Melding via 112'); // never case content
    expect((await t.host.deps.repo.listAudit(caseId)).map((e) => e.action)).toContain('audit.read');

    expect(await say(USERS.politie, `audit ${ref}`)).toContain(nlPrivacy.chat.notPrivacy);
    const denied = (await t.host.db.readAudit('_privacy')).filter((r) => r.entry.action === 'access.denied');
    expect(denied.at(-1)?.entry).toMatchObject({ actorId: USERS.politie, detail: { attempted: 'audit.read' } });
    expect(await say(PRIVACY, 'audit 00000000')).toContain(nlPrivacy.chat.unknownRef);
    expect(await say(PRIVACY, 'audit x')).toContain('Gebruik: audit');

    const before = t.stub.successful('send').length;
    await sendActivity(t.base, channelActivity(t.stub.url, PRIVACY, { type: 'message', text: `audit ${ref}` }));
    const inChannel = await waitFor('channel reply', () => t.stub.successful('send').slice(before)[0]);
    expect(JSON.stringify(inChannel.body)).toContain('persoonlijke chat');
  });

  it('"wis <zaakcode>" asks for confirmation; only the privacy role can confirm; the case is purged with who did it', async () => {
    const caseId = await newCase();
    const ref = caseCode(caseId);
    const cardRef = await t.host.deps.repo.getCardRef(caseId);
    const prompt = await say(PRIVACY, `wis ${ref}`);
    expect(prompt).toContain(PRIVACY_VERBS.erase);
    expect(await t.host.deps.repo.getCase(caseId)).not.toBeNull(); // nothing happens before the confirmation

    // A forged confirmation by someone without the role changes nothing.
    expect(await confirmErase(USERS.om, caseId)).toContain(nlPrivacy.chat.notPrivacy.slice(0, 30));
    expect(await t.host.db.get(PURGE_PK, caseId)).toBeNull();

    expect(await confirmErase(PRIVACY, caseId)).toContain(nlPrivacy.chat.eraseStarted(ref).slice(0, 20));
    await waitFor('purge done', async () => {
      await t.host.runner.runOnce();
      return (await t.host.db.get<PurgeRecord>(PURGE_PK, caseId))?.body.step === 'done' || undefined;
    });
    expect(await t.host.deps.repo.getCase(caseId)).toBeNull();
    const shown = JSON.stringify(t.stub.messages.get(`${cardRef?.conversationId}|${cardRef?.activityId}`));
    expect(shown).toContain(nlPrivacy.tombstone.erasure);
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.find((e) => e.action === 'case.purgeStarted')).toMatchObject({
      actorId: PRIVACY,
      actorOrg: 'om',
      detail: { reason: 'erasure' },
    });
    expect(audit.find((e) => e.action === 'case.purged')).toMatchObject({
      actorId: PRIVACY,
      detail: { reason: 'erasure', cardsReplaced: 1 },
    });
    // The trail of the erased case stays readable; a second erasure says it is already done.
    expect(await say(PRIVACY, `audit ${ref}`)).toContain('case.purged');
    expect(await confirmErase(PRIVACY, caseId)).toContain(nlPrivacy.chat.eraseAlready(ref).slice(0, 20));
  });
  it('a code shared by two cases is refused as ambiguous; the full case id (or its hex prefix) still resolves', async () => {
    // Two external ids whose case ids share the 21 bits of the code (a birthday search: ~2,000 HMACs).
    const byCode = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const ext = `BVH-2026-collide-${i}`;
      const code = caseCode(t.host.deps.hasher.caseId(ext));
      const other = byCode.get(code);
      if (other) pair = [other, ext];
      else byCode.set(code, ext);
    }
    const ids: string[] = [];
    for (const externalId of pair) {
      const res = await postSignedCase(t.base, sampleIntake({ externalId }));
      ids.push(((await res.json()) as { caseId: string }).caseId);
    }
    const code = caseCode(ids[0]);
    expect(caseCode(ids[1])).toBe(code);
    expect(await say(PRIVACY, `wis ${code}`)).toContain(nlPrivacy.chat.ambiguousRef.slice(0, 30));
    expect(await say(PRIVACY, `audit ${code.toLowerCase().replace('-', '')}`)).toContain(nlPrivacy.chat.ambiguousRef.slice(0, 30));
    const byId = await say(PRIVACY, `wis ${ids[0]}`);
    expect(byId).toContain(PRIVACY_VERBS.erase);
    expect(byId).toContain(ids[0]); // the confirmation carries the one case the full id named
    expect(byId).not.toContain(ids[1]);
    expect(await say(PRIVACY, `audit ${ids[1].slice(0, 12)}`)).toContain(nlPrivacy.auditCard.title(code));
  });
});
