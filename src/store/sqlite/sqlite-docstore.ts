import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
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
import type { AuditEntry } from '../../domain/audit';
import { sealNext, type AuditAnchor, type AuditRecord } from '../../domain/audit-chain';
import { sha256Hex } from '../audit-hash';
import { checkOnePartition, checkQuery } from '../guards';
import { isMetaField, metaOf } from './meta';
import { migrate } from './schema';
import { WalSync } from './wal-sync';

interface AuditRow {
  chain: string;
  seq: number;
  prev_hash: string;
  hash: string;
  body: string;
}
const AUDIT_COLS = 'chain, seq, prev_hash, hash, body';
const toRecord = (r: AuditRow): AuditRecord => ({
  chain: r.chain,
  seq: r.seq,
  prevHash: r.prev_hash,
  hash: r.hash,
  entry: JSON.parse(r.body) as AuditEntry,
});

interface Row {
  pk: string;
  id: string;
  kind: DocKind;
  body: string;
  etag: string;
}
type Param = string | number;

const COLS = 'pk, id, kind, body, etag';
/** Conditions are typed like Cosmos: a string never equals or orders against a number (json_type guard). */
function jsonTypes(value: Condition['value']): string {
  if (typeof value === 'string') return `'text'`;
  return typeof value === 'number' ? `'integer', 'real'` : `'true', 'false'`;
}
/** Several processes may share the file: wait this long for a write lock instead of failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

const toJson = (body: unknown): string => {
  const json = JSON.stringify(body);
  if (json === undefined) throw new TypeError('document body is not JSON-serialisable');
  return json;
};
const toStored = <T>(r: Row): Stored<T> => ({ pk: r.pk, id: r.id, kind: r.kind, body: JSON.parse(r.body) as T, etag: r.etag });
const path = (field: string): string => `'$.${field}'`; // field passed checkField, so it cannot break the literal

function prepareStatements(db: Database.Database) {
  return {
    get: db.prepare<[string, string], Row>(`SELECT ${COLS} FROM docs WHERE pk = ? AND id = ?`),
    exists: db.prepare<[string, string], { one: number }>(`SELECT 1 AS one FROM docs WHERE pk = ? AND id = ?`),
    insert: db.prepare<[string, string, string, string, string, string | null]>(
      `INSERT INTO docs (${COLS}, meta) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (pk, id) DO NOTHING`,
    ),
    upsert: db.prepare<[string, string, string, string, string, string | null]>(
      `INSERT INTO docs (${COLS}, meta) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (pk, id) DO UPDATE SET kind = excluded.kind, body = excluded.body, etag = excluded.etag, meta = excluded.meta`,
    ),
    // The usual replace: same kind, indexed fields unchanged (meta IS the stored one). Neither kind nor
    // meta is in the SET list, so SQLite leaves every index alone (schema v6, docs/decisions.md §75).
    replaceBody: db.prepare<[string, string, string, string, string, string, string | null]>(
      `UPDATE docs SET body = ?, etag = ? WHERE pk = ? AND id = ? AND etag = ? AND kind = ? AND meta IS ?`,
    ),
    replace: db.prepare<[string, string, string, string | null, string, string, string]>(
      `UPDATE docs SET kind = ?, body = ?, etag = ?, meta = ? WHERE pk = ? AND id = ? AND etag = ?`,
    ),
    delete: db.prepare<[string, string]>(`DELETE FROM docs WHERE pk = ? AND id = ?`),
    list: db.prepare<[string, string], Row>(`SELECT ${COLS} FROM docs WHERE pk = ? AND kind = ? ORDER BY id`),
    partition: db.prepare<[string], Row>(`SELECT ${COLS} FROM docs WHERE pk = ? ORDER BY kind, id`),
    // Both lists as JSON arrays: one prepared statement whatever their length; the pk list drives
    // primary-key lookups (pk is the key's first column).
    partitions: db.prepare<[string, string], Row>(
      `SELECT ${COLS} FROM docs WHERE pk IN (SELECT value FROM json_each(?)) AND kind IN (SELECT value FROM json_each(?)) ORDER BY pk, kind, id`,
    ),
    deletePartition: db.prepare<[string]>(`DELETE FROM docs WHERE pk = ?`),
    auditHead: db.prepare<[string], { seq: number; hash: string }>(`SELECT seq, hash FROM audit WHERE chain = ? ORDER BY seq DESC LIMIT 1`),
    auditHas: db.prepare<[string, string], { one: number }>(`SELECT 1 AS one FROM audit WHERE chain = ? AND entry_id = ?`),
    auditInsert: db.prepare<[string, number, string, string, string, string, string]>(
      `INSERT INTO audit (chain, seq, entry_id, at, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    auditRead: db.prepare<[string, number, number], AuditRow>(
      `SELECT ${AUDIT_COLS} FROM audit WHERE chain = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    auditBetween: db.prepare<[string, string, number], AuditRow>(
      `SELECT ${AUDIT_COLS} FROM audit WHERE at >= ? AND at < ? ORDER BY at, chain, seq LIMIT ?`,
    ),
    auditChains: db.prepare<[], { chain: string }>(
      `SELECT chain FROM audit GROUP BY chain UNION SELECT chain FROM audit_anchor ORDER BY chain`,
    ),
    anchorGet: db.prepare<[string], { chain: string; up_to_seq: number; hash: string; at: string }>(
      `SELECT chain, up_to_seq, hash, at FROM audit_anchor WHERE chain = ?`,
    ),
    anchorPut: db.prepare<[string, number, string, string]>(
      `INSERT INTO audit_anchor (chain, up_to_seq, hash, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (chain) DO UPDATE SET up_to_seq = excluded.up_to_seq, hash = excluded.hash, at = excluded.at`,
    ),
    auditHashAt: db.prepare<[string, number], { hash: string }>(`SELECT hash FROM audit WHERE chain = ? AND seq = ?`),
    auditExpire: db.prepare<[string, number]>(`DELETE FROM audit WHERE chain = ? AND seq <= ?`),
    auditOldChains: db.prepare<[string, number], { chain: string }>(`SELECT DISTINCT chain FROM audit WHERE at < ? ORDER BY chain LIMIT ?`),
  };
}
type Statements = ReturnType<typeof prepareStatements>;

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
/** ChaCha20-Poly1305 (SQLite3 Multiple Ciphers' default, set explicitly): every page encrypted and authenticated; see docs/decisions.md. */
const CIPHER = 'chacha20';
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Thrown when the store cannot be opened with the configured key; the message names the variable, never the key. */
export class StoreKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreKeyError';
  }
}

/** Owner-only folder and file, created (or tightened) before SQLite opens the file. */
function restrictFiles(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
  closeSync(openSync(file, 'a', FILE_MODE)); // creates it 0600 if absent; never truncates
  chmodSync(file, FILE_MODE);
  for (const extra of ['-wal', '-shm']) if (existsSync(file + extra)) chmodSync(file + extra, FILE_MODE);
}

function isPlaintextSqlite(file: string): boolean {
  const head = Buffer.alloc(PLAIN_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * The cipher and key come before any other statement. A wrong key is found by the first read; it
 * stops the start with a clear message and leaves the file untouched (no re-creation, no data loss).
 */
function applyKey(db: Database.Database, file: string, key: string): void {
  if (key.length === 0) throw new StoreKeyError('STORE_ENCRYPTION_KEY is empty');
  db.pragma(`cipher = '${CIPHER}'`);
  db.key(Buffer.from(key, 'utf8')); // a Buffer: the secret never becomes part of an SQL string
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'SQLITE_NOTADB') throw e;
    throw new StoreKeyError(
      isPlaintextSqlite(file)
        ? `${file} is an unencrypted SQLite database (from a build before encryption at rest); ` +
            'encrypt it once with `npm run encrypt-store` (uses STORE_ENCRYPTION_KEY), or move it away to start empty'
        : `STORE_ENCRYPTION_KEY does not open ${file} (wrong key, or not a database of this product); the file was left untouched`,
    );
  }
}

/**
 * One-off migration: encrypts an existing unencrypted database in place with the key. Rekeying needs a
 * rollback journal, so the file leaves WAL mode first (the next open switches it back).
 */
export function encryptPlaintextDatabase(file: string, key: string): 'encrypted' | 'already-encrypted' {
  if (!isPlaintextSqlite(file)) return 'already-encrypted';
  restrictFiles(file);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`cipher = '${CIPHER}'`);
    db.rekey(Buffer.from(key, 'utf8'));
  } finally {
    db.close();
  }
  return 'encrypted';
}

/**
 * How a commit becomes durable (docs/decisions.md §24):
 *  - 'group' (default): synchronous=NORMAL, and every write resolves after a group fsync of the WAL on
 *    libuv's thread pool (src/store/sqlite/wal-sync.ts): acknowledged = on disk, no fsync on the event loop;
 *  - 'full': synchronous=FULL, SQLite fsyncs the WAL inside every commit, on the event loop;
 *  - 'normal': synchronous=NORMAL without the fsync: a power loss or OS crash can lose the commits
 *    since the last checkpoint (never corrupts); only for measuring.
 */
export type SqliteDurability = 'group' | 'full' | 'normal';
export interface SqliteOpenOptions {
  durability?: SqliteDurability;
}

export class SqliteDocStore implements DocStore {
  readonly name = 'sqlite';
  private readonly queries = new Map<string, Database.Statement<Param[], Row>>();
  private readonly s: Statements;

  private constructor(
    private readonly db: Database.Database,
    private readonly wal: WalSync | undefined,
  ) {
    this.s = prepareStatements(db);
  }

  /** fsyncs of the WAL and the writes that waited for them (durability 'group'), for the bench and tests. */
  get walSyncStats(): { syncs: number; writes: number } | undefined {
    return this.wal ? { ...this.wal.stats } : undefined;
  }

  /** After a write transaction: resolves once it is on disk (durability 'group'); at once otherwise. */
  private durable<T>(result: T): Promise<T> | T {
    return this.wal ? this.wal.durable().then(() => result) : result;
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
    // Every acknowledged write (intake, vote, audit entry) survives a power cut or OS crash: with 'group'
    // because each write waits for an fsync of the WAL made after it (off the event loop, shared by the
    // writes that arrive meanwhile); with 'full' because SQLite fsyncs inside the commit. See §24.
    const durability = opts.durability ?? 'group';
    db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    migrate(db);
    return new SqliteDocStore(db, onDisk && durability === 'group' ? new WalSync(file) : undefined);
  }

  async get<T>(pk: string, id: string): Promise<Stored<T> | null> {
    const row = this.s.get.get(pk, id);
    return row ? toStored<T>(row) : null;
  }

  async insert<T>(doc: NewDoc<T>): Promise<'created' | 'exists'> {
    return this.durable(this.insertSync(doc));
  }

  async upsert<T>(doc: NewDoc<T>): Promise<Stored<T>> {
    return this.durable(this.upsertSync(doc));
  }

  async replace<T>(doc: NewDoc<T>, ifMatch: string): Promise<Stored<T>> {
    return this.durable(this.replaceSync(doc, ifMatch));
  }

  async delete(pk: string, id: string): Promise<void> {
    this.s.delete.run(pk, id);
    await this.durable(undefined);
  }

  async listPartition<T>(pk: string, kind: DocKind): Promise<Stored<T>[]> {
    return this.s.list.all(pk, kind).map((r) => toStored<T>(r));
  }

  async readPartition(pk: string): Promise<Stored[]> {
    return this.s.partition.all(pk).map((r) => toStored(r));
  }

  async readPartitions(pks: readonly string[], kinds: readonly DocKind[]): Promise<Stored[]> {
    if (pks.length === 0 || kinds.length === 0) return [];
    return this.s.partitions.all(JSON.stringify([...new Set(pks)]), JSON.stringify([...new Set(kinds)])).map((r) => toStored(r));
  }

  async query<T>(kind: DocKind, where: Condition[], options: QueryOptions = {}): Promise<Stored<T>[]> {
    const { sql, params } = this.buildQuery(kind, where, options);
    return this.prepared(sql)
      .all(...params)
      .map((r) => toStored<T>(r));
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
    const results = this.db
      .transaction((list: WriteOp[]): WriteResult[] =>
        list.map((o) => {
          if (o.op === 'audit') return this.appendAuditSync(o.entry);
          if (o.op === 'insert') return this.insertSync(o.doc);
          if (o.op === 'upsert') this.upsertSync(o.doc);
          else this.replaceSync(o.doc, o.ifMatch);
          return 'written';
        }),
      )
      .immediate(ops);
    return this.durable(results);
  }

  /**
   * Bulk loading only (bench seeding, import tools): insert-if-absent of many documents of ANY
   * partitions in one transaction (one fsync instead of one per document). Not on the DocStore port:
   * the app commits per partition. Returns how many were created.
   */
  insertMany(docs: readonly NewDoc[]): number {
    return this.db.transaction((list: readonly NewDoc[]) => list.filter((d) => this.insertSync(d) === 'created').length).immediate(docs);
  }

  async appendAudit(entry: AuditEntry): Promise<'created' | 'exists'> {
    return this.durable(this.db.transaction(() => this.appendAuditSync(entry)).immediate());
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
    const expired = this.db
      .transaction((): number => {
        const anchor = this.s.anchorGet.get(chain);
        if (anchor && anchor.up_to_seq >= upToSeq) return 0;
        const last = this.s.auditHashAt.get(chain, upToSeq);
        if (!last) throw new Error(`expireAudit: ${chain} has no entry ${upToSeq}`);
        this.s.anchorPut.run(chain, upToSeq, last.hash, at);
        return this.s.auditExpire.run(chain, upToSeq).changes;
      })
      .immediate();
    return this.durable(expired);
  }

  async auditChainsWithEntriesBefore(before: string, limit: number): Promise<string[]> {
    return this.s.auditOldChains.all(before, limit).map((r) => r.chain);
  }

  async deletePartition(pk: string): Promise<number> {
    return this.durable(this.s.deletePartition.run(pk).changes);
  }

  async close(): Promise<void> {
    await this.wal?.close();
    if (this.db.open) this.db.close();
  }

  /** Inside a transaction (IMMEDIATE: one writer at a time), so seq = last + 1 cannot race. */
  private appendAuditSync(entry: AuditEntry): 'created' | 'exists' {
    const chain = entry.caseId;
    if (this.s.auditHas.get(chain, entry.id)) return 'exists';
    const head = this.s.auditHead.get(chain) ?? this.anchorHead(chain);
    const r = sealNext(sha256Hex, head, chain, entry);
    this.s.auditInsert.run(chain, r.seq, entry.id, entry.at, r.prevHash, r.hash, toJson(entry));
    return 'created';
  }

  private anchorHead(chain: string): { seq: number; hash: string } | null {
    const a = this.s.anchorGet.get(chain);
    return a ? { seq: a.up_to_seq, hash: a.hash } : null;
  }

  private insertSync(doc: NewDoc): 'created' | 'exists' {
    const { changes } = this.s.insert.run(doc.pk, doc.id, doc.kind, toJson(doc.body), randomUUID(), metaOf(doc.kind, doc.body));
    return changes === 1 ? 'created' : 'exists';
  }

  private upsertSync<T>(doc: NewDoc<T>): Stored<T> {
    const row: Row = { pk: doc.pk, id: doc.id, kind: doc.kind, body: toJson(doc.body), etag: randomUUID() };
    this.s.upsert.run(row.pk, row.id, row.kind, row.body, row.etag, metaOf(doc.kind, doc.body));
    return toStored<T>(row);
  }

  private replaceSync<T>(doc: NewDoc<T>, ifMatch: string): Stored<T> {
    const row: Row = { pk: doc.pk, id: doc.id, kind: doc.kind, body: toJson(doc.body), etag: randomUUID() };
    const meta = metaOf(doc.kind, doc.body);
    if (this.s.replaceBody.run(row.body, row.etag, row.pk, row.id, ifMatch, row.kind, meta).changes === 1) return toStored<T>(row);
    if (this.s.replace.run(row.kind, row.body, row.etag, meta, row.pk, row.id, ifMatch).changes === 1) return toStored<T>(row);
    throw this.s.exists.get(doc.pk, doc.id) ? new PreconditionFailedError(doc.pk, doc.id) : new NotFoundError(doc.pk, doc.id);
  }

  /** Query shapes come from code (a handful), so caching their statements is bounded. */
  private prepared(sql: string): Database.Statement<Param[], Row> {
    let stmt = this.queries.get(sql);
    if (!stmt) {
      stmt = this.db.prepare<Param[], Row>(sql);
      this.queries.set(sql, stmt);
    }
    return stmt;
  }
}
