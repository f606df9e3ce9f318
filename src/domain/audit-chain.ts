import type { AuditEntry } from './audit';

/**
 * The audit trail as a hash chain per case (and one per non-case partition such as `_vt:<region>`).
 * Pure: the SHA-256 function is passed in, so this file stays free of I/O and Node modules.
 *
 *   hash(n) = SHA-256( prevHash(n) + canonicalJson({ chain, seq, prevHash, entry }) )
 *   prevHash(1) = GENESIS, prevHash(n) = hash(n-1)
 *
 * Editing, removing or reordering an entry breaks the link at that entry or the next one. When old
 * entries are expired by the retention policy, an anchor (`upToSeq`, the hash of that entry) is kept,
 * and the first remaining entry must link to it.
 */
export type Sha256Hex = (text: string) => string;

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  chain: string;
  seq: number;
  prevHash: string;
  hash: string;
  entry: AuditEntry;
}

/** Where an expired head of a chain ended (entries up to and including `upToSeq` were removed). */
export interface AuditAnchor {
  chain: string;
  upToSeq: number;
  hash: string;
  at: string;
}

/** JSON with object keys sorted at every level; undefined members are left out (as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    if (s === undefined) throw new TypeError('not JSON-serialisable');
    return s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function hashRecord(sha256: Sha256Hex, r: Omit<AuditRecord, 'hash'>): string {
  return sha256(r.prevHash + canonicalJson({ chain: r.chain, seq: r.seq, prevHash: r.prevHash, entry: r.entry }));
}

/** The next record of a chain after `head` (null: the chain is empty and has no anchor). */
export function sealNext(sha256: Sha256Hex, head: { seq: number; hash: string } | null, chain: string, entry: AuditEntry): AuditRecord {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const base = { chain, seq, prevHash, entry };
  return { ...base, hash: hashRecord(sha256, base) };
}

export type BrokenLink = { chain: string; seq: number; problem: 'hash' | 'prev_hash' | 'gap' | 'chain' };

/**
 * Walks one chain (records ordered by seq, possibly in pages: pass the previous page's last record
 * as `after`). Returns the first broken link, or null. `anchor` is where an expired head ended.
 */
export function verifyChain(
  sha256: Sha256Hex,
  records: readonly AuditRecord[],
  after: { seq: number; hash: string } | null,
): BrokenLink | null {
  let prev = after;
  for (const r of records) {
    const chain = r.chain;
    if (r.entry.caseId !== chain) return { chain, seq: r.seq, problem: 'chain' };
    const expectedSeq = (prev?.seq ?? 0) + 1;
    if (r.seq !== expectedSeq) return { chain, seq: expectedSeq, problem: 'gap' };
    if (r.prevHash !== (prev?.hash ?? GENESIS_HASH)) return { chain, seq: r.seq, problem: 'prev_hash' };
    if (hashRecord(sha256, r) !== r.hash) return { chain, seq: r.seq, problem: 'hash' };
    prev = { seq: r.seq, hash: r.hash };
  }
  return null;
}
