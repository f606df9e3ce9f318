import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { DocKind, Stored } from '../docstore';
import type { AuditEntry } from '../../domain/audit';
import type { AuditRecord } from '../../domain/audit-chain';

/** The SQLite connection's parts shared by the store (main thread) and its store thread (store-worker.ts). */

export interface AuditRow {
  chain: string;
  seq: number;
  prev_hash: string;
  hash: string;
  body: string;
}
export const AUDIT_COLS = 'chain, seq, prev_hash, hash, body';
export const toRecord = (r: AuditRow): AuditRecord => ({
  chain: r.chain,
  seq: r.seq,
  prevHash: r.prev_hash,
  hash: r.hash,
  entry: JSON.parse(r.body) as AuditEntry,
});

export interface Row {
  pk: string;
  id: string;
  kind: DocKind;
  body: string;
  etag: string;
}
export type Param = string | number;

export const COLS = 'pk, id, kind, body, etag';
/** Several processes may share the file: wait this long for a write lock instead of failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

export const toJson = (body: unknown): string => {
  const json = JSON.stringify(body);
  if (json === undefined) throw new TypeError('document body is not JSON-serialisable');
  return json;
};
export const toStored = <T>(r: Row): Stored<T> => ({ pk: r.pk, id: r.id, kind: r.kind, body: JSON.parse(r.body) as T, etag: r.etag });

export function prepareStatements(db: Database.Database) {
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
export type Statements = ReturnType<typeof prepareStatements>;

const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;
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
export function restrictFiles(file: string): void {
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
export function applyKey(db: Database.Database, file: string, key: string): void {
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
