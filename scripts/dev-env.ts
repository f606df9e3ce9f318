/**
 * Local-only defaults for `npm start` and `npm run sample-case`. NEVER use these values outside a
 * developer machine: production sets INTAKE_HMAC_SECRET, PSEUDONYM_KEY and STORE_ENCRYPTION_KEY from Key Vault.
 */
export const DEV_ENV = {
  PORT: '3978',
  STORE: 'sqlite',
  DATA_DIR: './data',
  ROSTER_FILE: 'config/roster.example.json',
  INTAKE_HMAC_SECRET: 'local-dev-only-intake-secret-not-for-production',
  PSEUDONYM_KEY: 'local-dev-only-pseudonym-key-not-for-production',
  STORE_ENCRYPTION_KEY: 'local-dev-only-store-encryption-key-not-for-production',
} as const;

/** The environment for a local run: the developer's own variables win over the defaults. */
export function devEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const [k, v] of Object.entries(DEV_ENV)) if (!env[k]) env[k] = v;
  return env;
}
