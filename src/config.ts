import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { rosterFileSchema, type RosterFile } from './domain/roster';
import { parseVtConfig, type VtConfig } from './domain/vt/config';
import { interventionPaletteSchema, type Intervention } from './domain/advice/types';

const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  );

/** Every environment variable the process reads, parsed once; invalid config stops the start. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978), // 0 = any free port (tests)
    HOST: z.string().min(1).default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STORE: z.enum(['sqlite', 'cosmos']).default('sqlite'),
    DATA_DIR: z.string().min(1).default('./data'),
    COSMOS_ENDPOINT: z.string().url().optional(),
    COSMOS_KEY: z.string().min(1).optional(),
    COSMOS_DATABASE: z.string().min(1).default('zsm'),
    COSMOS_CONTAINER: z.string().min(1).default('items'),
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
  })
  .superRefine((env, ctx) => {
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

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(describe(parsed.error.issues, ''));
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

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const env = parseEnv(source);
  return {
    env,
    roster: loadRoster(env.ROSTER_FILE),
    vt: loadVtConfig(env.VT_CONFIG_FILE),
    palette: loadPalette(env.INTERVENTIONS_FILE),
    openMode: !env.MICROSOFT_APP_ID,
  };
}
