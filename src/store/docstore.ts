/**
 * The primitive document store both adapters implement (SQLite and Cosmos DB).
 * Documents live in partitions (pk = case id, or a reserved "_…" key for non-case data).
 * Everything the app needs is built on these operations in `repository.ts`, so the
 * contract suite can hold both adapters to exactly the same behaviour.
 */
export type DocKind =
  | 'case'
  | 'contribution'
  | 'vote'
  | 'audit'
  | 'cardref'
  | 'convref'
  | 'job'
  | 'escalation'
  | 'vtconsult'
  | 'vtoverride'
  | 'advice'
  | 'personidx';

export interface Stored<T = unknown> {
  pk: string;
  id: string;
  kind: DocKind;
  body: T;
  /** Opaque version tag; changes on every write. */
  etag: string;
}

export type NewDoc<T = unknown> = Omit<Stored<T>, 'etag'>;

/**
 * Conditions for cross-partition queries on top-level fields of `body`. Both adapters compare only
 * values of the same JSON type (a number never equals the string '4'; true never equals 1).
 */
export interface Condition {
  field: string;
  op: '=' | '<=' | '<' | '>=' | '>';
  value: string | number | boolean;
}

export interface QueryOptions {
  /** Field of `body` to sort ascending by; documents without it are left out; ties are unordered. */
  orderBy?: string;
  /** An integer ≥ 1. */
  limit?: number;
}

export type WriteOp = { op: 'insert'; doc: NewDoc } | { op: 'upsert'; doc: NewDoc } | { op: 'replace'; doc: NewDoc; ifMatch: string };

export type WriteResult = 'created' | 'exists' | 'written';

export class PreconditionFailedError extends Error {
  constructor(
    readonly pk: string,
    readonly id: string,
  ) {
    super(`precondition failed for ${pk}/${id}`);
    this.name = 'PreconditionFailedError';
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly pk: string,
    readonly id: string,
  ) {
    super(`not found: ${pk}/${id}`);
    this.name = 'NotFoundError';
  }
}

export interface DocStore {
  readonly name: 'sqlite' | 'cosmos';
  get<T>(pk: string, id: string): Promise<Stored<T> | null>;
  /** Insert if absent: 'exists' when a document with that pk/id is already there (it is left untouched). */
  insert<T>(doc: NewDoc<T>): Promise<'created' | 'exists'>;
  upsert<T>(doc: NewDoc<T>): Promise<Stored<T>>;
  /** Replace only if the stored etag equals ifMatch, else PreconditionFailedError (NotFoundError if gone). */
  replace<T>(doc: NewDoc<T>, ifMatch: string): Promise<Stored<T>>;
  /** Deleting a missing document does nothing. Ids may be any string (adapters escape as needed). */
  delete(pk: string, id: string): Promise<void>;
  /** All documents of one kind in one partition, ordered by id. */
  listPartition<T>(pk: string, kind: DocKind): Promise<Stored<T>[]>;
  /** Cross-partition query on one kind. */
  query<T>(kind: DocKind, where: Condition[], options?: QueryOptions): Promise<Stored<T>[]>;
  /**
   * Several writes to ONE partition. SQLite applies them in one transaction. Cosmos applies them in
   * order (the emulator has no transactional batch); every op the app sends is idempotent, so a
   * retry after a partial failure completes the same state. Returns one result per op.
   */
  commit(ops: WriteOp[]): Promise<WriteResult[]>;
  close(): Promise<void>;
}
