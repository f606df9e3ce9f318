import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-zsm-signature';
export const TIMESTAMP_HEADER = 'x-zsm-timestamp';

/** HMAC-SHA256 over "<unix seconds>.<raw body>", hex, prefixed "sha256=". */
export function signBody(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

/** Constant-time check with a replay window; a replay inside the window is harmless (intake is idempotent). */
export function verifySignature(args: {
  secret: string;
  rawBody: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
  maxSkewSeconds: number;
}): SignatureCheck {
  if (!args.signature || !args.timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(args.timestamp) || !/^sha256=[0-9a-f]{64}$/.test(args.signature)) return { ok: false, reason: 'malformed' };
  const ts = Number(args.timestamp);
  if (Math.abs(args.nowMs / 1000 - ts) > args.maxSkewSeconds) return { ok: false, reason: 'expired' };
  const expected = Buffer.from(signBody(args.secret, ts, args.rawBody));
  const given = Buffer.from(args.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
