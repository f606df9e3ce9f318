import { messageLink as messageDeepLink } from '../../../src/cards/links';

describe('messageDeepLink: the link to the real message, from the stored card reference', () => {
  it('names the channel of the stored conversation, the message and the thread root', () => {
    expect(messageDeepLink({ conversationId: '19:abc123@thread.tacv2;messageid=1700000000000', activityId: '1700000000000' })).toBe(
      'https://teams.microsoft.com/l/message/19%3Aabc123%40thread.tacv2/1700000000000?parentMessageId=1700000000000',
    );
  });

  it('a card posted as a reply links to the reply inside its thread', () => {
    expect(messageDeepLink({ conversationId: '19:abc@thread.tacv2;messageid=111', activityId: '222' })).toBe(
      'https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/222?parentMessageId=111',
    );
  });

  it('a channel conversation without a thread id: the message is its own root', () => {
    expect(messageDeepLink({ conversationId: '19:abc@thread.skype', activityId: '333' })).toBe(
      'https://teams.microsoft.com/l/message/19%3Aabc%40thread.skype/333?parentMessageId=333',
    );
  });

  it('gives no link for what is not a Teams channel (a 1:1 chat, the Playground, odd ids)', () => {
    expect(messageDeepLink({ conversationId: 'a:1xyz-personal-chat', activityId: '1' })).toBeUndefined();
    expect(messageDeepLink({ conversationId: 'personal-chat-id', activityId: '1' })).toBeUndefined();
    expect(messageDeepLink({ conversationId: '19:abc@thread.tacv2', activityId: 'x/../../evil?y' })).toBeUndefined();
    expect(messageDeepLink({ conversationId: '19:a b@thread.tacv2', activityId: '1' })).toBeUndefined();
  });
});
