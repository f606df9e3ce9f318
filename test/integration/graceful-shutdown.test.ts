/**
 * Graceful shutdown with a real child process: SIGTERM arrives while the bot is posting a case card
 * (Teams has not answered yet). The bot stops taking work (/readyz 503), lets the call complete,
 * marks the job done (so no instance runs it again), releases nothing it should not, and exits 0.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDocStore } from '../../src/store/index';
import type { Job } from '../../src/store/jobs';
import { ConnectorStub } from '../helpers/connector-stub';
import { CHANNEL, sampleIntake, testRoster, USERS } from '../helpers/fixtures';
import { channelActivity, postSignedCase, sendActivity, waitFor } from '../helpers/host';
import { E2E_SECRETS, freePort, startBot, type BotHandle } from '../e2e/harness';

jest.setTimeout(120_000);

const isCaseCardPost = (call: { method: string; conversationId?: string; body: Record<string, unknown> }) =>
  call.method === 'POST' &&
  !call.conversationId &&
  (call.body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id === CHANNEL;

describe('SIGTERM while a Connector call is in flight', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zsm-sigterm-'));
  const stub = new ConnectorStub();
  let bot: BotHandle | undefined;

  beforeAll(async () => {
    await stub.start();
    stub.faults = { decide: (call) => (isCaseCardPost(call) ? 'hold' : undefined) };
    const rosterFile = join(dataDir, 'roster.json');
    writeFileSync(rosterFile, JSON.stringify(testRoster()));
    bot = await startBot({
      port: await freePort(),
      dataDir,
      // A long lease: nothing in this test can be re-run because a lease ran out.
      env: { ROSTER_FILE: rosterFile, JOB_POLL_MS: '100', JOB_LEASE_MS: '120000', LOG_LEVEL: 'info' },
    });
  });
  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await stub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('completes the call, marks the job done and exits 0', async () => {
    const b = bot!;
    await sendActivity(
      b.baseUrl,
      channelActivity(stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
    );
    const res = await postSignedCase(b.baseUrl, sampleIntake(), { secret: E2E_SECRETS.INTAKE_HMAC_SECRET });
    expect(res.status).toBe(201);
    const { caseId } = (await res.json()) as { caseId: string };

    // The case card post has reached "Teams", which does not answer yet.
    await waitFor('case card post in flight', () => stub.heldCount > 0 || undefined, 30_000);
    expect((await fetch(`${b.baseUrl}/readyz`)).status).toBe(200);

    const stopped = b.stop('SIGTERM');
    // Shutdown has begun: the bot tells the load balancer it takes no more work, and is still running.
    await waitFor('/readyz to turn 503', async () => (await fetch(`${b.baseUrl}/readyz`)).status === 503 || undefined, 10_000);
    expect(b.running()).toBe(true);
    expect(stub.successful('create')).toHaveLength(0);

    stub.releaseHeld(); // Teams answers
    await stopped;
    expect(b.exitStatus()).toEqual({ code: 0, signal: null });
    expect(b.output()).toContain('"msg":"stopped"');
    expect(stub.successful('create').filter(isCaseCardPost)).toHaveLength(1);

    // The job is recorded as done and no lease is left behind: no instance will post this card again.
    const db = await openDocStore({ store: 'sqlite', file: join(dataDir, 'zsm.db'), key: E2E_SECRETS.STORE_ENCRYPTION_KEY });
    try {
      const jobs = (await db.listPartition<Job>(caseId, 'job')).map((d) => d.body);
      const post = jobs.find((j) => j.type === 'postCard');
      expect(post).toMatchObject({ status: 'done', attempts: 1 });
      expect(post?.leaseOwner).toBeUndefined();
      expect(jobs.filter((j) => j.leaseOwner !== undefined)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
