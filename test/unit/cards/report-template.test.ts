import { renderTemplate, templateJson } from '../../../src/cards/template';
import { adaptiveCardProblems } from './validate';

/**
 * The rapportage card template (cards/report.json): charts as Adaptive Card chart elements with a
 * FactSet fallback (decision 32). The typed view-model builder belongs in src/cards (next session);
 * this binds a hand-written view model to check the template's shape.
 */
const view = {
  title: 'Rapportage alle locaties, 1 jan t/m 30 jun 2026',
  note: 'Aantallen, geen personen.',
  facts: [
    { title: 'Zaken', value: '5' },
    { title: 'Aandeel met kinderen', value: '60%' },
  ],
  labels: {
    cases: 'Zaken per locatie',
    location: 'Locatie',
    count: 'Zaken',
    phases: 'Besluiten per fase',
    rules: 'Escalaties per regel',
    noData: 'Geen gegevens in deze periode.',
  },
  casesByLocation: [
    { x: 'Rotterdam', y: 4 },
    { x: '=Den Haag', y: 1 },
  ],
  phases: [
    { legend: 'Veiligheid', value: 3 },
    { legend: 'Zorg', value: 1 },
    { legend: 'Herstel', value: 1 },
  ],
  rules: [{ x: 'acuut onveilig', y: 1 }],
  phasesEmpty: false,
};
type Body = { body: (Record<string, unknown> & { items?: Record<string, unknown>[] })[] };
/** Each chart stands in a container under its heading (a TextBlock: the Playground shows no Chart.* title). */
const chartAt = (card: Body, i: number) => (card.body[i].items ?? [])[1];

describe('the rapportage card template', () => {
  it('binds the chart data as arrays, each chart with a FactSet fallback of the same figures', () => {
    const card = renderTemplate('cards', 'report', view) as unknown as Body & { version: string };
    expect(card.version).toBe('1.5');
    const types = card.body.map((b) => b.type);
    expect(types).toEqual(['TextBlock', 'TextBlock', 'FactSet', 'Container', 'Container', 'Container']);
    expect([3, 4, 5].map((i) => (card.body[i].items ?? []).map((e) => e.type))).toEqual([
      ['TextBlock', 'Chart.VerticalBar'],
      ['TextBlock', 'Chart.Donut'],
      ['TextBlock', 'Chart.HorizontalBar'],
    ]);
    expect([3, 4, 5].map((i) => (card.body[i].items ?? [])[0].text)).toEqual([
      'Zaken per locatie',
      'Besluiten per fase',
      'Escalaties per regel',
    ]);
    const bar = chartAt(card, 3) as { data: unknown; fallback: { facts: unknown } };
    expect(bar.data).toEqual(view.casesByLocation);
    expect(bar.fallback.facts).toEqual([
      { title: 'Rotterdam', value: '4' },
      { title: '=Den Haag', value: '1' },
    ]);
    expect((chartAt(card, 4) as { data: unknown }).data).toEqual(view.phases);
    expect((card.body[2] as { facts: unknown }).facts).toEqual(view.facts);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
  });

  it('binds no template expression inside data values', () => {
    const card = renderTemplate('cards', 'report', { ...view, title: '${labels.cases}' });
    expect(JSON.stringify(card)).toContain('"text":"${labels.cases}"');
    expect(templateJson('cards', 'report')).toMatchObject({ type: 'AdaptiveCard' });
  });

  it('validates with the adaptivecards library: only the chart elements are unknown to it, and their fallbacks are valid', () => {
    const card = renderTemplate('cards', 'report', view) as unknown as Body;
    const charts = [3, 4, 5];
    // The library (3.0.6) predates Teams' chart elements: it reports them and would render the fallback.
    expect(
      adaptiveCardProblems(card).filter((p) => !charts.some((i) => p.includes(`.body[${i}]`)) && !/Unknown element type "Chart\./.test(p)),
    ).toEqual([]);
    const withFallbacks = {
      ...card,
      body: card.body.map((b, i) =>
        charts.includes(i) ? { ...b, items: (b.items ?? []).map((e, k) => (k === 1 ? (e.fallback as Record<string, unknown>) : e)) } : b,
      ),
    };
    expect(adaptiveCardProblems(withFallbacks)).toEqual([]);
  });

  it('an all-zero donut gives way to "geen gegevens" under its heading (an all-zero donut renders blank)', () => {
    const zero = { ...view, phases: view.phases.map((p) => ({ ...p, value: 0 })), phasesEmpty: true };
    const card = renderTemplate('cards', 'report', zero) as unknown as Body;
    expect((card.body[4].items ?? []).map((e) => [e.type, e.text])).toEqual([
      ['TextBlock', 'Besluiten per fase'],
      ['TextBlock', 'Geen gegevens in deze periode.'],
    ]);
    expect(JSON.stringify(card)).not.toContain('Chart.Donut');
    // the other charts stay
    expect(chartAt(card, 3)?.type).toBe('Chart.VerticalBar');
  });
});
