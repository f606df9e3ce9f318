import { signBody, verifySignature } from '../../../src/http/signature';

const secret = 's'.repeat(40);
const body = Buffer.from('{"a":1}');
const now = 1_800_000_000_000;
const ts = now / 1000;

describe('intake signature', () => {
  const base = { secret, rawBody: body, nowMs: now, maxSkewSeconds: 300 };
  it('accepts a correct signature within the window', () => {
    expect(verifySignature({ ...base, signature: signBody(secret, ts, body), timestamp: String(ts) })).toEqual({ ok: true });
  });
  it.each([
    ['missing', { signature: undefined, timestamp: String(ts) }],
    ['malformed', { signature: 'abc', timestamp: String(ts) }],
    ['expired', { signature: signBody(secret, ts - 301, body), timestamp: String(ts - 301) }],
    ['mismatch', { signature: signBody('other'.repeat(8), ts, body), timestamp: String(ts) }],
    ['mismatch', { signature: signBody(secret, ts, '{"a":2}'), timestamp: String(ts) }],
    ['mismatch', { signature: signBody(secret, ts - 1, body), timestamp: String(ts) }],
  ])('rejects %s', (reason, args) => {
    expect(verifySignature({ ...base, ...args })).toEqual({ ok: false, reason });
  });
});
