import { ADVICE_CARD_LIMITS, buildAdviceCard } from '../../../src/cards/advice-card';
import { buildActieoverlegCard, ACTIEOVERLEG_CARD_LIMITS } from '../../../src/cards/actieoverleg-card';
import { ADVICE_VERDIEPING_DENSITIES } from '../../../src/cards/advice-verdieping';
import type { AdviceCardView } from '../../../src/cards/view';
import { composeAdvice } from '../../../src/domain/advice/compose';
import type { AdviceRecord } from '../../../src/domain/advice/types';
import { EMPTY_VERDIEPING } from '../../../src/domain/verdieping/bundle';
import { adviceVerdiepingData } from '../../../src/views/advice-verdieping';
import { adviceRecord, PALETTE } from '../domain/advice/fixtures';
import { ANSWER_TEXT, largeScenarioData, long, scenarioData, scenarioDocs } from './advice-verdieping-fixtures';
import { actieoverlegView, largeActieoverlegView, largeView, NOW, PSEUDONYMS, sampleCase, sampleLocation } from './fixtures';
import { adaptiveCardProblems } from './validate';
import { nodes, texts, utf16Bytes } from './walk';

const theCase = sampleCase();
const adviceView = (advice: AdviceRecord, overrides: Partial<AdviceCardView> = {}): AdviceCardView => ({
  case: theCase,
  location: sampleLocation(),
  advice,
  palette: PALETTE,
  now: NOW,
  ...overrides,
});
const at = (all: string[], part: string | RegExp): number =>
  all.findIndex((x) => (typeof part === 'string' ? x.includes(part) : part.test(x)));

/** The stress case as a sent advice: 40 contributions of 2,000 characters, 10 rounds × 7 reasons, every intervention with a note. */
function largeAdvice(status: AdviceRecord['status']): AdviceRecord {
  const v = largeView();
  const draft = composeAdvice({
    case: v.case,
    contributions: v.contributions,
    votes: v.votes,
    earlierCases: [],
    proposed: PALETTE.map((i) => ({ interventionId: i.id, phase: i.phase, note: long(300, `Toelichting ${i.id}`) })),
    palette: PALETTE,
    summary: long(2000, 'Samenvatting van het advies'),
    version: 7,
    composedAt: '2026-11-23T21:30:00.000Z',
  });
  return { caseId: v.case.id, status, draft, draftedBy: 'aad-lead-1', sentAt: '2026-11-23T21:40:00.000Z' };
}

describe('the advice to the OvJ in verdieping (issue 14)', () => {
  const view = adviceView(adviceRecord('sent'), { viewerMayDecide: true, verdieping: scenarioData(theCase) });
  const card = buildAdviceCard(view);
  const all = texts(card);

  it('line 1 stays first; the advice starts from the confirmed duiding, before the summary', () => {
    expect(all[0]).toMatch(/uw besluit/i);
    const reading = at(all, 'Gezamenlijke duiding');
    expect(reading).toBeGreaterThan(0);
    expect(reading).toBeLessThan(at(all, /^Samenvatting/));
    // The confirmed version (1), not the newer proposal (2), which waits for the chair.
    expect(all).toContain(
      '**Wat is er gebeurd:** Wat er gebeurde v1 Wat er gebeurde v1 Wat er gebeurde v1 Wat er gebeurde v1 Wat er gebeurde v1 Wat er gebeurde v1 Wat er',
    );
    expect(all.join('\n')).not.toContain('Wat er gebeurde v2');
    expect(all.join('\n')).toContain('Versie 1 van Raad voor de Kinderbescherming, bevestigd door de voorzitter op');
    expect(all.join('\n')).toContain('1 nieuwer voorstel wacht op de voorzitter.');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('shows the safety plan per person by role label: holder, receiving party, measure, status, check date', () => {
    const joined = all.join('\n');
    expect(joined).toContain('**slachtoffer, 31 jr**: Raad voor de Kinderbescherming (SAVE / jeugdbescherming)');
    expect(joined).toContain('**kind, 13 jr**: Veilig Thuis (SAVE / jeugdbescherming)');
    expect(joined).toContain('**kind, 9 jr**: Raad voor de Kinderbescherming (SAVE / jeugdbescherming)');
    expect(joined).toMatch(/Veiligheidsafspraak kind-2[^\n]* · status loopt · controle 1 dec 2026/);
    for (const p of PSEUDONYMS) expect(JSON.stringify(card)).not.toContain(p);
  });

  it('shows the violation, the instrument outcome and the running measure; the questions with the answer; what is missing', () => {
    const joined = all.join('\n');
    expect(joined).toMatch(/⚠ Overtreding van locatieverbod op .* \(gemeld door Politie\)/);
    expect(joined).toContain('SASH: risico hoog (23 nov 2026, Reclassering (3RO))');
    expect(joined).toContain('Locatieverbod, houder OM, loopt tot en met 31 dec 2026');
    expect(joined).toContain('Informatievragen (1 open, 1 afgehandeld)');
    expect(joined).toMatch(/✓ Beantwoord door Raad voor de Kinderbescherming op/);
    expect(joined).toContain(`Antwoord: ${ANSWER_TEXT}`);
    expect(joined).toMatch(/⏳ OM vraagt Raad voor de Kinderbescherming \(\d+ uur open\)/);
    expect(joined).toContain('Wat ontbreekt over de betrokkenen');
    expect(joined).toContain('Met het kind van 9 is niet gesproken.');
    expect(joined).not.toContain('Met het kind van 13 is niet gesproken.');
    // In the advice's order: duiding, plan, signals, questions, missing — all before the summary.
    const order = [
      'Gezamenlijke duiding',
      'Veiligheidsplan per persoon',
      'Risicotaxatie, maatregelen',
      'Informatievragen (',
      'Wat ontbreekt',
    ];
    const positions = order.map((x) => at(all, x));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(positions[positions.length - 1]).toBeLessThan(at(all, /^Samenvatting/));
  });

  it('what is missing: who was not spoken to first, across persons; at most eight sentences, the rest counted', () => {
    const missing = texts(buildAdviceCard(adviceView(adviceRecord('sent'), { verdieping: scenarioData(theCase, { spokenTo: [] }) })));
    const from = at(missing, 'Wat ontbreekt over de betrokkenen');
    expect(missing.slice(from + 1, from + 5)).toEqual([
      'Met de verdachte van 34 is niet gesproken.',
      'Met het slachtoffer van 31 is niet gesproken.',
      'Met het kind van 13 is niet gesproken.',
      'Met het kind van 9 is niet gesproken.',
    ]);
    expect(missing[from + 5]).toMatch(/^Het is niet bekend dat de verdachte van 34 weet/);
    expect(missing[from + 9]).toMatch(/^En nog \d+ punt\(en\) \(zie de zaak\)\.$/);
  });

  it('a viewer who may not read a restricted answer learns only that it was answered', () => {
    const { docs, contributions } = scenarioDocs(theCase);
    const restricted = contributions.map((c) => ({ ...c, visibleTo: ['vt' as const] }));
    const forOm = adviceVerdiepingData(theCase, sampleLocation(), docs, restricted, 'om');
    const text = texts(buildAdviceCard(adviceView(adviceRecord('sent'), { verdieping: forOm }))).join('\n');
    expect(text).not.toContain(ANSWER_TEXT);
    expect(text).toContain('Het antwoord is een bijdrage die u niet mag lezen.');
    const forVt = adviceVerdiepingData(theCase, sampleLocation(), docs, restricted, 'vt');
    expect(texts(buildAdviceCard(adviceView(adviceRecord('sent'), { verdieping: forVt }))).join('\n')).toContain(ANSWER_TEXT);
  });

  it('without a confirmed duiding it says so first, and a person without a holder is named (attention)', () => {
    const data = scenarioData(theCase, { versions: 1, safetyFor: ['slachtoffer-1', 'kind-1'] });
    const unconfirmed = {
      ...data,
      docs: { ...data.docs, readings: data.docs.readings.map((r) => ({ ...r, body: { ...r.body, confirmed: undefined } })) },
    };
    const card2 = buildAdviceCard(adviceView(adviceRecord('sent'), { verdieping: unconfirmed }));
    const text = texts(card2);
    expect(text).toContain('⚠ Er is nog geen bevestigde gezamenlijke duiding.');
    expect(text.join('\n')).not.toContain('Wat er gebeurde v1');
    expect(text).toContain('⚠ Voor kind, 9 jr is niemand verantwoordelijk voor de veiligheid.');
    const box = nodes(card2).find((n) => n.type === 'Container' && JSON.stringify(n).includes('niemand verantwoordelijk'));
    expect(box?.style).toBe('attention');
  });

  it('a case with no verdieping keeps its advice as it was; a ZSM case with only a measure names nobody as without a holder', () => {
    expect(adviceVerdiepingData(theCase, sampleLocation(), EMPTY_VERDIEPING, [], 'om')).toBeUndefined();
    const plain = texts(buildAdviceCard(adviceView(adviceRecord('sent')))).join('\n');
    for (const heading of ['Gezamenlijke duiding', 'Veiligheidsplan per persoon', 'Informatievragen', 'Wat ontbreekt', 'Verdieping (kort'])
      expect(plain).not.toContain(heading);
    const { docs } = scenarioDocs(theCase);
    const onlyMeasure = { ...EMPTY_VERDIEPING, measures: docs.measures };
    const data = adviceVerdiepingData(theCase, sampleLocation(), onlyMeasure, [], 'om');
    const text = texts(buildAdviceCard(adviceView(adviceRecord('sent'), { ...(data ? { verdieping: data } : {}) }))).join('\n');
    expect(text).toContain('Locatieverbod, houder OM');
    expect(text).not.toContain('niemand verantwoordelijk');
    expect(text).not.toContain('Wat ontbreekt');
  });
});

describe('the Actieoverleg card shows the safety plan (issue 14)', () => {
  it('after the danger, the owner line and the primary actions (issue 12 layout rule), before the buikpijn picture; by role label', () => {
    const card = buildActieoverlegCard(actieoverlegView({ verdieping: scenarioData(theCase) }));
    const all = texts(card);
    const plan = at(all, 'Veiligheidsplan per persoon');
    expect(plan).toBeGreaterThan(at(all, 'Waarom in het Actieoverleg'));
    expect(plan).toBeGreaterThan(at(all, /Casusverantwoordelijke/));
    expect(at(all, 'Buikpijn per organisatie')).toBeGreaterThan(plan);
    expect(all.join('\n')).toContain('**kind, 9 jr**: Raad voor de Kinderbescherming (SAVE / jeugdbescherming)');
    expect(adaptiveCardProblems(card)).toEqual([]);
    // Only the plan: the duiding and the questions belong to the advice and the case.
    expect(all.join('\n')).not.toContain('Gezamenlijke duiding');
  });

  it('the stress Actieoverleg card with a plan for 8 people stays within the budget, line 1 first', () => {
    const big = largeActieoverlegView();
    const card = buildActieoverlegCard({ ...big, verdieping: largeScenarioData(big.case) });
    expect(utf16Bytes(card)).toBeLessThanOrEqual(ACTIEOVERLEG_CARD_LIMITS.maxBytes);
    const all = texts(card);
    expect(at(all, 'Veiligheidsplan per persoon')).toBeGreaterThan(0);
    expect(at(all, 'ouder, 60 jr')).toBeGreaterThan(0);
  });
});

describe('size: the advice on a large case in verdieping', () => {
  const big = largeView().case;
  const data = largeScenarioData(big);

  it('sent, for the OvJ: within the budget, line 1 first; the crowded card keeps verdieping in counted lines before the summary', () => {
    const card = buildAdviceCard(adviceView(largeAdvice('sent'), { case: big, viewerMayDecide: true, verdieping: data }));
    expect(utf16Bytes(card)).toBeLessThanOrEqual(ADVICE_CARD_LIMITS.maxBytes);
    const all = texts(card);
    expect(all[0]).toMatch(/uw besluit/i);
    const short = at(all, 'Verdieping (kort; alles staat bij de zaak)');
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThan(at(all, /^Samenvatting/));
    const joined = all.join('\n');
    expect(joined).toContain('Gezamenlijke duiding versie 29 bevestigd. Doel: Samen veilig thuis v29');
    expect(joined).toContain('Veiligheid belegd voor 8 personen.');
    expect(joined).toContain('⚠ 60 overtreding(en) van een lopende maatregel.');
    expect(joined).toContain('Informatievragen: 29 open, 1 afgehandeld.');
    expect(joined).toMatch(/Over de betrokkenen ontbreken \d+ punt\(en\)\./);
  });

  it.each(['decided', 'draft'] as const)('%s: within the budget; verdieping before the summary, in whatever density fits', (status) => {
    const card = buildAdviceCard(adviceView(largeAdvice(status), { case: big, verdieping: data }));
    expect(utf16Bytes(card)).toBeLessThanOrEqual(ADVICE_CARD_LIMITS.maxBytes);
    const all = texts(card);
    const head = all.findIndex((x) => x === 'Gezamenlijke duiding' || x.startsWith('Verdieping (kort'));
    expect(head).toBeGreaterThan(0);
    expect(head).toBeLessThan(at(all, /^Samenvatting/));
    const joined = all.join('\n');
    expect(joined).toMatch(/v29/);
    expect(joined).toMatch(/overtreding/i);
    expect(joined).toMatch(/Informatievragen/);
  });

  it('a person without a holder stays named on the crowded card', () => {
    const plan = data.docs.safetyPlan.filter((e) => e.body.personRef !== 'kind-2');
    const view = adviceView(largeAdvice('sent'), { case: big, verdieping: { ...data, docs: { ...data.docs, safetyPlan: plan } } });
    const card = buildAdviceCard(view);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(ADVICE_CARD_LIMITS.maxBytes);
    expect(texts(card)).toContain('⚠ Voor kind, 9 jr is niemand verantwoordelijk voor de veiligheid.');
  });

  it('the Details dialog: every page within the budget, each contribution on exactly one page', () => {
    const view = adviceView(largeAdvice('sent'), { case: big, expanded: true, verdieping: data });
    const pages = [buildAdviceCard({ ...view, page: 0 })];
    for (let p = 1; p < 40; p++) {
      const card = buildAdviceCard({ ...view, page: p });
      if (JSON.stringify(card) === JSON.stringify(pages[pages.length - 1])) break;
      pages.push(card);
    }
    for (const page of pages) expect(utf16Bytes(page)).toBeLessThanOrEqual(ADVICE_CARD_LIMITS.maxBytes);
    expect(texts(pages[0]).join('\n')).toContain('Gezamenlijke duiding');
    // 40 contributions, each "Bijdrage i" exactly once across the pages.
    const seen = pages.flatMap((p) =>
      texts(p)
        .filter((x) => /^Bijdrage \d+ met veel context/.test(x))
        .map((x) => x.split(' ')[1]),
    );
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(40);
  });

  it('steps down through the densities: a duiding of 500 characters a field whole, of 2,000 shortened', () => {
    expect(ADVICE_VERDIEPING_DENSITIES.length).toBeGreaterThan(2);
    const reading = (fieldLength: number) => {
      const card = buildAdviceCard(adviceView(adviceRecord('sent'), { verdieping: scenarioData(theCase, { fieldLength }) }));
      expect(utf16Bytes(card)).toBeLessThanOrEqual(ADVICE_CARD_LIMITS.maxBytes);
      return texts(card).find((x) => x.startsWith('**Wat is er gebeurd:**')) ?? '';
    };
    expect(reading(500)).toHaveLength('**Wat is er gebeurd:** '.length + 500);
    const cut = reading(2000);
    expect(cut.length).toBeLessThan(1000);
    expect(cut.length).toBeGreaterThan(100);
  });
});
