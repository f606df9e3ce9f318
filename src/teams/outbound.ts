import {
  CardFactory,
  MessageFactory,
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import type { Outbound } from '../app/ports';
import { OutboundError, RecipientUnreachableError } from '../app/ports';
import type { AdaptiveCard } from '../cards/types';
import type { ServiceUrlAllowlist } from '../domain/service-urls';
import type { Logger } from '../log';
import type { CardRef, Repository } from '../store/repository';
import { ClientCache } from './client-cache';
import { channelRefKey, LATEST_TEAM_KEY, userRefKey } from './conversation-refs';
import { conversationKey, OutboundDeferral, SlidingWindowLimiter, type RateLimiter } from './rate-limit';
import { awakeTimeout } from './awake-timeout';
import { countEvent, EVENTS, SpanStatusCode, startSpan, withSpan } from '../telemetry';

/** 408, 412 (Teams under load), 429 and 5xx are worth another try; other 4xx will fail the same way again. */
const RETRYABLE_4XX = new Set([408, 412, 429]);
/** A Retry-After beyond this is treated as this (a broken header must not park a job for days). */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status >= 500 || RETRYABLE_4XX.has(status);
}

type HeaderBag = { get?: (name: string) => string | null | undefined } & Record<string, unknown>;

function header(headers: HeaderBag | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const v = typeof headers.get === 'function' ? headers.get(name) : (headers[name] ?? headers[name.toLowerCase()]);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * How long the server asked us to wait: `retry-after-ms` / `x-ms-retry-after-ms` (milliseconds), or
 * `Retry-After` as delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Undefined when absent or unreadable.
 */
export function parseRetryAfterMs(headers: HeaderBag | undefined, now = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const v = header(headers, name);
    if (v !== undefined && /^\d+(\.\d+)?$/.test(v)) return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(v)));
  }
  const v = header(headers, 'retry-after');
  if (v === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(v) * 1000));
  // An HTTP-date names its month ("Sun, 06 Nov 1994 08:49:37 GMT"); Date.parse alone would take "-3" as a year.
  const at = /[A-Za-z]{3}/.test(v) ? Date.parse(v) : NaN;
  if (!Number.isFinite(at)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now));
}

type ConnectorFailure = { statusCode?: unknown; code?: unknown; name?: unknown; response?: { status?: unknown; headers?: HeaderBag } };

/** The HTTP status of a Connector failure, if it got an answer at all. */
export function connectorStatus(e: unknown): number | undefined {
  const err = (e ?? {}) as ConnectorFailure;
  const rawStatus = typeof err.statusCode === 'number' ? err.statusCode : err.response?.status;
  return typeof rawStatus === 'number' && rawStatus > 0 ? rawStatus : undefined;
}

/** Turn a Connector failure into an OutboundError that says whether (and when) to retry. */
export function toOutboundError(e: unknown, what: string, now = Date.now()): OutboundError {
  if (e instanceof OutboundError) return e;
  const err = (e ?? {}) as ConnectorFailure;
  const status = connectorStatus(e);
  const retryAfterMs = parseRetryAfterMs(err.response?.headers, now);
  // No status = the request got no answer (refused, reset, DNS, aborted): worth retrying.
  const detail =
    status !== undefined
      ? `with HTTP ${status}`
      : `(${typeof err.code === 'string' ? err.code : typeof err.name === 'string' ? err.name : 'network error'})`;
  return new OutboundError(`${what} failed ${detail}`, isRetryableStatus(status), retryAfterMs);
}

/** The Connector operations used here (a subset of botframework-connector's `Conversations`). */
export interface ConnectorOps {
  createConversation(
    parameters: ConversationParameters,
    options: { abortSignal: AbortSignal },
  ): Promise<{ id?: string; activityId?: string }>;
  updateActivity(
    conversationId: string,
    activityId: string,
    activity: Partial<Activity>,
    options: { abortSignal: AbortSignal },
  ): Promise<unknown>;
  sendToConversation(conversationId: string, activity: Partial<Activity>, options: { abortSignal: AbortSignal }): Promise<unknown>;
}

export interface TeamsOutboundOptions {
  /** Where Connector calls may go; a call to any other service URL fails at once, not retried. */
  serviceUrls: ServiceUrlAllowlist;
  /** A Connector call without an answer by then fails as retryable (and is aborted, except a thread creation). Default 15 s. */
  timeoutMs?: number;
  /**
   * A thread creation that timed out stays in flight this long, so that a late answer is adopted by the
   * retry instead of posting a second card; after that it is aborted and the retry posts anew. Default 120 s.
   */
  createSettleMs?: number;
  /** Per-conversation rate limit; default: Teams' per-thread limits, at most 10 s of waiting per call. */
  limiter?: RateLimiter;
  /** Keep the Connector SDK's own retry policy (default false: retries belong to the durable job loop). */
  sdkRetries?: boolean;
  /**
   * Durable markers of thread creations in flight (src/store/post-marks.ts): a post whose earlier
   * attempt died unanswered comes back with `maybeDuplicate`. Without it, only in-process adoption.
   */
  postMarks?: PostMarksPort;
  /** Where the Connector client comes from (tests); default: the adapter's, as for a proactive turn. */
  connector?: (serviceUrl: string, conversationId: string) => Promise<ConnectorOps>;
  log?: Logger;
  now?: () => number;
  /** LOCAL_MODE (the Agents Playground): the "no reference yet" message names the Playground, not an app installation. */
  localMode?: boolean;
}

/**
 * Durable markers of thread creations in flight, shared by every instance on the store. A marker found
 * with `posted`: Teams answered after its caller had given up, and the post is adopted. Without it, the
 * outcome is still open (another instance may yet hear it) or lost (that instance died).
 */
export interface PostMarksPort {
  /** Writes our marker; returns the one an earlier attempt left, if any. */
  begin(key: string, at: string): Promise<{ startedAt: string } | null>;
  /** The marker as it stands, without writing. */
  peek(key: string): Promise<{ startedAt: string; posted?: CardRef } | null>;
  /** Teams answered after the caller gave up: keep where the post landed for the retry, wherever it runs. */
  settle(key: string, posted: CardRef): Promise<void>;
  end(key: string): Promise<void>;
}

const NO_REF_TEAMS = 'no conversation reference for the channel yet (install the app in the team)';
/** Local mode: `npm start` installs the app in the Playground's team at start; a bot started on its own learns it when the channel is opened. */
const NO_REF_LOCAL =
  'no conversation reference for the channel yet (local mode: the Playground has not opened or installed this channel; npm start does that at start)';

/** A thread creation that may still be under way: the retry of the same post waits for it instead of posting again. */
interface CreateInFlight {
  promise: Promise<CardRef>;
  /** JSON of the card it posts: a retry with a newer card updates the adopted post. */
  card: string;
  /** When it is aborted if Teams has not answered (now + createSettleMs at the start). */
  abandonAt: number;
  settledAt?: number;
  failed?: boolean;
  /** The caller that started it gave up waiting (so a later success is "late"). */
  timedOut: boolean;
  /** A durable marker showed an earlier attempt (another process, before a restart) with an unknown outcome. */
  maybeDuplicate?: boolean;
}

class CallTimeout extends Error {}

function within<T>(p: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(new CallTimeout());
    }, ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * What a card shows, for keying a post when the caller gives no key: its refresh action (verb + data,
 * e.g. the case card's refresh of case X). A card without one gets no key: no in-flight adoption.
 */
function cardIdentity(card: AdaptiveCard): string | undefined {
  const action = (card.refresh as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  return action?.verb === undefined ? undefined : JSON.stringify({ verb: action.verb, data: action.data });
}

const SDK_RETRY_POLICY = 'defaultRetryPolicy';
/** A retry that finds its post still unanswered waits this long for it, then defers. */
const ATTACH_WAIT_MS = 1000;
/** ...and comes back after at most this. */
const DEFER_MS = 5000;

/**
 * Posts and updates cards in Teams channels through the Bot Connector.
 *
 * Every call: waits for the conversation's rate limit (RateLimiter), then calls the Connector with a
 * timeout. Failures become OutboundError (retryable or not, with Retry-After); the job loop does the
 * retrying, durably. The Connector SDK's own hidden retries (up to 3, POST included) are switched off
 * for our calls, so that every attempt is counted by the limiter and seen by the job loop.
 *
 * Timeouts: an update is aborted; a late duplicate PUT is harmless (the retry sends the newest card).
 * A thread creation is ambiguous: Teams may have posted it without us hearing back, and Teams has no
 * idempotency key. So it is not aborted at the timeout: the retry of the same post (same channel and
 * case) attaches to the request still in flight and adopts its result — updating it to the newest card
 * if needed — instead of posting a second card; while there is no answer yet the retry is deferred
 * (OutboundDeferral: not counted towards the job going dead). Only after `createSettleMs` without an
 * answer is the request aborted and the card posted anew (logged: a duplicate is then possible). This
 * holds within one process; a retry picked up by another process, or after a restart, can still post
 * once more (decisions §4).
 * Replies in a thread are aborted at the timeout like updates, so a timed-out reply may appear twice.
 */
export class TeamsOutbound implements Outbound {
  private readonly timeoutMs: number;
  private readonly createSettleMs: number;
  readonly limiter: RateLimiter;
  private readonly creates = new Map<string, CreateInFlight>();
  private readonly now: () => number;
  private warnedSdkRetries = false;
  private readonly clients = new ClientCache<ConnectorOps>(() => this.now());
  /** Connector clients built so far (one per service URL and CLIENT_MAX_AGE_MS): for tests and the bench. */
  get clientsBuilt(): number {
    return this.clients.built;
  }

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly repo: Pick<Repository, 'getConversationRef'>,
    private readonly opts: TeamsOutboundOptions,
  ) {
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.createSettleMs = Math.max(opts.createSettleMs ?? 120_000, this.timeoutMs);
    this.limiter = opts.limiter ?? new SlidingWindowLimiter();
    this.now = opts.now ?? Date.now;
  }

  /** `idempotencyKey` names what is posted (the case); without it the card's refresh data is used. */
  async postCardToChannel(channelId: string, card: AdaptiveCard, options: { idempotencyKey?: string } = {}): Promise<CardRef> {
    const ref = (await this.repo.getConversationRef(channelRefKey(channelId))) ?? (await this.repo.getConversationRef(LATEST_TEAM_KEY));
    if (!ref) throw new OutboundError(this.opts.localMode ? NO_REF_LOCAL : NO_REF_TEAMS, true, 5_000);
    this.forgetOldCreates();
    const id = options.idempotencyKey ?? cardIdentity(card);
    const key = id === undefined ? undefined : `${channelId}|${id}`;
    const cardJson = JSON.stringify(card);
    let flight = key === undefined ? undefined : this.creates.get(key);
    // A creation that failed after its caller stopped waiting (an error, or abandoned): post anew.
    if (flight?.failed) flight = undefined;
    if (!flight) {
      await this.slot(channelId);
      // Another call for the same post may have started while we waited for the slot: join it.
      const started = key === undefined ? undefined : this.creates.get(key);
      if (started && !started.failed) flight = started;
    }
    if (!flight && key !== undefined && this.opts.postMarks) {
      const adopted = await this.fromMark(this.opts.postMarks, key, card);
      if (adopted) return adopted;
    }
    if (!flight) {
      const params = {
        isGroup: true,
        channelData: { channel: { id: channelId }, ...(ref.tenantId ? { tenant: { id: ref.tenantId } } : {}) },
        activity: MessageFactory.attachment(CardFactory.adaptiveCard(card)),
        ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
        ...(ref.botId ? { bot: { id: ref.botId, name: ref.botName ?? '' } } : {}),
      } as ConversationParameters;
      // Registered before anything awaits: a concurrent call for the same post joins this flight.
      flight = this.startCreate(ref.serviceUrl, channelId, params, cardJson, key);
      if (key !== undefined) this.creates.set(key, flight);
    }
    // The attempt that started the request waits the full timeout. A retry that finds it still
    // unanswered waits briefly and then defers: the job loop is not held up, and the wait for Teams'
    // answer does not count as failed attempts.
    const attaching = flight.timedOut;
    let posted: CardRef;
    try {
      posted = await within(flight.promise, attaching ? Math.min(this.timeoutMs, ATTACH_WAIT_MS) : this.timeoutMs);
    } catch (e) {
      if (e instanceof CallTimeout) {
        flight.timedOut = true;
        if (attaching) {
          const retryInMs = Math.min(DEFER_MS, Math.max(0, flight.abandonAt - this.now()) + 50);
          throw new OutboundDeferral('create channel thread: an earlier attempt is still awaiting the answer', retryInMs);
        }
        throw new OutboundError(`create channel thread: no answer within ${this.timeoutMs} ms (outcome unknown; kept in flight)`, true);
      }
      if (key !== undefined && this.creates.get(key) === flight) this.creates.delete(key);
      throw this.failed(e, 'create channel thread', channelId);
    }
    if (flight.timedOut) {
      this.opts.log?.info(
        { conversationId: posted.conversationId, activityId: posted.activityId },
        'adopted the post of an earlier attempt',
      );
    }
    // A post made by an earlier attempt with an older card: bring it up to date. If that fails, the
    // flight stays, so the next attempt adopts it again instead of posting anew.
    if (flight.card !== cardJson) await this.updateCard(posted, card);
    // A late answer was kept in the marker for another instance; adopted here, it is no longer needed.
    if (flight.timedOut && key !== undefined) await this.opts.postMarks?.end(key);
    if (key !== undefined && this.creates.get(key) === flight) this.creates.delete(key);
    return flight.maybeDuplicate ? { ...posted, maybeDuplicate: true } : posted;
  }

  /** `mentions`: the text carries `<at>label</at>` for each; Teams needs a mention entity per label as well. */
  async replyInThread(
    ref: CardRef,
    message: { text?: string; card?: AdaptiveCard; mentions?: { label: string; mri: string }[] },
  ): Promise<void> {
    const activity = message.card
      ? MessageFactory.attachment(CardFactory.adaptiveCard(message.card), message.text)
      : MessageFactory.text(message.text ?? '');
    if (message.mentions?.length) {
      activity.entities = message.mentions.map((m) => ({
        type: 'mention',
        text: `<at>${m.label}</at>`,
        mentioned: { id: m.mri, name: m.label },
      }));
    }
    await this.call('reply in thread', ref.serviceUrl, ref.conversationId, (c, abortSignal) =>
      c.sendToConversation(ref.conversationId, this.addressed(activity, ref), { abortSignal }),
    );
  }

  /**
   * A message in the user's 1:1 chat with the bot. Teams needs the app installed for the user; the
   * personal conversation is remembered when they first talk to the bot or the app is installed for them.
   */
  async sendToUser(aadObjectId: string, message: { text?: string; card?: AdaptiveCard }): Promise<CardRef> {
    const ref = await this.repo.getConversationRef(userRefKey(aadObjectId));
    if (!ref) throw new RecipientUnreachableError('no personal chat with this user yet (install the app for them)', 60_000);
    const activity = message.card
      ? MessageFactory.attachment(CardFactory.adaptiveCard(message.card), message.text)
      : MessageFactory.text(message.text ?? '');
    const at = {
      conversationId: ref.conversationId,
      activityId: '',
      serviceUrl: ref.serviceUrl,
      postedAt: new Date(this.now()).toISOString(),
    };
    const res = await this.call('send to user', ref.serviceUrl, ref.conversationId, (c, abortSignal) =>
      c.sendToConversation(ref.conversationId, this.addressed(activity, at), { abortSignal }),
    );
    return { ...at, activityId: (res as { id?: string } | undefined)?.id ?? '' };
  }

  async updateCard(ref: CardRef, card: AdaptiveCard): Promise<void> {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    activity.id = ref.activityId;
    await this.call('update card', ref.serviceUrl, ref.conversationId, (c, abortSignal) =>
      c.updateActivity(ref.conversationId, ref.activityId, this.addressed(activity, ref), { abortSignal }),
    );
  }

  /** Rate limit, then one Connector request with a timeout that aborts it. */
  private async call<T>(
    what: string,
    serviceUrl: string,
    conversationId: string,
    op: (c: ConnectorOps, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    await this.slot(conversationId);
    const abort = new AbortController();
    try {
      return await withSpan(`teams ${what}`, { 'zsm.conversation_id': conversationId }, () =>
        within(
          this.connector(serviceUrl, conversationId).then((c) => op(c, abort.signal)),
          this.timeoutMs,
          () => abort.abort(),
        ),
      );
    } catch (e) {
      if (e instanceof CallTimeout) throw new OutboundError(`${what}: no answer within ${this.timeoutMs} ms`, true);
      throw this.failed(e, what, conversationId);
    }
  }

  /**
   * `markKey`: with `postMarks`, a durable marker lives exactly as long as the request: written before
   * it goes out, removed when Teams answers (success or an error status); no answer keeps it, so a later
   * attempt of the same post (another process, after a restart) knows the outcome is unknown.
   */
  private startCreate(
    serviceUrl: string,
    channelId: string,
    params: ConversationParameters,
    card: string,
    markKey?: string,
  ): CreateInFlight {
    const abort = new AbortController();
    let answered = false;
    // Node runs due timers before it reads sockets in each turn of its event loop: after a stall (a busy
    // or starved process) this timer would win over an answer that has already arrived, and the retry
    // would post the card a second time. So the abort waits for this turn's I/O (setImmediate runs after it).
    // The settle time counts only while the process is awake (awakeTimeout): a long stall does not use it up.
    const stopHardStop = awakeTimeout(this.createSettleMs, () =>
      setImmediate(() => {
        if (!answered) abort.abort();
      }),
    );
    const flight: CreateInFlight = {
      card,
      timedOut: false,
      abandonAt: this.now() + this.createSettleMs,
      promise: Promise.resolve(undefined as unknown as CardRef),
    };
    flight.promise = (async (): Promise<CardRef> => {
      // Ended in `finally` (not withSpan: an extra await would delay `failed` for a retry right after).
      const span = startSpan('teams create channel thread', { 'zsm.channel_id': channelId });
      const marks = markKey === undefined ? undefined : this.opts.postMarks;
      try {
        const earlier = marks && markKey !== undefined ? await marks.begin(markKey, new Date(this.now()).toISOString()) : null;
        if (earlier) {
          flight.maybeDuplicate = true;
          this.opts.log?.warn(
            { channelId, since: earlier.startedAt },
            'an earlier attempt of this post ended unanswered: a duplicate is possible',
          );
        }
        const connector = await this.connector(serviceUrl, channelId);
        const request = connector.createConversation(params, { abortSignal: abort.signal });
        void request.then(
          () => (answered = true),
          () => (answered = true),
        );
        // Without markers no extra await (a retry right after a failure must see `failed` at once).
        const res = marks && markKey !== undefined ? await this.endMarkOnRefusal(request, marks, markKey) : await request;
        const conversationId = res.id ?? '';
        // Teams names a channel thread "<channel>;messageid=<id of the root post>".
        const activityId = /;messageid=(.+)$/.exec(conversationId)?.[1] ?? res.activityId;
        if (!activityId) throw new OutboundError('channel thread id without messageid', false);
        const posted: CardRef = {
          conversationId: conversationId.includes(';messageid=') ? conversationId : `${conversationId};messageid=${activityId}`,
          activityId,
          serviceUrl,
          postedAt: new Date(this.now()).toISOString(),
        };
        if (flight.timedOut) {
          this.opts.log?.warn(
            { conversationId: posted.conversationId, activityId },
            'channel thread created after the call had timed out; the retry adopts it',
          );
        }
        // Answered in time: the marker goes. Answered late: the retry may run at another instance, so
        // the marker keeps where the post landed (the adopter removes it).
        if (marks && markKey !== undefined) await (flight.timedOut ? marks.settle(markKey, posted) : marks.end(markKey));
        return posted;
      } catch (e) {
        flight.failed = true;
        span.setStatus({ code: SpanStatusCode.ERROR });
        if (abort.signal.aborted) {
          this.opts.log?.warn(
            { channelId },
            `no answer to a thread creation within ${this.createSettleMs} ms: abandoned, the retry posts again (a duplicate is possible)`,
          );
        }
        throw e;
      } finally {
        span.end();
        stopHardStop();
        flight.settledAt = this.now();
      }
    })();
    flight.promise.catch(() => undefined); // a flight nobody waits for any more must not be an unhandled rejection
    return flight;
  }

  /** Teams refused (an error status): the marker goes; without an answer it stays; a success is handled by the caller. */
  private async endMarkOnRefusal<T>(request: Promise<T>, marks: PostMarksPort, key: string): Promise<T> {
    try {
      return await request;
    } catch (e) {
      if (connectorStatus(e) !== undefined) await marks.end(key);
      throw e;
    }
  }

  /**
   * Before posting anew: what an earlier attempt at another instance (or before a restart) left. Its
   * post, when Teams answered it late: adopted. Its marker without an answer, younger than the settle
   * time: that instance may still hear Teams, so come back later. Older: posted anew (and marked as a
   * possible duplicate by `begin`).
   */
  private async fromMark(marks: PostMarksPort, key: string, card: AdaptiveCard): Promise<CardRef | undefined> {
    const mark = await marks.peek(key);
    if (!mark) return undefined;
    if (mark.posted) {
      this.opts.log?.info(
        { conversationId: mark.posted.conversationId, activityId: mark.posted.activityId },
        'adopted a post answered late elsewhere',
      );
      await this.updateCard(mark.posted, card); // the card it was posted with may be older
      await marks.end(key);
      return mark.posted;
    }
    const left = Date.parse(mark.startedAt) + this.createSettleMs - this.now();
    if (left > 0) {
      throw new OutboundDeferral(
        'create channel thread: an earlier attempt elsewhere is still awaiting the answer',
        Math.min(DEFER_MS, left + 50),
      );
    }
    return undefined;
  }

  /** Settled creations nobody came back for (job done elsewhere, or dead) are dropped after a while. */
  private forgetOldCreates(): void {
    const before = this.now() - Math.max(10 * 60_000, 2 * this.createSettleMs);
    for (const [key, f] of this.creates) if (f.settledAt !== undefined && f.settledAt < before) this.creates.delete(key);
  }

  private async slot(conversationId: string): Promise<void> {
    await this.limiter.acquire(conversationKey(conversationId));
  }

  private failed(e: unknown, what: string, conversationId: string): OutboundError {
    const err = toOutboundError(e, what, this.now());
    if (connectorStatus(e) === 429) {
      countEvent(EVENTS.teamsThrottled, { op: what });
      this.opts.log?.warn(
        { op: what, conversationId, retryAfterMs: err.retryAfterMs, event: EVENTS.teamsThrottled },
        'Teams throttled a call (429)',
      );
    }
    // Teams throttles the whole thread: hold every call to it, not only this job's next attempt.
    if (err.retryAfterMs !== undefined && err.retryAfterMs > 0) this.limiter.pause(conversationKey(conversationId), err.retryAfterMs);
    return err;
  }

  private addressed(activity: Partial<Activity>, ref: CardRef): Partial<Activity> {
    return TurnContext.applyConversationReference({ ...activity }, this.reference(ref.serviceUrl, ref.conversationId));
  }

  private reference(serviceUrl: string, conversationId: string): Partial<ConversationReference> {
    return {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: conversationId, isGroup: true, conversationType: 'channel', name: '' },
    };
  }

  /**
   * The adapter's Connector client, obtained as for a proactive turn (no request is made), and used
   * outside that turn: errors inside a turn would go to the bot's onTurnError and be swallowed.
   */
  private async connector(serviceUrl: string, conversationId: string): Promise<ConnectorOps> {
    // The trust boundary for outbound: a stored reference or card ref with a foreign URL is never called.
    if (!this.opts.serviceUrls.allows(serviceUrl)) {
      this.opts.log?.warn({ conversationId }, 'Connector call refused: serviceUrl not on the allowlist (TEAMS_SERVICE_URLS)');
      throw new OutboundError('serviceUrl not on the allowlist', false);
    }
    if (this.opts.connector) return this.opts.connector(serviceUrl, conversationId);
    // One client per service URL: building one (a proactive turn, credentials, a request pipeline) per
    // call was a measurable part of every card update. Its credentials fetch and renew their own token;
    // the client is rebuilt now and then all the same.
    return this.clients.get(serviceUrl, async () => {
      let client: unknown;
      await this.adapter.continueConversationAsync(this.appId, this.reference(serviceUrl, conversationId), async (ctx) => {
        client = ctx.turnState.get(ctx.adapter.ConnectorClientKey);
      });
      const conversations = (client as { conversations?: ConnectorOps } | undefined)?.conversations;
      if (!conversations) throw new OutboundError('no Connector client for the conversation', true);
      if (!this.opts.sdkRetries) this.withoutSdkRetries(client);
      return conversations;
    });
  }

  /**
   * The Connector SDK (botframework-connector on @azure/core-rest-pipeline) retries 408/429/5xx and
   * network errors itself, up to 3 times, POST included and invisible to the rate limiter. There is no
   * option for it on ConnectorClient, so the policy is removed from this client's own pipeline (the
   * client is created once per service URL). If a future SDK moves it, we log once and carry on.
   */
  private withoutSdkRetries(client: unknown): void {
    type Pipeline = { removePolicy?: (o: { name: string }) => unknown; getOrderedPolicies?: () => { name: string }[] };
    const pipeline = (client as { client?: { pipeline?: Pipeline } }).client?.pipeline;
    pipeline?.removePolicy?.({ name: SDK_RETRY_POLICY });
    const gone = !!pipeline?.getOrderedPolicies && !pipeline.getOrderedPolicies().some((p) => p.name === SDK_RETRY_POLICY);
    if (!gone && !this.warnedSdkRetries) {
      this.warnedSdkRetries = true;
      this.opts.log?.warn("could not switch off the Connector SDK's own retries; calls may take longer and retry unseen");
    }
  }
}
