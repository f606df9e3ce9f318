import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Condition, DocKind, DocStore, NewDoc, QueryOptions, Stored, WriteOp, WriteResult } from '../docstore';
import type { AuditEntry } from '../../domain/audit';
import type { AuditAnchor, AuditRecord } from '../../domain/audit-chain';
import { checkOnePartition, checkQuery } from '../guards';
import {
  applyKey,
  BUSY_TIMEOUT_MS,
  COLS,
  FILE_MODE,
  prepareStatements,
  restrictFiles,
  toRecord,
  type Param,
  type Statements,
} from './connection';
import { isMetaField } from './meta';
import { migrate } from './schema';
import { WalSync } from './wal-sync';
import { isRead, SyncReads, type ReadCall, type StoreCall } from './reads';
import { StoreThread } from './store-thread';
import { SyncWrites, wireDoc, wireOp, type WireDoc, type WriteCall, type WriteValue } from './writes';

export { encryptPlaintextDatabase, StoreKeyError } from './connection';

/** Conditions are typed like Cosmos: a string never equals or orders against a number (json_type guard). */
function jsonTypes(value: Condition['value']): string {
  if (typeof value === 'string') return `'text'`;
  return typeof value === 'number' ? `'integer', 'real'` : `'true', 'false'`;
}
const path = (field: string): string => `'$.${field}'`; // field passed checkField, so it cannot break the literal

/**
 * How a commit becomes durable (docs/decisions.md §24, §76):
 *  - 'full' (default with the store thread): synchronous=FULL, SQLite fsyncs the WAL inside every
 *    commit: on the store thread, where the writes that waited meanwhile share one commit and its fsync;
 *  - 'group' (default inline): synchronous=NORMAL, and every write resolves after a group fsync of the
 *    WAL on libuv's thread pool (src/store/sqlite/wal-sync.ts): acknowledged = on disk, no fsync on the
 *    event loop;
 *  - 'normal': synchronous=NORMAL without the fsync: a power loss or OS crash can lose the commits
 *    since the last checkpoint (never corrupts); only for measuring.
 */
export type SqliteDurability = 'group' | 'full' | 'normal';
/**
 * Where the document reads and writes run (docs/decisions.md §76): 'thread' (default for a file) posts
 * them to the store's thread, whose own connection commits writes in groups and serves reads from a warm
 * page cache, beside the event loop; 'inline' runs them on the caller's thread (':memory:' always: a
 * second connection could not see it).
 */
export type SqliteAccess = 'thread' | 'inline';
export interface SqliteOpenOptions {
  durability?: SqliteDurability;
  access?: SqliteAccess;
}

export class SqliteDocStore implements DocStore {
  readonly name = 'sqlite';
  private readonly s: Statements;
  /** Writes on this (the main) connection: every write inline, bulk seeding (insertMany) with the thread too. */
  private readonly writes: SyncWrites;
  /** Every document read and write goes through here: to the store thread, or run at once on this connection. */
  private readonly run: (call: StoreCall) => Promise<WriteValue>;

  private constructor(
    private readonly db: Database.Database,
    private readonly wal: WalSync | undefined,
    private readonly thread: StoreThread | undefined,
  ) {
    this.s = prepareStatements(db);
    const writes = new SyncWrites(db, this.s);
    this.writes = writes;
    if (thread) this.run = (call) => thread.call(call);
    else {
      const reads = new SyncReads(db, this.s);
      this.run = async (call) => (isRead(call) ? reads.run(call) : writes.run(call));
    }
  }

  /** The store thread's traffic: calls and the messages they went in, writes and the transactions they shared (bench, tests). */
  get threadStats(): StoreThread['stats'] | undefined {
    return this.thread ? { ...this.thread.stats } : undefined;
  }

  /** Where the document reads and writes run (tests, bench). */
  get access(): SqliteAccess {
    return this.thread ? 'thread' : 'inline';
  }

  /** fsyncs of the WAL and the writes that waited for them (durability 'group'), for the bench and tests. */
  get walSyncStats(): { syncs: number; writes: number } | undefined {
    return this.wal ? { ...this.wal.stats } : undefined;
  }

  /** A write, resolved once it is on disk (durability 'group': after a WAL fsync that started after it). */
  private async durable(call: WriteCall): Promise<WriteValue> {
    const value = await this.run(call);
    if (this.wal) await this.wal.durable();
    return value;
  }

  /**
   * Opens (creating if needed) an encrypted database file; ':memory:' for throwaway use (never
   * encrypted: nothing reaches the disk). The folder is made owner-only (0700) and the file 0600 before
   * SQLite touches it; SQLite gives the -wal and -shm files the database file's mode.
   */
  static open(file: string, key: string, opts: SqliteOpenOptions = {}): SqliteDocStore {
    const onDisk = file !== ':memory:';
    if (onDisk) restrictFiles(file);
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    try {
      if (onDisk) applyKey(db, file, key);
      db.pragma('journal_mode = WAL'); // readers never block the writer; needed with several processes
    } catch (e) {
      db.close();
      throw e;
    }
    if (onDisk) for (const extra of ['-wal', '-shm']) if (existsSync(file + extra)) chmodSync(file + extra, FILE_MODE);
    // Every acknowledged write (intake, vote, audit entry) survives a power cut or OS crash: with 'full'
    // because SQLite fsyncs inside the commit (on the store thread: off the event loop, one fsync per
    // group of writes); with 'group' because each write waits for an fsync of the WAL made after it
    // (off the event loop, shared by the writes that arrive meanwhile). See §24 and §76.
    const threaded = onDisk && (opts.access ?? 'thread') === 'thread';
    const durability = opts.durability ?? (threaded ? 'full' : 'group');
    const synchronous = durability === 'full' ? 'FULL' : 'NORMAL';
    db.pragma(`synchronous = ${synchronous}`);
    migrate(db);
    const thread = threaded ? new StoreThread({ file, key, synchronous }) : undefined;
    return new SqliteDocStore(db, onDisk && durability === 'group' ? new WalSync(file) : undefined, thread);
  }

  async get<T>(pk: string, id: string): Promise<Stored<T> | null> {
    return this.read<Stored<T> | null>({ op: 'get', pk, id });
  }

  async insert<T>(doc: NewDoc<T>): Promise<'created' | 'exists'> {
    return (await this.durable({ op: 'insert', doc: wireDoc(doc) })) as 'created' | 'exists';
  }

  async upsert<T>(doc: NewDoc<T>): Promise<Stored<T>> {
    const w = wireDoc(doc);
    return storedOf<T>(w, (await this.durable({ op: 'upsert', doc: w })) as string);
  }

  async replace<T>(doc: NewDoc<T>, ifMatch: string): Promise<Stored<T>> {
    const w = wireDoc(doc);
    return storedOf<T>(w, (await this.durable({ op: 'replace', doc: w, ifMatch })) as string);
  }

  async delete(pk: string, id: string): Promise<void> {
    await this.durable({ op: 'delete', pk, id });
  }

  async listPartition<T>(pk: string, kind: DocKind): Promise<Stored<T>[]> {
    return this.read<Stored<T>[]>({ op: 'listPartition', pk, kind });
  }

  async readPartition(pk: string): Promise<Stored[]> {
    return this.read<Stored[]>({ op: 'readPartition', pk });
  }

  async readPartitions(pks: readonly string[], kinds: readonly DocKind[]): Promise<Stored[]> {
    if (pks.length === 0 || kinds.length === 0) return [];
    return this.read<Stored[]>({
      op: 'readPartitions',
      pks: JSON.stringify([...new Set(pks)]),
      kinds: JSON.stringify([...new Set(kinds)]),
    });
  }

  async query<T>(kind: DocKind, where: Condition[], options: QueryOptions = {}): Promise<Stored<T>[]> {
    const { sql, params } = this.buildQuery(kind, where, options);
    return this.read<Stored<T>[]>({ op: 'query', sql, params });
  }

  /** A read answers one JSON text of its documents (reads.ts): one parse, here. */
  private async read<T>(call: ReadCall): Promise<T> {
    return JSON.parse((await this.run(call)) as string) as T;
  }

  /** The indexes a document of `kind` is entered in (tests: a write maintains only these; schema v5). */
  indexesOf(kind: DocKind): string[] {
    return this.db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'docs' AND sql IS NOT NULL ORDER BY name",
      )
      .all()
      .filter((r) => {
        const only = /\bWHERE\s+kind\s*=\s*'([a-z_]+)'\s*$/i.exec(r.sql);
        return !only || only[1] === kind;
      })
      .map((r) => r.name);
  }

  /** SQLite's plan for `query(kind, where, options)` (tests prove that a query seeks an index, never scans). */
  explainQuery(kind: DocKind, where: Condition[], options: QueryOptions = {}): string[] {
    const { sql, params } = this.buildQuery(kind, where, options);
    return this.db
      .prepare<Param[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((r) => r.detail);
  }

  private buildQuery(kind: DocKind, where: Condition[], options: QueryOptions): { sql: string; params: Param[] } {
    checkQuery(where, options);
    // The kind as a literal, not a parameter: only then can the planner use the kind's partial indexes
    // (schema v5). Kinds are the DocKind names of this code, never input; checked all the same.
    if (!/^[a-z_]+$/.test(kind)) throw new Error('invalid document kind');
    const terms = [`kind = '${kind}'`];
    const params: Param[] = [];
    // Indexed fields are read from `meta` (where the indexes are), any other from `body` (schema v6).
    const col = (field: string): string => (isMetaField(kind, field) ? 'meta' : 'body');
    for (const c of where) {
      const p = path(c.field);
      const x = col(c.field);
      terms.push(`json_type(${x}, ${p}) IN (${jsonTypes(c.value)})`, `json_extract(${x}, ${p}) ${c.op} ?`);
      params.push(typeof c.value === 'boolean' ? Number(c.value) : c.value);
    }
    let order = '';
    if (options.orderBy !== undefined) {
      const p = path(options.orderBy);
      // Like Cosmos: documents without the sort field are left out. pk, id only make ties deterministic.
      const x = col(options.orderBy);
      terms.push(`json_type(${x}, ${p}) IS NOT NULL`);
      order = ` ORDER BY json_extract(${x}, ${p}), pk, id`;
    }
    let sql = `SELECT ${COLS} FROM docs WHERE ${terms.join(' AND ')}${order}`;
    if (options.limit !== undefined) {
      sql += ' LIMIT ?';
      params.push(options.limit);
    }
    return { sql, params };
  }

  /** One IMMEDIATE transaction: all or nothing; any failure (e.g. a stale ifMatch) rolls back every op. */
  async commit(ops: WriteOp[]): Promise<WriteResult[]> {
    checkOnePartition(ops);
    return (await this.durable({ op: 'commit', ops: ops.map(wireOp) })) as WriteResult[];
  }

  /**
   * Bulk loading only (bench seeding, import tools): insert-if-absent of many documents of ANY
   * partitions in one transaction (one fsync instead of one per document). Not on the DocStore port:
   * the app commits per partition. Returns how many were created.
   */
  insertMany(docs: readonly NewDoc[]): number {
    return this.db
      .transaction((list: readonly NewDoc[]) => list.filter((d) => this.writes.run({ op: 'insert', doc: wireDoc(d) }) === 'created').length)
      .immediate(docs);
  }

  async appendAudit(entry: AuditEntry): Promise<'created' | 'exists'> {
    return (await this.durable({ op: 'appendAudit', entry })) as 'created' | 'exists';
  }

  async readAudit(chain: string, options: { afterSeq?: number; limit?: number } = {}): Promise<AuditRecord[]> {
    return this.s.auditRead.all(chain, options.afterSeq ?? 0, options.limit ?? -1).map(toRecord);
  }

  async auditChains(prefix?: string): Promise<string[]> {
    const all = this.s.auditChains.all().map((r) => r.chain);
    return prefix === undefined ? all : all.filter((c) => c.startsWith(prefix));
  }

  async auditBetween(from: string, to: string, options: { limit?: number } = {}): Promise<AuditRecord[]> {
    return this.s.auditBetween.all(from, to, options.limit ?? -1).map(toRecord);
  }

  async auditAnchor(chain: string): Promise<AuditAnchor | null> {
    const r = this.s.anchorGet.get(chain);
    return r ? { chain: r.chain, upToSeq: r.up_to_seq, hash: r.hash, at: r.at } : null;
  }

  /** Anchor first (the delete trigger allows only rows behind an anchor), then delete, in one transaction. */
  async expireAudit(chain: string, upToSeq: number, at: string): Promise<number> {
    return (await this.durable({ op: 'expireAudit', chain, upToSeq, at })) as number;
  }

  async auditChainsWithEntriesBefore(before: string, limit: number): Promise<string[]> {
    return this.s.auditOldChains.all(before, limit).map((r) => r.chain);
  }

  async deletePartition(pk: string): Promise<number> {
    return (await this.durable({ op: 'deletePartition', pk })) as number;
  }

  async close(): Promise<void> {
    await this.thread?.close();
    await this.wal?.close();
    if (this.db.open) this.db.close();
  }
}

/** What upsert and replace answer: the document as written (its body parsed from the written JSON, not the caller's object). */
const storedOf = <T>(w: WireDoc, etag: string): Stored<T> => ({ pk: w.pk, id: w.id, kind: w.kind, body: JSON.parse(w.body) as T, etag });
