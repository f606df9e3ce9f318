/**
 * Exactly-once escalation with real processes: the bot decides to escalate, starts posting the
 * Actieoverleg card, and is killed with SIGKILL before Teams answers. After a restart the post
 * happens, once. And two bot processes on one store, voting at the same moment, escalate once.
 */
import { caseCode } from '../../src/domain/case-code';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { ConnectorStub } from '../helpers/connector-stub';
import { AO_CHANNEL, sampleIntake, USERS } from '../helpers/fixtures';
import { channelActivity, executeInvoke, postSignedCase, sendActivity, startTestHost, TEST_SECRET, waitFor } from '../helpers/host';
import { E2E_SECRETS, type BotHandle } from '../e2e/harness';
import { startCrashBot } from '../helpers/crash-bot';

jest.setTimeout(120_000);

const aoCreates = (stub: ConnectorStub) =>
  stub.successful('create').filter((c) => (c.body.channelData as { channel: { id: string } }).channel.id === AO_CHANNEL);

async function postCase(base: string, secret: string): Promise<string> {
  const res = await postSignedCase(base, sampleIntake(), { secret });
  expect(res.status).toBe(201);
  return ((await res.json()) as { caseId: string }).caseId;
}

describe('SIGKILL between deciding and posting', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zsm-crash-'));
  const stub = new ConnectorStub();
  let bot: BotHandle | undefined;
  let hangActieoverleg = true;

  beforeAll(async () => {
    await stub.start();
    bot = await startCrashBot({ dataDir, stub, channelId: AO_CHANNEL, fault: 'hang', inFlight: () => hangActieoverleg });
  });
  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await stub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('posts the Actieoverleg card once after a restart', async () => {
    const b = bot!;
    await sendActivity(b.baseUrl, channelActivity(stub.url, USERS.vt, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }));
    const caseId = await postCase(b.baseUrl, E2E_SECRETS.INTAKE_HMAC_SECRET);
    await waitFor('case card', () => stub.successful('create').find((c) => JSON.stringify(c.body).includes(caseCode(caseId))));
    await sendActivity(
      b.baseUrl,
      executeInvoke(stub.url, USERS.vt, VERBS.voteConcern, {
        caseId,
        [INPUTS.voteReason]: 'Direct gevaar voor de kinderen',
        [INPUTS.voteAcute]: 'true',
      }),
    );
    // The bot decided and is now waiting for Teams to answer the Actieoverleg post: kill it there.
    await waitFor('Actieoverleg post in flight', () => stub.hung > 0 || undefined, 15_000);
    await b.stop('SIGKILL');
    expect(aoCreates(stub)).toHaveLength(0);

    hangActieoverleg = false;
    await b.restart();
    await waitFor('Actieoverleg post after restart', () => (aoCreates(stub).length > 0 ? true : undefined), 30_000);
    // Give a duplicate every chance (several poll and lease periods), then count.
    await new Promise((r) => setTimeout(r, 3000));
    expect(aoCreates(stub)).toHaveLength(1);
    // It is the Actieoverleg message of this case — minimal, without the buikpijn reason.
    expect(JSON.stringify(aoCreates(stub)[0].body)).toContain(`Actieoverleg — zaak ${caseCode(caseId)}`);
    expect(JSON.stringify(aoCreates(stub)[0].body)).not.toContain('Direct gevaar voor de kinderen');
  });
});

describe('two bot processes on one store', () => {
  it('escalate once when votes arrive at both at the same moment', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'zsm-two-'));
    const stub = new ConnectorStub();
    await stub.start();
    const a = await startTestHost({ dataDir, stub });
    const b = await startTestHost({ dataDir, stub });
    try {
      await sendActivity(
        a.base,
        channelActivity(stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
      );
      const caseId = await postCase(a.base, TEST_SECRET);
      await waitFor('case card', () => stub.successful('create').find((c) => JSON.stringify(c.body).includes(caseCode(caseId))));
      const voters = [USERS.politie, USERS.rvdk, USERS.vt, USERS.shn, USERS.reclassering, USERS.om];
      await Promise.all(
        voters.map((u, i) =>
          sendActivity(
            i % 2 === 0 ? a.base : b.base,
            executeInvoke(stub.url, u, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: `Acuut ${i}`, [INPUTS.voteAcute]: 'true' }),
          ),
        ),
      );
      await waitFor('Actieoverleg post', () =>
        aoCreates(stub).some((c) => JSON.stringify(c.body).includes(caseCode(caseId))) ? true : undefined,
      );
      await a.host.runner.runOnce();
      await b.host.runner.runOnce();
      await new Promise((r) => setTimeout(r, 500));
      expect(aoCreates(stub).filter((c) => JSON.stringify(c.body).includes(caseCode(caseId)))).toHaveLength(1);
      expect((await a.host.deps.repo.listAudit(caseId)).filter((e) => e.action === 'case.escalated')).toHaveLength(1);
    } finally {
      await a.stop();
      await b.stop();
      await stub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
