/** Instants arrive as ISO strings (stored) or Date (clock); the domain never reads the clock itself. */
export type Instant = string | Date;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Milliseconds since the epoch; NaN for an unparsable string or an invalid Date. */
export function toMillis(t: Instant): number {
  return typeof t === 'string' ? Date.parse(t) : t.getTime();
}

export function isValidInstant(t: Instant): boolean {
  return Number.isFinite(toMillis(t));
}

/** Milliseconds, for internal arguments whose invalidity is a programming error (not user input). */
export function requireMillis(t: Instant, what: string): number {
  const ms = toMillis(t);
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid instant`);
  return ms;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
