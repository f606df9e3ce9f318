import { verifyChain, type AuditRecord, type BrokenLink } from '../../domain/audit-chain';
import { sha256Hex } from '../../store/audit-hash';
import type { DocStore } from '../../store/docstore';

/** What reading and verifying chains needs: the DocStore itself or the repository's AuditStore. */
export type AuditReader = Pick<DocStore, 'auditAnchor' | 'readAudit' | 'auditChains'>;

const PAGE = 500;

export interface VerifyReport {
  chains: number;
  entries: number;
  /** The first broken link found (chains in sorted order, entries in seq order), or null. */
  broken: BrokenLink | null;
}

/** Walk one chain from its anchor (if part of it expired), page by page. */
export async function verifyOneChain(db: AuditReader, chain: string): Promise<{ entries: number; broken: BrokenLink | null }> {
  const anchor = await db.auditAnchor(chain);
  let prev: { seq: number; hash: string } | null = anchor ? { seq: anchor.upToSeq, hash: anchor.hash } : null;
  let entries = 0;
  for (;;) {
    const page = await db.readAudit(chain, { afterSeq: prev?.seq ?? 0, limit: PAGE });
    if (page.length === 0) return { entries, broken: null };
    const broken = verifyChain(sha256Hex, page, prev);
    if (broken) return { entries: entries + page.length, broken };
    entries += page.length;
    const last = page[page.length - 1];
    prev = { seq: last.seq, hash: last.hash };
    if (page.length < PAGE) return { entries, broken: null };
  }
}

/** Every chain in the store; stops at the first broken link. */
export async function verifyAllChains(db: AuditReader): Promise<VerifyReport> {
  const chains = await db.auditChains();
  let entries = 0;
  for (const chain of chains) {
    const r = await verifyOneChain(db, chain);
    entries += r.entries;
    if (r.broken) return { chains: chains.length, entries, broken: r.broken };
  }
  return { chains: chains.length, entries, broken: null };
}

/** All records of one chain, in seq order. */
export async function readWholeChain(db: AuditReader, chain: string): Promise<AuditRecord[]> {
  const anchor = await db.auditAnchor(chain);
  const out: AuditRecord[] = [];
  let after = anchor?.upToSeq ?? 0;
  for (;;) {
    const page = await db.readAudit(chain, { afterSeq: after, limit: PAGE });
    out.push(...page);
    if (page.length < PAGE) return out;
    after = page[page.length - 1].seq;
  }
}

/** Chains whose name starts with a zaakcode (case ids are hex; reserved chains start with "_"). */
export async function chainsForRef(db: AuditReader, ref: string): Promise<string[]> {
  return db.auditChains(ref);
}

const CSV_COLUMNS = ['chain', 'seq', 'at', 'action', 'actorId', 'actorOrg', 'detail', 'prevHash', 'hash'] as const;

function csvCell(v: string): string {
  // Quote everything; double inner quotes; a leading = + - @ is neutralised against spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function auditToCsv(records: readonly AuditRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    const e = r.entry;
    const row = [
      r.chain,
      String(r.seq),
      e.at,
      e.action,
      e.actorId,
      e.actorOrg ?? '',
      e.detail ? JSON.stringify(e.detail) : '',
      r.prevHash,
      r.hash,
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function auditToJson(records: readonly AuditRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}
