import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { rosterFileSchema, type RosterFile } from './domain/roster';
import { parseVtConfig, type VtConfig } from './domain/vt/config';
import { interventionPaletteSchema, type Intervention } from './domain/advice/types';
import { LOOPBACK_SERVICE_URLS, parseServiceUrlEntry, ServiceUrlAllowlist, TEAMS_PUBLIC_SERVICE_URLS } from './domain/service-urls';
import { isLoopbackHost, LOCAL_DEV_SECRETS, LOCAL_MODE_VAR } from './local-dev';
import { DEFAULT_RETENTION, type RetentionPolicy } from './domain/retention';

const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  );

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');
const days = (d: number) => z.coerce.number().int().min(1).max(36_500).default(d);
/** Retention per data class in days (docs/privacy.md, "Retention"), and how often the sweep runs. */
function retentionEnvShape() {
  const d = DEFAULT_RETENTION;
  return {
    RETENTION_CLOSED_CASE_DAYS: days(d.closedCaseDays),
    RETENTION_OPEN_CASE_DAYS: days(d.openCaseDays),
    RETENTION_AUDIT_DAYS: days(d.auditDays),
    RETENTION_PSEUDONYM_INDEX_DAYS: days(d.pseudonymIndexDays),
    RETENTION_JOB_DAYS: days(d.jobDays),
    RETENTION_SWEEP_MINUTES: z.coerce.number().int().min(1).max(1440).default(d.sweepMinutes),
  };
}

/** Every environment variable the process reads, parsed once; invalid config stops the start. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /**
     * Explicit opt-in for a developer machine (`npm start` and the tests set it): /api/messages may run
     * without an app id, the local-dev secrets are accepted, loopback Connector URLs are allowed.
     * Only on a loopback HOST and never with NODE_ENV=production.
     */
    [LOCAL_MODE_VAR]: flag,
    PORT: z.coerce.number().int().min(0).max(65535).default(3978), // 0 = any free port (tests)
    HOST: z.string().min(1).default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STORE: z.enum(['sqlite', 'cosmos']).default('sqlite'),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Encrypts the embedded SQLite store at rest (required with STORE=sqlite); from Key Vault in production. */
    STORE_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    COSMOS_ENDPOINT: z.string().url().optional(),
    COSMOS_KEY: z.string().min(1).optional(),
    COSMOS_DATABASE: z.string().min(1).default('zsm'),
    COSMOS_CONTAINER: z.string().min(1).default('items'),
    /** The audit trail's own container (partition /caseId); default `<COSMOS_CONTAINER>-audit`. */
    COSMOS_AUDIT_CONTAINER: z.string().min(1).optional(),
    ...retentionEnvShape(),
    ROSTER_FILE: z.string().min(1).default('config/roster.example.json'),
    /** Veilig Thuis regions, office hours, municipalities and on-call schedule. */
    VT_CONFIG_FILE: z.string().min(1).default('config/vt.example.json'),
    /** The palette of interventions partners can propose and the OvJ can decide. */
    INTERVENTIONS_FILE: z.string().min(1).default('config/interventions.json'),
    INTAKE_HMAC_SECRET: z.string().min(32, 'must be at least 32 characters'),
    INTAKE_MAX_SKEW_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
    PSEUDONYM_KEY: z.string().min(32, 'must be at least 32 characters'),
    MICROSOFT_APP_ID: z.string().uuid().optional(),
    MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
    MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
    MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
    ALLOWED_TENANT_IDS: csv,
    JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
    JOB_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(25_000), // a dead worker's timer fires again within ~25 s
    JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
    // A command's card refresh delivered by this process right after its commit (docs/decisions.md §38, §49)
    JOB_HAND_OFF: flag.default('true'),
    JOB_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
    JOB_BACKOFF_MAX_MS: z.coerce.number().int().min(100).max(3_600_000).default(300_000),
    /** A Connector call without an answer by then fails (retryable). */
    TEAMS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    /** How long a timed-out thread creation may still be answered (and adopted) before posting anew. */
    TEAMS_CREATE_SETTLE_MS: z.coerce.number().int().min(100).max(600_000).default(120_000),
    /** Per-thread rate limits as count/ms pairs (Teams' documented per-thread limits by default). */
    TEAMS_RATE_LIMITS: z
      .string()
      .regex(/^\s*\d+\/\d+(\s*,\s*\d+\/\d+)*\s*$/, 'must be count/ms pairs, e.g. 7/1000,60/30000')
      .default('7/1000,8/2000,60/30000,1800/3600000')
      .transform((s) =>
        s.split(',').map((pair) => {
          const [limit, perMs] = pair.trim().split('/').map(Number);
          return { limit, perMs };
        }),
      ),
    TEAMS_RATE_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
    /**
     * Connector service URLs the bot may call (comma-separated prefixes, `*` as port = any port).
     * Default: Teams' public service URLs; in local mode the loopback URLs of the Playground / stubs.
     */
    TEAMS_SERVICE_URLS: csv,
    /** Inbound rate limit per client address and window, for POST /api/cases and POST /api/messages. */
    RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
    RATE_LIMIT_INTAKE: z.coerce.number().int().min(1).max(1_000_000).default(300),
    RATE_LIMIT_MESSAGES: z.coerce.number().int().min(1).max(1_000_000).default(3000),
    /** Reverse proxies in front of the process (App Service: 1), so the rate limit sees the client address. */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /** The bot's public https address (e.g. https://zsm-hg.example.nl): enables the rapportage CSV link. */
    PUBLIC_BASE_URL: z.string().url().optional(),
  })
  .superRefine((env, ctx) => {
    const local = env[LOCAL_MODE_VAR];
    if (!env.MICROSOFT_APP_ID && !local)
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_ID'],
        message: `required unless ${LOCAL_MODE_VAR}=true: without an app id /api/messages accepts unauthenticated requests, which only a local developer run may do`,
      });
    if (local && !isLoopbackHost(env.HOST))
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: `${LOCAL_MODE_VAR}=true runs only on a loopback host (127.0.0.1, ::1, localhost): its requests are not authenticated`,
      });
    if (local && env.NODE_ENV === 'production')
      ctx.addIssue({
        code: 'custom',
        path: [LOCAL_MODE_VAR],
        message: 'must not be set with NODE_ENV=production (local mode is for a developer machine only)',
      });
    env.TEAMS_SERVICE_URLS.forEach((raw, i) => {
      const entry = parseServiceUrlEntry(raw);
      if (!entry)
        ctx.addIssue({
          code: 'custom',
          path: ['TEAMS_SERVICE_URLS', i],
          message: 'must be an http(s) URL prefix such as https://smba.trafficmanager.net/',
        });
      else if (!local && (entry.protocol !== 'https:' || isLoopbackHost(entry.hostname)))
        ctx.addIssue({
          code: 'custom',
          path: ['TEAMS_SERVICE_URLS', i],
          message: `must be https and not loopback unless ${LOCAL_MODE_VAR}=true`,
        });
    });
    if (env.STORE === 'sqlite' && !env.STORE_ENCRYPTION_KEY)
      ctx.addIssue({ code: 'custom', path: ['STORE_ENCRYPTION_KEY'], message: 'required when STORE=sqlite (at least 32 characters)' });
    if (env.STORE === 'cosmos') {
      if (!env.COSMOS_ENDPOINT) ctx.addIssue({ code: 'custom', path: ['COSMOS_ENDPOINT'], message: 'required when STORE=cosmos' });
      // COSMOS_KEY is optional: without it the managed identity (DefaultAzureCredential) is used.
    }
    if (env.JOB_LEASE_MS <= env.TEAMS_TIMEOUT_MS + env.TEAMS_RATE_MAX_WAIT_MS)
      ctx.addIssue({
        code: 'custom',
        path: ['JOB_LEASE_MS'],
        message: 'must exceed TEAMS_TIMEOUT_MS + TEAMS_RATE_MAX_WAIT_MS (a job must finish within its lease)',
      });
    if (env.MICROSOFT_APP_ID) {
      if (env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD)
        ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: 'required when MICROSOFT_APP_ID is set' });
      if (env.ALLOWED_TENANT_IDS.length === 0)
        ctx.addIssue({ code: 'custom', path: ['ALLOWED_TENANT_IDS'], message: 'required when MICROSOFT_APP_ID is set' });
      if (env.MICROSOFT_APP_TYPE === 'SingleTenant' && !env.MICROSOFT_APP_TENANT_ID)
        ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: 'required for a SingleTenant app' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env;
  roster: RosterFile;
  vt: VtConfig;
  palette: Intervention[];
  /** True when no app id is configured: /api/messages accepts unauthenticated traffic (local only). */
  openMode: boolean;
  /** LOCAL_MODE=true (validated: loopback host, not production). */
  localMode: boolean;
  /** Where Connector calls may go; conversation references from elsewhere are not stored. */
  serviceUrls: ServiceUrlAllowlist;
}

/** The configured allowlist, or the default for the mode. */
export function serviceUrlsOf(env: Env): ServiceUrlAllowlist {
  if (env.TEAMS_SERVICE_URLS.length > 0) return ServiceUrlAllowlist.from(env.TEAMS_SERVICE_URLS);
  return ServiceUrlAllowlist.from(env[LOCAL_MODE_VAR] ? [...LOOPBACK_SERVICE_URLS] : [...TEAMS_PUBLIC_SERVICE_URLS]);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function describe(issues: z.ZodIssue[], prefix: string): string[] {
  return issues.map((i) => `${prefix}${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** Published local-dev values (src/local-dev.ts) are refused unless local mode is explicitly on. */
function localSecretProblems(source: NodeJS.ProcessEnv): string[] {
  const local = flag.safeParse(source[LOCAL_MODE_VAR]);
  if (local.success && local.data) return [];
  return Object.entries(LOCAL_DEV_SECRETS)
    .filter(([key, value]) => source[key] === value)
    .map(
      ([key]) =>
        `${key}: is the published local-development value; set a secret of your own (the local value is accepted only with ${LOCAL_MODE_VAR}=true)`,
    );
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  const problems = [...(parsed.success ? [] : describe(parsed.error.issues, '')), ...localSecretProblems(source)];
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

export function loadRoster(file: string): RosterFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError([`ROSTER_FILE (${file}): cannot read JSON: ${(e as Error).message}`]);
  }
  const parsed = rosterFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describe(parsed.error.issues, `ROSTER_FILE (${file}) `));
  return parsed.data;
}

export function loadVtConfig(file: string): VtConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError([`VT_CONFIG_FILE (${file}): cannot read JSON: ${(e as Error).message}`]);
  }
  const parsed = parseVtConfig(raw);
  if (!parsed.ok) throw new ConfigError(parsed.errors.map((m) => `VT_CONFIG_FILE (${file}) ${m}`));
  return parsed.config;
}

export function loadPalette(file: string): Intervention[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError([`INTERVENTIONS_FILE (${file}): cannot read JSON: ${(e as Error).message}`]);
  }
  const parsed = interventionPaletteSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describe(parsed.error.issues, `INTERVENTIONS_FILE (${file}) `));
  return parsed.data.interventions;
}

export function retentionPolicy(env: Env): RetentionPolicy {
  return {
    closedCaseDays: env.RETENTION_CLOSED_CASE_DAYS,
    openCaseDays: env.RETENTION_OPEN_CASE_DAYS,
    auditDays: env.RETENTION_AUDIT_DAYS,
    pseudonymIndexDays: env.RETENTION_PSEUDONYM_INDEX_DAYS,
    jobDays: env.RETENTION_JOB_DAYS,
    sweepMinutes: env.RETENTION_SWEEP_MINUTES,
  };
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const env = parseEnv(source);
  return {
    env,
    roster: loadRoster(env.ROSTER_FILE),
    vt: loadVtConfig(env.VT_CONFIG_FILE),
    palette: loadPalette(env.INTERVENTIONS_FILE),
    openMode: !env.MICROSOFT_APP_ID,
    localMode: env[LOCAL_MODE_VAR],
    serviceUrls: serviceUrlsOf(env),
  };
}
