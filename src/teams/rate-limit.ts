import { OutboundError } from '../app/ports';

/** At most `limit` calls in any span of `perMs` milliseconds. */
export interface RateWindow {
  limit: number;
  perMs: number;
}

/**
 * Teams' documented "per bot per thread" limits (bots/how-to/rate-limit on learn.microsoft.com): the
 * same numbers apply to sending, creating, updating and deleting. A channel counts as one thread.
 */
export const TEAMS_THREAD_LIMITS: readonly RateWindow[] = [
  { limit: 7, perMs: 1_000 },
  { limit: 8, perMs: 2_000 },
  { limit: 60, perMs: 30_000 },
  { limit: 1_800, perMs: 3_600_000 },
];

/** Time as the limiter sees it; injected so tests run on a fake clock. */
export interface TimeSource {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: TimeSource = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What TeamsOutbound needs from a limiter (so a library could stand in for ours). */
export interface RateLimiter {
  /** Wait until a call for `key` may start; throws RateLimitDeferral when that is further away than allowed. */
  acquire(key: string): Promise<void>;
  /** The server asked for a pause on this key (Retry-After): no call for it starts before then. */
  pause(key: string, ms: number): void;
}

/**
 * Not a failure: nothing was sent, come back in `retryAfterMs` (the job loop reschedules it without
 * counting it towards giving up). Marked by `deferred: true`, which src/jobs/runner.ts looks for.
 */
export class OutboundDeferral extends OutboundError {
  readonly deferred = true;
  constructor(message: string, waitMs: number) {
    super(message, true, waitMs);
    this.name = 'OutboundDeferral';
  }
}

/** Waiting for a slot would take longer than allowed: come back when it is free. */
export class RateLimitDeferral extends OutboundDeferral {
  constructor(waitMs: number) {
    super(`outbound rate limit: next slot for this conversation in ${waitMs} ms`, waitMs);
    this.name = 'RateLimitDeferral';
  }
}

/**
 * Teams throttles per thread; in a channel the thread is the channel conversation ("19:…@thread…"),
 * and every reply thread in it ("19:…@thread…;messageid=123") counts towards it. So a post, the card
 * updates in its thread and replies there share one key.
 */
export function conversationKey(conversationId: string): string {
  const i = conversationId.indexOf(';messageid=');
  return i === -1 ? conversationId : conversationId.slice(0, i);
}

export interface LimiterStats {
  acquired: number;
  /** Acquisitions that had to wait for a slot. */
  waited: number;
  deferred: number;
  paused: number;
}

/**
 * Sliding-window limiter per key, with several windows at once (e.g. 7/s and 60/30 s). Each call
 * reserves the earliest start that keeps every window within its limit and is not earlier than the
 * previous reservation for the key, so callers start in the order they asked (FIFO). Only this
 * process is counted; several processes posting to one channel each get the full allowance, and
 * Teams' 429 + Retry-After (see pause) covers the rest.
 */
export class SlidingWindowLimiter implements RateLimiter {
  readonly stats: LimiterStats = { acquired: 0, waited: 0, deferred: 0, paused: 0 };
  private readonly windows: readonly RateWindow[];
  private readonly horizonMs: number;
  private readonly maxWaitMs: number;
  private readonly time: TimeSource;
  /** Start times (granted or reserved), ascending, per key. */
  private readonly starts = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(opts: { windows?: readonly RateWindow[]; maxWaitMs?: number; time?: TimeSource } = {}) {
    this.windows = opts.windows ?? TEAMS_THREAD_LIMITS;
    if (this.windows.length === 0 || this.windows.some((w) => !(w.limit >= 1) || !(w.perMs > 0))) {
      throw new Error('rate windows need limit >= 1 and perMs > 0');
    }
    this.horizonMs = Math.max(...this.windows.map((w) => w.perMs));
    this.maxWaitMs = opts.maxWaitMs ?? 5_000;
    this.time = opts.time ?? realTime;
  }

  /** The earliest moment a call for `key` could start (nothing is reserved). */
  nextStart(key: string, now = this.time.now()): number {
    this.prune(key, now);
    const starts = this.starts.get(key) ?? [];
    let at = Math.max(now, this.pausedUntil.get(key) ?? now, starts[starts.length - 1] ?? now);
    for (const w of this.windows) {
      // `at` is not before any earlier start, so the starts within (at - perMs, at] are a suffix.
      // With `limit` of them or more, wait until the limit-th most recent has left the window.
      if (starts.length >= w.limit) {
        const kth = starts[starts.length - w.limit];
        if (kth > at - w.perMs) at = kth + w.perMs;
      }
    }
    return at;
  }

  async acquire(key: string): Promise<void> {
    const now = this.time.now();
    const at = this.nextStart(key, now);
    const wait = at - now;
    if (wait > this.maxWaitMs) {
      this.stats.deferred++;
      throw new RateLimitDeferral(wait);
    }
    const starts = this.starts.get(key) ?? [];
    starts.push(at);
    this.starts.set(key, starts);
    this.stats.acquired++;
    if (wait > 0) {
      this.stats.waited++;
      await this.time.sleep(wait);
    }
  }

  pause(key: string, ms: number): void {
    if (!(ms > 0)) return;
    const until = this.time.now() + ms;
    if (until > (this.pausedUntil.get(key) ?? 0)) this.pausedUntil.set(key, until);
    this.stats.paused++;
  }

  /** Keys with any state (tests check that idle keys are forgotten). */
  get size(): number {
    return new Set([...this.starts.keys(), ...this.pausedUntil.keys()]).size;
  }

  private prune(key: string, now: number): void {
    const starts = this.starts.get(key);
    if (starts) {
      let drop = 0;
      while (drop < starts.length && starts[drop] <= now - this.horizonMs) drop++;
      if (drop === starts.length) this.starts.delete(key);
      else if (drop > 0) starts.splice(0, drop);
    }
    const paused = this.pausedUntil.get(key);
    if (paused !== undefined && paused <= now) this.pausedUntil.delete(key);
  }
}
