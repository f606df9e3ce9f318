import {
  conversationKey,
  RateLimitDeferral,
  SlidingWindowLimiter,
  TEAMS_THREAD_LIMITS,
  type RateWindow,
} from '../../../src/teams/rate-limit';
import { OutboundError } from '../../../src/app/ports';
import { FakeTime, seededRandom } from './fake-time';

const CHANNEL = '19:zsm-mn-hg@thread.tacv2';

/** Ask for `n` slots now; each records (in start order) which call it was and the fake time it started. */
function ask(
  limiter: SlidingWindowLimiter,
  time: FakeTime,
  key: string,
  n: number,
  starts: { call: number; at: number }[],
  from = 0,
): void {
  for (let i = 0; i < n; i++) {
    const call = from + i;
    void limiter.acquire(key).then(() => starts.push({ call, at: time.now() }));
  }
}

/** Every window holds: no span of perMs contains more than limit starts. */
function assertWithin(starts: number[], windows: readonly RateWindow[]): void {
  const sorted = [...starts].sort((a, b) => a - b);
  for (const w of windows) {
    for (let i = 0; i + w.limit < sorted.length; i++) {
      // starts i .. i+limit are limit+1 calls: they must span at least perMs
      expect(sorted[i + w.limit] - sorted[i]).toBeGreaterThanOrEqual(w.perMs);
    }
  }
}

describe('conversationKey', () => {
  it('counts a channel thread towards its channel', () => {
    expect(conversationKey(`${CHANNEL};messageid=1712345678901`)).toBe(CHANNEL);
    expect(conversationKey(CHANNEL)).toBe(CHANNEL);
    expect(conversationKey('a:1Xyz')).toBe('a:1Xyz');
  });
});

describe('SlidingWindowLimiter (fake clock: asserts which calls have started at which moment)', () => {
  it("defaults to Teams' per-thread limits", () => {
    expect(TEAMS_THREAD_LIMITS).toEqual([
      { limit: 7, perMs: 1000 },
      { limit: 8, perMs: 2000 },
      { limit: 60, perMs: 30_000 },
      { limit: 1800, perMs: 3_600_000 },
    ]);
  });

  it('lets 7 calls start at once; the 8th when the first has left the 1 s window, the 9th after 2 s (8 per 2 s)', async () => {
    const time = new FakeTime();
    const limiter = new SlidingWindowLimiter({ time, maxWaitMs: 60_000 });
    const starts: { call: number; at: number }[] = [];
    ask(limiter, time, CHANNEL, 10, starts);
    await time.advanceTo(0);
    expect(starts.map((s) => s.call)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    await time.advanceTo(999);
    expect(starts).toHaveLength(7);
    await time.advanceTo(1000);
    expect(starts).toHaveLength(8);
    await time.advanceTo(1999);
    expect(starts).toHaveLength(8);
    await time.advanceTo(2000);
    expect(starts.map((s) => [s.call, s.at]).slice(7)).toEqual([
      [7, 1000],
      [8, 2000],
      [9, 2000],
    ]);
  });

  it('allows at most 60 calls per 30 s: the 61st starts when the first has left the window', async () => {
    const time = new FakeTime();
    const windows = [
      { limit: 7, perMs: 1000 },
      { limit: 60, perMs: 30_000 },
    ];
    const limiter = new SlidingWindowLimiter({ time, windows, maxWaitMs: 60_000 });
    const starts: { call: number; at: number }[] = [];
    ask(limiter, time, CHANNEL, 61, starts);
    await time.advanceTo(29_999);
    expect(starts).toHaveLength(60);
    expect(starts[59].at).toBe(8000); // 7 per second: 8 full seconds and 4 more
    await time.advanceTo(30_000);
    expect(starts).toHaveLength(61);
    expect(starts[60]).toEqual({ call: 60, at: 30_000 });
    assertWithin(
      starts.map((s) => s.at),
      windows,
    );
  });

  it('starts calls for one conversation in the order they asked (FIFO), also across waits', async () => {
    const time = new FakeTime();
    const limiter = new SlidingWindowLimiter({ time, windows: [{ limit: 2, perMs: 100 }], maxWaitMs: 10_000 });
    const starts: { call: number; at: number }[] = [];
    ask(limiter, time, CHANNEL, 3, starts);
    await time.advanceTo(50);
    ask(limiter, time, CHANNEL, 3, starts, 3);
    await time.advanceTo(1000);
    expect(starts.map((s) => s.call)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(starts.map((s) => s.at)).toEqual([0, 0, 100, 100, 200, 200]);
  });

  it('keeps conversations apart, and a thread shares its channel’s allowance', async () => {
    const time = new FakeTime();
    const limiter = new SlidingWindowLimiter({ time, windows: [{ limit: 1, perMs: 1000 }], maxWaitMs: 10_000 });
    const a: { call: number; at: number }[] = [];
    const b: { call: number; at: number }[] = [];
    ask(limiter, time, conversationKey(CHANNEL), 1, a);
    ask(limiter, time, conversationKey(`${CHANNEL};messageid=1001`), 1, a, 1);
    ask(limiter, time, conversationKey('19:other@thread.tacv2;messageid=5'), 1, b);
    await time.advanceTo(0);
    expect(a.map((s) => s.call)).toEqual([0]);
    expect(b).toHaveLength(1);
    await time.advanceTo(1000);
    expect(a.map((s) => s.at)).toEqual([0, 1000]);
  });

  it('holds every call to a conversation that Teams paused (Retry-After), and only that one', async () => {
    const time = new FakeTime();
    const limiter = new SlidingWindowLimiter({ time, maxWaitMs: 10_000 });
    limiter.pause(CHANNEL, 5000);
    const paused: { call: number; at: number }[] = [];
    const other: { call: number; at: number }[] = [];
    ask(limiter, time, CHANNEL, 2, paused);
    ask(limiter, time, '19:other@thread.tacv2', 1, other);
    await time.advanceTo(4999);
    expect(paused).toHaveLength(0);
    expect(other).toHaveLength(1);
    await time.advanceTo(5000);
    expect(paused.map((s) => s.at)).toEqual([5000, 5000]);
    expect(limiter.stats.paused).toBe(1);
  });

  it('does not wait longer than maxWaitMs: it defers (retryable, with the wait as Retry-After) and reserves nothing', async () => {
    const time = new FakeTime();
    const limiter = new SlidingWindowLimiter({ time, windows: [{ limit: 2, perMs: 1000 }], maxWaitMs: 500 });
    await limiter.acquire(CHANNEL);
    await limiter.acquire(CHANNEL);
    const err = await limiter.acquire(CHANNEL).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitDeferral);
    expect(err).toBeInstanceOf(OutboundError);
    expect(err).toMatchObject({ retryable: true, retryAfterMs: 1000, deferred: true });
    // Nothing was reserved: at 500 ms the wait is 500 ms, which is allowed.
    await time.advanceTo(500);
    const starts: { call: number; at: number }[] = [];
    ask(limiter, time, CHANNEL, 1, starts);
    await time.advanceTo(1000);
    expect(starts).toEqual([{ call: 0, at: 1000 }]);
    expect(limiter.stats).toMatchObject({ acquired: 3, deferred: 1, waited: 1 });
  });

  it('forgets a conversation once its longest window has passed', async () => {
    const time = new FakeTime();
    const limiter = new SlidingWindowLimiter({ time, windows: [{ limit: 5, perMs: 1000 }] });
    await limiter.acquire(CHANNEL);
    limiter.pause('19:x@thread.tacv2', 10);
    expect(limiter.size).toBe(2);
    await time.advanceTo(1000);
    limiter.nextStart(CHANNEL);
    limiter.nextStart('19:x@thread.tacv2');
    expect(limiter.size).toBe(0);
  });

  it('keeps every window under random load on several conversations (seeded)', async () => {
    const time = new FakeTime();
    const random = seededRandom(20260302);
    const limiter = new SlidingWindowLimiter({ time, maxWaitMs: Infinity });
    const keys = [CHANNEL, '19:b@thread.tacv2', '19:c@thread.tacv2'];
    const starts = new Map<string, { call: number; at: number }[]>(keys.map((k) => [k, []]));
    let call = 0;
    for (let t = 0; t < 120_000; t += Math.floor(random() * 400)) {
      await time.advanceTo(t);
      const key = keys[Math.floor(random() * keys.length)];
      ask(limiter, time, key, 1 + Math.floor(random() * 3), starts.get(key) ?? [], call);
      call += 3;
    }
    await time.advanceTo(3_600_000);
    expect(time.sleeping).toBe(0);
    let total = 0;
    for (const key of keys) {
      const s = starts.get(key) ?? [];
      total += s.length;
      assertWithin(
        s.map((x) => x.at),
        TEAMS_THREAD_LIMITS,
      );
      // FIFO per conversation
      expect(s.map((x) => x.call)).toEqual([...s.map((x) => x.call)].sort((a, b) => a - b));
    }
    expect(total).toBe(limiter.stats.acquired);
    expect(limiter.stats.waited).toBeGreaterThan(0);
  });

  it('rejects windows that cannot work', () => {
    expect(() => new SlidingWindowLimiter({ windows: [] })).toThrow();
    expect(() => new SlidingWindowLimiter({ windows: [{ limit: 0, perMs: 1000 }] })).toThrow();
  });
});
