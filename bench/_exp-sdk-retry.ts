import { ConnectorStub } from '../test/helpers/connector-stub';
import { createAdapter } from '../src/teams/adapter';
import { parseEnv } from '../src/config';
import { CardFactory, MessageFactory } from 'botbuilder';

async function main() {
  const stub = new ConnectorStub();
  await stub.start();
  const env = parseEnv({ INTAKE_HMAC_SECRET: 'x'.repeat(40), PSEUDONYM_KEY: 'y'.repeat(40) });
  const adapter = createAdapter(env);
  for (const fault of [503, 502, 429, 404, 412]) {
    let n = 0;
    stub.faults = { decide: () => (n++ === 0 ? fault : undefined) };
    const before = stub.calls.length;
    const t0 = Date.now();
    try {
      await adapter.continueConversationAsync('', { channelId: 'msteams', serviceUrl: stub.url, conversation: { id: 'c1;messageid=1', isGroup: true, conversationType: 'channel', name: '' } } as never, async (ctx) => {
        const a = MessageFactory.attachment(CardFactory.adaptiveCard({ type: 'AdaptiveCard' }));
        a.id = '1';
        await ctx.updateActivity(a);
      });
      console.log(fault, 'ok after', stub.calls.length - before, 'calls', Date.now() - t0, 'ms');
    } catch (e) {
      const err = e as { statusCode?: number; code?: string; name?: string; response?: { headers?: unknown } };
      console.log(fault, 'error', err.name, err.statusCode, err.code, stub.calls.length - before, 'calls', Date.now() - t0, 'ms', Object.keys(err));
    }
  }
  // POST createConversation with 503
  let n = 0;
  stub.faults = { decide: () => (n++ === 0 ? 503 : undefined) };
  const before = stub.calls.length;
  await adapter.createConversationAsync('', 'msteams', stub.url, '', { isGroup: true, channelData: { channel: { id: 'ch' } }, activity: MessageFactory.text('x') } as never, async () => {});
  console.log('create 503 → calls', stub.calls.length - before);
  await stub.stop();
}
main();
