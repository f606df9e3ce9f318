/**
 * Local-development secrets: published in this repository, so they protect nothing. `npm start`,
 * `npm run sample-case` and the tests use them; src/config.ts refuses every one of them unless the
 * process runs in LOCAL_MODE (loopback host, not production). Add a key here when a new secret gets a
 * local default; keep this a plain map.
 */
export const LOCAL_DEV_SECRETS: Readonly<Record<string, string>> = {
  INTAKE_HMAC_SECRET: 'local-dev-only-intake-secret-not-for-production',
  PSEUDONYM_KEY: 'local-dev-only-pseudonym-key-not-for-production',
  STORE_ENCRYPTION_KEY: 'local-dev-only-store-encryption-key-not-for-production',
};

/** The variable that opts in to local mode (unauthenticated /api/messages, local-dev secrets, loopback Connector URLs). */
export const LOCAL_MODE_VAR = 'LOCAL_MODE';

/** Host names that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
