/**
 * Cosmos DB with a managed identity: without COSMOS_KEY the adapter authenticates with a Microsoft
 * Entra token (DefaultAzureCredential on App Service) and, since data-plane RBAC cannot create
 * databases or containers, only reads the provisioned container. The key path stays for the emulator.
 */
import { createServer, type Server } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import { CosmosClient } from '@azure/cosmos';
import { parseEnv } from '../../src/config';
import { cosmosClientOptions, CosmosDocStore } from '../../src/store/cosmos/cosmos-docstore';
import { closeSharedCosmosServer, sharedCosmosServer } from '../helpers/stores';

const secrets = { INTAKE_HMAC_SECRET: 'x'.repeat(32), PSEUDONYM_KEY: 'y'.repeat(32), LOCAL_MODE: 'true' };

describe('configuration', () => {
  it('accepts STORE=cosmos with an endpoint and no key (managed identity)', () => {
    const env = parseEnv({ ...secrets, STORE: 'cosmos', COSMOS_ENDPOINT: 'https://zsm-dev.documents.azure.com:443/' });
    expect(env.COSMOS_KEY).toBeUndefined();
    expect(env.COSMOS_ENDPOINT).toBe('https://zsm-dev.documents.azure.com:443/');
  });
  it('still requires the endpoint', () => {
    expect(() => parseEnv({ ...secrets, STORE: 'cosmos' })).toThrow(/COSMOS_ENDPOINT: required when STORE=cosmos/);
  });
});

describe('client options', () => {
  it('uses the key when there is one', async () => {
    const o = await cosmosClientOptions({ endpoint: 'https://a.example', key: 'a2V5', databaseId: 'd', containerId: 'c' });
    expect(o.key).toBe('a2V5');
    expect(o.aadCredentials).toBeUndefined();
  });

  it('without a key builds the client with DefaultAzureCredential and makes no network call doing so', async () => {
    let connections = 0;
    const probe: Server = createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const { port } = probe.address() as { port: number };
    try {
      const o = await cosmosClientOptions({ endpoint: `https://127.0.0.1:${port}`, databaseId: 'd', containerId: 'c' });
      expect(o.key).toBeUndefined();
      expect(o.aadCredentials).toBeInstanceOf(DefaultAzureCredential);
      new CosmosClient(o).dispose();
      await new Promise((r) => setImmediate(r));
      expect(connections).toBe(0);
    } finally {
      await new Promise<void>((r) => probe.close(() => r()));
    }
  });
});

describe('connecting with a token credential (against the emulator, which does not check tokens)', () => {
  const tokens: string[] = [];
  const credential: TokenCredential = {
    getToken: async (scopes): Promise<AccessToken> => {
      tokens.push(String(scopes));
      return { token: 'test-entra-token', expiresOnTimestamp: Date.now() + 3600_000 };
    },
  };
  const auth: string[] = [];
  afterAll(closeSharedCosmosServer);

  it('refuses a container that was not provisioned, and uses a provisioned one with Entra tokens only', async () => {
    const server = await sharedCosmosServer();
    const databaseId = `mi-${Date.now()}`;
    // Watch the Authorization header of every request (the fault shim passes them on untouched).
    const watch = {
      match: (req: IncomingMessage) => (auth.push(decodeURIComponent(String(req.headers.authorization))), false),
      status: 500,
    };
    server.injectFault(watch);
    const opts = { endpoint: server.endpoint, credential, agent: server.agent, databaseId, containerId: 'items' };

    await expect(CosmosDocStore.connect(opts)).rejects.toThrow(/does not exist|NotFound|404/);

    // infra/ provisions the container; here the key-based path stands in for that.
    const provisioner = await CosmosDocStore.connect({ ...opts, credential: undefined, key: server.key });
    await provisioner.close();

    auth.length = 0;
    const db = await CosmosDocStore.connect(opts);
    try {
      await db.insert({ pk: 'case-1', id: 'case', kind: 'case', body: { v: 1 } });
      expect((await db.get<{ v: number }>('case-1', 'case'))?.body).toEqual({ v: 1 });
    } finally {
      await db.close();
    }
    expect(auth.length).toBeGreaterThan(0);
    expect(auth.every((h) => h.startsWith('type=aad&ver=1.0&sig=test-entra-token'))).toBe(true);
    expect(tokens.length).toBeGreaterThan(0);
  });
});
