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
import { checkOnePartition, checkQuery } from '../guards';
import { migrate } from './schema';

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
    insert: db.prepare<[string, string, string, string, string]>(
      `INSERT INTO docs (${COLS}) VALUES (?, ?, ?, ?, ?) ON CONFLICT (pk, id) DO NOTHING`,
    ),
    upsert: db.prepare<[string, string, string, string, string]>(
      `INSERT INTO docs (${COLS}) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (pk, id) DO UPDATE SET kind = excluded.kind, body = excluded.body, etag = excluded.etag`,
    ),
    replace: db.prepare<[string, string, string, string, string, string]>(
      `UPDATE docs SET kind = ?, body = ?, etag = ? WHERE pk = ? AND id = ? AND etag = ?`,
    ),
    delete: db.prepare<[string, string]>(`DELETE FROM docs WHERE pk = ? AND id = ?`),
    list: db.prepare<[string, string], Row>(`SELECT ${COLS} FROM docs WHERE pk = ? AND kind = ? ORDER BY id`),
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

export class SqliteDocStore implements DocStore {
  readonly name = 'sqlite';
  private readonly queries = new Map<string, Database.Statement<Param[], Row>>();
  private readonly s: Statements;

  private constructor(private readonly db: Database.Database) {
    this.s = prepareStatements(db);
  }

  /**
   * Opens (creating if needed) an encrypted database file; ':memory:' for throwaway use (never
   * encrypted: nothing reaches the disk). The folder is made owner-only (0700) and the file 0600 before
   * SQLite touches it; SQLite gives the -wal and -shm files the database file's mode.
   */
  static open(file: string, key: string): SqliteDocStore {
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
    // FULL: every commit fsyncs the WAL, so an acknowledged intake, vote or audit entry survives a power
    // cut or OS crash too (NORMAL only survives an application crash). Write volume is low; durability wins.
    db.pragma('synchronous = FULL');
    migrate(db);
    return new SqliteDocStore(db);
  }

  async get<T>(pk: string, id: string): Promise<Stored<T> | null> {
    const row = this.s.get.get(pk, id);
    return row ? toStored<T>(row) : null;
  }

  async insert<T>(doc: NewDoc<T>): Promise<'created' | 'exists'> {
    return this.insertSync(doc);
  }

  async upsert<T>(doc: NewDoc<T>): Promise<Stored<T>> {
    return this.upsertSync(doc);
  }

  async replace<T>(doc: NewDoc<T>, ifMatch: string): Promise<Stored<T>> {
    return this.replaceSync(doc, ifMatch);
  }

  async delete(pk: string, id: string): Promise<void> {
    this.s.delete.run(pk, id);
  }

  async listPartition<T>(pk: string, kind: DocKind): Promise<Stored<T>[]> {
    return this.s.list.all(pk, kind).map((r) => toStored<T>(r));
  }

  async query<T>(kind: DocKind, where: Condition[], options: QueryOptions = {}): Promise<Stored<T>[]> {
    checkQuery(where, options);
    const terms = ['kind = ?'];
    const params: Param[] = [kind];
    for (const c of where) {
      const p = path(c.field);
      terms.push(`json_type(body, ${p}) IN (${jsonTypes(c.value)})`, `json_extract(body, ${p}) ${c.op} ?`);
      params.push(typeof c.value === 'boolean' ? Number(c.value) : c.value);
    }
    let order = '';
    if (options.orderBy !== undefined) {
      const p = path(options.orderBy);
      // Like Cosmos: documents without the sort field are left out. pk, id only make ties deterministic.
      terms.push(`json_type(body, ${p}) IS NOT NULL`);
      order = ` ORDER BY json_extract(body, ${p}), pk, id`;
    }
    let sql = `SELECT ${COLS} FROM docs WHERE ${terms.join(' AND ')}${order}`;
    if (options.limit !== undefined) {
      sql += ' LIMIT ?';
      params.push(options.limit);
    }
    return this.prepared(sql)
      .all(...params)
      .map((r) => toStored<T>(r));
  }

  /** One IMMEDIATE transaction: all or nothing; any failure (e.g. a stale ifMatch) rolls back every op. */
  async commit(ops: WriteOp[]): Promise<WriteResult[]> {
    checkOnePartition(ops);
    return this.db
      .transaction((list: WriteOp[]): WriteResult[] =>
        list.map((o) => {
          if (o.op === 'insert') return this.insertSync(o.doc);
          if (o.op === 'upsert') this.upsertSync(o.doc);
          else this.replaceSync(o.doc, o.ifMatch);
          return 'written';
        }),
      )
      .immediate(ops);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private insertSync(doc: NewDoc): 'created' | 'exists' {
    const { changes } = this.s.insert.run(doc.pk, doc.id, doc.kind, toJson(doc.body), randomUUID());
    return changes === 1 ? 'created' : 'exists';
  }

  private upsertSync<T>(doc: NewDoc<T>): Stored<T> {
    const row: Row = { pk: doc.pk, id: doc.id, kind: doc.kind, body: toJson(doc.body), etag: randomUUID() };
    this.s.upsert.run(row.pk, row.id, row.kind, row.body, row.etag);
    return toStored<T>(row);
  }

  private replaceSync<T>(doc: NewDoc<T>, ifMatch: string): Stored<T> {
    const row: Row = { pk: doc.pk, id: doc.id, kind: doc.kind, body: toJson(doc.body), etag: randomUUID() };
    if (this.s.replace.run(row.kind, row.body, row.etag, row.pk, row.id, ifMatch).changes === 1) return toStored<T>(row);
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
