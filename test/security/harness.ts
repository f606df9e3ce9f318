import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuditEntry } from '../../src/domain/audit';
import { RETENTION_PK } from '../../src/app/privacy/purge';
import type { DocKind } from '../../src/store/docstore';
import { settle, type TestHost } from '../helpers/host';

/**
 * A "foreign" Connector: an HTTP server on another loopback address (127.0.0.2), which is NOT on the
 * default local-mode allowlist (localhost, 127.0.0.1). Every request it gets is an outbound leak.
 */
export class ForeignServer {
  readonly requests: { method: string; url: string }[] = [];
  private server: Server | undefined;

  get url(): string {
    return `http://127.0.0.2:${(this.server?.address() as AddressInfo).port}/`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests.push({ method: req.method ?? '', url: req.url ?? '' });
      req.resume();
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'foreign;messageid=1', activityId: '1' }));
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.2', () => r()));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

const KINDS: DocKind[] = [
  'case',
  'contribution',
  'vote',
  'cardref',
  'convref',
  'job',
  'escalation',
  'vtconsult',
  'vtoverride',
  'advice',
  'personidx',
  'purge',
  'postmark',
  'phase',
  'reading',
  'safetyplan',
  'inforequest',
  'riskassessment',
  'measure',
  'involvement',
  'reportrow',
  'returning',
];

export interface StoreSnapshot {
  /** Every document except audit entries, as kind|pk|id|etag (a write changes the etag). */
  docs: string[];
  audit: AuditEntry[];
}

/** Let the job loop finish, then read every document: the "nothing stored" comparison. */
export async function snapshot(t: TestHost): Promise<StoreSnapshot> {
  await settle(t);
  const docs: string[] = [];
  const audit: AuditEntry[] = [];
  for (const kind of KINDS) {
    // The retention sweep is scheduled by the wall clock (one job per slot), not by any request: a slot
    // boundary passing during a test is not a change an attack made, so its partition is left out.
    for (const d of await t.host.db.query(kind, [])) if (d.pk !== RETENTION_PK) docs.push(`${kind}|${d.pk}|${d.id}|${d.etag}`);
  }
  // The audit trail lives apart from the documents (its own table / container), one chain per case.
  for (const chain of await t.host.db.auditChains()) for (const r of await t.host.db.readAudit(chain)) audit.push(r.entry);
  docs.sort();
  audit.sort((a, b) => a.id.localeCompare(b.id));
  return { docs, audit };
}

/** The audit entries written between two snapshots. */
export function newAudit(before: StoreSnapshot, after: StoreSnapshot): AuditEntry[] {
  const seen = new Set(before.audit.map((a) => a.id));
  return after.audit.filter((a) => !seen.has(a.id));
}

/** Tally of attacks and outcomes, printed at the end of a suite (the figures for the report). */
export class Tally {
  private readonly rows = new Map<string, Record<string, number>>();
  add(attack: string, outcome: string): void {
    const row = this.rows.get(attack) ?? {};
    row[outcome] = (row[outcome] ?? 0) + 1;
    this.rows.set(attack, row);
  }
  print(title: string): void {
    const lines = [...this.rows].map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`);
    process.stdout.write(`${title}\n${lines.join('\n')}\n`);
  }
}
