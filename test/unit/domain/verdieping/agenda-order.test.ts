import fc from 'fast-check';
import type { Case } from '../../../../src/domain/case';
import { orderAgenda } from '../../../../src/domain/agenda';
import type { PartnerOrg } from '../../../../src/domain/orgs';
import { agendaEntry, orderAgendaByNextMoment } from '../../../../src/domain/verdieping/agenda';
import type { PhaseState } from '../../../../src/domain/verdieping/phase';

/**
 * The agenda orders by the next moment (issue 14 item 4): a case in verdieping by its horizon. Without
 * verdieping the order is exactly the ZSM agenda's (orderAgenda), so an agenda of zsm cases does not
 * change by this rule (property test), and the children-first rule still holds with verdieping.
 */
const ORGS: PartnerOrg[] = ['politie', 'om', '3ro', 'rvdk', 'shn', 'vt'];
const base = Date.parse('2026-11-25T09:00:00.000Z');

const entryArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  deadlineHours: fc.integer({ min: -48, max: 48 }),
  children: fc.boolean(),
  acute: fc.boolean(),
  concern: fc.subarray(ORGS),
  voted: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
});
type Arb = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

const toEntry = (e: Arb, i: number) => ({
  case: {
    id: `${e.id}-${i}`,
    deadline: new Date(base + e.deadlineHours * 3_600_000).toISOString(),
    facts: { childrenInvolved: e.children },
  } as Case,
  concernOrgs: e.concern,
  acuteUnsafe: e.acute,
  escalated: false,
  ...(e.voted !== undefined ? { voted: e.voted } : {}),
});

const verdieping = (caseId: string, at: string): PhaseState => ({
  caseId,
  phase: 'verdieping',
  horizon: { at, reason: 'held_by_prosecutor' },
  timeline: [],
});

describe('orderAgendaByNextMoment', () => {
  it('without verdieping, violations or open questions it is the ZSM agenda order', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 12 }), (arbs) => {
        const plain = arbs.map(toEntry);
        const withNext = plain.map((p) => agendaEntry(p, null, { violation: false, openQuestions: 0 }));
        expect(orderAgendaByNextMoment(withNext).map((x) => x.case.id)).toEqual(orderAgenda(plain).map((x) => x.case.id));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [
      'a deepened case with its horizon tomorrow comes after a zsm case whose termijn ends today, before one of next week',
      [
        ['deepened', -40, '2026-11-26T08:00:00.000Z'],
        ['zsm-today', 5, null],
        ['deepened-next-week', -60, '2026-12-02T08:00:00.000Z'],
      ],
      ['zsm-today', 'deepened', 'deepened-next-week'],
    ],
    [
      'a passed termijn no longer puts a deepened case on top',
      [
        ['zsm-soon', 1, null],
        ['deepened-old-termijn', -200, '2026-11-25T12:00:00.000Z'],
      ],
      ['zsm-soon', 'deepened-old-termijn'],
    ],
  ] as const)('%s', (_name, rows, expected) => {
    const items = rows.map(([id, hours, horizon]) =>
      agendaEntry(
        {
          case: { id, deadline: new Date(base + hours * 3_600_000).toISOString(), facts: { childrenInvolved: false } } as Case,
          concernOrgs: [],
          acuteUnsafe: false,
          escalated: false,
        },
        horizon ? verdieping(id, horizon) : null,
        { violation: false, openQuestions: 0 },
      ),
    );
    expect(orderAgendaByNextMoment(items).map((i) => i.case.id)).toEqual(expected);
  });

  it('children still go before the clock, a violation before children', () => {
    const mk = (id: string, children: boolean, violation: boolean, hours: number) =>
      agendaEntry(
        {
          case: { id, deadline: new Date(base + hours * 3_600_000).toISOString(), facts: { childrenInvolved: children } } as Case,
          concernOrgs: [],
          acuteUnsafe: false,
          escalated: false,
        },
        null,
        { violation, openQuestions: 0 },
      );
    expect(
      orderAgendaByNextMoment([mk('early', false, false, 1), mk('kids', true, false, 9), mk('broken', false, true, 20)]).map(
        (i) => i.case.id,
      ),
    ).toEqual(['broken', 'kids', 'early']);
  });
});
