import type https from 'node:https';
import type { TokenCredential } from '@azure/core-auth';
import type { DocStore } from './docstore';

export type DocStoreConfig =
  | { store: 'sqlite'; file: string; /** STORE_ENCRYPTION_KEY */ key: string }
  | {
      store: 'cosmos';
      endpoint: string;
      /** Absent: managed identity (DefaultAzureCredential) with Cosmos data-plane RBAC. */
      key?: string;
      credential?: TokenCredential;
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
  const { store: _store, ...opts } = cfg;
  return CosmosDocStore.connect(opts);
}
