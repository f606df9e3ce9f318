import { buildNewCaseCard, NEW_CASE_INPUTS, parseChildAges, parseNewCaseForm, parsePersons } from '../../../src/cards/new-case-card';
import { DIALOGS } from '../../../src/cards/verbs';
import { caseIntakeSchema } from '../../../src/domain/case';
import { adaptiveCardProblems } from './validate';
import { nodes, texts, type Node } from './walk';

const LOCATIONS = [
  { id: 'midden-nederland', name: 'ZSM Midden-Nederland' },
  { id: 'noord-holland', name: 'ZSM Noord-Holland' },
];
const NOW = new Date('2026-11-23T20:15:00Z');
const inputs = (card: unknown) => nodes(card).filter((n) => String(n.type).startsWith('Input.'));

const filled = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  dialog: DIALOGS.newCase,
  locationId: 'midden-nederland',
  offenceCategory: 'mishandeling',
  summary: '  Buren bellen 112 na geschreeuw; slachtoffer met letsel aan arm.  ',
  persons: 'verdachte 34; slachtoffer 31; kind (13 jr); Kind 9 jaar',
  childrenInvolved: 'true',
  childAges: '13, 9',
  weaponMentioned: 'false',
  victimContactSafe: 'nee',
  custody: 'in_verzekering',
  ...overrides,
});

describe('"Nieuwe zaak" form', () => {
  it('is a valid Adaptive Card 1.5, also with an error and typed values', () => {
    expect(adaptiveCardProblems(buildNewCaseCard({ locations: LOCATIONS }))).toEqual([]);
    expect(
      adaptiveCardProblems(
        buildNewCaseCard({
          locations: LOCATIONS.slice(0, 1),
          error: 'Kies een delict.',
          values: { summary: 'x', childrenInvolved: 'true' },
        }),
      ),
    ).toEqual([]);
  });

  it('asks for the intake fields and nothing that identifies a person', () => {
    const ids = inputs(buildNewCaseCard({ locations: LOCATIONS })).map((i) => i.id);
    expect(ids).toEqual(Object.values(NEW_CASE_INPUTS));
    expect(ids.join(' ')).not.toMatch(/name|naam|geboorte|birth|adres|bsn/i);
    expect(texts(buildNewCaseCard({ locations: LOCATIONS })).join(' ')).toContain('verdachte 34; slachtoffer 31; kind 13');
  });

  it('offers the locations given, preselecting the only one', () => {
    const [loc] = inputs(buildNewCaseCard({ locations: LOCATIONS }));
    expect((loc?.choices as { value: string }[]).map((c) => c.value)).toEqual(['midden-nederland', 'noord-holland']);
    expect(loc?.value).toBeUndefined();
    expect(inputs(buildNewCaseCard({ locations: LOCATIONS.slice(1) }))[0]?.value).toBe('noord-holland');
  });

  it('shows the error on top and keeps what was typed', () => {
    const card = buildNewCaseCard({
      locations: LOCATIONS,
      error: 'Kies een delict.',
      values: { summary: 'Ruzie', persons: 'verdachte 40' },
    });
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    expect(texts(card.body[0])).toContain('Kies een delict.');
    const byId = new Map(inputs(card).map((i) => [i.id, i]));
    expect(byId.get('summary')?.value).toBe('Ruzie');
    expect(byId.get('persons')?.value).toBe('verdachte 40');
  });

  it('submits to the new-case dialog with "Zaak aanmaken"', () => {
    expect(buildNewCaseCard({ locations: LOCATIONS }).actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', title: 'Zaak aanmaken', data: { dialog: DIALOGS.newCase } }),
    ]);
    const required = inputs(buildNewCaseCard({ locations: LOCATIONS })).filter((i: Node) => i.isRequired === true);
    expect(required.map((i) => i.id)).toEqual(['locationId', 'offenceCategory', 'summary', 'persons']);
  });
});

describe('parseNewCaseForm', () => {
  it('turns a filled form into a valid HG intake', () => {
    const result = parseNewCaseForm(filled(), NOW, 'teams-abc-123');
    if (!result.ok) throw new Error(result.errors.join(' '));
    expect(result.intake).toEqual({
      externalId: 'teams-abc-123',
      locationId: 'midden-nederland',
      intakeAt: '2026-11-23T20:15:00.000Z',
      offenceCategory: 'mishandeling',
      hgFlag: true,
      children: { involved: true, ages: [13, 9] },
      persons: [
        { role: 'verdachte', age: 34 },
        { role: 'slachtoffer', age: 31 },
        { role: 'kind', age: 13 },
        { role: 'kind', age: 9 },
      ],
      summary: 'Buren bellen 112 na geschreeuw; slachtoffer met letsel aan arm.',
      weaponMentioned: false,
      victimContactSafe: 'nee',
      custody: 'in_verzekering',
    });
    expect(caseIntakeSchema.safeParse(result.intake).success).toBe(true);
  });

  it('uses the defaults for what is left empty', () => {
    const result = parseNewCaseForm(
      filled({ childrenInvolved: undefined, childAges: '', victimContactSafe: '', custody: undefined, persons: 'verdachte' }),
      NOW,
      'x1',
    );
    expect(result).toMatchObject({
      ok: true,
      intake: {
        children: { involved: false, ages: [] },
        victimContactSafe: 'onbekend',
        custody: 'onbekend',
        persons: [{ role: 'verdachte' }],
      },
    });
  });

  it('counts children as involved when ages are typed, even with the toggle off', () => {
    expect(parseNewCaseForm(filled({ childrenInvolved: 'false', childAges: '4' }), NOW, 'x1')).toMatchObject({
      ok: true,
      intake: { children: { involved: true, ages: [4] } },
    });
  });

  it('lists every problem of an empty form in Dutch', () => {
    const result = parseNewCaseForm({ dialog: DIALOGS.newCase, locationId: 'midden-nederland' }, NOW, 'x1');
    expect(result).toEqual({
      ok: false,
      errors: [
        'Kies een delict uit de lijst.',
        'Vul een samenvatting in van maximaal 2000 tekens.',
        'Vul minstens één betrokkene in, bijvoorbeeld: verdachte 34; slachtoffer 31.',
      ],
    });
  });

  it('rejects unknown choices and wrong types', () => {
    const result = parseNewCaseForm(
      filled({ locationId: 42, offenceCategory: 'moord', victimContactSafe: 'misschien', custody: 'vrij' }),
      NOW,
      'x1',
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'Kies een ZSM-locatie.',
        'Kies een delict uit de lijst.',
        'Kies of het slachtoffer veilig te benaderen is.',
        'Kies de status van de verdachte.',
      ],
    });
  });

  it('reports what the shared intake schema refuses, in Dutch', () => {
    expect(parseNewCaseForm(filled(), NOW, 'bad id with spaces')).toEqual({ ok: false, errors: ['Zaaknummer: ongeldige waarde.'] });
    expect(parseNewCaseForm(filled({ locationId: 'x'.repeat(65) }), NOW, 'x1')).toEqual({
      ok: false,
      errors: ['ZSM-locatie: ongeldige waarde.'],
    });
  });
});

describe('persons and ages', () => {
  it('reads role + optional age, in several spellings', () => {
    expect(parsePersons('verdachte 34; slachtoffer\nkind (13 jr); ouder 61 jaar; getuige; overig 20')).toEqual({
      persons: [
        { role: 'verdachte', age: 34 },
        { role: 'slachtoffer' },
        { role: 'kind', age: 13 },
        { role: 'ouder', age: 61 },
        { role: 'getuige' },
        { role: 'overig', age: 20 },
      ],
      errors: [],
    });
  });

  it('refuses names, unknown roles and impossible ages', () => {
    const out = parsePersons('verdachte Jan 34; buurman 40; kind 130');
    expect(out.persons).toEqual([]);
    expect(out.errors).toEqual([
      expect.stringContaining('Betrokkene 1 is niet te lezen'),
      expect.stringContaining('Betrokkene 2 is niet te lezen'),
      'De leeftijd bij betrokkene 3 moet een heel getal van 0 tot en met 120 zijn.',
    ]);
    // Errors never echo what was typed: it may be a name.
    expect(out.errors.join(' ')).not.toContain('Jan');
  });

  it('limits the number and length of entries', () => {
    expect(parsePersons(Array.from({ length: 21 }, () => 'kind 3').join(';')).errors).toEqual(['Vul maximaal 20 betrokkenen in.']);
    expect(parsePersons(`verdachte ${' '.repeat(5000)}34`).errors).toHaveLength(1);
  });

  it('reads child ages 0–17 only', () => {
    expect(parseChildAges('13, 9')).toEqual([13, 9]);
    expect(parseChildAges(' 0 ;17 ')).toEqual([0, 17]);
    expect(parseChildAges('')).toEqual([]);
    expect(parseChildAges('13, 19')).toBeNull();
    expect(parseChildAges('dertien')).toBeNull();
  });
});
