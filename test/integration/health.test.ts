/**
 * /healthz (liveness) and /readyz (readiness: store answers a cheap read, job loop alive) on the real
 * host over the Cosmos emulator; the body says ready or not and nothing else.
 */
import { randomUUID } from 'node:crypto';
import { CosmosDocStore } from '../../src/store/cosmos/cosmos-docstore';
import { startCosmosServer, type CosmosTestServer } from '../helpers/cosmos-server';
import { startTestHost, type TestHost } from '../helpers/host';

describe('health endpoints', () => {
  let cosmos: CosmosTestServer;
  let db: CosmosDocStore;
  let t: TestHost;
  beforeAll(async () => {
    cosmos = await startCosmosServer();
    db = await CosmosDocStore.connect({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      agent: cosmos.agent,
      databaseId: `h-${randomUUID()}`,
      containerId: 'items',
    });
    t = await startTestHost({ db });
  });
  afterAll(async () => {
    await t?.stop();
    await db?.close();
    await cosmos?.close();
  });

  it('is ready while the store answers and the job loop runs', async () => {
    const res = await fetch(`${t.base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while the store fails, and says nothing about why; liveness stays ok', async () => {
    cosmos.injectFault({ match: (req) => req.method === 'GET' && (req.url ?? '').includes('/docs/'), status: 503 });
    const res = await fetch(`${t.base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not ready' });
    expect(cosmos.pendingFaults()).toBe(0);
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.base}/readyz`)).status).toBe(200);
  });

  it('is not ready once the job loop has stopped', async () => {
    await t.host.runner.stop();
    expect((await fetch(`${t.base}/readyz`)).status).toBe(503);
    t.host.runner.start();
    expect((await fetch(`${t.base}/readyz`)).status).toBe(200);
  });
});
