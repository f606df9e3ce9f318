import fc from 'fast-check';
import { cardBytes } from '../../../src/cards/budget';
import { buildCaseCard, caseCardModel, caseCardModelBytes } from '../../../src/cards/case-card';
import { renderTemplate } from '../../../src/cards/template';
import type { CaseCardView } from '../../../src/cards/view';
import type { PartnerOrg } from '../../../src/domain/orgs';
import { contribution, largeView, sampleCase, typicalView, vote } from './fixtures';
import { signalsView } from './signals-fixtures';
import { withVerdieping } from './verdieping-fixtures';
import { vtCaseView } from './vt-fixtures';

/**
 * The case card is sized from its parts (each element's JSON length once, the template rendered once per
 * shape with markers) instead of rendering and serialising the whole card for every density step and
 * check. The golden test: the same card, byte for byte, as sizing by whole renders (the former way, kept
 * as `measure: 'render'`), on the card tests' views and on random crowded cases.
 */
const long = (n: number, seed: string) => `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n);
const refs = ['verdachte-1', 'slachtoffer-1', 'kind-1', 'kind-2'];

const views: [string, () => CaseCardView][] = [
  ['typical', () => typicalView()],
  ['large', () => largeView()],
  ['channel-less (no viewer organisation)', () => typicalView({ viewerOrg: undefined })],
  ['closed', () => typicalView({ case: sampleCase({ status: 'closed' }) })],
  ['nobody voted, no contributions', () => typicalView({ votes: [], contributions: [] })],
  ['notice and draft', () => typicalView({ notice: { kind: 'attention', text: 'Let op' }, draft: { voteReason: 'Zorgen' } })],
  ['VT consultation', () => vtCaseView()],
  ['safety signals', () => signalsView('vt')],
  [
    'large with verdieping',
    () => withVerdieping(largeView(), { versions: 30, confirm: 29, fieldLength: 2000, safetyFor: refs, involvementFor: refs }),
  ],
];

describe('the case card is sized from its parts', () => {
  it.each(views)('%s: the same card as sizing by whole renders', (_name, view) => {
    expect(JSON.stringify(buildCaseCard(view(), 'parts'))).toBe(JSON.stringify(buildCaseCard(view(), 'render')));
  });

  it.each(views)('%s: the size from parts is the rendered size, to the byte', (_name, view) => {
    const model = caseCardModel(view());
    expect(caseCardModelBytes(model)).toBe(cardBytes(renderTemplate('cards', 'case-card', model)));
    // Empty lists too (their containers drop out: "$when": "${count(x) > 0}").
    const bare = { ...model, alerts: [], tasks: [], chair: [], primaryActions: [] };
    expect(caseCardModelBytes(bare)).toBe(cardBytes(renderTemplate('cards', 'case-card', bare)));
  });

  it('random crowded cases: the same card both ways, at every density step and budget cut', () => {
    const orgs: PartnerOrg[] = ['politie', 'om', '3ro', 'rvdk', 'shn', 'halt', 'vt'];
    const crowded = fc.record({
      contributions: fc.array(fc.record({ text: fc.integer({ min: 10, max: 2000 }), need: fc.integer({ min: 10, max: 500 }) }), {
        maxLength: 40,
      }),
      rounds: fc.integer({ min: 1, max: 10 }),
      reason: fc.integer({ min: 3, max: 500 }),
      users: fc.integer({ min: 0, max: 60 }),
      chair: fc.boolean(),
    });
    fc.assert(
      fc.property(crowded, (c) => {
        const base = largeView();
        const view: CaseCardView = {
          ...base,
          case: { ...base.case, round: c.rounds },
          contributions: c.contributions.map((x, i) =>
            contribution(i, { text: long(x.text, `Bijdrage ${i} é`), needToKnow: long(x.need, 'Waarom nodig') }),
          ),
          votes: Array.from({ length: c.rounds }, (_, r) =>
            orgs.map((o) => vote(r + 1, o, (r + o.length) % 2 === 0, { reason: long(c.reason, `Reden ${r}`) })),
          ).flat(),
          refreshUserIds: base.refreshUserIds.slice(0, c.users),
          viewerIsChair: c.chair,
        };
        const parts = JSON.stringify(buildCaseCard(view, 'parts'));
        expect(parts).toBe(JSON.stringify(buildCaseCard(view, 'render')));
      }),
      { numRuns: 40 },
    );
  });
});
