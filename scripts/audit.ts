/**
 * The audit trail from the command line (docs/privacy.md, "Audit trail"):
 *   npm run audit:verify [-- --sqlite <file>]
 *       walks every hash chain; prints the first broken link (chain, seq) and exits 1, else exits 0.
 *   npm run audit:export -- --case <case code (KTX-482)|case id> [--format csv|json]
 *   npm run audit:export -- --from <date> --to <date> [--format csv|json]
 *       writes the trail of one case, or every entry with from <= at < to, to stdout (CSV by default).
 *       The export itself is audited in the `_privacy` chain (who ran it, what was selected, how many).
 * The store comes from the same variables as the bot (STORE, DATA_DIR, COSMOS_*); `--sqlite <file>`
 * points at a SQLite file directly.
 */
import { userInfo } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { auditToCsv, auditToJson, readWholeChain, verifyAllChains } from '../src/app/privacy/audit-trail';
import { PRIVACY_CHAIN } from '../src/app/privacy/purge';
import type { AuditRecord } from '../src/domain/audit-chain';
import { caseCode, caseCodeIdPrefix, parseCaseCode } from '../src/domain/case-code';
import type { DocStore } from '../src/store/docstore';
import { openDocStore } from '../src/store/index';

const storeEnv = z.object({
  STORE: z.enum(['sqlite', 'cosmos']).default('sqlite'),
  DATA_DIR: z.string().min(1).default('./data'),
  COSMOS_ENDPOINT: z.string().url().optional(),
  COSMOS_KEY: z.string().min(1).optional(),
  COSMOS_DATABASE: z.string().min(1).default('zsm'),
  COSMOS_CONTAINER: z.string().min(1).default('items'),
  COSMOS_AUDIT_CONTAINER: z.string().min(1).optional(),
  STORE_ENCRYPTION_KEY: z.string().min(32).optional(),
});

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date, e.g. 2026-11-01 or 2026-11-01T00:00:00Z')
  .transform((s) => new Date(s).toISOString());
const argsSchema = z
  .object({
    command: z.enum(['verify', 'export']),
    sqlite: z.string().min(1).optional(),
    case: z
      .string()
      .regex(
        /^[0-9a-f]{4,64}$|^[A-Za-z]{3}-?[0-9]{3}$|^_[A-Za-z0-9:_-]{1,100}$/,
        'must be a case code (KTX-482), a case id (hex) or a reserved chain name',
      )
      .optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    format: z.enum(['csv', 'json']).default('csv'),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.command !== 'export') return;
    if (!a.case && !(a.from && a.to)) ctx.addIssue({ code: 'custom', path: ['case'], message: 'give --case, or --from and --to' });
    if (a.case && (a.from || a.to)) ctx.addIssue({ code: 'custom', path: ['case'], message: 'give either --case or a period' });
  });

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = { command: argv[0] ?? '' };
  for (let i = 1; i < argv.length; i++) {
    const m = /^--([a-z]+)$/.exec(argv[i]);
    if (!m || argv[i + 1] === undefined) throw new Error(`unexpected argument at position ${i + 1}`);
    out[m[1]] = argv[++i];
  }
  return out;
}

async function openStore(sqlite: string | undefined): Promise<DocStore> {
  const env = storeEnv.parse(process.env);
  const sqliteKey = (): string => {
    if (!env.STORE_ENCRYPTION_KEY) throw new Error('STORE_ENCRYPTION_KEY is required to open the SQLite store');
    return env.STORE_ENCRYPTION_KEY;
  };
  if (sqlite) return openDocStore({ store: 'sqlite', file: sqlite, key: sqliteKey() });
  if (env.STORE === 'sqlite') return openDocStore({ store: 'sqlite', file: path.join(env.DATA_DIR, 'zsm.db'), key: sqliteKey() });
  if (!env.COSMOS_ENDPOINT || !env.COSMOS_KEY) throw new Error('COSMOS_ENDPOINT and COSMOS_KEY are required when STORE=cosmos');
  return openDocStore({
    store: 'cosmos',
    endpoint: env.COSMOS_ENDPOINT,
    key: env.COSMOS_KEY,
    databaseId: env.COSMOS_DATABASE,
    containerId: env.COSMOS_CONTAINER,
    ...(env.COSMOS_AUDIT_CONTAINER ? { auditContainerId: env.COSMOS_AUDIT_CONTAINER } : {}),
  });
}

async function main(): Promise<number> {
  const parsed = argsSchema.safeParse(parseArgs(process.argv.slice(2)));
  if (!parsed.success) {
    for (const i of parsed.error.issues) process.stderr.write(`${i.path.join('.') || 'arguments'}: ${i.message}\n`);
    process.stderr.write(
      'usage: audit.ts verify [--sqlite file] | export (--case <zaakcode> | --from <date> --to <date>) [--format csv|json]\n',
    );
    return 2;
  }
  const a = parsed.data;
  const db = await openStore(a.sqlite);
  try {
    if (a.command === 'verify') {
      const started = Date.now();
      const r = await verifyAllChains(db);
      const ms = Date.now() - started;
      if (r.broken) {
        process.stdout.write(
          `BROKEN: chain ${r.broken.chain} at seq ${r.broken.seq} (${r.broken.problem}); checked ${r.entries} entries in ${ms} ms\n`,
        );
        return 1;
      }
      process.stdout.write(`OK: ${r.chains} chains, ${r.entries} entries, no broken link (${ms} ms)\n`);
      return 0;
    }
    let records: AuditRecord[];
    let selection: string;
    if (a.case) {
      const code = parseCaseCode(a.case);
      const chains = a.case.startsWith('_')
        ? [a.case]
        : code
          ? (await db.auditChains(caseCodeIdPrefix(code))).filter((c) => caseCode(c) === code)
          : await db.auditChains(a.case);
      if (chains.length !== 1) {
        process.stderr.write(
          chains.length === 0 ? 'no audit trail for that zaakcode\n' : 'zaakcode matches several cases: give the case id (hex)\n',
        );
        return 2;
      }
      records = await readWholeChain(db, chains[0]);
      selection = `case:${chains[0]}`;
    } else {
      records = await db.auditBetween(a.from as string, a.to as string);
      selection = `period:${a.from}/${a.to}`;
    }
    process.stdout.write(a.format === 'json' ? auditToJson(records) : auditToCsv(records));
    const at = new Date().toISOString();
    await db.appendAudit({
      id: `audit:export:${at}:${process.pid}`,
      caseId: PRIVACY_CHAIN,
      at,
      action: 'audit.exported',
      actorId: `cli:${userInfo().username}`,
      detail: { selection, entries: records.length, format: a.format },
    });
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`audit: ${e instanceof Error ? e.message : 'failed'}\n`);
    process.exit(2);
  },
);
