import { nextRetryDelayMs } from '../../../src/domain/backoff';

describe('retry backoff', () => {
  it('grows exponentially within [ceiling/2, ceiling]', () => {
    expect(nextRetryDelayMs(1, { random: () => 0 })).toBe(500);
    expect(nextRetryDelayMs(1, { random: () => 1 })).toBe(1000);
    expect(nextRetryDelayMs(4, { random: () => 1 })).toBe(8000);
  });
  it('is capped', () => {
    expect(nextRetryDelayMs(30, { random: () => 1, maxMs: 60_000 })).toBe(60_000);
  });
  it('never retries sooner than Retry-After', () => {
    expect(nextRetryDelayMs(1, { random: () => 0, retryAfterMs: 7000 })).toBe(7000);
  });
});
