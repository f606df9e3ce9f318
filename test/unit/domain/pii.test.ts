import { detectPii, detectPiiIn, type PiiKind } from '../../../src/domain/pii';

const opts = { referenceYear: 2026 };
const kinds = (text: string): PiiKind[] => detectPii(text, opts);

describe('detectPii: finds likely personal identifiers', () => {
  it.each<[string, PiiKind[]]>([
    // phone numbers
    ['Bel moeder op 0612345678.', ['phone']],
    ['mobiel 06-12345678', ['phone']],
    ['06 12 34 56 78 (zus)', ['phone']],
    ['06-12-34-56-78', ['phone']],
    ['tel +31 6 12345678', ['phone']],
    ['+31612345678', ['phone']],
    ['0031 6 1234 5678', ['phone']],
    ['+31 (0)10 1234567', ['phone']],
    ['vast 010-1234567', ['phone']],
    ['school 0251-123456', ['phone']],
    // BSN (11-proef valid only)
    ['BSN 111222333', ['bsn']],
    ['bsn: 123456782', ['bsn']],
    ['bsn 1234.56.782', ['bsn']],
    ['bsn 123 456 782', ['bsn']],
    // addresses
    ['woont op 1234 AB 12', ['address']],
    ['adres 3511AB, 5a', ['address']],
    ['Kerkweg 3b, 1234 AB Utrecht', ['address']],
    ['Dorpsstraat 12 te Zeist', ['address']],
    // e-mail
    ['mail j.jansen@example.nl even', ['email']],
    ['a.b-c+tag@sub.domein.org', ['email']],
    // dates of birth
    ['verdachte geb. 12-03-1990', ['birthDate']],
    ['geboren op 3 maart 1985', ['birthDate']],
    ['geboortedatum: 1990-03-12', ['birthDate']],
    ['geb 12-03-90', ['birthDate']],
    ['J. (12-03-1990) was aanwezig', ['birthDate']],
    // IBAN
    ['rekening NL91 ABNA 0417 1643 00', ['iban']],
    ['NL91ABNA0417164300', ['iban']],
    // several at once, in a fixed order
    ['Jansen, 0612345678, Dorpsstraat 12, geb. 01-01-1980, j@x.nl', ['phone', 'address', 'email', 'birthDate']],
  ])('%s → %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });
});

describe('detectPii: keeps false positives low on ZSM text', () => {
  it.each<string>([
    'Kinderen van 13 jaar en 9 jaar waren thuis.',
    'Melding om 21:15, politie ter plaatse om 21.40 uur.',
    'Intake 23-11-2026 20:15, termijn tot 24-11-2026 02:15.',
    'Eerdere melding op 12-03-2019 en op 2024-05-01.',
    'BVH-2026-000123 en parketnummer 13/123456-26',
    'In 2026 OM en RvdK betrokken; ronde 2 van 4.',
    'Slachtoffer heeft letsel aan arm; 3 keer eerder (2019, 2021, 2023).',
    'BSN-achtig getal dat de 11-proef niet haalt: 123456789',
    'Bedrag 1.234.567 euro, 12 uur 30',
    'nummer 1234567890 is geen telefoonnummer',
    'Buurvrouw belde 112; 06 keer eerder contact?',
    'Verdachte is 34, slachtoffer 31.',
    'leeftijden 13, 9 en 7; gezin 5 personen',
    'Geen IBAN (controlegetal fout): NL12 ABCD 1234 5678 90',
    'wachttijd 15 min, daarna 30 min',
    'Zie https://example.org/zaak/12345 voor het protocol',
  ])('%s → nothing', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('a full date is a birth date only when it is long enough ago (reference year from the caller)', () => {
    expect(detectPii('op 12-03-2012', { referenceYear: 2026 })).toEqual(['birthDate']);
    expect(detectPii('op 12-03-2013', { referenceYear: 2026 })).toEqual([]);
    expect(detectPii('op 12-03-2013', { referenceYear: 2027 })).toEqual(['birthDate']);
  });

  it('reports kinds, never values, and checks several texts together', () => {
    expect(detectPiiIn(['geen', undefined, 'mail a@b.nl', 'bel 0612345678'], opts)).toEqual(['phone', 'email']);
    expect(detectPiiIn([], opts)).toEqual([]);
  });

  it('is stateless across calls (no shared regex position)', () => {
    for (let i = 0; i < 3; i++) expect(kinds('0612345678 en 0612345678')).toEqual(['phone']);
  });
});
