import fc from 'fast-check';
import { plain, plainRewrite, plainTruncate } from '../../../src/cards/text';

const ZWSP = '\u200B';
/** What a reader sees: the zero-width spaces are invisible. */
const visible = (s: string): string => s.split(ZWSP).join('');

describe('plain: user text never becomes markdown or a live link', () => {
  it('breaks a markdown phishing link: no "](" left, the words still read', () => {
    const out = plain('Zie [klik](https://evil.example/login) voor info');
    expect(out).not.toMatch(/\]\s*\(/);
    expect(out).not.toContain('://');
    expect(visible(out)).toBe('Zie [klik](https://evil.example/login) voor info');
  });

  it.each([
    'https://evil.example/pay',
    'http://10.0.0.1/x',
    'ftp://files.example',
    'www.evil.example',
    'WWW.EVIL.EXAMPLE',
    '<https://evil.example>',
  ])('breaks the raw URL %s so Teams does not auto-link it', (url) => {
    const out = plain(`bericht ${url} einde`);
    expect(out).not.toMatch(/:\/\//);
    expect(out).not.toMatch(/www\./i);
    expect(out).not.toMatch(/<[a-z]+:/i);
    expect(visible(out)).toBe(`bericht ${url} einde`);
  });

  it('breaks a reference-style link definition', () => {
    expect(plain('[a]: https://evil')).not.toMatch(/\]\s*:/);
  });

  it('escapes emphasis, strike and code marks', () => {
    expect(plain('**vet** _schuin_ ~~weg~~ `code`')).toBe('\\*\\*vet\\*\\* \\_schuin\\_ \\~\\~weg\\~\\~ \\`code\\`');
    expect(plain('a\\*b')).toBe('a\\\\\\*b'); // an existing backslash cannot cancel the escape
  });

  it.each([
    ['- punt', `${ZWSP}- punt`],
    ['+ punt', `${ZWSP}+ punt`],
    ['1. genummerd', `${ZWSP}1. genummerd`],
    ['12) genummerd', `${ZWSP}12) genummerd`],
    ['# kop', `${ZWSP}# kop`],
    ['> citaat', `${ZWSP}> citaat`],
    ['regel\n  - tweede', `regel\n  ${ZWSP}- tweede`],
  ])('neutralises the line-start marker in %j', (input, expected) => {
    expect(plain(input)).toBe(expected);
  });

  it('leaves ordinary Dutch text alone', () => {
    const s = 'Slachtoffer (31) met letsel aan arm; kinderen 13 en 9 thuis. Om 21:15 gebeld — zie BVH-2026-000123.';
    expect(plain(s)).toBe(s);
  });

  it('plainTruncate truncates first, then escapes', () => {
    expect(visible(plainTruncate('[x](https://e) en nog veel meer tekst', 14))).toBe('[x](https://e…');
  });

  it('the shortcut for text without markdown or link syntax skips no rewrite (random texts of the characters that matter)', () => {
    const piece = fc.constantFrom(
      '\\',
      '*',
      '_',
      '~',
      '`',
      ']',
      '[',
      '(',
      ')',
      '<',
      '>',
      ':',
      '/',
      '//',
      'www.',
      'WwW.',
      'w',
      '.',
      '-',
      '+',
      '#',
      '1',
      '12',
      ' ',
      '\t',
      '\n',
      'a',
      'Zorgen',
      'é',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(plain(text)).toBe(plainRewrite(text));
      }),
      { numRuns: 3000 },
    );
  });
});
