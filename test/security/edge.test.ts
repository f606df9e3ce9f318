/**
 * The HTTP edge and the start-up guard of a running instance: content types, encodings, sizes,
 * unknown fields, security headers, the inbound rate limit, a store fault during intake, and the
 * refusal to start unauthenticated anywhere but on a loopback developer machine.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ConfigError, parseEnv } from '../../src/config';
import type { DocStore } from '../../src/store/docstore';
import { openDocStore } from '../../src/store/index';
import { LOCAL_DEV_SECRETS } from '../../src/local-dev';
import { signBody } from '../../src/http/signature';
import { sampleIntake, USERS } from '../helpers/fixtures';
import { channelActivity, postSignedCase, sendActivity, startTestHost, TEST_SECRET, type TestHost } from '../helpers/host';
import { snapshot, Tally } from './harness';
import { TEST_STORE_KEY } from '../helpers/stores';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const tally = new Tally();
afterAll(() => tally.print('security edge (attack: outcome counts)'));

function signedHeaders(raw: string | Buffer, extra: Record<string, string> = {}): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return { 'content-type': 'application/json', 'x-zsm-timestamp': String(ts), 'x-zsm-signature': signBody(TEST_SECRET, ts, raw), ...extra };
}

describe('HTTP edge of a running instance', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
    await sendActivity(
      t.base,
      channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
    );
  });
  afterAll(() => t.stop());

  it('refuses wrong content types, encodings, sizes and malformed bodies with 4xx, stores nothing, echoes nothing', async () => {
    const before = await snapshot(t);
    const marker = 'Jansen-0612345678';
    const body = JSON.stringify(sampleIntake({ summary: `Samenvatting ${marker}` }));
    const attempts: [string, () => Promise<Response>, number][] = [
      [
        'intake text/plain',
        () => fetch(`${t.base}/api/cases`, { method: 'POST', headers: signedHeaders(body, { 'content-type': 'text/plain' }), body }),
        415,
      ],
      [
        'intake no content type',
        () =>
          fetch(`${t.base}/api/cases`, {
            method: 'POST',
            headers: { ...signedHeaders(body), 'content-type': '' },
            body: Buffer.from(body),
          }),
        415,
      ],
      [
        'intake form-urlencoded',
        () =>
          fetch(`${t.base}/api/cases`, {
            method: 'POST',
            headers: signedHeaders(body, { 'content-type': 'application/x-www-form-urlencoded' }),
            body,
          }),
        415,
      ],
      [
        'intake br',
        () => fetch(`${t.base}/api/cases`, { method: 'POST', headers: signedHeaders(body, { 'content-encoding': 'br' }), body }),
        415,
      ],
      [
        'intake bogus gzip',
        () => fetch(`${t.base}/api/cases`, { method: 'POST', headers: signedHeaders(body, { 'content-encoding': 'gzip' }), body }),
        400,
      ],
      [
        'intake truncated gzip',
        () => {
          const gz = gzipSync(body).subarray(0, 40);
          return fetch(`${t.base}/api/cases`, { method: 'POST', headers: signedHeaders(body, { 'content-encoding': 'gzip' }), body: gz });
        },
        400,
      ],
      [
        'intake oversized',
        () => {
          const big = JSON.stringify({ ...sampleIntake(), summary: 'x'.repeat(70_000) });
          return fetch(`${t.base}/api/cases`, { method: 'POST', headers: signedHeaders(big), body: big });
        },
        413,
      ],
      ['intake malformed JSON', () => postSignedCase(t.base, null, { raw: `{"externalId": "${marker}",` }), 400],
      [
        'intake unknown fields',
        () => postSignedCase(t.base, { ...sampleIntake(), naam_slachtoffer: marker, [`geboren_${marker}`]: '1984' }),
        400,
      ],
      ['intake bad signature', () => postSignedCase(t.base, sampleIntake(), { secret: 'wrong-secret-0123456789abcdef0123456789' }), 401],
      [
        'messages text/plain',
        () => fetch(`${t.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: marker }),
        415,
      ],
      [
        'messages malformed JSON',
        () =>
          fetch(`${t.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"type": "${marker}` }),
        400,
      ],
      [
        'messages not an activity',
        () =>
          fetch(`${t.base}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ type: 42, from: marker }),
          }),
        400,
      ],
      [
        'messages bogus gzip',
        () =>
          fetch(`${t.base}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
            body: marker,
          }),
        400,
      ],
      [
        'messages br',
        () =>
          fetch(`${t.base}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
            body: '{}',
          }),
        415,
      ],
      [
        'messages oversized',
        () =>
          fetch(`${t.base}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'message', text: 'x'.repeat(1_100_000) }),
          }),
        413,
      ],
    ];
    for (const [label, send, status] of attempts) {
      const res = await send();
      const text = await res.text();
      expect({ label, status: res.status }).toEqual({ label, status });
      expect(text).not.toContain(marker);
      expect(text).not.toContain('Error');
      expect(text).not.toMatch(/at \w+ \(/); // no stack
      tally.add(label, String(res.status));
    }
    const problem = (await (await postSignedCase(t.base, { ...sampleIntake(), naam_slachtoffer: marker, tweede_veld: 1 })).json()) as {
      errors: { path: string; message: string }[];
    };
    expect(problem.errors).toEqual([{ path: '(body)', message: '2 unknown field(s)' }]);
    const after = await snapshot(t);
    expect(after.docs).toEqual(before.docs);
    expect(after.audit).toEqual(before.audit);
  });

  it('sends security headers (helmet) on every answer, without x-powered-by or an ETag', async () => {
    for (const res of [
      await fetch(`${t.base}/healthz`),
      await fetch(`${t.base}/api/cases`, { method: 'POST' }),
      await fetch(`${t.base}/nope`),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toContain('max-age');
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('etag')).toBeNull();
    }
  });
});

describe('with an app id (Bot Framework authentication on)', () => {
  it('a forged from without a valid token is refused with a generic 401: nothing stored, nothing sent', async () => {
    const t = await startTestHost({
      env: {
        MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_APP_TENANT_ID: 'tenant-test-1',
        ALLOWED_TENANT_IDS: 'tenant-test-1',
      },
    });
    try {
      const before = await snapshot(t);
      const forged = [
        channelActivity(t.stub.url, USERS.om, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
        channelActivity(t.stub.url, USERS.ovj, { type: 'message', text: 'agenda' }),
        channelActivity(t.stub.url, USERS.om, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'case.refresh', data: { caseId: 'x' } } },
        }),
      ];
      for (const a of forged) {
        const res = await fetch(`${t.base}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer forged.token.value' },
          body: JSON.stringify(a),
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ type: 'urn:zsm-hg-bot:problem:unauthorized', title: 'Unauthorized', status: 401 });
        tally.add('forged from, app id mode', '401');
      }
      const after = await snapshot(t);
      expect(after.docs).toEqual(before.docs);
      expect(t.stub.calls).toEqual([]);
    } finally {
      await t.stop();
    }
  });
});

describe('inbound rate limit', () => {
  it('answers 429 once a client exceeds the intake or messages limit; nothing is stored for refused requests', async () => {
    const t = await startTestHost({ env: { RATE_LIMIT_INTAKE: '3', RATE_LIMIT_MESSAGES: '4' } });
    try {
      const intake = [];
      for (let i = 0; i < 5; i++) intake.push((await postSignedCase(t.base, sampleIntake())).status);
      expect(intake).toEqual([201, 201, 201, 429, 429]);
      const messages = [];
      for (let i = 0; i < 6; i++)
        messages.push((await sendActivity(t.base, channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate' }))).status);
      expect(messages.slice(4)).toEqual([429, 429]);
      expect(await t.host.db.query('case', [])).toHaveLength(3);
      tally.add('rate limit intake (limit 3, 5 sent)', intake.join(','));
      tally.add('rate limit messages (limit 4, 6 sent)', messages.join(','));
    } finally {
      await t.stop();
    }
  });
});

describe('a store fault during intake', () => {
  it('answers 503 with a generic problem, the process stays up, and the retry succeeds', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zsm-fault-'));
    const real = await openDocStore({ store: 'sqlite', file: path.join(dir, 'zsm.db'), key: TEST_STORE_KEY });
    let failNext = 0;
    // The real store, with the next N writes failing as a broken disk or a Cosmos outage would.
    const faulty: DocStore = new Proxy(real, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          // Only the intake's own commit (it writes the case document): the job loop writes too, concurrently.
          const writesCase =
            prop === 'commit' && Array.isArray(args[0]) && (args[0] as { doc?: { kind?: string } }[]).some((op) => op.doc?.kind === 'case');
          if (writesCase && failNext > 0) {
            failNext--;
            return Promise.reject(new Error('SQLITE_IOERR: disk I/O error at /var/data/zsm.db'));
          }
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const t = await startTestHost({ db: faulty, dataDir: dir });
    try {
      const intake = sampleIntake();
      failNext = 1;
      const res = await postSignedCase(t.base, intake);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      const text = await res.text();
      expect(text).not.toContain('SQLITE');
      expect(JSON.parse(text)).toMatchObject({ status: 503, type: 'urn:zsm-hg-bot:problem:unavailable' });
      expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
      const retry = await postSignedCase(t.base, intake);
      expect(retry.status).toBe(201);
      tally.add('store fault during intake', '503 then 201');
    } finally {
      await t.stop();
      await real.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('start-up guard', () => {
  const base = { INTAKE_HMAC_SECRET: 'p'.repeat(40), PSEUDONYM_KEY: 'q'.repeat(40), STORE_ENCRYPTION_KEY: 'r'.repeat(40) };
  const problems = (env: Record<string, string>): string => {
    try {
      parseEnv(env);
      return '';
    } catch (e) {
      return e instanceof ConfigError ? e.problems.join('\n') : String(e);
    }
  };

  it.each([
    ['no app id, no LOCAL_MODE', { ...base }, /MICROSOFT_APP_ID: required unless LOCAL_MODE=true/],
    ['LOCAL_MODE on 0.0.0.0', { ...base, LOCAL_MODE: 'true', HOST: '0.0.0.0' }, /HOST: LOCAL_MODE=true runs only on a loopback host/],
    [
      'LOCAL_MODE in production',
      { ...base, LOCAL_MODE: 'true', NODE_ENV: 'production' },
      /LOCAL_MODE: must not be set with NODE_ENV=production/,
    ],
    [
      'local-dev secret with an app id',
      {
        ...base,
        INTAKE_HMAC_SECRET: LOCAL_DEV_SECRETS.INTAKE_HMAC_SECRET,
        MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
        MICROSOFT_APP_PASSWORD: 'p',
        MICROSOFT_APP_TENANT_ID: 't',
        ALLOWED_TENANT_IDS: 't',
      },
      /INTAKE_HMAC_SECRET: is the published local-development value/,
    ],
    [
      'http allowlist outside local mode',
      {
        ...base,
        MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
        MICROSOFT_APP_PASSWORD: 'p',
        MICROSOFT_APP_TENANT_ID: 't',
        ALLOWED_TENANT_IDS: 't',
        TEAMS_SERVICE_URLS: 'http://evil.example/',
      },
      /TEAMS_SERVICE_URLS.0: must be https/,
    ],
  ])('refuses: %s', (label, env, why) => {
    expect(problems(env)).toMatch(why);
    tally.add('start-up refused', label);
  });

  it('accepts a loopback developer run and an authenticated production run', () => {
    expect(problems({ ...base, LOCAL_MODE: 'true', ...LOCAL_DEV_SECRETS })).toBe('');
    expect(
      problems({
        ...base,
        NODE_ENV: 'production',
        HOST: '0.0.0.0',
        MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
        MICROSOFT_APP_PASSWORD: 'p',
        MICROSOFT_APP_TENANT_ID: 't',
        ALLOWED_TENANT_IDS: 't',
      }),
    ).toBe('');
  });

  it('the real process exits with the reason when started open on 0.0.0.0 in production', async () => {
    const out = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, '../../src/main.ts')], {
        env: { PATH: process.env.PATH, NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '0', ...LOCAL_DEV_SECRETS },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.on('exit', (code) => done({ code, stderr }));
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/MICROSOFT_APP_ID: required unless LOCAL_MODE=true/);
    expect(out.stderr).toMatch(/INTAKE_HMAC_SECRET: is the published local-development value/);
    expect(out.stderr).toMatch(/PSEUDONYM_KEY: is the published local-development value/);
    tally.add('start-up refused', 'real process, exit 2');
  }, 60_000);
});
