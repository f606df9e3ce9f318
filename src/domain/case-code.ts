/**
 * The case code: a short, speakable name for a case ("KTX-482"), derived from the case id alone
 * (no stored field). The case id is 24 hex characters of an HMAC, so its leading bits are uniform.
 *
 * The code spells the first 21 bits of the id: three letters of 4 bits each (16 consonants, no I/O,
 * no L (looks like 1), no Q/V/W (V/W sound alike in Dutch), no vowels so no words), then three
 * digits of 3 bits each (2-9, no 0/1). 2^21 ≈ 2.1 million codes; two cases can share one
 * (see docs/decisions.md, "Case code"): commands that resolve a code refuse when it is ambiguous.
 */
export const CASE_CODE_LETTERS = 'BCDFGHJKMNPRSTXZ';
export const CASE_CODE_DIGITS = '23456789';

const CASE_ID = /^[0-9a-f]{24}$/;
/** Accepts "KTX-482", "ktx482", "KTX 482". */
const CODE_INPUT = /^([A-Za-z]{3})[- ]?([0-9]{3})$/;

/** The number of hex characters of the id the code depends on (21 bits lie in the first 6). */
const HEX_USED = 6;

/** "KTX-482" for a case id; the first 21 bits of the id. */
export function caseCode(caseId: string): string {
  const bits = parseInt(caseId.slice(0, HEX_USED).padEnd(HEX_USED, '0'), 16) >>> 3; // 24 -> 21 bits
  const l = [(bits >>> 17) & 15, (bits >>> 13) & 15, (bits >>> 9) & 15].map((i) => CASE_CODE_LETTERS[i]).join('');
  const d = [(bits >>> 6) & 7, (bits >>> 3) & 7, bits & 7].map((i) => CASE_CODE_DIGITS[i]).join('');
  return `${l}-${d}`;
}

/** The canonical form ("KTX-482") of a typed code, or null when it is no case code. */
export function parseCaseCode(input: string): string | null {
  const m = CODE_INPUT.exec(input.trim());
  if (!m) return null;
  const letters = m[1].toUpperCase();
  const digits = m[2];
  if (![...letters].every((c) => CASE_CODE_LETTERS.includes(c))) return null;
  if (![...digits].every((c) => CASE_CODE_DIGITS.includes(c))) return null;
  return `${letters}-${digits}`;
}

/**
 * The hex prefix every case id with this code starts with (the first 20 bits, 5 hex characters).
 * The 21st bit is not whole hex: callers query by this prefix and keep ids whose caseCode matches.
 */
export function caseCodeIdPrefix(code: string): string {
  const canonical = parseCaseCode(code);
  if (!canonical) throw new Error('not a case code');
  const idx = (s: string, i: number): number => s.indexOf(canonical[i]);
  const bits =
    (idx(CASE_CODE_LETTERS, 0) << 17) |
    (idx(CASE_CODE_LETTERS, 1) << 13) |
    (idx(CASE_CODE_LETTERS, 2) << 9) |
    (idx(CASE_CODE_DIGITS, 4) << 6) |
    (idx(CASE_CODE_DIGITS, 5) << 3) |
    idx(CASE_CODE_DIGITS, 6);
  return (bits >>> 1).toString(16).padStart(5, '0');
}

/** True for a full case id (24 hex characters). */
export const isCaseId = (s: string): boolean => CASE_ID.test(s);
