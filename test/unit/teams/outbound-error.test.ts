import { OutboundError } from '../../../src/app/ports';
import { isRetryableStatus, parseRetryAfterMs, toOutboundError } from '../../../src/teams/outbound';

const NOW = Date.parse('2026-03-02T10:00:00Z');

/** Case-insensitive headers with get(), like core-rest-pipeline's HttpHeaders. */
function createHttpHeaders(raw: Record<string, string>): { get(name: string): string | undefined } {
  const lower = new Map(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
  return { get: (name) => lower.get(name.toLowerCase()) };
}

/**
 * The shape botframework-connector throws: a core-rest-pipeline RestError with statusCode and the
 * response (headers with get()) attached. test/unit/teams/outbound.test.ts checks the real one.
 */
function restError(status: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error('injected'), {
    name: 'RestError',
    statusCode: status,
    code: 'Injected',
    response: { status, headers: createHttpHeaders(headers) },
  });
}

describe('toOutboundError: which Connector failures are retried', () => {
  it.each([
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [408, true],
    [409, false],
    [412, true],
    [413, false],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
  ])('HTTP %i → retryable %s', (status, retryable) => {
    const err = toOutboundError(restError(status), 'update card', NOW);
    expect(err).toBeInstanceOf(OutboundError);
    expect(err.retryable).toBe(retryable);
    expect(err.message).toBe(`update card failed with HTTP ${status}`);
    expect(isRetryableStatus(status)).toBe(retryable);
  });

  it('retries a failure without any answer (refused, reset, aborted) and names its code', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(toOutboundError(refused, 'update card', NOW)).toMatchObject({ retryable: true, message: 'update card failed (ECONNREFUSED)' });
    const aborted = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    expect(toOutboundError(aborted, 'update card', NOW)).toMatchObject({ retryable: true, message: 'update card failed (AbortError)' });
    expect(toOutboundError(undefined, 'x', NOW).retryable).toBe(true);
  });

  it('keeps an OutboundError as it is', () => {
    const own = new OutboundError('mine', false, 5);
    expect(toOutboundError(own, 'x', NOW)).toBe(own);
  });

  it('never copies the server’s error text (it could echo content) into the message', () => {
    const err = toOutboundError(restError(400), 'create channel thread', NOW);
    expect(err.message).not.toContain('injected');
  });
});

describe('Retry-After', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    ['1.5', 1500],
  ])('delta-seconds %p → %i ms', (value, ms) => {
    expect(toOutboundError(restError(429, { 'Retry-After': value }), 'x', NOW).retryAfterMs).toBe(ms);
  });

  it('HTTP-date: the time until then, from the given now', () => {
    const at = new Date(NOW + 42_000).toUTCString(); // e.g. "Mon, 02 Mar 2026 10:00:42 GMT"
    expect(toOutboundError(restError(503, { 'retry-after': at }), 'x', NOW).retryAfterMs).toBe(42_000);
  });

  it('an HTTP-date in the past means now', () => {
    expect(parseRetryAfterMs(createHttpHeaders({ 'retry-after': new Date(NOW - 5000).toUTCString() }), NOW)).toBe(0);
  });

  it('prefers the millisecond headers Azure services send', () => {
    expect(parseRetryAfterMs(createHttpHeaders({ 'retry-after-ms': '250', 'retry-after': '9' }), NOW)).toBe(250);
    expect(parseRetryAfterMs(createHttpHeaders({ 'x-ms-retry-after-ms': '750' }), NOW)).toBe(750);
  });

  it('ignores what it cannot read, and caps absurd values at an hour', () => {
    expect(parseRetryAfterMs(createHttpHeaders({ 'retry-after': 'soon' }), NOW)).toBeUndefined();
    expect(parseRetryAfterMs(createHttpHeaders({ 'retry-after': '-3' }), NOW)).toBeUndefined();
    expect(parseRetryAfterMs(createHttpHeaders({}), NOW)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfterMs(createHttpHeaders({ 'retry-after': '999999' }), NOW)).toBe(3_600_000);
  });

  it('reads plain header objects too', () => {
    expect(parseRetryAfterMs({ 'retry-after': '3' }, NOW)).toBe(3000);
  });

  it('is absent when the server sent none', () => {
    expect(toOutboundError(restError(503), 'x', NOW).retryAfterMs).toBeUndefined();
  });
});
