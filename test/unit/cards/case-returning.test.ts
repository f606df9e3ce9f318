import type { ReturningRecord } from '../../../src/domain/aftercare/returning';
import { returningPart, returningSection } from '../../../src/cards/case-returning';

const record = (over: Partial<ReturningRecord['summary']> = {}, earlier: ReturningRecord['earlier'] = []): ReturningRecord => ({
  caseId: 'new',
  summary: {
    count: earlier.length,
    decisions: { escalated: 0, closed: 0, closed_despite_concern: 0, open: 0 },
    measureRunning: false,
    signal: false,
    ...over,
  },
  earlier,
});

describe('oude bekenden on the case card', () => {
  it.each<[string, ReturningRecord | undefined, ReturnType<typeof returningPart>]>([
    ['no record', undefined, null],
    ['no earlier case', record({ count: 0 }), null],
    [
      'one earlier case, escalated, handed over to the wijkteam with the follow-up done, a measure running',
      record(
        {
          daysSinceLast: 30,
          decisions: { escalated: 1, closed: 0, closed_despite_concern: 0, open: 0 },
          lastHandover: 'wijkteam',
          measureRunning: true,
          signal: true,
        },
        [{ caseId: 'e1', intakeAt: '2026-10-24T09:00:00.000Z', decision: 'escalated', handoverKind: 'wijkteam', followUp: 'carried_out' }],
      ),
      {
        style: 'warning',
        heading: 'Oude bekende: 1 eerdere zaak',
        lines: [
          'Eerder: 24 okt 2026 (laatste 30 dagen geleden).',
          'Besloten: 1× geëscaleerd.',
          'Wat ervan kwam (laatste zaak): overgedragen aan Wijkteam; vervolg uitgevoerd.',
          '⚠ Er loopt nog een maatregel uit een eerdere zaak.',
        ],
      },
    ],
    [
      'five earlier cases, long ago: the three latest dates, the others counted; nothing known of the outcome',
      record(
        { daysSinceLast: 400, decisions: { escalated: 1, closed: 2, closed_despite_concern: 1, open: 1 } },
        ['2021-01-05', '2022-02-06', '2023-03-07', '2024-04-08', '2024-10-09'].map((d, i) => ({
          caseId: `e${i}`,
          intakeAt: `${d}T10:00:00.000Z`,
          decision: 'closed' as const,
        })),
      ),
      {
        style: 'emphasis',
        heading: 'Oude bekende: 5 eerdere zaken',
        lines: [
          'Eerder: en 2 eerder, 7 mrt 2023, 8 apr 2024, 9 okt 2024 (laatste 400 dagen geleden).',
          'Besloten: 1× geëscaleerd, 1× gesloten ondanks buikpijn, 2× gesloten, 1× nog open.',
          'Wat ervan kwam (laatste zaak): nog niet bekend.',
        ],
      },
    ],
  ])('%s', (_name, r, expected) => {
    expect(returningPart(r)).toEqual(expected);
  });

  it('renders as one container without any case id, pseudonym or text of the earlier case', () => {
    const r = record({ daysSinceLast: 2, decisions: { escalated: 0, closed: 1, closed_despite_concern: 0, open: 0 } }, [
      { caseId: 'earlier-case-id-123', intakeAt: '2026-11-20T09:00:00.000Z', decision: 'closed' },
    ]);
    const els = returningSection(r);
    expect(els).toHaveLength(1);
    expect(els[0]).toMatchObject({ type: 'Container', style: 'emphasis' });
    expect(JSON.stringify(els)).toContain('Oude bekende: 1 eerdere zaak');
    expect(JSON.stringify(els)).not.toContain('earlier-case-id-123');
  });
});
