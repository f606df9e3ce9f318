import { OutboundError } from '../../../src/app/ports';
import type { AdaptiveCard } from '../../../src/cards/types';
import { parseEnv } from '../../../src/config';
import type { ConversationRefData } from '../../../src/store/repository';
import { createAdapter } from '../../../src/teams/adapter';
import { TeamsOutbound, type ConnectorOps, type TeamsOutboundOptions } from '../../../src/teams/outbound';
import type { RateLimiter } from '../../../src/teams/rate-limit';
import { LOOPBACK_SERVICE_URLS, ServiceUrlAllowlist } from '../../../src/domain/service-urls';

// A real Connector stub, a real SQLite store and real timers: the hang guard of the suites with real parts
// (test/helpers/hang-guard.ts), not Jest's 5 s tuned to an idle machine.
jest.setTimeout(60_000);

const serviceUrls = ServiceUrlAllowlist.from([...LOOPBACK_SERVICE_URLS, 'https://smba.example/']);
import { ConnectorStub } from '../../helpers/connector-stub';
import { makeDocStore, type TestStore } from '../../helpers/stores';
import { PostMarks } from '../../../src/store/post-marks';
import type { DocStore } from '../../../src/store/docstore';

const CHANNEL = '19:zsm-mn-hg@thread.tacv2';
const TENANT = 'tenant-test-1';

function caseCard(caseId: string, text = 'stand 1'): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text }],
    refresh: { action: { type: 'Action.Execute', verb: 'case.refresh', data: { caseId } } },
  };
}

/** Records what it was asked; never waits. */
class RecordingLimiter implements RateLimiter {
  readonly acquired: string[] = [];
  readonly paused: { key: string; ms: number }[] = [];
  async acquire(key: string): Promise<void> {
    this.acquired.push(key);
  }
  pause(key: string, ms: number): void {
    this.paused.push({ key, ms });
  }
}

function refsFor(serviceUrl: string): { getConversationRef(key: string): Promise<ConversationRefData | null> } {
  return {
    getConversationRef: async () => ({ serviceUrl, conversationId: CHANNEL, channelId: 'msteams', tenantId: TENANT, botId: '28:bot-id' }),
  };
}

describe('TeamsOutbound against the Connector stub (real botbuilder client)', () => {
  const stub = new ConnectorStub();
  const env = parseEnv({
    INTAKE_HMAC_SECRET: 'x'.repeat(40),
    PSEUDONYM_KEY: 'y'.repeat(40),
    STORE_ENCRYPTION_KEY: 'z'.repeat(40),
    LOCAL_MODE: 'true',
  });
  const adapter = createAdapter(env);
  // Like the bot (teams-ai app.error): an error inside a turn is logged and swallowed.
  const swallowed: unknown[] = [];
  adapter.onTurnError = async (_ctx, err) => {
    swallowed.push(err);
  };
  let limiter: RecordingLimiter;
  const outbound = (opts: Partial<TeamsOutboundOptions> = {}): TeamsOutbound =>
    new TeamsOutbound(adapter, '', refsFor(stub.url), { limiter, serviceUrls, ...opts });

  beforeAll(() => stub.start());
  afterAll(() => stub.stop());
  beforeEach(() => {
    stub.calls.length = 0;
    stub.faults = undefined;
    limiter = new RecordingLimiter();
    swallowed.length = 0;
  });

  it('posts a card as a new channel thread and returns where it landed', async () => {
    const ref = await outbound().postCardToChannel(CHANNEL, caseCard('c1'));
    expect(ref.conversationId).toBe(`${CHANNEL};messageid=${ref.activityId}`);
    expect(ref.serviceUrl).toBe(stub.url);
    const [create] = stub.successful('create');
    expect(create.body).toMatchObject({ isGroup: true, channelData: { channel: { id: CHANNEL }, tenant: { id: TENANT } } });
    expect(ConnectorStub.cardOf(create.body)).toMatchObject({ body: [{ text: 'stand 1' }] });
  });

  it('counts every call against the rate limit of the channel, also updates and replies in a thread', async () => {
    const o = outbound();
    const ref = await o.postCardToChannel(CHANNEL, caseCard('c1'));
    await o.updateCard(ref, caseCard('c1', 'stand 2'));
    await o.replyInThread(ref, { text: 'herinnering' });
    expect(limiter.acquired).toEqual([CHANNEL, CHANNEL, CHANNEL]);
    expect(stub.successful('update')).toHaveLength(1);
    expect(stub.successful('send')).toHaveLength(1);
    expect(stub.messages.get(`${ref.conversationId}|${ref.activityId}`)).toMatchObject({ id: ref.activityId });
  });

  it('sends mention entities with a reply that mentions people', async () => {
    const o = outbound();
    const ref = await o.postCardToChannel(CHANNEL, caseCard('c1'));
    await o.replyInThread(ref, {
      text: 'Nog geen stem: <at>Plaatsvervanger politie</at>',
      mentions: [{ label: 'Plaatsvervanger politie', mri: '29:abc' }],
    });
    const [send] = stub.successful('send');
    expect(send.conversationId).toBe(ref.conversationId);
    expect(send.body.entities).toEqual([
      { type: 'mention', text: '<at>Plaatsvervanger politie</at>', mentioned: { id: '29:abc', name: 'Plaatsvervanger politie' } },
    ]);
  });

  it("makes exactly one request per attempt: the Connector SDK's own retries are off (the job loop retries)", async () => {
    const o = outbound();
    const ref = await o.postCardToChannel(CHANNEL, caseCard('c1'));
    stub.faults = { decide: () => 503 };
    await expect(o.updateCard(ref, caseCard('c1', 'x'))).rejects.toMatchObject({
      retryable: true,
      message: 'update card failed with HTTP 503',
    });
    await expect(o.postCardToChannel(CHANNEL, caseCard('c2'))).rejects.toMatchObject({ retryable: true });
    expect(stub.calls.filter((c) => '_fault' in c.body).map((c) => c.method)).toEqual(['PUT', 'POST']);
  });

  it('(control) with the SDK retries left on, one call would hide a second request', async () => {
    const o = outbound({ sdkRetries: true });
    const ref = await o.postCardToChannel(CHANNEL, caseCard('c1'));
    let n = 0;
    stub.faults = { decide: () => (n++ === 0 ? 503 : undefined) };
    await o.updateCard(ref, caseCard('c1', 'x'));
    expect(stub.calls.filter((c) => c.method === 'PUT')).toHaveLength(2);
  });

  it('reads Retry-After from a real 429 and pauses the whole channel for it', async () => {
    const o = outbound();
    const ref = await o.postCardToChannel(CHANNEL, caseCard('c1'));
    stub.faults = { decide: () => 429 };
    const err = await o.updateCard(ref, caseCard('c1', 'x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect(err).toMatchObject({ retryable: true, retryAfterMs: 1000 }); // the stub sends Retry-After: 1
    expect(limiter.paused).toEqual([{ key: CHANNEL, ms: 1000 }]);
  });

  it.each([404, 403, 400])('reports HTTP %i as not retryable', async (status) => {
    const o = outbound();
    const ref = await o.postCardToChannel(CHANNEL, caseCard('c1'));
    stub.faults = { decide: () => status };
    await expect(o.updateCard(ref, caseCard('c1', 'x'))).rejects.toMatchObject({ retryable: false });
    await expect(o.replyInThread(ref, { text: 'x' })).rejects.toMatchObject({ retryable: false });
  });

  it("reports a failed update although the bot's onTurnError swallows errors inside a turn", async () => {
    const o = outbound();
    const ref = await o.postCardToChannel(CHANNEL, caseCard('c1'));
    stub.faults = { decide: () => 412 };
    await expect(o.updateCard(ref, caseCard('c1', 'x'))).rejects.toMatchObject({
      retryable: true,
      message: 'update card failed with HTTP 412',
    });
    expect(swallowed).toEqual([]);
  });

  it('gives up on an update that gets no answer (retryable), instead of holding the job', async () => {
    const o = outbound({ timeoutMs: 150 });
    const ref = await o.postCardToChannel(CHANNEL, caseCard('c1'));
    stub.faults = { decide: (c) => (c.method === 'PUT' ? 'hang' : undefined) };
    await expect(o.updateCard(ref, caseCard('c1', 'x'))).rejects.toMatchObject({
      retryable: true,
      message: 'update card: no answer within 150 ms',
    });
  });

  it('a thread creation answered while the process was stalled past createSettleMs is adopted by the retry, not posted again', async () => {
    const settleMs = 400;
    const o = outbound({ timeoutMs: 100, createSettleMs: settleMs });
    stub.faults = { decide: (c) => (c.method === 'POST' && !c.conversationId ? 'hold' : undefined) };
    const first = o.postCardToChannel(CHANNEL, caseCard('c1')).catch((e: unknown) => e);
    while (stub.heldCount === 0) await new Promise((r) => setImmediate(r));
    const held = Date.now(); // the creation started before this: its timers are overdue by held + settleMs
    // Teams answers, and at that moment the process stalls (busy, or starved of CPU) until the creation's
    // timeout and settle timer are both overdue: the answer waits in the client's socket.
    const stalled = new Promise<void>((resolve) => {
      stub.onAnswered = () => {
        stub.onAnswered = undefined;
        while (Date.now() < held + settleMs + 50) {
          /* a stalled event loop */
        }
        resolve();
      };
    });
    stub.releaseHeld();
    await stalled;
    expect(await first).toMatchObject({ retryable: true, message: expect.stringContaining('outcome unknown') });
    // The retry adopts the answer that had arrived; without waiting for it, a second card was posted.
    const retry = await o.postCardToChannel(CHANNEL, caseCard('c1'));
    const creates = stub.successful('create');
    expect(creates).toHaveLength(1);
    expect(stub.calls.filter((c) => c.method === 'POST' && !c.conversationId)).toHaveLength(1);
    expect(retry.conversationId).toBe(`${CHANNEL};messageid=${retry.activityId}`);
    expect(stub.messages.has(`${retry.conversationId}|${retry.activityId}`)).toBe(true);
  });

  it('asks for the app to be installed when there is no conversation reference yet (retryable, later)', async () => {
    const o = new TeamsOutbound(adapter, '', { getConversationRef: async () => null }, { limiter, serviceUrls });
    await expect(o.postCardToChannel(CHANNEL, caseCard('c1'))).rejects.toMatchObject({ retryable: true, retryAfterMs: 5_000 });
    expect(limiter.acquired).toEqual([]);
  });
});

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A Connector whose thread creations answer when the test says so (or are aborted). */
/** The adapter in local mode (the Agents Playground's settings): no credentials needed. */
function localAdapter(): ReturnType<typeof createAdapter> {
  return createAdapter(
    parseEnv({
      INTAKE_HMAC_SECRET: 'x'.repeat(40),
      PSEUDONYM_KEY: 'y'.repeat(40),
      STORE_ENCRYPTION_KEY: 'z'.repeat(40),
      LOCAL_MODE: 'true',
    }),
  );
}

/** Teams' answer to a thread creation: the thread "<channel>;messageid=<n>". */
const answer = (n: number): { id: string; activityId: string } => ({ id: `${CHANNEL};messageid=${n}`, activityId: String(n) });

class ScriptedConnector implements ConnectorOps {
  readonly creates: { params: unknown; answer: Deferred<{ id?: string; activityId?: string }>; aborted: Promise<void> }[] = [];
  readonly updates: { conversationId: string; activityId: string; text: string }[] = [];
  createConversation(params: unknown, options: { abortSignal: AbortSignal }): Promise<{ id?: string; activityId?: string }> {
    const answer = deferred<{ id?: string; activityId?: string }>();
    const aborted = new Promise<void>((resolve) =>
      options.abortSignal.addEventListener('abort', () => {
        answer.reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
        resolve();
      }),
    );
    this.creates.push({ params, answer, aborted });
    return answer.promise;
  }
  async updateActivity(
    conversationId: string,
    activityId: string,
    activity: { attachments?: { content?: AdaptiveCard }[] },
  ): Promise<unknown> {
    const body = activity.attachments?.[0]?.content?.body?.[0] as { text?: string } | undefined;
    this.updates.push({ conversationId, activityId, text: body?.text ?? '' });
    return {};
  }
  async sendToConversation(): Promise<unknown> {
    return {};
  }
}

describe('TeamsOutbound: a thread creation that times out is ambiguous, so it is never posted twice by a retry', () => {
  let connector: ScriptedConnector;
  let outbound: TeamsOutbound;
  const adapter = localAdapter();

  beforeEach(() => {
    connector = new ScriptedConnector();
    outbound = new TeamsOutbound(adapter, '', refsFor('https://smba.example/'), {
      limiter: new RecordingLimiter(),
      serviceUrls,
      timeoutMs: 20,
      createSettleMs: 200,
      connector: async () => connector,
    });
  });

  it('the retry waits for the creation still in flight and adopts its late answer', async () => {
    const first = await outbound.postCardToChannel(CHANNEL, caseCard('c1')).catch((e: unknown) => e);
    expect(first).toMatchObject({ retryable: true, message: expect.stringContaining('outcome unknown') });
    // Second attempt while Teams still has not answered: no second POST; the job is deferred (not a failed attempt).
    await expect(outbound.postCardToChannel(CHANNEL, caseCard('c1'))).rejects.toMatchObject({ retryable: true, deferred: true });
    expect(connector.creates).toHaveLength(1);
    connector.creates[0].answer.resolve(answer(1001));
    const ref = await outbound.postCardToChannel(CHANNEL, caseCard('c1'));
    expect(ref).toMatchObject({ conversationId: `${CHANNEL};messageid=1001`, activityId: '1001' });
    expect(connector.creates).toHaveLength(1);
    expect(connector.updates).toEqual([]); // same card: nothing to bring up to date
    // Once adopted it is forgotten: a later post of the same case is a new post.
    void outbound.postCardToChannel(CHANNEL, caseCard('c1')).catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    expect(connector.creates).toHaveLength(2);
  });

  it('an adopted post made with an older card is updated to the newest card', async () => {
    await outbound.postCardToChannel(CHANNEL, caseCard('c1', 'stand 1')).catch(() => undefined);
    connector.creates[0].answer.resolve(answer(1002));
    const ref = await outbound.postCardToChannel(CHANNEL, caseCard('c1', 'stand 2 (met stem)'));
    expect(ref.activityId).toBe('1002');
    expect(connector.creates).toHaveLength(1);
    expect(connector.updates).toEqual([{ conversationId: `${CHANNEL};messageid=1002`, activityId: '1002', text: 'stand 2 (met stem)' }]);
  });

  it('two attempts at the same moment for the same post make one request', async () => {
    const both = Promise.allSettled([
      outbound.postCardToChannel(CHANNEL, caseCard('c1')),
      outbound.postCardToChannel(CHANNEL, caseCard('c1')),
    ]);
    await new Promise((r) => setImmediate(r));
    for (const c of connector.creates) c.answer.resolve(answer(1005));
    expect(connector.creates).toHaveLength(1);
    expect(await both).toMatchObject([{ value: { activityId: '1005' } }, { value: { activityId: '1005' } }]);
  });

  it('keeps posts of different cases apart', async () => {
    await outbound.postCardToChannel(CHANNEL, caseCard('c1')).catch(() => undefined);
    const second = outbound.postCardToChannel(CHANNEL, caseCard('c2'));
    await new Promise((r) => setImmediate(r));
    expect(connector.creates).toHaveLength(2);
    connector.creates[1].answer.resolve(answer(2001));
    await expect(second).resolves.toMatchObject({ activityId: '2001' });
  });

  it('a creation without any answer is abandoned after createSettleMs; only then does the retry post anew', async () => {
    await outbound.postCardToChannel(CHANNEL, caseCard('c1')).catch(() => undefined);
    await connector.creates[0].aborted;
    const retry = outbound.postCardToChannel(CHANNEL, caseCard('c1'));
    await new Promise((r) => setImmediate(r));
    expect(connector.creates).toHaveLength(2);
    connector.creates[1].answer.resolve(answer(1003));
    await expect(retry).resolves.toMatchObject({ activityId: '1003' });
  });

  it('a creation that failed with an answer (e.g. 503) is not adopted: the retry posts anew', async () => {
    const first = outbound.postCardToChannel(CHANNEL, caseCard('c1'));
    await new Promise((r) => setImmediate(r));
    connector.creates[0].answer.reject(Object.assign(new Error('x'), { statusCode: 503 }));
    await expect(first).rejects.toMatchObject({ retryable: true, message: 'create channel thread failed with HTTP 503' });
    const retry = outbound.postCardToChannel(CHANNEL, caseCard('c1'));
    await new Promise((r) => setImmediate(r));
    expect(connector.creates).toHaveLength(2);
    connector.creates[1].answer.resolve(answer(1004));
    await expect(retry).resolves.toMatchObject({ activityId: '1004' });
  });

  it('an explicit idempotency key wins over the card (a card without refresh action can be protected too)', async () => {
    const plain: AdaptiveCard = { type: 'AdaptiveCard', version: '1.5', body: [] };
    await outbound.postCardToChannel(CHANNEL, plain, { idempotencyKey: 'agenda:mn:09:00' }).catch(() => undefined);
    await outbound.postCardToChannel(CHANNEL, plain, { idempotencyKey: 'agenda:mn:09:00' }).catch(() => undefined);
    expect(connector.creates).toHaveLength(1);
    // Without any key there is nothing to recognise a retry by: each attempt posts (documented limitation).
    await outbound.postCardToChannel(CHANNEL, plain).catch(() => undefined);
    await outbound.postCardToChannel(CHANNEL, plain).catch(() => undefined);
    expect(connector.creates).toHaveLength(3);
    for (const c of connector.creates) c.answer.resolve(answer(9));
  });
});

describe('TeamsOutbound: two instances on one store share what they know of a post in flight (durable markers)', () => {
  const adapter = localAdapter();
  /** The marker of a case card's post: the channel and the card's refresh action. */
  const markKey = (caseId: string): string => `${CHANNEL}|${JSON.stringify({ verb: 'case.refresh', data: { caseId } })}`;
  let store: TestStore;
  let second: DocStore;
  let clock: number;
  /** `timeoutMs`: how long a caller waits for Teams (short: the answer comes "late"). */
  const instance = (db: DocStore, connector: ScriptedConnector, timeoutMs = 20): TeamsOutbound =>
    new TeamsOutbound(adapter, '', refsFor('https://smba.example/'), {
      limiter: new RecordingLimiter(),
      serviceUrls,
      timeoutMs,
      createSettleMs: 60_000,
      connector: async () => connector,
      postMarks: new PostMarks(db),
      now: () => clock,
    });

  beforeEach(async () => {
    store = await makeDocStore('sqlite');
    second = await store.connectAgain();
    clock = Date.parse('2026-11-29T21:00:00Z');
  });
  afterEach(async () => {
    await second.close();
    await store.cleanup();
  });

  it('a post answered late at instance A is adopted by the retry at instance B, not posted again', async () => {
    const atA = new ScriptedConnector();
    const atB = new ScriptedConnector();
    const a = instance(store.db, atA);
    // B is never meant to time out (its requests are answered by the test): it waits as long as it takes.
    const b = instance(second, atB, 60_000);
    // A's attempt: Teams takes the post, the answer does not come in time; the job is released.
    expect(await a.postCardToChannel(CHANNEL, caseCard('c1')).catch((e: unknown) => e)).toMatchObject({ retryable: true });
    // A's caller may give up before the request is out (its marker is written first): wait for the request.
    await waitUntil(async () => atA.creates.length === 1);
    // The retry runs at B while A may still hear Teams: B waits (a deferral, not a failed attempt).
    await expect(b.postCardToChannel(CHANNEL, caseCard('c1', 'stand 2'))).rejects.toMatchObject({ deferred: true });
    expect(atB.creates).toHaveLength(0);
    // Teams' answer reaches A; A keeps where the post landed in the marker.
    atA.creates[0].answer.resolve(answer(3001));
    await waitUntil(async () => (await new PostMarks(second).peek(markKey('c1')))?.posted !== undefined);
    const adopted = await b.postCardToChannel(CHANNEL, caseCard('c1', 'stand 2'));
    expect(adopted).toMatchObject({ conversationId: `${CHANNEL};messageid=3001`, activityId: '3001' });
    expect(atA.creates.length + atB.creates.length).toBe(1);
    expect(atB.updates).toEqual([{ conversationId: `${CHANNEL};messageid=3001`, activityId: '3001', text: 'stand 2' }]);
    expect(await new PostMarks(second).peek(markKey('c1'))).toBeNull(); // adopted: the marker is gone
  });

  it('a marker without an answer (instance A died) holds B back for the settle time, then B posts anew as a possible duplicate', async () => {
    const atA = new ScriptedConnector();
    const atB = new ScriptedConnector();
    const a = instance(store.db, atA);
    // B is never meant to time out (its requests are answered by the test): it waits as long as it takes.
    const b = instance(second, atB, 60_000);
    await a.postCardToChannel(CHANNEL, caseCard('c2')).catch(() => undefined); // A dies with this post unanswered
    await waitUntil(async () => atA.creates.length === 1); // its marker is written before the request goes out
    await expect(b.postCardToChannel(CHANNEL, caseCard('c2'))).rejects.toMatchObject({ deferred: true });
    clock += 60_001;
    const retry = b.postCardToChannel(CHANNEL, caseCard('c2'));
    await waitUntil(async () => atB.creates.length === 1);
    atB.creates[0].answer.resolve(answer(3002));
    await expect(retry).resolves.toMatchObject({ activityId: '3002', maybeDuplicate: true });
    expect(await new PostMarks(second).peek(markKey('c2'))).toBeNull();
  });

  it('a post answered in time leaves no marker, and a later post of another card is not held back', async () => {
    const atA = new ScriptedConnector();
    const a = instance(store.db, atA, 60_000); // the caller waits: the answer comes in time
    const first = a.postCardToChannel(CHANNEL, caseCard('c3'));
    await waitUntil(async () => atA.creates.length === 1);
    atA.creates[0].answer.resolve(answer(3003));
    await expect(first).resolves.toMatchObject({ activityId: '3003' });
    expect(await new PostMarks(second).peek(markKey('c3'))).toBeNull();
  });
});

/** Polls until `ok` holds; Jest's timeout (60 s here) reports a condition never reached. */
async function waitUntil(ok: () => Promise<boolean>): Promise<void> {
  while (!(await ok())) await new Promise((r) => setTimeout(r, 5));
}
