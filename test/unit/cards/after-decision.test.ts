import { adviceAoOutcomePart, aoOvjDecisionPart, ovjDecisionOf, type OvjDecisionView } from '../../../src/cards/after-decision';
import type { AdviceRecord, Intervention } from '../../../src/domain/advice/types';
import { sampleOutcome } from './ao-part-samples';

const NOW = new Date('2026-11-24T12:00:00Z');
const palette: Intervention[] = [
  { id: 'rvdk-onderzoek', label: 'Raadsonderzoek', phase: 'care', allowsLanguage: false },
  { id: 'contactverbod', label: 'Contactverbod', phase: 'safety', allowsLanguage: false },
];
const decided = (over: Partial<NonNullable<AdviceRecord['decision']>>, openConcern: AdviceRecord['draft']['openConcern'] = []) =>
  ({
    caseId: 'c1',
    status: 'decided',
    draftedBy: 'aad-rvdk-1',
    draft: { openConcern } as unknown as AdviceRecord['draft'],
    decision: { at: '2026-11-23T20:40:00.000Z', by: 'aad-ovj-1', interventions: [], ...over },
  }) as AdviceRecord;

describe('the OvJ decision on the Actieoverleg card', () => {
  it('reads the decision from the advice: labels in phase order, the buikpijn it was decided despite', () => {
    const a = decided(
      {
        interventions: [{ interventionId: 'rvdk-onderzoek' }, { interventionId: 'contactverbod' }],
        concernAcknowledgement: 'Zorgen VT gezien; contactverbod volstaat nu.',
      },
      [
        { orgId: 'vt', reason: 'Kinderen onveilig', round: 1, ref: { kind: 'vote', id: 'v1', at: '2026-11-23T20:00:00.000Z' } },
        { orgId: 'vt', reason: 'Nog steeds', round: 2, ref: { kind: 'vote', id: 'v2', at: '2026-11-23T20:10:00.000Z' } },
      ],
    );
    expect(ovjDecisionOf(a, palette)).toEqual({
      at: '2026-11-23T20:40:00.000Z',
      interventions: 'Contactverbod, Raadsonderzoek',
      despite: { orgs: ['vt'], acknowledgement: 'Zorgen VT gezien; contactverbod volstaat nu.' },
    });
    expect(ovjDecisionOf(undefined, palette)).toBeUndefined();
    expect(ovjDecisionOf({ ...a, status: 'sent', decision: undefined } as AdviceRecord, palette)).toBeUndefined();
  });

  const despite: OvjDecisionView = {
    at: '2026-11-23T20:40:00.000Z',
    interventions: 'Contactverbod',
    freeText: 'Voorwaarden via reclassering.',
    despite: { orgs: ['vt', 'politie'], acknowledgement: 'Zorgen gezien; contactverbod volstaat nu.' },
  };
  it.each<[string, OvjDecisionView | undefined, string, ReturnType<typeof aoOvjDecisionPart>]>([
    ['no decision', undefined, '2026-11-24T08:00:00.000Z', null],
    [
      'decided "ondanks buikpijn" before the escalation',
      despite,
      '2026-11-24T08:00:00.000Z',
      {
        style: 'warning',
        heading: 'Eerder besluit van de OvJ (ma 23 nov 21:40)',
        lines: [
          { text: '**Interventies:** Contactverbod', weight: 'default', subtle: false },
          { text: '**Toelichting:** Voorwaarden via reclassering.', weight: 'default', subtle: false },
          {
            text: '⚠ **Besloten ondanks buikpijn van Veilig Thuis, Politie:** Zorgen gezien; contactverbod volstaat nu.',
            weight: 'bolder',
            subtle: false,
          },
          {
            text: 'Dezelfde buikpijn leidt niet opnieuw tot escalatie; een nieuwe reden, overtreding of nieuw incident wel.',
            weight: 'default',
            subtle: true,
          },
        ],
      },
    ],
    [
      'decided after the escalation, nothing standing, no interventions',
      { at: '2026-11-24T09:00:00.000Z', interventions: '' },
      '2026-11-24T08:00:00.000Z',
      {
        style: 'emphasis',
        heading: 'Besluit van de OvJ (10:00)',
        lines: [{ text: '**Interventies:** geen interventies gekozen', weight: 'default', subtle: false }],
      },
    ],
  ])('%s', (_name, d, escalationAt, expected) => {
    expect(aoOvjDecisionPart(d, escalationAt, NOW)).toEqual(expected);
  });

  it('a compact card shortens the free texts', () => {
    const long = { ...despite, freeText: 'x'.repeat(400) };
    const full = aoOvjDecisionPart(long, '2026-11-24T08:00:00.000Z', NOW, false)!;
    const compact = aoOvjDecisionPart(long, '2026-11-24T08:00:00.000Z', NOW, true)!;
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(full).length - 150);
  });
});

describe('the Actieoverleg outcome on the advice card', () => {
  it('is absent without an outcome', () => {
    expect(adviceAoOutcomePart(undefined, NOW)).toBeNull();
  });

  it('lists the decisions per phase, who does what by when, and the ZVH registration', () => {
    expect(adviceAoOutcomePart(sampleOutcome(), NOW)).toEqual({
      style: 'emphasis',
      heading: 'Uitkomst van het Actieoverleg (do 26 nov 11:30)',
      lines: [
        { text: '• **Veiligheidsplan** (Veiligheid): Veiligheidsplan opstellen met beide ouders', weight: 'default', subtle: false },
        { text: '• **Interventie** (Zorg): Ouderschapsondersteuning via het wijkteam', weight: 'default', subtle: false },
        { text: '**Wie doet wat, wanneer:**', weight: 'default', subtle: false },
        { text: '• Veilig Thuis: Huisbezoek en veiligheidsplan (uiterlijk 01-12-2026)', weight: 'default', subtle: false },
        { text: 'Aangemeld bij het Zorg- en Veiligheidshuis voor casusregie', weight: 'default', subtle: false },
      ],
    });
  });

  it('a long outcome: six of each, the rest counted; a correction says so', () => {
    const many = sampleOutcome({
      revision: 2,
      zvhCasusregie: false,
      decisions: Array.from({ length: 8 }, (_, i) => ({
        subject: 'intervention' as const,
        phase: 'care' as const,
        text: `Besluit ${i + 1}`,
      })),
      actions: Array.from({ length: 7 }, (_, i) => ({
        owner: 'politie' as const,
        what: `Actie ${i + 1}`,
        due: `2026-12-${String(10 - i).padStart(2, '0')}`,
      })),
    });
    const p = adviceAoOutcomePart(many, NOW)!;
    expect(p.heading).toBe('Uitkomst van het Actieoverleg (do 26 nov 11:30, aangepast)');
    const texts = p.lines.map((l) => l.text);
    expect(texts.filter((x) => x.startsWith('• **Interventie**'))).toHaveLength(6);
    // the nearest due dates first
    expect(texts.filter((x) => x.startsWith('• Politie')).at(0)).toBe('• Politie: Actie 7 (uiterlijk 04-12-2026)');
    expect(texts).toContain('… en nog 3 (volledig op de kaart van het Actieoverleg)');
    expect(texts.at(-1)).toBe('Niet aangemeld bij het Zorg- en Veiligheidshuis');
  });
});
