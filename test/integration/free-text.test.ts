import { VERBS, INPUTS } from '../../src/cards/verbs';
import { caseCode } from '../../src/domain/case-code';
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

/** Issue 10, parts 4 and 5 through the real HTTP edge: the free-text gate, the external id, the display reference. */
let t: TestHost;
let caseId: string;
const EXTERNAL_ID = `BVH-2026-FT-${Math.floor(Math.random() * 1e9)}`;
const DISPLAY_REF = 'PARKET 13/654321-26';
const intake = sampleIntake({
  externalId: EXTERNAL_ID,
  displayReference: DISPLAY_REF,
  summary: 'Buren belden 112. Slachtoffer bereikbaar op 06-12345678, woont Dorpsstraat 12.',
});

interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}
async function invoke(from: string, verb: string, data: Record<string, unknown>): Promise<string> {
  const res = await sendActivity(t.base, executeInvoke(t.stub.url, from, verb, data));
  expect(res.status).toBe(200);
  return JSON.stringify((res.body as InvokeBody).value);
}
async function countDocs(): Promise<Record<string, number>> {
  const kinds: DocKind[] = ['case', 'contribution', 'vote', 'audit'];
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
  const res = await postSignedCase(t.base, intake);
  expect(res.status).toBe(201);
  caseId = ((await res.json()) as { caseId: string }).caseId;
  await waitFor('card ref', () => t.host.deps.repo.getCardRef(caseId).then((r) => r ?? undefined));
});
afterAll(async () => {
  await t.stop();
});

describe('intake: keyed external id, display reference, summary warning', () => {
  it('stores no clear external id anywhere in the case partition; the display reference stays out of the channel message', async () => {
    const docs = await Promise.all((['case', 'audit', 'job'] as const).map((k) => t.host.db.listPartition(caseId, k)));
    const all = JSON.stringify(docs);
    expect(all).not.toContain(EXTERNAL_ID);
    const stored = await t.host.deps.repo.getCase(caseId);
    expect(stored).toMatchObject({ displayReference: DISPLAY_REF, summaryPii: ['phone', 'address'] });
    expect(Object.keys(stored ?? {})).not.toContain('externalId');
    const posted = t.stub.successful('create').find((c) => JSON.stringify(c.body).includes(caseCode(caseId)));
    expect(JSON.stringify(posted?.body)).not.toContain(DISPLAY_REF);
    expect(JSON.stringify(posted?.body)).not.toContain(EXTERNAL_ID);
  });

  it('idempotency still works on the keyed hash: same body 200, different body 409', async () => {
    const again = await postSignedCase(t.base, intake);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { caseId: string }).caseId).toBe(caseId);
    const other = await postSignedCase(t.base, { ...intake, summary: 'Een andere samenvatting.' });
    expect(other.status).toBe(409);
    expect(await other.text()).not.toContain(EXTERNAL_ID);
  });

  it('validates the display reference (charset and length) without echoing it', async () => {
    for (const bad of ['<script>', 'x'.repeat(41), ' ']) {
      const res = await postSignedCase(t.base, sampleIntake({ displayReference: bad }));
      expect(res.status).toBe(400);
      const body = await res.text();
      expect(body).toContain('displayReference');
      expect(body).not.toContain('<script>');
    }
  });

  it('shows the display reference and the summary warning in a personal view (refresh) only', async () => {
    const personal = await invoke(USERS.politie, VERBS.refresh, { caseId });
    expect(personal).toContain(`Bronreferentie: ${DISPLAY_REF}`);
    expect(personal).toContain('bevat waarschijnlijk persoonsgegevens (een telefoonnummer en een adres');
  });
});

describe('free text: refused with the kind, stored only with the need-to-know toggle', () => {
  it('a contribution with a phone number is refused, naming the kind, never the value; nothing is stored', async () => {
    await settle(t);
    const before = await countDocs();
    const card = await invoke(USERS.politie, VERBS.addContribution, {
      caseId,
      [INPUTS.contribText]: 'Moeder is bereikbaar op 0612345678.',
      [INPUTS.contribSource]: 'talk_with_involved',
      [INPUTS.contribNeedToKnow]: 'Nodig om het slachtoffer vannacht te kunnen bereiken.',
    });
    expect(card).toContain('Uw tekst bevat waarschijnlijk persoonsgegevens: een telefoonnummer. Er is niets opgeslagen.');
    // The form comes back with what was typed (in the input, for the author only) and now with the toggle.
    expect(card).toContain(`"id":"${INPUTS.contribPiiConfirm}"`);
    expect(card).toContain('Ik bevestig dat dit nodig is (need-to-know)');
    expect(await countDocs()).toEqual(before);
  });

  it('with the toggle it is stored, marked with the kinds, audited, and the card marks it', async () => {
    const updatesBefore = t.stub.successful('update').length;
    const card = await invoke(USERS.politie, VERBS.addContribution, {
      caseId,
      [INPUTS.contribText]: 'Moeder is bereikbaar op 0612345678.',
      [INPUTS.contribSource]: 'talk_with_involved',
      [INPUTS.contribNeedToKnow]: 'Nodig om het slachtoffer vannacht te kunnen bereiken.',
      [INPUTS.contribPiiConfirm]: 'true',
    });
    expect(card).toContain('⚠ bevat persoonsgegevens (bevestigd)');
    const [stored] = await t.host.deps.repo.listContributions(caseId);
    expect(stored.piiConfirmed).toEqual(['phone']);
    const audit = (await t.host.deps.repo.listAudit(caseId)).filter((a) => a.action === 'contribution.add');
    expect(audit.map((a) => a.detail?.piiConfirmed)).toEqual(['phone']);
    expect(JSON.stringify(audit)).not.toContain('0612345678');
    // The posted channel message is refreshed, but it is the minimal one: no content, no number, no mark.
    const update = await waitFor('channel message update', () => t.stub.successful('update').slice(updatesBefore)[0]);
    const channelCard = JSON.stringify(ConnectorStub.cardOf(update.body));
    expect(channelCard).not.toContain('0612345678');
    expect(channelCard).not.toContain('bevat persoonsgegevens');
  });

  it('a vote reason with a BSN (valid 11-proef) is refused; with the toggle it is stored and marked', async () => {
    const before = await countDocs();
    const refused = await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Kind met BSN 111222333 is bekend.' });
    expect(refused).toContain('persoonsgegevens: een BSN');
    expect(await countDocs()).toEqual(before);
    await invoke(USERS.vt, VERBS.voteConcern, {
      caseId,
      [INPUTS.voteReason]: 'Kind met BSN 111222333 is bekend.',
      [INPUTS.votePiiConfirm]: 'true',
    });
    const votes = await t.host.deps.repo.listVotes(caseId);
    expect(votes.find((v) => v.orgId === 'vt')).toMatchObject({ piiConfirmed: ['bsn'] });
  });

  it('ordinary text passes without the toggle and is not marked', async () => {
    await invoke(USERS.om, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Kinderen van 13 en 9 waren om 21:15 thuis.' });
    const om = (await t.host.deps.repo.listVotes(caseId)).find((v) => v.orgId === 'om');
    expect(om?.reason).toBe('Kinderen van 13 en 9 waren om 21:15 thuis.');
    expect(om?.piiConfirmed).toBeUndefined();
  });
});
