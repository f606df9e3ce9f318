import type Database from 'better-sqlite3-multiple-ciphers';
import type { DocKind } from '../docstore';
import type { Param, Row, Statements } from './connection';
import type { WriteCall } from './writes';

/**
 * The document reads of the SQLite store as plain messages, run where the writes run (on the store
 * thread for a file, docs/decisions.md §76). There, the reads share the writer's connection and so its
 * page cache: a second connection's cache is dropped after every write of another (SQLite's WAL rule),
 * which made each read on the main thread cost twice as much while the thread wrote.
 *
 * The answer is one JSON text of the documents: the stored bodies are JSON already and are spliced in
 * as they are, so the receiver parses once and nothing is encoded twice.
 */
export type ReadCall =
  | { op: 'get'; pk: string; id: string }
  | { op: 'listPartition'; pk: string; kind: DocKind }
  | { op: 'readPartition'; pk: string }
  /** Both lists as JSON arrays (one prepared statement whatever their length). */
  | { op: 'readPartitions'; pks: string; kinds: string }
  /** A query built by SqliteDocStore.buildQuery (from code, never from input). */
  | { op: 'query'; sql: string; params: Param[] };

/** Whatever the store sends to where its reads and writes run; `isRead` tells the two apart. */
export type StoreCall = ReadCall | WriteCall;

export const isRead = (call: { op: string }): call is ReadCall => READ_OPS.has(call.op);
const READ_OPS = new Set(['get', 'listPartition', 'readPartition', 'readPartitions', 'query']);

const rowJson = (r: Row): string =>
  `{"pk":${JSON.stringify(r.pk)},"id":${JSON.stringify(r.id)},"kind":${JSON.stringify(r.kind)},"body":${r.body},"etag":${JSON.stringify(r.etag)}}`;
const rowsJson = (rows: Row[]): string => `[${rows.map(rowJson).join(',')}]`;

export class SyncReads {
  private readonly queries = new Map<string, Database.Statement<Param[], Row>>();

  constructor(
    private readonly db: Database.Database,
    private readonly s: Statements,
  ) {}

  /** JSON of a Stored document (or null) for 'get', of a Stored[] otherwise. */
  run(call: ReadCall): string {
    switch (call.op) {
      case 'get': {
        const row = this.s.get.get(call.pk, call.id);
        return row ? rowJson(row) : 'null';
      }
      case 'listPartition':
        return rowsJson(this.s.list.all(call.pk, call.kind));
      case 'readPartition':
        return rowsJson(this.s.partition.all(call.pk));
      case 'readPartitions':
        return rowsJson(this.s.partitions.all(call.pks, call.kinds));
      case 'query':
        return rowsJson(this.prepared(call.sql).all(...call.params));
    }
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
