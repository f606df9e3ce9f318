import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The CSV export as a short-lived signed link (decisions.md §44): the bot mints it only for a member
 * it authorised, for the locations and period of the card; the link names them and the member, is
 * valid for LINK_TTL_MS, and the HTTP route checks the signature, the expiry and the roster again
 * before it answers (a member taken off the roster cannot use a link they still have).
 */
export const LINK_TTL_MS = 10 * 60_000;
export const CSV_PATH = '/rapportage.csv';

export const csvLinkClaimsSchema = z
  .object({
    /** The member (Entra object id). */
    m: z.string().min(1).max(64),
    /** Location ids. */
    l: z.array(z.string().min(1).max(64)).min(1).max(100),
    f: z.string().datetime(),
    t: z.string().datetime(),
    /** The local first and last day, for the file name. */
    d1: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    d2: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Expiry, epoch milliseconds. */
    x: z.number().int().positive(),
  })
  .strict();
export type CsvLinkClaims = z.infer<typeof csvLinkClaimsSchema>;

export interface CsvLinks {
  /** The full URL of the export for these claims (expiry set from `now`). */
  url(claims: Omit<CsvLinkClaims, 'x'>, now: Date): string;
  /** The claims of a token, or why not. */
  verify(token: string, now: Date): { ok: true; claims: CsvLinkClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };
}

/**
 * Links signed with a key of their own, derived from a configured secret (HMAC with a purpose
 * label: a link's signature is never valid as an intake signature or the other way round).
 */
export function createCsvLinks(publicBaseUrl: string, secret: string): CsvLinks {
  const key = createHmac('sha256', secret).update('rapportage-csv-link/v1').digest();
  const sign = (payload: string): string => createHmac('sha256', key).update(payload).digest('base64url');
  const base = publicBaseUrl.replace(/\/+$/, '');
  return {
    url(claims, now) {
      const payload = Buffer.from(JSON.stringify({ ...claims, x: now.getTime() + LINK_TTL_MS }), 'utf8').toString('base64url');
      return `${base}${CSV_PATH}?t=${payload}.${sign(payload)}`;
    },
    verify(token, now) {
      const m = /^([A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!m) return { ok: false, reason: 'malformed' };
      const [, payload, sig] = m;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      const parsed = csvLinkClaimsSchema.safeParse(json);
      if (!parsed.success) return { ok: false, reason: 'malformed' };
      if (parsed.data.x <= now.getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, claims: parsed.data };
    },
  };
}
