import { USERS } from '../helpers/fixtures';
import { channelActivity, sendActivity, startTestHost } from '../helpers/host';

describe('who may talk to /api/messages', () => {
  it('with an app id, a request without a valid Bot Framework token is refused and changes nothing', async () => {
    const t = await startTestHost({
      env: {
        MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_APP_TENANT_ID: 'tenant-test-1',
        ALLOWED_TENANT_IDS: 'tenant-test-1',
      },
    });
    try {
      const res = await sendActivity(
        t.base,
        channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
      );
      expect(res.status).toBe(401);
      expect(await t.host.deps.repo.getConversationRef('channel:19:zsm-mn-hg@thread.tacv2')).toBeNull();
      expect(await t.host.deps.repo.getUserMris()).toEqual({});
    } finally {
      await t.stop();
    }
  });

  it('activities from a tenant outside the allowlist are ignored', async () => {
    const t = await startTestHost({ env: { ALLOWED_TENANT_IDS: 'some-other-tenant' } });
    try {
      await sendActivity(
        t.base,
        channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
      );
      expect(await t.host.deps.repo.getConversationRef('channel:19:zsm-mn-hg@thread.tacv2')).toBeNull();
      expect(await t.host.deps.repo.getUserMris()).toEqual({});
    } finally {
      await t.stop();
    }
  });

  it('activities from an allowed tenant are handled', async () => {
    const t = await startTestHost({ env: { ALLOWED_TENANT_IDS: 'tenant-test-1' } });
    try {
      await sendActivity(
        t.base,
        channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
      );
      expect(await t.host.deps.repo.getConversationRef('channel:19:zsm-mn-hg@thread.tacv2')).not.toBeNull();
    } finally {
      await t.stop();
    }
  });
});
