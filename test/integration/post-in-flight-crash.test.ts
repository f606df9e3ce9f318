/**
 * Issue 11, item 7: the in-flight window of a channel post. Teams accepts the case card's post, the bot
 * is killed (SIGKILL) before the answer arrives, so its reference was never stored. The Bot Connector
 * cannot read a channel back, so the window cannot be closed from the bot: after the restart the card is
 * posted again and that post says in its thread that it may be a duplicate. A post that never started
 * (or that Teams refused) is not marked.
 */
import { caseCode } from '../../src/domain/case-code';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nlDelivery } from '../../src/i18n/nl';
import { ConnectorStub } from '../helpers/connector-stub';
import { CHANNEL, sampleIntake, USERS } from '../helpers/fixtures';
import { channelActivity, postSignedCase, sendActivity, waitFor } from '../helpers/host';
import { E2E_SECRETS, type BotHandle } from '../e2e/harness';
import { startCrashBot } from '../helpers/crash-bot';

jest.setTimeout(120_000);

const caseCreates = (stub: ConnectorStub, caseId: string) =>
  stub
    .successful('create')
    .filter((c) => (c.body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id === CHANNEL)
    .filter((c) => JSON.stringify(c.body).includes(caseCode(caseId)));
const repliesIn = (stub: ConnectorStub, conversationPrefix: string) =>
  stub.successful('send').filter((c) => c.conversationId?.startsWith(conversationPrefix));

describe('SIGKILL after Teams accepted a post, before its reference was stored', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zsm-post-crash-'));
  const stub = new ConnectorStub();
  let bot: BotHandle | undefined;
  let acceptAndHang = true;

  beforeAll(async () => {
    await stub.start();
    // Teams takes the case card's post, but the answer never reaches the bot.
    bot = await startCrashBot({ dataDir, stub, channelId: CHANNEL, fault: 'accept-hang', inFlight: () => acceptAndHang });
  });
  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await stub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the post after the restart says in its thread that the case may be shown twice', async () => {
    const b = bot!;
    await sendActivity(b.baseUrl, channelActivity(stub.url, USERS.vt, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }));
    const res = await postSignedCase(b.baseUrl, sampleIntake(), { secret: E2E_SECRETS.INTAKE_HMAC_SECRET });
    expect(res.status).toBe(201);
    const { caseId } = (await res.json()) as { caseId: string };

    // Teams has the post; the bot is still waiting for the answer: kill it there.
    await waitFor(
      'the post accepted by Teams, unanswered',
      () => (caseCreates(stub, caseId).length === 1 && stub.hung > 0) || undefined,
      30_000,
    );
    await b.stop('SIGKILL');

    acceptAndHang = false;
    await b.restart();
    await waitFor('the post after the restart', () => (caseCreates(stub, caseId).length === 2 ? true : undefined), 60_000);
    const kept = caseCreates(stub, caseId)[1];
    const thread = `${CHANNEL};messageid=`;
    // the notice is a reply in the thread of the post that is kept (the one the bot now updates)
    const notice = await waitFor('the possible-duplicate notice', () =>
      repliesIn(stub, thread).find((c) => JSON.stringify(c.body).includes(nlDelivery.maybeDuplicate.slice(0, 40))),
    );
    const keptThread = [...stub.messages.keys()].find((k) => k.startsWith(thread) && stub.messages.get(k) === kept.body.activity);
    expect(keptThread).toBeDefined();
    expect(notice.conversationId).toBe(keptThread!.split('|')[0]);

    // a second case, posted normally, is not marked
    const res2 = await postSignedCase(b.baseUrl, sampleIntake(), { secret: E2E_SECRETS.INTAKE_HMAC_SECRET });
    const { caseId: second } = (await res2.json()) as { caseId: string };
    await waitFor('the second case card', () => (caseCreates(stub, second).length === 1 ? true : undefined), 30_000);
    const noticesBefore = repliesIn(stub, thread).filter((c) => JSON.stringify(c.body).includes(nlDelivery.maybeDuplicate.slice(0, 40)));
    expect(noticesBefore).toHaveLength(1);
  });
});
