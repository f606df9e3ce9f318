import type { Case } from '../../../src/domain/case';
import { orderAgenda, type AgendaEntry } from '../../../src/domain/agenda';

const entry = (
  id: string,
  deadline: string,
  concern: number,
  opts: { acute?: boolean; children?: boolean; voted?: number } = {},
): AgendaEntry => ({
  case: { id, deadline, facts: { childrenInvolved: opts.children ?? false } } as Case,
  concernOrgs: (['politie', 'om', 'vt'] as const).slice(0, concern) as AgendaEntry['concernOrgs'],
  acuteUnsafe: opts.acute ?? false,
  escalated: false,
  ...(opts.voted === undefined ? {} : { voted: opts.voted }),
});

describe('agenda order', () => {
  it('puts acute first, then the nearest termijn, then the most buikpijn', () => {
    const items = [
      entry('late', '2026-11-24T10:00:00Z', 3),
      entry('soon-few', '2026-11-24T01:00:00Z', 1),
      entry('soon-many', '2026-11-24T01:00:00Z', 2),
      entry('acute-late', '2026-11-25T10:00:00Z', 0, { acute: true }),
    ];
    expect(orderAgenda(items).map((i) => i.case.id)).toEqual(['acute-late', 'soon-many', 'soon-few', 'late']);
  });

  it('puts cases with children right after acute ones, before a nearer termijn', () => {
    const items = [
      entry('soon', '2026-11-24T01:00:00Z', 2),
      entry('children-late', '2026-11-25T10:00:00Z', 0, { children: true }),
      entry('acute', '2026-11-26T10:00:00Z', 0, { acute: true }),
    ];
    expect(orderAgenda(items).map((i) => i.case.id)).toEqual(['acute', 'children-late', 'soon']);
  });

  it('with the same termijn and buikpijn, puts the case with the fewest votes first (nobody voted leads)', () => {
    const at = '2026-11-24T01:00:00Z';
    const items = [entry('all', at, 0, { voted: 6 }), entry('none', at, 0, { voted: 0 }), entry('some', at, 0, { voted: 3 })];
    expect(orderAgenda(items).map((i) => i.case.id)).toEqual(['none', 'some', 'all']);
  });
});
