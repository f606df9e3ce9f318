/**
 * Likely personal identifiers in free text, detected before anything is stored. Pure: no I/O, no
 * clock (the reference year comes from the caller). It reports only the KINDS found, never the
 * values, so a refusal or a log line can name what was found without repeating it.
 *
 * Tuned for few false positives on ZSM text: ages ("13 jaar"), times ("21:15", "14.30 uur"), case
 * dates ("23-11-2026"), registration numbers ("BVH-2026-000123") and "2026 OM" are not reported.
 */

export const PII_KINDS = ['phone', 'bsn', 'address', 'email', 'birthDate', 'iban'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export interface PiiOptions {
  /** The current calendar year: a full date this many years or more in the past reads as a birth date. */
  referenceYear: number;
}

/** At least this many years before the reference year, a full date is treated as a date of birth. */
const BIRTH_YEARS_BACK = 14;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Dutch numbers: 0 + nine digits (mobile 06…, landline 010-…, 0251-…) or +31/0031 + nine digits, single separators allowed. */
const PHONE = /(?<![\d+])(?:(?:\+|00)31[\s-]?(?:\(0\)[\s-]?)?|0)[1-9](?:[\s-]?\d){8}(?!\d)/g;

/** Nine digits, contiguous or grouped 3-3-3 / 4-2-3 with dots or spaces. Checked with the 11-proef. */
const BSN = /(?<![\d.,-])(?:\d{9}|\d{3}([.\s])\d{3}\1\d{3}|\d{4}([.\s])\d{2}\2\d{3})(?![\d]|[.,-]\d)/g;

/** Postcode followed by a house number ("1234 AB 12", "1234AB, 12a"), or a house number then a postcode. */
const POSTCODE_HOUSE = /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b,?\s*(?:nr\.?\s*)?\d{1,5}[a-zA-Z]?\b/g;
const HOUSE_POSTCODE = /\b\d{1,5}[a-zA-Z]?,?\s+[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b/g;
/** A street name with a common suffix and a house number ("Dorpsstraat 12", "Kerkweg 3b"). */
const STREET =
  /\b[A-Z][a-zà-ÿ]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg|hof|pad|park|plantsoen|markt)\s+\d{1,5}[a-zA-Z]?\b/g;

const IBAN = /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/g;

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';
/** d-m-yyyy, d/m/yyyy, d.m.yyyy, yyyy-mm-dd, "12 maart 1990"; two-digit years only in a birth context. */
const DATE = new RegExp(
  String.raw`(?<![\d])(?:(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})|(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\s+(?:${MONTHS})\.?\s+(\d{4}))(?![\d])`,
  'gi',
);
const BIRTH_CONTEXT = /(?:geboren|geb\.|geb\b|geboortedatum|gebdat|gebdatum|g\.d\.|dob|°|\*)\s*(?:op\s*)?:?\s*$/i;
/** Times (21:15, 14.30) are masked before numbers are looked for, so "om 21.15 uur" never joins a number. */
const TIME = /(?<![\d])\d{1,2}[:.]\d{2}(?![\d])/g;

function elfProef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s/g, '');
  if (iban.length < 15 || iban.length > 34) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** Matching without shared regex state (the patterns are global for matchAll/replace). */
const has = (re: RegExp, text: string): boolean => new RegExp(re.source, re.flags.replace('g', '')).test(text);
const mask = (text: string, re: RegExp): string => text.replace(re, (m) => '#'.repeat(m.length));

/** The kinds of likely personal identifiers in `text`, in PII_KINDS order, each at most once. */
export function detectPii(text: string, options: PiiOptions): PiiKind[] {
  const found = new Set<PiiKind>();
  let rest = text;

  if (has(EMAIL, rest)) found.add('email');
  rest = mask(rest, EMAIL);

  for (const m of rest.matchAll(IBAN)) if (ibanValid(m[0])) found.add('iban');
  rest = rest.replace(IBAN, (m) => (ibanValid(m) ? '#'.repeat(m.length) : m));

  // Dates: a birth date is reported; full dates are masked so their digits never read as a phone
  // number or BSN. A two-digit year ("12-03-90") counts only after a birth word ("geb.", "geboren").
  rest = rest.replace(DATE, (m: string, ...groups: unknown[]) => {
    const offset = groups[groups.length - 2] as number;
    const [, , dmyYear, isoYear, , , , textYear] = groups as (string | undefined)[];
    const year = dmyYear ?? isoYear ?? textYear ?? '';
    const inContext = BIRTH_CONTEXT.test(rest.slice(Math.max(0, offset - 24), offset));
    const fullYear = year.length === 4 ? Number(year) : undefined;
    if (inContext || (fullYear !== undefined && fullYear >= 1900 && fullYear <= options.referenceYear - BIRTH_YEARS_BACK))
      found.add('birthDate');
    return fullYear !== undefined || inContext ? '#'.repeat(m.length) : m;
  });
  rest = mask(rest, TIME);

  if (has(PHONE, rest)) found.add('phone');
  rest = mask(rest, PHONE);

  for (const m of rest.matchAll(BSN)) if (elfProef(m[0].replace(/[.\s]/g, ''))) found.add('bsn');

  if (has(POSTCODE_HOUSE, rest) || has(HOUSE_POSTCODE, rest) || has(STREET, rest)) found.add('address');

  return PII_KINDS.filter((k) => found.has(k));
}

/** Every text of one submission checked together; the kinds found in any of them. */
export function detectPiiIn(texts: readonly (string | undefined)[], options: PiiOptions): PiiKind[] {
  const found = new Set(texts.flatMap((t) => (t ? detectPii(t, options) : [])));
  return PII_KINDS.filter((k) => found.has(k));
}
