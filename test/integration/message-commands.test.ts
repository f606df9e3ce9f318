import { sampleIntake, USERS } from '../helpers/fixtures';
import { channelActivity, personalActivity, postSignedCase, sendActivity, startTestHost, waitFor, type TestHost } from '../helpers/host';
import { commandText } from '../../src/teams/message-commands';
import { nlMessages } from '../../src/i18n/nl';

/** "agenda" (and every message command) with or without an @-mention of the bot, in the channel and in a personal chat. */
let t: TestHost;

beforeAll(async () => {
  t = await startTestHost();
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
  await postSignedCase(t.base, sampleIntake());
});
afterAll(async () => {
  await t.stop();
});

/** The next message the bot sends after `act` (the Connector stub sees it). */
async function replyTo(act: () => Promise<unknown>): Promise<string> {
  const before = t.stub.successful('send').length;
  await act();
  const reply = await waitFor('the reply', () => t.stub.successful('send').slice(before)[0]);
  return JSON.stringify(reply.body);
}

const mention = (id: string, name: string) => ({ type: 'mention', mentioned: { id, name }, text: `<at>${name}</at>` });

describe('message commands read what the user typed, mentions removed', () => {
  it.each([
    ['without a mention', 'agenda', []],
    ['with the bot mentioned first (its own id)', '<at>ZSM HG</at> agenda', [mention('28:bot-id', 'ZSM HG')]],
    // The Playground mentions the bot under another id: teams-ai leaves that mention in the text.
    ['with a mention teams-ai does not remove', '<at>ZSM HG</at>&nbsp;agenda', [mention('28:other-bot-id', 'ZSM HG')]],
    ['with the mention after the word', 'agenda <at>ZSM HG</at>', [mention('28:other-bot-id', 'ZSM HG')]],
  ])('"agenda" in the location channel %s: the agenda card', async (_n, text, entities) => {
    const body = await replyTo(() => sendActivity(t.base, channelActivity(t.stub.url, USERS.politie, { type: 'message', text, entities })));
    expect(body).toContain('AdaptiveCard');
    expect(body).not.toContain(nlMessages.chat.help);
  });

  it('"agenda" in a personal chat: the agenda card of the member\'s location', async () => {
    const body = await replyTo(() =>
      sendActivity(t.base, { ...personalActivity(t.stub.url, USERS.politie), type: 'message', text: 'Agenda ' }),
    );
    expect(body).toContain('AdaptiveCard');
  });

  it('anything else still gets the help text', async () => {
    const body = await replyTo(() =>
      sendActivity(t.base, channelActivity(t.stub.url, USERS.politie, { type: 'message', text: '<at>ZSM HG</at> agenda graag' })),
    );
    expect(body).toContain(nlMessages.chat.help.slice(0, 30));
  });
});

describe('commandText', () => {
  it.each([
    ['agenda', 'agenda'],
    ['  <at>ZSM HG</at>  agenda ', 'agenda'],
    ['<at id="0">ZSM HG</at>&nbsp;audit 1a2b3c4d', 'audit 1a2b3c4d'],
    ['ik  heb\u00a0dienst', 'ik heb dienst'],
    [undefined, ''],
  ])('%j reads %j', (text, want) => {
    expect(commandText({ text })).toBe(want);
  });
});
