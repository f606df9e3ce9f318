import { NEW_CASE_INLINE_VERB } from '../../src/teams/new-case-dialog';
import { DIALOGS } from '../../src/cards/verbs';
import { nlMessages } from '../../src/i18n/nl';
import { USERS } from '../helpers/fixtures';
import { channelActivity, personalActivity, sendActivity, startTestHost, waitFor, type TestHost } from '../helpers/host';

/** "Nieuwe zaak" in a client that cannot open a dialog: the same form inline, submitted with Action.Execute. */
jest.setTimeout(30_000);
let t: TestHost;

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

const valid = {
  locationId: 'midden-nederland',
  offenceCategory: 'bedreiging',
  summary: 'Bedreiging via berichten, inline ingevuld.',
  persons: 'verdachte 41; slachtoffer 39',
  childrenInvolved: 'false',
  childAges: '',
  weaponMentioned: 'false',
  victimContactSafe: 'ja',
  custody: 'heengezonden',
};

function inline(from: string, data: Record<string, unknown>, personal = false): Record<string, unknown> {
  const extra = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    membersAdded: undefined,
    value: {
      action: { type: 'Action.Execute', verb: NEW_CASE_INLINE_VERB, data: { dialog: DIALOGS.newCase, ...data } },
      trigger: 'manual',
    },
  };
  return personal ? personalActivity(t.stub.url, from, extra) : channelActivity(t.stub.url, from, extra);
}

async function submit(from: string, data: Record<string, unknown>, personal = false): Promise<string> {
  const res = await sendActivity(t.base, inline(from, data, personal));
  expect(res.status).toBe(200);
  return JSON.stringify(res.body);
}

const caseCount = async (): Promise<number> => (await t.host.db.query('case', [])).length;

describe('"Nieuwe zaak" inline (no dialog)', () => {
  it('the reply to "nieuwe zaak" offers the dialog and the same form behind "Hier invullen"', async () => {
    const sends = t.stub.successful('send').length;
    await sendActivity(t.base, channelActivity(t.stub.url, USERS.politie, { type: 'message', text: 'nieuwe zaak' }));
    const reply = await waitFor('reply', () => t.stub.successful('send').slice(sends)[0]);
    const card = (reply.body as { attachments: { content: { actions: Record<string, unknown>[] } }[] }).attachments[0].content;
    expect(card.actions[0]).toMatchObject({ type: 'Action.Submit', data: { msteams: { type: 'task/fetch' }, dialog: DIALOGS.newCase } });
    const show = card.actions[1] as { type: string; card: { body: { id?: string }[]; actions: Record<string, unknown>[] } };
    expect(show.type).toBe('Action.ShowCard');
    expect(show.card.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: NEW_CASE_INLINE_VERB })]);
    const ids = JSON.stringify(show.card.body);
    for (const id of Object.keys(valid)) expect(ids).toContain(`"id":"${id}"`);
    expect(ids).toContain('midden-nederland'); // the member's own location is offered
  });

  it('creates the case with the same intake as the dialog, and posts its card', async () => {
    const before = await caseCount();
    const out = await submit(USERS.politie, valid);
    expect(out).toContain(nlMessages.ok.caseCreated);
    const cases = await t.host.db.query<{ id: string; createdBy: string; facts: { summary: string } }>('case', []);
    expect(cases.length).toBe(before + 1);
    const created = cases.map((c) => c.body).find((c) => c.facts.summary === valid.summary);
    expect(created?.createdBy).toBe(USERS.politie);
    await waitFor('card post', () => t.host.deps.repo.getCardRef(created!.id).then((r) => r ?? undefined));
  });

  it('shows the form again with a Dutch error; in a channel it does not echo what was typed', async () => {
    const before = await caseCount();
    const out = await submit(USERS.politie, { ...valid, offenceCategory: '', summary: 'Geheim detail uit het verhoor' });
    expect(out).toContain('Action.Execute');
    expect(out).toContain(NEW_CASE_INLINE_VERB);
    expect(out).not.toContain('Geheim detail');
    expect(await caseCount()).toBe(before);
  });

  it('in a personal chat the form comes back with what was typed', async () => {
    await sendActivity(t.base, personalActivity(t.stub.url, USERS.politie));
    const out = await submit(USERS.politie, { ...valid, offenceCategory: '', summary: 'Eigen tekst terug' }, true);
    expect(out).toContain('Eigen tekst terug');
  });

  it('refuses someone outside the roster and a location the member is not on; stores nothing', async () => {
    const before = await caseCount();
    expect(await submit(USERS.outsider, valid)).toContain(nlMessages.errors.notOnRoster.slice(0, 20));
    const wrong = await submit(USERS.politie, { ...valid, locationId: 'elders-onbekend' });
    expect(wrong).toContain('Action.Execute'); // the form again, with the refusal
    expect(await caseCount()).toBe(before);
  });
});
