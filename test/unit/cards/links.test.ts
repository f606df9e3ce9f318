import { messageLink } from '../../../src/cards/links';

describe('deep links to the posted message', () => {
  it('uses the channel of the stored reference and the message id, with the message as the thread root', () => {
    expect(messageLink({ conversationId: '19:zsm-mn@thread.tacv2', activityId: '1700000000001' })).toBe(
      'https://teams.microsoft.com/l/message/19%3Azsm-mn%40thread.tacv2/1700000000001?parentMessageId=1700000000001',
    );
  });

  it('for a card in a reply thread, links into that thread (channel part, and its root as parentMessageId)', () => {
    expect(messageLink({ conversationId: '19:zsm-mn@thread.tacv2;messageid=1700000000000', activityId: '1700000000005' })).toBe(
      'https://teams.microsoft.com/l/message/19%3Azsm-mn%40thread.tacv2/1700000000005?parentMessageId=1700000000000',
    );
  });
});
