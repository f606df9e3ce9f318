import type { AuditEntry } from '../domain/audit';
import type { AuditAnchor, AuditRecord } from '../domain/audit-chain';
import { normalizeAuditEntry } from '../domain/old-values';
import type { DocStore } from './docstore';

/**
 * The audit trail: one hash chain per case (and per system chain such as the privacy officer's), in
 * its own table (SQLite) / container (Cosmos). Appends, reads, and the retention of old entries. The
 * chain methods keep the DocStore's names, so verification code takes either.
 */
export class AuditStore {
  constructor(private readonly db: DocStore) {}

  /** Append to the case's hash chain; a repeated deterministic id is ignored. */
  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.db.appendAudit(entry);
  }

  /**
   * The audit trail of a case, by time (the chain itself is in append order; ties keep chain order),
   * with current action names (old entries keep their stored names: see OLD_AUDIT_ACTIONS).
   * `readAudit` returns the records as hashed, for verification.
   */
  async listAudit(caseId: string): Promise<AuditEntry[]> {
    const entries = (await this.db.readAudit(caseId)).map((r) => normalizeAuditEntry(r.entry));
    return entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i))
      .map((x) => x.e);
  }

  readAudit(chain: string, options?: { afterSeq?: number; limit?: number }): Promise<AuditRecord[]> {
    return this.db.readAudit(chain, options);
  }

  auditChains(prefix?: string): Promise<string[]> {
    return this.db.auditChains(prefix);
  }

  auditAnchor(chain: string): Promise<AuditAnchor | null> {
    return this.db.auditAnchor(chain);
  }

  auditBetween(from: string, to: string, options?: { limit?: number }): Promise<AuditRecord[]> {
    return this.db.auditBetween(from, to, options);
  }

  /** Retention only: expire the head of a chain up to `upToSeq`, keeping an anchor. */
  expireAudit(chain: string, upToSeq: number, at: string): Promise<number> {
    return this.db.expireAudit(chain, upToSeq, at);
  }

  auditChainsWithEntriesBefore(before: string, limit: number): Promise<string[]> {
    return this.db.auditChainsWithEntriesBefore(before, limit);
  }
}
