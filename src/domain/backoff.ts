/**
 * Delay before the next attempt of a failed job: exponential with full jitter, capped, and never
 * sooner than the server's Retry-After. `random` is injected so tests are deterministic.
 */
export function nextRetryDelayMs(
  attempt: number,
  opts: { baseMs?: number; maxMs?: number; retryAfterMs?: number; random?: () => number } = {},
): number {
  const base = opts.baseMs ?? 1000;
  const max = opts.maxMs ?? 5 * 60_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(ceiling / 2 + (opts.random ?? Math.random)() * (ceiling / 2));
  return Math.max(jittered, opts.retryAfterMs ?? 0);
}
