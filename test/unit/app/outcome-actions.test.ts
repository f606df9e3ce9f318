import { withOutcomeActions } from '../../../src/app/aftercare/outcome';
import type { CaseAction } from '../../../src/domain/rounds/case-lifecycle';
import { sampleCase } from '../cards/fixtures';
import { sampleOutcome } from '../cards/ao-part-samples';

const NOW = '2026-11-26T10:30:00.000Z';
const act = (id: string, status: CaseAction['status'], what = 'x'): CaseAction => ({
  id,
  what,
  orgId: 'politie',
  dueAt: '2026-11-30T16:00:00.000Z',
  status,
  createdAt: '2026-11-24T10:00:00.000Z',
});
const two = sampleOutcome({
  actions: [
    { owner: 'vt', what: 'Huisbezoek', due: '2026-12-01' },
    { owner: 'om', what: 'Vordering', due: '2026-06-30' },
  ],
});

describe("the outcome's actions on the case (slot i is ao-action-<i+1>)", () => {
  it.each([
    // [case actions before, outcome, ids and statuses after]
    ['no actions yet', [], two, ['ao-action-1:open', 'ao-action-2:open']],
    ['a lead action stays', [act('action-1', 'open')], two, ['action-1:open', 'ao-action-1:open', 'ao-action-2:open']],
    ['an open earlier outcome action is replaced', [act('ao-action-1', 'open', 'oud')], two, ['ao-action-1:open', 'ao-action-2:open']],
    ['a settled one is kept as settled', [act('ao-action-1', 'done', 'oud')], two, ['ao-action-1:done', 'ao-action-2:open']],
    ['an open one beyond the new list goes', [act('ao-action-3', 'open')], two, ['ao-action-1:open', 'ao-action-2:open']],
    [
      'a settled one beyond the new list stays',
      [act('ao-action-3', 'done')],
      two,
      ['ao-action-3:done', 'ao-action-1:open', 'ao-action-2:open'],
    ],
  ] as const)('%s', (_name, before, outcome, after) => {
    const next = withOutcomeActions(sampleCase({ actions: [...before] }), outcome, NOW);
    expect(next.map((a) => `${a.id}:${a.status}`)).toEqual(after);
  });

  it('is due at 17:00 Amsterdam time on its date, in winter and in summer', () => {
    const next = withOutcomeActions(sampleCase({ actions: [] }), two, NOW);
    expect(next.map((a) => a.dueAt)).toEqual(['2026-12-01T16:00:00.000Z', '2026-06-30T15:00:00.000Z']);
    expect(next[0]).toMatchObject({ what: 'Huisbezoek', orgId: 'vt', createdAt: NOW });
  });
});
