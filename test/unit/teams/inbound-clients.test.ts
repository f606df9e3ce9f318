import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import type { ClaimsIdentity, UserTokenClient } from 'botframework-connector';
import { CLIENT_MAX_AGE_MS, CLIENTS_MAX } from '../../../src/teams/client-cache';
import { ReusingBotFrameworkAuthentication } from '../../../src/teams/inbound-clients';

/**
 * Inbound client reuse on botbuilder's own BotFrameworkAuthentication (no network: the clients are
 * built, never called). Without an app id botbuilder authenticates anonymously, as in local mode.
 */
const activity = (serviceUrl: string): Activity =>
  ({ type: 'invoke', channelId: 'msteams', serviceUrl, conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }) as Activity;

function setup(inner = new ConfigurationBotFrameworkAuthentication({})) {
  let now = 1_000_000;
  const auth = new ReusingBotFrameworkAuthentication(inner, () => now);
  const client = async (serviceUrl: string) => {
    const r = await auth.authenticateRequest(activity(serviceUrl), '');
    if (!r.connectorFactory) throw new Error('no connector factory');
    return r.connectorFactory.create(serviceUrl, r.audience);
  };
  return { auth, client, advance: (ms: number) => (now += ms) };
}

describe('inbound turns reuse one Connector client per service URL', () => {
  it('the same service URL gets the same client, built once; another URL gets its own', async () => {
    const { auth, client } = setup();
    // Three turns at once, before any client exists: one build, shared.
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => client('https://smba.example/emea/')));
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(auth.built.connectors).toBe(1);
    expect(await client('https://smba.example/emea/')).toBe(a);
    const other = await client('https://smba.example/amer/');
    expect(other).not.toBe(a);
    expect(auth.built.connectors).toBe(2);
  });

  it('a client is built again after its max age', async () => {
    const { auth, client, advance } = setup();
    const a = await client('https://smba.example/emea/');
    advance(CLIENT_MAX_AGE_MS - 1);
    expect(await client('https://smba.example/emea/')).toBe(a);
    advance(1);
    expect(await client('https://smba.example/emea/')).not.toBe(a);
    expect(auth.built.connectors).toBe(2);
  });

  it('keeps at most CLIENTS_MAX clients: a flood of service URLs does not grow memory', async () => {
    const { auth, client } = setup();
    const first = await client('https://smba.example/0/');
    for (let i = 1; i <= CLIENTS_MAX; i++) await client(`https://smba.example/${i}/`);
    expect(await client('https://smba.example/0/')).not.toBe(first); // the oldest went
    expect(auth.built.connectors).toBe(CLIENTS_MAX + 2);
  });

  it('the user-token client is reused per bot, and a failed build is not kept', async () => {
    let calls = 0;
    class FailsOnce extends ConfigurationBotFrameworkAuthentication {
      override createUserTokenClient(claims: ClaimsIdentity): Promise<UserTokenClient> {
        calls++;
        return calls === 1 ? Promise.reject(new Error('token endpoint down')) : super.createUserTokenClient(claims);
      }
    }
    const { auth } = setup(new FailsOnce({}));
    const r = await auth.authenticateRequest(activity('https://smba.example/emea/'), '');
    await expect(auth.createUserTokenClient(r.claimsIdentity)).rejects.toThrow('token endpoint down');
    const a = await auth.createUserTokenClient(r.claimsIdentity);
    expect(await auth.createUserTokenClient(r.claimsIdentity)).toBe(a);
    expect(calls).toBe(2);
  });

  it('every request is still authenticated: with an app id, a request without a valid token is refused each time', async () => {
    const { auth } = setup(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' }));
    for (let i = 0; i < 2; i++)
      await expect(auth.authenticateRequest(activity('https://smba.example/emea/'), 'Bearer not-a-token')).rejects.toThrow();
    expect(auth.built.connectors).toBe(0);
  });
});
