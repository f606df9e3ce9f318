import type { Case } from '../../../../src/domain/case';
import type { PartnerOrg } from '../../../../src/domain/orgs';
import { agendaEntry, orderAgendaByNextMoment, vtConsultationExpiresAt } from '../../../../src/domain/verdieping/agenda';
import { initialPhase, type PhaseState } from '../../../../src/domain/verdieping/phase';

const NOW = '2026-11-25T09:00:00.000Z';
const verdieping = (caseId: string, horizonAt: string): PhaseState => ({
  caseId,
  phase: 'verdieping',
  horizon: { at: horizonAt, reason: 'termijn_case' },
  timeline: [],
});
const theCase = (id: string, deadline: string) => ({ id, deadline, facts: { childrenInvolved: false } }) as Case;
const entry = (id: string, deadline: string, over: { acuteUnsafe?: boolean; concernOrgs?: PartnerOrg[] } = {}) => ({
  case: theCase(id, deadline),
  concernOrgs: over.concernOrgs ?? [],
  acuteUnsafe: over.acuteUnsafe ?? false,
  escalated: false,
});

describe('the agenda with verdieping', () => {
  it('orders a deepened case by its horizon, not by its passed termijn; acute and violations first', () => {
    const items = [
      agendaEntry(entry('deepened-later', '2026-11-20T02:00:00.000Z'), verdieping('deepened-later', '2026-11-27T09:00:00.000Z'), {
        violation: false,
        openQuestions: 0,
      }),
      agendaEntry(entry('zsm-today', '2026-11-25T14:00:00.000Z'), initialPhase('zsm-today'), { violation: false, openQuestions: 0 }),
      agendaEntry(entry('deepened-soon', '2026-11-21T02:00:00.000Z'), verdieping('deepened-soon', '2026-11-25T12:00:00.000Z'), {
        violation: false,
        openQuestions: 2,
      }),
      agendaEntry(entry('broken-measure', '2026-11-19T02:00:00.000Z'), verdieping('broken-measure', '2026-12-01T09:00:00.000Z'), {
        violation: true,
        openQuestions: 0,
      }),
      agendaEntry(entry('acute', '2026-11-25T20:00:00.000Z', { acuteUnsafe: true }), null, { violation: false, openQuestions: 0 }),
    ];
    expect(orderAgendaByNextMoment(items).map((i) => i.case.id)).toEqual([
      'acute',
      'broken-measure',
      'deepened-soon',
      'zsm-today',
      'deepened-later',
    ]);
  });

  it('on the same moment: more buikpijn first, then more open questions, then the id', () => {
    const same = '2026-11-26T09:00:00.000Z';
    const items = [
      agendaEntry(entry('b', same), null, { violation: false, openQuestions: 1 }),
      agendaEntry(entry('a', same), null, { violation: false, openQuestions: 1 }),
      agendaEntry(entry('c', same), null, { violation: false, openQuestions: 3 }),
      agendaEntry(entry('d', same, { concernOrgs: ['vt'] }), null, { violation: false, openQuestions: 0 }),
    ];
    expect(orderAgendaByNextMoment(items).map((i) => i.case.id)).toEqual(['d', 'c', 'a', 'b']);
  });
});

describe('the VT consultation follows the next moment', () => {
  const passedTermijn = '2026-11-24T02:00:00.000Z';
  it.each([
    ['zsm with the termijn ahead', null, '2026-11-25T14:00:00.000Z', '2026-11-25T14:00:00.000Z'],
    ['zsm with the termijn passed: one hour', null, passedTermijn, '2026-11-25T10:00:00.000Z'],
    ['verdieping: until the horizon', verdieping('c', '2026-11-27T09:00:00.000Z'), passedTermijn, '2026-11-27T09:00:00.000Z'],
    [
      'verdieping with the horizon passed: one hour',
      verdieping('c', '2026-11-25T08:00:00.000Z'),
      passedTermijn,
      '2026-11-25T10:00:00.000Z',
    ],
  ])('%s', (_what, phase, deadline, expected) => {
    expect(vtConsultationExpiresAt(phase, deadline, NOW)).toBe(expected);
  });
});
