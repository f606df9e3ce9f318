import type https from 'node:https';
import { CosmosClient, type Container, type CosmosClientOptions, type SqlParameter } from '@azure/cosmos';
import type { TokenCredential } from '@azure/core-auth';
import {
  NotFoundError,
  PreconditionFailedError,
  type Condition,
  type DocKind,
  type DocStore,
  type NewDoc,
  type QueryOptions,
  type Stored,
  type WriteOp,
  type WriteResult,
} from '../docstore';
import { checkOnePartition, checkQuery } from '../guards';
import { CosmosStoreError, statusOf } from './errors';

/** Partition key path of the container (architecture decision: documents are partitioned by case). */
export const PARTITION_KEY_PATH = '/caseId';

/** The item as stored: the DocStore pk lives in `caseId`, the logical id in `key` (see `cosmosId`). */
interface Item {
  id: string;
  key: string;
  caseId: string;
  kind: DocKind;
  body: unknown;
  _etag?: string;
}

/**
 * Cosmos ids may not contain / \ ? # (and the SDK puts ids into URLs unescaped), but conversation keys
 * carry external Teams ids. Escape those characters (and % and the escape char ~) as ~XX; ordering uses
 * the unescaped `key`, so listPartition still orders by the logical id.
 */
export const cosmosId = (id: string): string =>
  id.replace(/[~%/\\?#]/g, (ch) => `~${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const toItem = (doc: NewDoc): Item => ({ id: cosmosId(doc.id), key: doc.id, caseId: doc.pk, kind: doc.kind, body: doc.body });

function toStored<T>(item: Item | undefined, etag?: string): Stored<T> {
  const tag = etag ?? item?._etag;
  if (!item || !tag) throw new Error('cosmos returned no document or etag');
  return { pk: item.caseId, id: item.key, kind: item.kind, body: item.body as T, etag: tag };
}

export interface CosmosConnectOptions {
  endpoint: string;
  /** Account key (emulator, tests). Absent: Microsoft Entra auth with `credential`. */
  key?: string;
  /** Used when there is no key; default DefaultAzureCredential (managed identity on App Service). */
  credential?: TokenCredential;
  databaseId: string;
  containerId: string;
  agent?: https.Agent;
}

/**
 * The client's options: the key when given, else a token credential (DefaultAzureCredential is
 * loaded lazily, so the emulator and tests never load @azure/identity). Builds no connection.
 */
export async function cosmosClientOptions(opts: CosmosConnectOptions): Promise<CosmosClientOptions> {
  // One region; the local emulator also needs discovery off.
  const common = { endpoint: opts.endpoint, agent: opts.agent, connectionPolicy: { enableEndpointDiscovery: false } };
  if (opts.key) return { ...common, key: opts.key };
  const credential = opts.credential ?? new (await import('@azure/identity')).DefaultAzureCredential();
  return { ...common, aadCredentials: credential };
}

const SELECT = 'c.id, c.key, c.caseId, c.kind, c.body, c._etag';
const prop = (field: string): string => `c.body["${field}"]`; // field passed checkField: no quote can occur

export class CosmosDocStore implements DocStore {
  readonly name = 'cosmos';

  private constructor(
    private readonly client: CosmosClient,
    private readonly container: Container,
  ) {}

  /**
   * With a key (the emulator, tests): creates the database and container if absent. Without a key:
   * Microsoft Entra auth with `credential` (default: DefaultAzureCredential, i.e. the App Service's
   * managed identity) and data-plane RBAC, which may not create databases or containers — infra/
   * creates them — so the container is only read and its partition key checked.
   */
  static async connect(opts: CosmosConnectOptions): Promise<CosmosDocStore> {
    const client = new CosmosClient(await cosmosClientOptions(opts));
    try {
      let container: Container;
      let paths: string[];
      if (opts.key) {
        const { database } = await client.databases.createIfNotExists({ id: opts.databaseId });
        const created = await database.containers.createIfNotExists({
          id: opts.containerId,
          partitionKey: { paths: [PARTITION_KEY_PATH] },
        });
        container = created.container;
        paths = created.resource?.partitionKey?.paths ?? [];
      } else {
        container = client.database(opts.databaseId).container(opts.containerId);
        const { resource, statusCode } = await container.read().catch((e: unknown) => {
          throw CosmosStoreError.wrap('read container', e);
        });
        if (statusCode === 404 || !resource)
          throw new Error(`container ${opts.databaseId}/${opts.containerId} does not exist (provision it with infra/)`);
        paths = resource.partitionKey?.paths ?? [];
      }
      if (paths.length !== 1 || paths[0] !== PARTITION_KEY_PATH) {
        throw new Error(`container ${opts.containerId} is partitioned by ${paths.join(',')}, expected ${PARTITION_KEY_PATH}`);
      }
      return new CosmosDocStore(client, container);
    } catch (e) {
      client.dispose();
      throw e;
    }
  }

  async get<T>(pk: string, id: string): Promise<Stored<T> | null> {
    try {
      const res = await this.container.item(cosmosId(id), pk).read<Item>();
      return res.statusCode === 404 || !res.resource ? null : toStored<T>(res.resource, res.etag);
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw CosmosStoreError.wrap('read', e);
    }
  }

  async insert<T>(doc: NewDoc<T>): Promise<'created' | 'exists'> {
    try {
      await this.container.items.create(toItem(doc));
      return 'created';
    } catch (e) {
      if (statusOf(e) === 409) return 'exists';
      throw CosmosStoreError.wrap('create', e);
    }
  }

  async upsert<T>(doc: NewDoc<T>): Promise<Stored<T>> {
    try {
      const res = await this.container.items.upsert<Item>(toItem(doc));
      return toStored<T>(res.resource, res.etag);
    } catch (e) {
      throw CosmosStoreError.wrap('upsert', e);
    }
  }

  async replace<T>(doc: NewDoc<T>, ifMatch: string): Promise<Stored<T>> {
    try {
      const res = await this.container
        .item(cosmosId(doc.id), doc.pk)
        .replace<Item>(toItem(doc), { accessCondition: { type: 'IfMatch', condition: ifMatch } });
      return toStored<T>(res.resource, res.etag);
    } catch (e) {
      const status = statusOf(e);
      if (status === 412) throw new PreconditionFailedError(doc.pk, doc.id);
      if (status === 404) throw new NotFoundError(doc.pk, doc.id);
      throw CosmosStoreError.wrap('replace', e);
    }
  }

  /** Deleting a missing document is a no-op, as on SQLite. */
  async delete(pk: string, id: string): Promise<void> {
    try {
      await this.container.item(cosmosId(id), pk).delete();
    } catch (e) {
      if (statusOf(e) !== 404) throw CosmosStoreError.wrap('delete', e);
    }
  }

  async listPartition<T>(pk: string, kind: DocKind): Promise<Stored<T>[]> {
    // The partition is filtered in WHERE too: the emulator ignores the partitionKey option.
    const query = `SELECT ${SELECT} FROM c WHERE c.caseId = @pk AND c.kind = @kind ORDER BY c.key`;
    return this.run<T>(
      query,
      [
        { name: '@pk', value: pk },
        { name: '@kind', value: kind },
      ],
      pk,
    );
  }

  async query<T>(kind: DocKind, where: Condition[], options: QueryOptions = {}): Promise<Stored<T>[]> {
    checkQuery(where, options);
    const terms = ['c.kind = @kind'];
    const parameters: SqlParameter[] = [{ name: '@kind', value: kind }];
    where.forEach((c, i) => {
      terms.push(`${prop(c.field)} ${c.op} @p${i}`);
      parameters.push({ name: `@p${i}`, value: c.value });
    });
    let order = '';
    if (options.orderBy !== undefined) {
      // Explicit, so the emulator and Cosmos (which may sort undefined first) agree: no sort field, no result.
      terms.push(`IS_DEFINED(${prop(options.orderBy)})`);
      order = ` ORDER BY ${prop(options.orderBy)}`;
    }
    // TOP (parameterised) works across partitions in the emulator and in Cosmos; OFFSET LIMIT does not exist there.
    const top = options.limit !== undefined ? 'TOP @limit ' : '';
    if (options.limit !== undefined) parameters.push({ name: '@limit', value: options.limit });
    return this.run<T>(`SELECT ${top}${SELECT} FROM c WHERE ${terms.join(' AND ')}${order}`, parameters);
  }

  /**
   * Applied one by one, in order: the emulator has no transactional batch. Every op the app sends is
   * idempotent (deterministic ids, insert-if-absent, upsert), so re-running a commit after a partial
   * failure completes it. A failing op stops the sequence and its error propagates.
   */
  async commit(ops: WriteOp[]): Promise<WriteResult[]> {
    checkOnePartition(ops);
    const results: WriteResult[] = [];
    for (const o of ops) {
      if (o.op === 'insert') results.push(await this.insert(o.doc));
      else {
        await (o.op === 'upsert' ? this.upsert(o.doc) : this.replace(o.doc, o.ifMatch));
        results.push('written');
      }
    }
    return results;
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  private async run<T>(query: string, parameters: SqlParameter[], partitionKey?: string): Promise<Stored<T>[]> {
    try {
      const { resources } = await this.container.items.query<Item>({ query, parameters }, { partitionKey }).fetchAll();
      return resources.map((r) => toStored<T>(r));
    } catch (e) {
      throw CosmosStoreError.wrap('query', e);
    }
  }
}
