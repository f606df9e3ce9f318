import fc from 'fast-check';
import { CASE_CODE_DIGITS, CASE_CODE_LETTERS, caseCode, caseCodeIdPrefix, parseCaseCode } from '../../../src/domain/case-code';

const hexId = fc.stringMatching(/^[0-9a-f]{24}$/);

describe('caseCode', () => {
  it('is three letters and three digits from the unambiguous alphabets', () => {
    fc.assert(
      fc.property(hexId, (id) => {
        const code = caseCode(id);
        expect(code).toMatch(/^[A-Z]{3}-[0-9]{3}$/);
        expect([...code.slice(0, 3)].every((c) => CASE_CODE_LETTERS.includes(c))).toBe(true);
        expect([...code.slice(4)].every((c) => CASE_CODE_DIGITS.includes(c))).toBe(true);
        expect(code).not.toMatch(/[01IOLQVW]/);
      }),
    );
  });

  it('is deterministic and spells the first 21 bits of the id', () => {
    expect(caseCode('000000aaaaaaaaaaaaaaaaaa')).toBe('BBB-222');
    expect(caseCode('ffffffaaaaaaaaaaaaaaaaaa')).toBe('ZZZ-999');
    // Bits 22-24 and everything after do not change the code.
    expect(caseCode('abcde1000000000000000000')).toBe(caseCode('abcde7ffffffffffffffffff'));
    // Bit 21 does.
    expect(caseCode('abcde7000000000000000000')).not.toBe(caseCode('abcde8000000000000000000'));
  });

  it('gives distinct codes for distinct 21-bit prefixes (no two prefixes share a code)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 21 - 1 }), fc.integer({ min: 0, max: 2 ** 21 - 1 }), (a, b) => {
        const id = (n: number): string => (n << 3).toString(16).padStart(6, '0') + '0'.repeat(18);
        expect(caseCode(id(a)) === caseCode(id(b))).toBe(a === b);
      }),
    );
  });
});

describe('parseCaseCode', () => {
  it('accepts typed variants and returns the canonical form', () => {
    expect(parseCaseCode('ktx482')).toBe('KTX-482');
    expect(parseCaseCode(' KTX 482 ')).toBe('KTX-482');
    expect(parseCaseCode('KTX-482')).toBe('KTX-482');
  });

  it('refuses letters and digits outside the alphabets, and other shapes', () => {
    for (const bad of ['KIX-482', 'KOX-482', 'KTX-402', 'KTX-412', 'KT-482', 'KTXX-482', '20d9d8a4', '']) {
      expect(parseCaseCode(bad)).toBeNull();
    }
  });

  it('round-trips: the code of an id parses to itself, and the id starts with the code prefix', () => {
    fc.assert(
      fc.property(hexId, (id) => {
        const code = caseCode(id);
        expect(parseCaseCode(code.toLowerCase().replace('-', ''))).toBe(code);
        expect(id.startsWith(caseCodeIdPrefix(code))).toBe(true);
      }),
    );
  });
});
