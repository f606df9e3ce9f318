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
  labels: { cases: 'Zaken per locatie', location: 'Locatie', count: 'Zaken', phases: 'Besluiten per fase', rules: 'Escalaties per regel' },
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
};

describe('the rapportage card template', () => {
  it('binds the chart data as arrays, each chart with a FactSet fallback of the same figures', () => {
    const card = renderTemplate('cards', 'report', view) as unknown as { version: string; body: Record<string, unknown>[] };
    expect(card.version).toBe('1.5');
    const types = card.body.map((b) => b.type);
    expect(types).toEqual(['TextBlock', 'TextBlock', 'FactSet', 'Chart.VerticalBar', 'Chart.Donut', 'Chart.HorizontalBar']);
    const bar = card.body[3] as { data: unknown; fallback: { facts: unknown } };
    expect(bar.data).toEqual(view.casesByLocation);
    expect(bar.fallback.facts).toEqual([
      { title: 'Rotterdam', value: '4' },
      { title: '=Den Haag', value: '1' },
    ]);
    expect((card.body[4] as { data: unknown }).data).toEqual(view.phases);
    expect((card.body[2] as { facts: unknown }).facts).toEqual(view.facts);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
  });

  it('binds no template expression inside data values', () => {
    const card = renderTemplate('cards', 'report', { ...view, title: '${labels.cases}' });
    expect(JSON.stringify(card)).toContain('"text":"${labels.cases}"');
    expect(templateJson('cards', 'report')).toMatchObject({ type: 'AdaptiveCard' });
  });

  it('validates with the adaptivecards library: only the chart elements are unknown to it, and their fallbacks are valid', () => {
    const card = renderTemplate('cards', 'report', view) as unknown as { body: Record<string, unknown>[] };
    const charts = [3, 4, 5];
    // The library (3.0.6) predates Teams' chart elements: it reports them and would render the fallback.
    expect(
      adaptiveCardProblems(card).filter((p) => !charts.some((i) => p.includes(`.body[${i}]`)) && !/Unknown element type "Chart\./.test(p)),
    ).toEqual([]);
    const withFallbacks = { ...card, body: card.body.map((b, i) => (charts.includes(i) ? (b.fallback as Record<string, unknown>) : b)) };
    expect(adaptiveCardProblems(withFallbacks)).toEqual([]);
  });
});
