import type { Case } from '../../../src/domain/case';
import { orderAgenda, type AgendaEntry } from '../../../src/domain/agenda';

const entry = (id: string, deadline: string, concern: number, acute = false): AgendaEntry => ({
  case: { id, deadline } as Case,
  concernOrgs: (['politie', 'om', 'vt'] as const).slice(0, concern) as AgendaEntry['concernOrgs'],
  acuteUnsafe: acute,
  escalated: false,
});

describe('agenda order', () => {
  it('puts acute first, then the nearest termijn, then the most buikpijn', () => {
    const items = [
      entry('late', '2026-11-24T10:00:00Z', 3),
      entry('soon-few', '2026-11-24T01:00:00Z', 1),
      entry('soon-many', '2026-11-24T01:00:00Z', 2),
      entry('acute-late', '2026-11-25T10:00:00Z', 0, true),
    ];
    expect(orderAgenda(items).map((i) => i.case.id)).toEqual(['acute-late', 'soon-many', 'soon-few', 'late']);
  });
});
