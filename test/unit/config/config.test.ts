import { ConfigError, parseEnv } from '../../../src/config';

const good = {
  INTAKE_HMAC_SECRET: 'x'.repeat(32),
  PSEUDONYM_KEY: 'y'.repeat(32),
  STORE_ENCRYPTION_KEY: 'z'.repeat(40),
  LOCAL_MODE: 'true',
};

describe('configuration', () => {
  it('applies defaults for local use', () => {
    const env = parseEnv(good);
    expect(env).toMatchObject({ PORT: 3978, STORE: 'sqlite', DATA_DIR: './data' });
    expect(env.ALLOWED_TENANT_IDS).toEqual([]);
  });

  it.each([
    [{ ...good, PORT: 'abc' }, 'PORT'],
    [{ ...good, INTAKE_HMAC_SECRET: 'short' }, 'INTAKE_HMAC_SECRET'],
    [{ ...good, STORE: 'cosmos' }, 'COSMOS_ENDPOINT'],
    [{ ...good, STORE_ENCRYPTION_KEY: undefined }, 'STORE_ENCRYPTION_KEY'],
    [{ ...good, STORE_ENCRYPTION_KEY: 'z'.repeat(31) }, 'STORE_ENCRYPTION_KEY'],
    [
      { ...good, MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TENANT_ID: 't' },
      'ALLOWED_TENANT_IDS',
    ],
    [{ ...good, MICROSOFT_APP_ID: 'not-a-uuid' }, 'MICROSOFT_APP_ID'],
  ])('names the wrong variable (%#)', (env, variable) => {
    let error: unknown;
    try {
      parseEnv(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toContain(variable);
  });

  it('reads Teams rate limits as count/ms pairs and keeps a job inside its lease', () => {
    expect(parseEnv({ ...good, TEAMS_RATE_LIMITS: '7/1000, 60/30000' }).TEAMS_RATE_LIMITS).toEqual([
      { limit: 7, perMs: 1000 },
      { limit: 60, perMs: 30000 },
    ]);
    expect(() => parseEnv({ ...good, TEAMS_RATE_LIMITS: '7 per second' })).toThrow(/TEAMS_RATE_LIMITS/);
    expect(() => parseEnv({ ...good, JOB_LEASE_MS: '10000', TEAMS_TIMEOUT_MS: '15000' })).toThrow(/JOB_LEASE_MS/);
  });

  it('needs no store key for Cosmos', () => {
    const env = parseEnv({
      ...good,
      STORE_ENCRYPTION_KEY: undefined,
      STORE: 'cosmos',
      COSMOS_ENDPOINT: 'https://x.documents.azure.com',
      COSMOS_KEY: 'k',
    });
    expect(env.STORE).toBe('cosmos');
  });

  it('splits the tenant allowlist', () => {
    const env = parseEnv({
      ...good,
      MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
      MICROSOFT_APP_PASSWORD: 'p',
      MICROSOFT_APP_TENANT_ID: 't',
      ALLOWED_TENANT_IDS: ' a, b ,',
    });
    expect(env.ALLOWED_TENANT_IDS).toEqual(['a', 'b']);
  });
});
