// Type only: the Cosmos adapter itself still loads lazily.
import type { CosmosConnectOptions } from './cosmos/cosmos-docstore';
import type { DocStore } from './docstore';

export type DocStoreConfig =
  { store: 'sqlite'; file: string; /** STORE_ENCRYPTION_KEY */ key: string } | ({ store: 'cosmos' } & CosmosConnectOptions);

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
