import { LOCAL_DEV_SECRETS, LOCAL_MODE_VAR } from '../src/local-dev';

/**
 * Local-only defaults for `npm start` and `npm run sample-case`. The secrets come from
 * src/local-dev.ts, which the bot refuses outside local mode: production sets INTAKE_HMAC_SECRET and
 * PSEUDONYM_KEY from Key Vault.
 */
export const DEV_ENV = {
  PORT: '3978',
  HOST: '127.0.0.1',
  STORE: 'sqlite',
  DATA_DIR: './data',
  ROSTER_FILE: 'config/roster.example.json',
  [LOCAL_MODE_VAR]: 'true',
  ...LOCAL_DEV_SECRETS,
} as const satisfies Record<string, string>;

/** The environment for a local run: the developer's own variables win over the defaults. */
export function devEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const [k, v] of Object.entries(DEV_ENV)) if (!env[k]) env[k] = v;
  return env;
}
