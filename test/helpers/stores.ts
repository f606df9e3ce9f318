import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocStore } from '../../src/store/docstore';
import { openDocStore } from '../../src/store/index';
import { startCosmosServer, type CosmosTestServer } from './cosmos-server';

/** The SQLite encryption key of every test store (STORE_ENCRYPTION_KEY in test hosts). */
export const TEST_STORE_KEY = 'test-store-encryption-key-0123456789abcdef';

export const storeKinds = ['sqlite', 'cosmos'] as const;
export type StoreKind = (typeof storeKinds)[number];
/**
 * The DocStore contract also runs on SQLite with its writes inline (on the caller's thread, as ':memory:'
 * stores always are): the store thread is the default for files, and both must keep the same contract.
 */
export const contractKinds = [...storeKinds, 'sqlite-inline'] as const;
export type ContractKind = (typeof contractKinds)[number];

export interface TestStore {
  db: DocStore;
  /** The SQLite file (sqlite only), e.g. to reopen it. */
  file?: string;
  /** A second, independent connection to the same store (like another process); the caller closes it. */
  connectAgain(): Promise<DocStore>;
  cleanup(): Promise<void>;
}

let shared: Promise<CosmosTestServer> | undefined;

/** One in-process emulator per test file (Jest gives each file its own module registry). */
export function sharedCosmosServer(): Promise<CosmosTestServer> {
  shared ??= startCosmosServer();
  return shared;
}

export async function closeSharedCosmosServer(): Promise<void> {
  const s = shared;
  shared = undefined;
  if (s) await (await s).close();
}

/**
 * A fresh, empty DocStore. SQLite uses a real temporary file (not :memory:), so durability and
 * multi-connection behaviour are real; Cosmos gets its own database on the shared emulator.
 */
export async function makeDocStore(kind: ContractKind, tmpDir?: string): Promise<TestStore> {
  if (kind === 'sqlite' || kind === 'sqlite-inline') {
    const dir = tmpDir ?? (await mkdtemp(join(tmpdir(), 'zsm-store-')));
    const file = join(dir, `${randomUUID()}.sqlite`);
    const open = async (): Promise<DocStore> =>
      kind === 'sqlite'
        ? openDocStore({ store: 'sqlite', file, key: TEST_STORE_KEY })
        : (await import('../../src/store/sqlite/sqlite-docstore')).SqliteDocStore.open(file, TEST_STORE_KEY, { access: 'inline' });
    const db = await open();
    return {
      db,
      file,
      connectAgain: open,
      cleanup: async () => {
        await db.close();
        if (!tmpDir) await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const s = await sharedCosmosServer();
  const databaseId = `test-${randomUUID()}`;
  const open = () => openDocStore({ store: 'cosmos', endpoint: s.endpoint, key: s.key, agent: s.agent, databaseId, containerId: 'docs' });
  const db = await open();
  return { db, connectAgain: open, cleanup: () => db.close() };
}

/**
 * Jest hooks for a suite: a fresh store per test, the emulator stopped after the file.
 * Usage: `const store = useDocStore(kind); … store().db`.
 */
export function useDocStore(kind: ContractKind): () => TestStore {
  let current: TestStore | undefined;
  beforeEach(async () => {
    current = await makeDocStore(kind);
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  afterAll(closeSharedCosmosServer);
  return () => {
    if (!current) throw new Error('useDocStore: no store outside a test');
    return current;
  };
}
