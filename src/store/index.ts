import type https from 'node:https';
import type { DocStore } from './docstore';

export type DocStoreConfig =
  | { store: 'sqlite'; file: string; /** STORE_ENCRYPTION_KEY */ key: string }
  | {
      store: 'cosmos';
      endpoint: string;
      key: string;
      databaseId: string;
      containerId: string;
      auditContainerId?: string;
      agent?: https.Agent;
    };

/** Opens the configured adapter. Adapters load lazily, so a Cosmos deployment never loads the native SQLite module. */
export async function openDocStore(cfg: DocStoreConfig): Promise<DocStore> {
  if (cfg.store === 'sqlite') {
    const { SqliteDocStore } = await import('./sqlite/sqlite-docstore');
    return SqliteDocStore.open(cfg.file, cfg.key);
  }
  const { CosmosDocStore } = await import('./cosmos/cosmos-docstore');
  const { endpoint, key, databaseId, containerId, auditContainerId, agent } = cfg;
  return CosmosDocStore.connect({ endpoint, key, databaseId, containerId, agent, ...(auditContainerId ? { auditContainerId } : {}) });
}
