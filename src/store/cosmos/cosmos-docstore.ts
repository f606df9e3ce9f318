import type https from 'node:https';
import { CosmosClient, type Container, type CosmosClientOptions, type SqlParameter } from '@azure/cosmos';
import type { TokenCredential } from '@azure/core-auth';
import {
  byPkKindId,
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
import type { AuditEntry } from '../../domain/audit';
import { sealNext, type AuditAnchor, type AuditRecord } from '../../domain/audit-chain';
import { sha256Hex } from '../audit-hash';
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
  /** The audit trail's own container; default `<containerId>-audit`. */
  auditContainerId?: string;
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
/** Partition keys per query of readPartitions (keeps the query text well under Cosmos' size limit). */
const PARTITIONS_PER_QUERY = 100;
/** field passed checkField: no quote can occur; `a.b` is one level down. */
const prop = (field: string): string =>
  `c.body${field
    .split('.')
    .map((f) => `["${f}"]`)
    .join('')}`;

/** An audit item in the audit container (partition key /caseId = the chain). */
interface AuditItem {
  id: string;
  caseId: string;
  type: 'entry';
  seq: number;
  entryId: string;
  at: string;
  prevHash: string;
  hash: string;
  entry: AuditEntry;
}
interface AnchorItem {
  id: 'anchor';
  caseId: string;
  type: 'anchor';
  upToSeq: number;
  hash: string;
  at: string;
}
const ANCHOR_ID = 'anchor';
/** Entry ids are the zero-padded seq: insert-if-absent on the id is what makes seq = last + 1 safe. */
export const auditItemId = (seq: number): string => String(seq).padStart(12, '0');
const AUDIT_SELECT = 'c.caseId, c.seq, c.prevHash, c.hash, c.entry';
const toAuditRecord = (i: Pick<AuditItem, 'caseId' | 'seq' | 'prevHash' | 'hash' | 'entry'>): AuditRecord => ({
  chain: i.caseId,
  seq: i.seq,
  prevHash: i.prevHash,
  hash: i.hash,
  entry: i.entry,
});
const APPEND_ATTEMPTS = 100;

export class CosmosDocStore implements DocStore {
  readonly name = 'cosmos';
  /** The tail of this process's appends per chain. */
  private readonly appending = new Map<string, Promise<void>>();

  private constructor(
    private readonly client: CosmosClient,
    private readonly container: Container,
    private readonly audit: Container,
  ) {}

  /**
   * With a key (the emulator, tests): creates the database and container if absent. Without a key:
   * Microsoft Entra auth with `credential` (default: DefaultAzureCredential, i.e. the App Service's
   * managed identity) and data-plane RBAC, which may not create databases or containers — infra/
   * creates them — so the containers are only read and their partition keys checked. The audit trail
   * lives in its own container (`auditContainerId`, default `<containerId>-audit`), also /caseId.
   */
  static async connect(opts: CosmosConnectOptions): Promise<CosmosDocStore> {
    const client = new CosmosClient(await cosmosClientOptions(opts));
    try {
      const auditContainerId = opts.auditContainerId ?? `${opts.containerId}-audit`;
      const open = async (id: string): Promise<Container> => {
        let container: Container;
        let paths: string[];
        if (opts.key) {
          const { database } = await client.databases.createIfNotExists({ id: opts.databaseId });
          const created = await database.containers.createIfNotExists({ id, partitionKey: { paths: [PARTITION_KEY_PATH] } });
          container = created.container;
          paths = created.resource?.partitionKey?.paths ?? [];
        } else {
          container = client.database(opts.databaseId).container(id);
          const { resource, statusCode } = await container.read().catch((e: unknown) => {
            throw CosmosStoreError.wrap('read container', e);
          });
          if (statusCode === 404 || !resource)
            throw new Error(`container ${opts.databaseId}/${id} does not exist (provision it with infra/)`);
          paths = resource.partitionKey?.paths ?? [];
        }
        if (paths.length !== 1 || paths[0] !== PARTITION_KEY_PATH) {
          throw new Error(`container ${id} is partitioned by ${paths.join(',')}, expected ${PARTITION_KEY_PATH}`);
        }
        return container;
      };
      const container = await open(opts.containerId);
      const audit = await open(auditContainerId);
      return new CosmosDocStore(client, container, audit);
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

  async readPartition(pk: string): Promise<Stored[]> {
    // Sorted here: a cross-field ORDER BY needs a composite index the emulator does not know.
    const docs = await this.run<unknown>(`SELECT ${SELECT} FROM c WHERE c.caseId = @pk`, [{ name: '@pk', value: pk }], pk);
    return docs.sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind < b.kind ? -1 : 1));
  }

  async readPartitions(pks: readonly string[], kinds: readonly DocKind[]): Promise<Stored[]> {
    const keys = [...new Set(pks)];
    if (keys.length === 0 || kinds.length === 0) return [];
    const chunks: string[][] = [];
    for (let i = 0; i < keys.length; i += PARTITIONS_PER_QUERY) chunks.push(keys.slice(i, i + PARTITIONS_PER_QUERY));
    // Cross-partition, but bounded to the listed keys; the chunks run in parallel.
    const found = await Promise.all(
      chunks.map((chunk) =>
        this.run<unknown>(`SELECT ${SELECT} FROM c WHERE ARRAY_CONTAINS(@pks, c.caseId) AND ARRAY_CONTAINS(@kinds, c.kind)`, [
          { name: '@pks', value: chunk },
          { name: '@kinds', value: [...new Set(kinds)] },
        ]),
      ),
    );
    return found.flat().sort(byPkKindId);
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
      if (o.op === 'audit') results.push(await this.appendAudit(o.entry));
      else if (o.op === 'insert') results.push(await this.insert(o.doc));
      else {
        await (o.op === 'upsert' ? this.upsert(o.doc) : this.replace(o.doc, o.ifMatch));
        results.push('written');
      }
    }
    return results;
  }

  /**
   * seq = last + 1 with insert-if-absent on the padded seq as id: a concurrent writer that took the
   * same seq makes ours fail with 409; we then point-read the entry that won (its hash is our new
   * prevHash) and try the next seq (bounded). An entry id already in the chain is 'exists' (two writers
   * of the same deterministic entry passing the check at the same moment could both append it: a
   * duplicate line, never a lost one).
   */
  async appendAudit(entry: AuditEntry): Promise<'created' | 'exists'> {
    // Appends to one chain from this process queue up (no self-inflicted conflicts); other processes
    // still race, which the insert-if-absent below settles.
    const chain = entry.caseId;
    const before = this.appending.get(chain) ?? Promise.resolve();
    const mine = before.then(() => this.appendAuditNow(entry));
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    this.appending.set(chain, settled);
    void settled.then(() => {
      if (this.appending.get(chain) === settled) this.appending.delete(chain);
    });
    return mine;
  }

  private async appendAuditNow(entry: AuditEntry): Promise<'created' | 'exists'> {
    const chain = entry.caseId;
    const dup = await this.auditQuery<{ id: string }>('SELECT c.id FROM c WHERE c.caseId = @c AND c.type = "entry" AND c.entryId = @e', [
      { name: '@c', value: chain },
      { name: '@e', value: entry.id },
    ]);
    if (dup.length > 0) return 'exists';
    let head = await this.auditHead(chain);
    for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
      const r = sealNext(sha256Hex, head, chain, entry);
      const item: AuditItem = {
        id: auditItemId(r.seq),
        caseId: chain,
        type: 'entry',
        seq: r.seq,
        entryId: entry.id,
        at: entry.at,
        prevHash: r.prevHash,
        hash: r.hash,
        entry,
      };
      try {
        await this.audit.items.create(item);
        return 'created';
      } catch (e) {
        if (statusOf(e) !== 409) throw CosmosStoreError.wrap('audit append', e);
      }
      const winner = await this.readAuditItem(chain, r.seq);
      if (winner?.entryId === entry.id) return 'exists';
      // Another process is appending too: jump to the current head (not just one further), after a jitter.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * (attempt + 1))));
      head = await this.auditHead(chain);
    }
    throw new Error(`appendAudit: too much contention on chain ${chain}`);
  }

  private async auditHead(chain: string): Promise<{ seq: number; hash: string } | null> {
    const [top] = await this.auditQuery<{ seq: number; hash: string }>(
      'SELECT TOP 1 c.seq, c.hash FROM c WHERE c.caseId = @c AND c.type = "entry" ORDER BY c.seq DESC',
      [{ name: '@c', value: chain }],
    );
    if (top) return top;
    const anchor = await this.auditAnchor(chain);
    return anchor ? { seq: anchor.upToSeq, hash: anchor.hash } : null;
  }

  private async readAuditItem(chain: string, seq: number): Promise<AuditItem | null> {
    try {
      const res = await this.audit.item(auditItemId(seq), chain).read<AuditItem>();
      return res.statusCode === 404 || !res.resource ? null : res.resource;
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw CosmosStoreError.wrap('audit read', e);
    }
  }

  async readAudit(chain: string, options: { afterSeq?: number; limit?: number } = {}): Promise<AuditRecord[]> {
    const parameters: SqlParameter[] = [
      { name: '@c', value: chain },
      { name: '@after', value: options.afterSeq ?? 0 },
    ];
    const top = options.limit !== undefined ? 'TOP @limit ' : '';
    if (options.limit !== undefined) parameters.push({ name: '@limit', value: options.limit });
    const items = await this.auditQuery<AuditItem>(
      `SELECT ${top}${AUDIT_SELECT} FROM c WHERE c.caseId = @c AND c.type = "entry" AND c.seq > @after ORDER BY c.seq`,
      parameters,
    );
    return items.map(toAuditRecord);
  }

  async auditChains(prefix?: string): Promise<string[]> {
    const parameters: SqlParameter[] = [];
    let where = '';
    if (prefix !== undefined) {
      where = ' WHERE c.caseId >= @p AND c.caseId < @end';
      parameters.push({ name: '@p', value: prefix }, { name: '@end', value: `${prefix}\uffff` });
    }
    const rows = await this.auditQuery<{ caseId: string }>(`SELECT c.caseId FROM c${where}`, parameters);
    return [...new Set(rows.map((r) => r.caseId))].sort();
  }

  async auditBetween(from: string, to: string, options: { limit?: number } = {}): Promise<AuditRecord[]> {
    const parameters: SqlParameter[] = [
      { name: '@from', value: from },
      { name: '@to', value: to },
    ];
    const top = options.limit !== undefined ? 'TOP @limit ' : '';
    if (options.limit !== undefined) parameters.push({ name: '@limit', value: options.limit });
    const items = await this.auditQuery<AuditItem>(
      `SELECT ${top}${AUDIT_SELECT} FROM c WHERE c.type = "entry" AND c.entry.at >= @from AND c.entry.at < @to ORDER BY c.entry.at`,
      parameters,
    );
    // Ties on `at` across partitions come back in any order: make them deterministic like SQLite.
    return items
      .map(toAuditRecord)
      .sort((a, b) =>
        a.entry.at !== b.entry.at ? (a.entry.at < b.entry.at ? -1 : 1) : a.chain !== b.chain ? (a.chain < b.chain ? -1 : 1) : a.seq - b.seq,
      );
  }

  async auditAnchor(chain: string): Promise<AuditAnchor | null> {
    try {
      const res = await this.audit.item(ANCHOR_ID, chain).read<AnchorItem>();
      const a = res.resource;
      return res.statusCode === 404 || !a ? null : { chain: a.caseId, upToSeq: a.upToSeq, hash: a.hash, at: a.at };
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw CosmosStoreError.wrap('audit anchor read', e);
    }
  }

  /** Anchor first, then delete: after a crash in between, readers start after the anchor and a re-run finishes. */
  async expireAudit(chain: string, upToSeq: number, at: string): Promise<number> {
    const anchor = await this.auditAnchor(chain);
    if (!anchor || anchor.upToSeq < upToSeq) {
      const [last] = await this.auditQuery<{ hash: string }>(
        'SELECT c.hash FROM c WHERE c.caseId = @c AND c.type = "entry" AND c.seq = @s',
        [
          { name: '@c', value: chain },
          { name: '@s', value: upToSeq },
        ],
      );
      if (!last) throw new Error(`expireAudit: ${chain} has no entry ${upToSeq}`);
      const item: AnchorItem = { id: ANCHOR_ID, caseId: chain, type: 'anchor', upToSeq, hash: last.hash, at };
      try {
        await this.audit.items.upsert(item);
      } catch (e) {
        throw CosmosStoreError.wrap('audit anchor write', e);
      }
    }
    const limit = Math.max(anchor?.upToSeq ?? 0, upToSeq);
    const ids = await this.auditQuery<{ id: string }>('SELECT c.id FROM c WHERE c.caseId = @c AND c.type = "entry" AND c.seq <= @s', [
      { name: '@c', value: chain },
      { name: '@s', value: limit },
    ]);
    for (const { id } of ids) await this.deleteItem(this.audit, chain, id, 'audit expire');
    return ids.length;
  }

  async auditChainsWithEntriesBefore(before: string, limit: number): Promise<string[]> {
    const rows = await this.auditQuery<{ caseId: string }>('SELECT c.caseId FROM c WHERE c.type = "entry" AND c.entry.at < @b', [
      { name: '@b', value: before },
    ]);
    return [...new Set(rows.map((r) => r.caseId))].sort().slice(0, limit);
  }

  async deletePartition(pk: string): Promise<number> {
    let ids: { id: string }[];
    try {
      ({ resources: ids } = await this.container.items
        .query<{ id: string }>(
          { query: 'SELECT c.id FROM c WHERE c.caseId = @pk', parameters: [{ name: '@pk', value: pk }] },
          { partitionKey: pk },
        )
        .fetchAll());
    } catch (e) {
      throw CosmosStoreError.wrap('query', e);
    }
    for (const { id } of ids) await this.deleteItem(this.container, pk, id, 'delete');
    return ids.length;
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  private async deleteItem(container: Container, pk: string, id: string, operation: string): Promise<void> {
    try {
      await container.item(id, pk).delete();
    } catch (e) {
      if (statusOf(e) !== 404) throw CosmosStoreError.wrap(operation, e);
    }
  }

  private async auditQuery<T>(query: string, parameters: SqlParameter[]): Promise<T[]> {
    try {
      const { resources } = await this.audit.items.query<T>({ query, parameters }).fetchAll();
      return resources;
    } catch (e) {
      throw CosmosStoreError.wrap('audit query', e);
    }
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
