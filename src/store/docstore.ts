import type { AuditEntry } from '../domain/audit';
import type { AuditAnchor, AuditRecord } from '../domain/audit-chain';

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
  | 'personidx'
  | 'purge'
  // verdieping (issue 14): all in the case partition, so the case bundle read gets them
  | 'phase'
  | 'reading'
  | 'safetyplan'
  | 'inforequest'
  | 'riskassessment'
  | 'measure'
  | 'involvement'
  /** One small row per case for the rapportage (no personal data), see report-store.ts. */
  | 'reportrow'
  /** A channel post in flight (src/store/post-marks.ts). */
  | 'postmark'
  /** Oude bekenden of a new case: counts, dates, decisions of earlier cases (src/app/report/returning.ts). */
  | 'returning';

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

/**
 * `audit` appends an entry to the hash chain of its partition (the chain is `entry.caseId`); it is
 * 'exists' when an entry with the same `entry.id` is already in that chain (deterministic ids dedupe).
 */
export type WriteOp =
  | { op: 'insert'; doc: NewDoc }
  | { op: 'upsert'; doc: NewDoc }
  | { op: 'replace'; doc: NewDoc; ifMatch: string }
  | { op: 'audit'; entry: AuditEntry };

/** The partition a write op targets. */
export const opPartition = (o: WriteOp): string => (o.op === 'audit' ? o.entry.caseId : o.doc.pk);

/** Stored order of multi-partition reads: pk, then kind, then id (plain string comparison, as SQLite's BINARY). */
export function byPkKindId(a: Pick<Stored, 'pk' | 'kind' | 'id'>, b: Pick<Stored, 'pk' | 'kind' | 'id'>): number {
  for (const k of ['pk', 'kind', 'id'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return 0;
}

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
  /** Every document of one partition, whatever its kind, ordered by kind then id: one query (a case's bundle). */
  readPartition(pk: string): Promise<Stored[]>;
  /**
   * The documents of the given kinds in SEVERAL partitions, in one round trip (SQLite: one statement;
   * Cosmos: one query per PARTITIONS_PER_QUERY keys), ordered by pk, kind, id. For read models that
   * need a few documents of many cases (the agenda); an empty list of keys or kinds reads nothing.
   */
  readPartitions(pks: readonly string[], kinds: readonly DocKind[]): Promise<Stored[]>;
  /** Cross-partition query on one kind. */
  query<T>(kind: DocKind, where: Condition[], options?: QueryOptions): Promise<Stored<T>[]>;
  /**
   * Several writes to ONE partition. SQLite applies them in one transaction. Cosmos applies them in
   * order (the emulator has no transactional batch); every op the app sends is idempotent, so a
   * retry after a partial failure completes the same state. Returns one result per op.
   */
  commit(ops: WriteOp[]): Promise<WriteResult[]>;

  // ---- the audit trail: its own table (SQLite, same file) / container (Cosmos, pk /caseId) ----

  /** Append to the chain `entry.caseId` (seq = last + 1, hash-linked); 'exists' if that entry id is there. */
  appendAudit(entry: AuditEntry): Promise<'created' | 'exists'>;
  /** One chain in seq order, from after `afterSeq` (default: the start), at most `limit` records. */
  readAudit(chain: string, options?: { afterSeq?: number; limit?: number }): Promise<AuditRecord[]>;
  /** Every chain that has entries or an anchor (sorted); with a prefix, only chains starting with it. */
  auditChains(prefix?: string): Promise<string[]>;
  /** Entries of every chain with from <= entry.at < to, ordered by `at` (then chain, seq). */
  auditBetween(from: string, to: string, options?: { limit?: number }): Promise<AuditRecord[]>;
  /** Where an expired head of the chain ended, if any part of it was expired. */
  auditAnchor(chain: string): Promise<AuditAnchor | null>;
  /**
   * Retention only: remove the entries of `chain` up to and including `upToSeq`, keeping an anchor
   * (that entry's seq and hash) so the rest of the chain still verifies. Returns how many were removed.
   */
  expireAudit(chain: string, upToSeq: number, at: string): Promise<number>;
  /** Chains whose oldest remaining entry is older than `before` (for the retention sweep). */
  auditChainsWithEntriesBefore(before: string, limit: number): Promise<string[]>;

  /** Delete every document of a partition (the purge of a case); the audit is not touched. Returns the count. */
  deletePartition(pk: string): Promise<number>;
  close(): Promise<void>;
}
