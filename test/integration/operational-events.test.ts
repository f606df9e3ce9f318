/**
 * The three events the operations guide alerts on are logged with their stable names (the `event`
 * field), from the real code paths: a turn without a valid token or from a foreign tenant, a 429 from
 * "Teams" (the Connector stub), and a job that gives up for good.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { TEST_STORE_KEY } from '../helpers/stores';
import { LOOPBACK_SERVICE_URLS, ServiceUrlAllowlist } from '../../src/domain/service-urls';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { OutboundError, systemClock } from '../../src/app/ports';
import { loadConfig, parseEnv } from '../../src/config';
import { startHost, type Host } from '../../src/host';
import { JobRunner } from '../../src/jobs/runner';
import { createLogger } from '../../src/log';
import { newJob } from '../../src/store/jobs';
import { Repository } from '../../src/store/repository';
import { createAdapter } from '../../src/teams/adapter';
import { TeamsOutbound } from '../../src/teams/outbound';
import { EVENTS } from '../../src/telemetry';
import { ConnectorStub } from '../helpers/connector-stub';
import { testRoster, USERS } from '../helpers/fixtures';
import { channelActivity, sendActivity, TEST_PSEUDONYM_KEY, TEST_SECRET, waitFor } from '../helpers/host';
import { makeDocStore } from '../helpers/stores';

function logSink(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

async function hostWith(env: Record<string, string>, sink: Writable): Promise<{ host: Host; base: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zsm-events-'));
  const rosterFile = path.join(dir, 'roster.json');
  writeFileSync(rosterFile, JSON.stringify(testRoster()));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dir,
    ROSTER_FILE: rosterFile,
    INTAKE_HMAC_SECRET: TEST_SECRET,
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    STORE_ENCRYPTION_KEY: TEST_STORE_KEY,
    LOCAL_MODE: 'true',
    ...env,
  });
  const host = await startHost(config, { log: createLogger('info', sink) });
  return {
    host,
    base: `http://127.0.0.1:${host.port}`,
    stop: async () => {
      await host.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('operational events', () => {
  const stub = new ConnectorStub();
  beforeAll(() => stub.start());
  afterAll(() => stub.stop());

  it('turn.refused: an activity without a valid Bot Framework token', async () => {
    const { lines, stream } = logSink();
    const t = await hostWith(
      {
        MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
        MICROSOFT_APP_PASSWORD: 'not-used-in-this-test',
        MICROSOFT_APP_TENANT_ID: 'tenant-test-1',
        ALLOWED_TENANT_IDS: 'tenant-test-1',
      },
      stream,
    );
    try {
      const res = await sendActivity(t.base, channelActivity(stub.url, USERS.politie, { type: 'message', text: 'hallo' }));
      expect(res.status).toBe(401);
      expect(lines.filter((l) => l.event === EVENTS.turnRefused)).toEqual([
        expect.objectContaining({ why: 'authentication', status: 401 }),
      ]);
    } finally {
      await t.stop();
    }
  });

  it('turn.refused: an activity from a tenant outside the allowlist', async () => {
    const { lines, stream } = logSink();
    const t = await hostWith({ ALLOWED_TENANT_IDS: 'some-other-tenant' }, stream);
    try {
      await sendActivity(t.base, channelActivity(stub.url, USERS.politie, { type: 'message', text: 'hallo' }));
      expect(lines.filter((l) => l.event === EVENTS.turnRefused)).toEqual([expect.objectContaining({ why: 'tenant' })]);
    } finally {
      await t.stop();
    }
  });

  it('teams.throttled: a 429 from the Connector, and not a 503', async () => {
    const { lines, stream } = logSink();
    const adapter = createAdapter(
      parseEnv({
        INTAKE_HMAC_SECRET: TEST_SECRET,
        PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
        STORE_ENCRYPTION_KEY: TEST_STORE_KEY,
        LOCAL_MODE: 'true',
      }),
    );
    const refs = {
      getConversationRef: async () => ({
        serviceUrl: stub.url,
        conversationId: '19:c@thread.tacv2',
        channelId: 'msteams',
        tenantId: 't',
        botId: '28:b',
      }),
    };
    const outbound = new TeamsOutbound(adapter, '', refs, {
      log: createLogger('info', stream),
      serviceUrls: ServiceUrlAllowlist.from(LOOPBACK_SERVICE_URLS),
    });
    const ref = await outbound.postCardToChannel(
      '19:c@thread.tacv2',
      { type: 'AdaptiveCard', version: '1.5', body: [] },
      { idempotencyKey: 'k' },
    );
    stub.faults = { decide: () => 503 };
    await expect(outbound.updateCard(ref, { type: 'AdaptiveCard', version: '1.5', body: [] })).rejects.toBeInstanceOf(OutboundError);
    expect(lines.filter((l) => l.event === EVENTS.teamsThrottled)).toEqual([]);
    stub.faults = { decide: () => 429 };
    await expect(outbound.updateCard(ref, { type: 'AdaptiveCard', version: '1.5', body: [] })).rejects.toBeInstanceOf(OutboundError);
    stub.faults = undefined;
    expect(lines.filter((l) => l.event === EVENTS.teamsThrottled)).toEqual([
      expect.objectContaining({ op: 'update card', conversationId: ref.conversationId, retryAfterMs: 1000 }),
    ]);
  });

  it('job.dead: a job that fails for good', async () => {
    const { lines, stream } = logSink();
    const store = await makeDocStore('sqlite');
    try {
      const repo = new Repository(store.db);
      const now = new Date().toISOString();
      await repo.requestJob(newJob({ id: 'job:postCard', caseId: 'case-1', type: 'postCard', dueAt: now, now }));
      const runner = new JobRunner(
        repo,
        {
          postCard: async () => {
            throw new OutboundError('post card failed with HTTP 403', false);
          },
        },
        systemClock,
        createLogger('info', stream),
        { pollMs: 100, leaseMs: 5000 },
      );
      await runner.runOnce();
      await waitFor('job dead', async () => ((await repo.getJob('case-1', 'job:postCard'))?.body.status === 'dead' ? true : undefined));
      expect(lines.filter((l) => l.event === EVENTS.jobDead)).toEqual([
        expect.objectContaining({ caseId: 'case-1', jobId: 'job:postCard', type: 'postCard', why: 'permanent' }),
      ]);
    } finally {
      await store.cleanup();
    }
  });
});
