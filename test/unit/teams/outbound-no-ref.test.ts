import { OutboundError } from '../../../src/app/ports';
import type { AdaptiveCard } from '../../../src/cards/types';
import { parseEnv } from '../../../src/config';
import { LOOPBACK_SERVICE_URLS, ServiceUrlAllowlist } from '../../../src/domain/service-urls';
import { createAdapter } from '../../../src/teams/adapter';
import { TeamsOutbound } from '../../../src/teams/outbound';

/** Issue 12.6: before the bot knows the channel, the retryable error says what to do in this mode. */
describe('TeamsOutbound without a conversation reference', () => {
  const env = parseEnv({
    INTAKE_HMAC_SECRET: 'x'.repeat(40),
    PSEUDONYM_KEY: 'y'.repeat(40),
    STORE_ENCRYPTION_KEY: 'z'.repeat(40),
    LOCAL_MODE: 'true',
  });
  const adapter = createAdapter(env);
  const noRefs = { getConversationRef: async () => null };
  const card: AdaptiveCard = { type: 'AdaptiveCard', version: '1.5', body: [] };
  const serviceUrls = ServiceUrlAllowlist.from([...LOOPBACK_SERVICE_URLS]);

  async function failure(localMode: boolean | undefined): Promise<OutboundError> {
    const outbound = new TeamsOutbound(adapter, '', noRefs, { serviceUrls, ...(localMode === undefined ? {} : { localMode }) });
    const e: unknown = await outbound.postCardToChannel('team-id', card).then(
      () => undefined,
      (err: unknown) => err,
    );
    if (!(e instanceof OutboundError)) throw new Error(`expected an OutboundError, got ${String(e)}`);
    return e;
  }

  it('in local mode names the Playground, not an app installation in a team', async () => {
    const e = await failure(true);
    expect(e.retryable).toBe(true);
    expect(e.message).toContain('local mode');
    expect(e.message).not.toContain('install the app in the team');
  });

  it('with Teams (default) asks for the app to be installed in the team', async () => {
    const e = await failure(undefined);
    expect(e.retryable).toBe(true);
    expect(e.message).toContain('install the app in the team');
  });
});
