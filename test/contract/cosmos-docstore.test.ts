import { CosmosClient } from '@azure/cosmos';
import { NotFoundError, PreconditionFailedError, type DocStore, type NewDoc, type WriteOp } from '../../src/store/docstore';
import { CosmosDocStore, cosmosId } from '../../src/store/cosmos/cosmos-docstore';
import { CosmosStoreError } from '../../src/store/cosmos/errors';
import { isDocWrite, isQuery, type CosmosTestServer } from '../helpers/cosmos-server';
import { closeSharedCosmosServer, makeDocStore, sharedCosmosServer, type TestStore } from '../helpers/stores';

const doc = (id: string, body: unknown): NewDoc => ({ pk: 'p', id, kind: 'job', body });

/** What only the Cosmos adapter does: sequential commits, error mapping, the /caseId container. */
describe('CosmosDocStore specifics', () => {
  let server: CosmosTestServer;
  let store: TestStore;
  let db: DocStore;
  beforeAll(async () => {
    server = await sharedCosmosServer();
  });
  beforeEach(async () => {
    store = await makeDocStore('cosmos');
    db = store.db;
  });
  afterEach(async () => {
    expect(server.pendingFaults()).toBe(0); // every injected fault was hit
    await store.cleanup();
  });
  afterAll(closeSharedCosmosServer);

  it('a commit that fails half-way leaves earlier ops applied; re-running the same commit completes it', async () => {
    const ops: WriteOp[] = [
      { op: 'insert', doc: doc('case', { v: 1 }) },
      { op: 'insert', doc: doc('audit:1', { v: 1 }) },
      { op: 'upsert', doc: doc('job:1', { v: 1 }) },
    ];
    server.injectFault({ match: isDocWrite, skip: 1, status: 500 });
    await expect(db.commit(ops)).rejects.toBeInstanceOf(CosmosStoreError);
    expect(await db.get('p', 'case')).not.toBeNull();
    expect(await db.get('p', 'audit:1')).toBeNull();
    expect(await db.get('p', 'job:1')).toBeNull();

    expect(await db.commit(ops)).toEqual(['exists', 'created', 'written']);
    expect((await db.listPartition('p', 'job')).map((d) => d.id)).toEqual(['audit:1', 'case', 'job:1']);
  });

  it('other HTTP failures are not mapped to domain errors and carry no document content', async () => {
    const secret = { summary: 'vertrouwelijke-inhoud-123' };
    // (503 and 429 are left out: the SDK retries those itself.)
    await db.upsert(doc('a', secret));
    for (const [status, run] of [
      [400, () => db.upsert(doc('a', secret))],
      [403, () => db.insert(doc('b', secret))],
      [500, () => db.get('p', 'a')],
      [400, () => db.query('job', [{ field: 'summary', op: '=', value: secret.summary }])],
      [413, () => db.commit([{ op: 'upsert', doc: doc('a', secret) }])],
    ] as const) {
      server.injectFault({ match: (req) => isDocWrite(req) || isQuery(req) || req.method === 'GET', status, echoBody: true });
      const err = await run().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CosmosStoreError);
      expect(err).not.toBeInstanceOf(NotFoundError);
      expect(err).not.toBeInstanceOf(PreconditionFailedError);
      expect(err).toMatchObject({ statusCode: status });
      expect(JSON.stringify(err) + String(err) + (err instanceof Error ? err.stack : '')).not.toContain('vertrouwelijke');
    }
  });

  it('stores documents partitioned by /caseId, with the logical id kept in key', async () => {
    await db.insert({ pk: 'case-7', id: 'a/b', kind: 'vote', body: { x: 1 } });
    const client = new CosmosClient({
      endpoint: server.endpoint,
      key: server.key,
      agent: server.agent,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const { resources } = await client
      .database((db as unknown as { container: { database: { id: string } } }).container.database.id)
      .container('docs')
      .items.query('SELECT c.id, c.key, c.caseId, c.kind, c.body FROM c')
      .fetchAll();
    expect(resources).toEqual([{ id: cosmosId('a/b'), key: 'a/b', caseId: 'case-7', kind: 'vote', body: { x: 1 } }]);
    expect(cosmosId('a/b')).toBe('a~2Fb');
    client.dispose();
  });

  it('refuses a container with another partition key', async () => {
    const client = new CosmosClient({
      endpoint: server.endpoint,
      key: server.key,
      agent: server.agent,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const { database } = await client.databases.createIfNotExists({ id: 'wrong-pk' });
    await database.containers.createIfNotExists({ id: 'docs', partitionKey: { paths: ['/pk'] } });
    client.dispose();
    await expect(
      CosmosDocStore.connect({
        endpoint: server.endpoint,
        key: server.key,
        agent: server.agent,
        databaseId: 'wrong-pk',
        containerId: 'docs',
      }),
    ).rejects.toThrow(/expected \/caseId/);
  });
});
