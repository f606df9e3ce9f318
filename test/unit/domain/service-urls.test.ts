import { parseEnv, serviceUrlsOf } from '../../../src/config';
import { LOOPBACK_SERVICE_URLS, ServiceUrlAllowlist, TEAMS_PUBLIC_SERVICE_URLS } from '../../../src/domain/service-urls';

describe('service URL allowlist', () => {
  const teams = ServiceUrlAllowlist.from([...TEAMS_PUBLIC_SERVICE_URLS]);
  const local = ServiceUrlAllowlist.from([...LOOPBACK_SERVICE_URLS]);

  it.each([
    'https://smba.trafficmanager.net/emea/',
    'https://smba.trafficmanager.net/amer',
    'https://SMBA.trafficmanager.net/apac/v3/',
    'https://smba.trafficmanager.net:443/emea/',
  ])('allows Teams: %s', (url) => expect(teams.allows(url)).toBe(true));

  it.each([
    'http://smba.trafficmanager.net/emea/', // not https
    'https://smba.trafficmanager.net.evil.example/emea/',
    'https://evil.example/smba.trafficmanager.net/',
    'https://user:pw@smba.trafficmanager.net/emea/',
    'https://smba.trafficmanager.net:8443/emea/',
    'https://smba.trafficmanager.net/emea/?x=1',
    'http://127.0.0.1:3978/',
    '',
    'not a url',
    42,
    undefined,
    `https://smba.trafficmanager.net/${'a'.repeat(600)}`,
  ])('refuses for Teams: %s', (url) => expect(teams.allows(url)).toBe(false));

  it('local mode allows any port on localhost and 127.0.0.1, nothing else', () => {
    expect(local.allows('http://localhost:56150/_connector')).toBe(true);
    expect(local.allows('http://127.0.0.1:40123/')).toBe(true);
    expect(local.allows('http://127.0.0.2:40123/')).toBe(false);
    expect(local.allows('http://127.0.0.1@evil.example/')).toBe(false);
    expect(local.allows('http://localhost.evil.example:80/')).toBe(false);
    expect(local.allows('https://smba.trafficmanager.net/emea/')).toBe(false);
  });

  it('a path prefix must match whole segments', () => {
    const only = ServiceUrlAllowlist.from(['https://smba.trafficmanager.net/emea/']);
    expect(only.allows('https://smba.trafficmanager.net/emea/v3')).toBe(true);
    expect(only.allows('https://smba.trafficmanager.net/emea-evil/')).toBe(false);
  });

  it('gives the same answers when asked again, also after many different URLs (its memory is bounded)', () => {
    const list = ServiceUrlAllowlist.from(['https://smba.trafficmanager.net/']);
    const urls = Array.from({ length: 200 }, (_, i) => (i % 2 ? `https://smba.trafficmanager.net/r${i}/` : `https://evil${i}.example/`));
    const first = urls.map((u) => list.allows(u));
    expect(first.filter(Boolean)).toHaveLength(100);
    expect(urls.map((u) => list.allows(u))).toEqual(first);
    expect([...urls].reverse().map((u) => list.allows(u))).toEqual([...first].reverse());
  });

  it('config picks the default for the mode, or the configured list', () => {
    const secrets = { INTAKE_HMAC_SECRET: 'x'.repeat(40), PSEUDONYM_KEY: 'y'.repeat(40), STORE_ENCRYPTION_KEY: 'z'.repeat(40) };
    expect(serviceUrlsOf(parseEnv({ ...secrets, LOCAL_MODE: 'true' })).allows('http://localhost:1234/_connector')).toBe(true);
    const prod = parseEnv({
      ...secrets,
      MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
      MICROSOFT_APP_PASSWORD: 'p',
      MICROSOFT_APP_TENANT_ID: 't',
      ALLOWED_TENANT_IDS: 't',
    });
    expect(serviceUrlsOf(prod).allows('http://localhost:1234/_connector')).toBe(false);
    expect(serviceUrlsOf(prod).allows('https://smba.trafficmanager.net/emea/')).toBe(true);
    const gov = parseEnv({ ...secrets, LOCAL_MODE: 'true', TEAMS_SERVICE_URLS: 'https://smba.infra.gcc.teams.microsoft.com/' });
    expect(serviceUrlsOf(gov).allows('https://smba.infra.gcc.teams.microsoft.com/x/')).toBe(true);
    expect(serviceUrlsOf(gov).allows('http://localhost:1234/')).toBe(false);
  });
});
