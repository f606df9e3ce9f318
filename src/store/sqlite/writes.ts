import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { NotFoundError, PreconditionFailedError, type DocKind, type NewDoc, type WriteOp, type WriteResult } from '../docstore';
import type { AuditEntry } from '../../domain/audit';
import { sealNext } from '../../domain/audit-chain';
import { sha256Hex } from '../audit-hash';
import { toJson, type Statements } from './connection';
import { metaOf } from './meta';

/**
 * Every write of the SQLite store as a plain message: run in process (SyncWrites.run) or posted to the
 * store thread (store-thread.ts), which runs the same code on its own connection. Bodies travel as the
 * JSON the row stores and `meta` is computed by the sender, so the thread parses nothing.
 */
export interface WireDoc {
  pk: string;
  id: string;
  kind: DocKind;
  body: string;
  meta: string | null;
}
export type WireOp =
  | { op: 'insert'; doc: WireDoc }
  | { op: 'upsert'; doc: WireDoc }
  | { op: 'replace'; doc: WireDoc; ifMatch: string }
  | { op: 'audit'; entry: AuditEntry };
export type WriteCall =
  | { op: 'commit'; ops: WireOp[] }
  | { op: 'insert'; doc: WireDoc }
  /** upsert and replace return the new etag. */
  | { op: 'upsert'; doc: WireDoc }
  | { op: 'replace'; doc: WireDoc; ifMatch: string }
  | { op: 'delete'; pk: string; id: string }
  | { op: 'appendAudit'; entry: AuditEntry }
  | { op: 'expireAudit'; chain: string; upToSeq: number; at: string }
  | { op: 'deletePartition'; pk: string };
export type WriteValue = WriteResult[] | WriteResult | string | number | null;

/** An error as it crosses the thread boundary: the store's own two kinds keep their type. */
export type WireError = { kind: 'precondition' | 'notfound'; pk: string; id: string } | { kind: 'error'; message: string; code?: string };
export type Answer = { ok: true; value: WriteValue } | { ok: false; error: WireError };

export const wireDoc = (doc: NewDoc): WireDoc => ({
  pk: doc.pk,
  id: doc.id,
  kind: doc.kind,
  body: toJson(doc.body),
  meta: metaOf(doc.kind, doc.body),
});
export const wireOp = (o: WriteOp): WireOp =>
  o.op === 'audit'
    ? o
    : o.op === 'replace'
      ? { op: 'replace', doc: wireDoc(o.doc), ifMatch: o.ifMatch }
      : { op: o.op, doc: wireDoc(o.doc) };

export function toWireError(e: unknown): WireError {
  if (e instanceof PreconditionFailedError) return { kind: 'precondition', pk: e.pk, id: e.id };
  if (e instanceof NotFoundError) return { kind: 'notfound', pk: e.pk, id: e.id };
  const code = (e as { code?: unknown }).code;
  return { kind: 'error', message: e instanceof Error ? e.message : String(e), ...(typeof code === 'string' ? { code } : {}) };
}
/** A call's outcome as it crosses the thread boundary: its value, or its error as a WireError. */
export function answerOf(run: () => WriteValue): Answer {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    return { ok: false, error: toWireError(e) };
  }
}

export function fromWireError(w: WireError): Error {
  if (w.kind === 'precondition') return new PreconditionFailedError(w.pk, w.id);
  if (w.kind === 'notfound') return new NotFoundError(w.pk, w.id);
  if (w.kind !== 'error') throw new TypeError('unknown write error');
  return Object.assign(new Error(w.message), w.code ? { code: w.code } : {});
}

export class SyncWrites {
  /** One call in a savepoint of the batch's transaction: a failing call undoes only its own writes. */
  private readonly inSavepoint: Database.Transaction<(call: WriteCall) => WriteValue>;
  private readonly commitOps: Database.Transaction<(ops: WireOp[]) => WriteResult[]>;
  private readonly appendOne: Database.Transaction<(entry: AuditEntry) => 'created' | 'exists'>;
  private readonly batch: Database.Transaction<(calls: readonly WriteCall[]) => Answer[]>;

  constructor(
    private readonly db: Database.Database,
    private readonly s: Statements,
  ) {
    this.inSavepoint = db.transaction((call: WriteCall) => this.run(call));
    this.commitOps = db.transaction((ops: WireOp[]) => ops.map((o) => this.one(o)));
    this.appendOne = db.transaction((entry: AuditEntry) => this.appendAudit(entry));
    this.batch = db.transaction((calls: readonly WriteCall[]) => calls.map((c) => answerOf(() => this.inSavepoint(c))));
  }

  run(call: WriteCall): WriteValue {
    switch (call.op) {
      case 'commit':
        // One IMMEDIATE transaction (a savepoint inside a batch): all or nothing.
        return this.commitOps.immediate(call.ops);
      case 'insert':
        return this.insert(call.doc);
      case 'upsert':
        return this.upsert(call.doc);
      case 'replace':
        return this.replace(call.doc, call.ifMatch);
      case 'delete':
        this.s.delete.run(call.pk, call.id);
        return null;
      case 'appendAudit':
        return this.appendOne.immediate(call.entry);
      case 'expireAudit':
        return this.expireAudit(call.chain, call.upToSeq, call.at);
      case 'deletePartition':
        return this.s.deletePartition.run(call.pk).changes;
    }
  }

  /**
   * Group commit (the store thread): the calls that waited while the thread was busy, in one
   * transaction, each in a savepoint of its own, so one stale ETag fails only its own call. One
   * transaction writes each touched page to the WAL once.
   */
  runBatch(calls: readonly WriteCall[]): Answer[] {
    if (calls.length === 1) return [answerOf(() => this.run(calls[0]))];
    return this.batch.immediate(calls);
  }

  private one(o: WireOp): WriteResult {
    if (o.op === 'audit') return this.appendAudit(o.entry);
    if (o.op === 'insert') return this.insert(o.doc);
    if (o.op === 'upsert') this.upsert(o.doc);
    else this.replace(o.doc, o.ifMatch);
    return 'written';
  }

  /** Inside a transaction (IMMEDIATE: one writer at a time), so seq = last + 1 cannot race. */
  private appendAudit(entry: AuditEntry): 'created' | 'exists' {
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

  /** Anchor first (the delete trigger allows only rows behind an anchor), then delete, in one transaction. */
  private expireAudit(chain: string, upToSeq: number, at: string): number {
    return this.db
      .transaction((): number => {
        const anchor = this.s.anchorGet.get(chain);
        if (anchor && anchor.up_to_seq >= upToSeq) return 0;
        const last = this.s.auditHashAt.get(chain, upToSeq);
        if (!last) throw new Error(`expireAudit: ${chain} has no entry ${upToSeq}`);
        this.s.anchorPut.run(chain, upToSeq, last.hash, at);
        return this.s.auditExpire.run(chain, upToSeq).changes;
      })
      .immediate();
  }

  private insert(doc: WireDoc): 'created' | 'exists' {
    const { changes } = this.s.insert.run(doc.pk, doc.id, doc.kind, doc.body, randomUUID(), doc.meta);
    return changes === 1 ? 'created' : 'exists';
  }

  private upsert(doc: WireDoc): string {
    const etag = randomUUID();
    this.s.upsert.run(doc.pk, doc.id, doc.kind, doc.body, etag, doc.meta);
    return etag;
  }

  private replace(doc: WireDoc, ifMatch: string): string {
    const etag = randomUUID();
    if (this.s.replaceBody.run(doc.body, etag, doc.pk, doc.id, ifMatch, doc.kind, doc.meta).changes === 1) return etag;
    if (this.s.replace.run(doc.kind, doc.body, etag, doc.meta, doc.pk, doc.id, ifMatch).changes === 1) return etag;
    throw this.s.exists.get(doc.pk, doc.id) ? new PreconditionFailedError(doc.pk, doc.id) : new NotFoundError(doc.pk, doc.id);
  }
}
