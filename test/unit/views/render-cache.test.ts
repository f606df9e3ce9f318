import { INPUTS } from '../../../src/cards/verbs';
import { buildCaseCard } from '../../../src/cards/case-card';
import { caseCards, caseViewKey, RenderCache, renderCaseCard } from '../../../src/views/render-cache';
import { contribution, typicalView } from '../cards/fixtures';

describe('RenderCache (a bounded LRU)', () => {
  it('renders once per key and keeps at most `max` entries, dropping the least recently used', () => {
    const c = new RenderCache<string>(2);
    let renders = 0;
    const r = (k: string) => c.get(k, () => `${k}:${++renders}`);
    expect(r('a')).toBe('a:1');
    expect(r('a')).toBe('a:1');
    expect(r('b')).toBe('b:2');
    expect(r('a')).toBe('a:1'); // a is now the most recently used
    expect(r('c')).toBe('c:3'); // drops b
    expect(r('a')).toBe('a:1');
    expect(r('b')).toBe('b:4');
    expect(c.stats()).toEqual({ hits: 3, misses: 4, size: 2 });
  });
});

describe('the personal case card: rendered once per distinct view', () => {
  const now = new Date('2026-11-23T21:30:10Z');

  it('two people with the same view share one render, equal to a fresh build', () => {
    const a = typicalView({ now, viewerOrg: 'politie' });
    const b = typicalView({ now: new Date('2026-11-23T21:30:50Z'), viewerOrg: 'politie' });
    expect(caseViewKey(a)).toBe(caseViewKey(b));
    const card = renderCaseCard(a);
    expect(renderCaseCard(b)).toBe(card);
    expect(card).toEqual(buildCaseCard(a));
  });

  it('any difference in what the card is built from is another key: organisation, role, contributions, notice, draft, minute', () => {
    const base = typicalView({ now, viewerOrg: 'politie' });
    const variants = [
      typicalView({ now, viewerOrg: 'om' }),
      typicalView({ now, viewerOrg: 'politie', viewerIsChair: true }),
      typicalView({ now, viewerOrg: 'politie', contributions: [...base.contributions, contribution(99)] }),
      typicalView({ now, viewerOrg: 'politie', notice: { kind: 'good', text: 'Je stem is vastgelegd.' } }),
      typicalView({ now, viewerOrg: 'politie', draft: { [INPUTS.voteReason]: 'x' } }),
      typicalView({ now: new Date('2026-11-23T21:31:00Z'), viewerOrg: 'politie' }),
      typicalView({ now, viewerOrg: 'politie', refreshUserIds: ['29:other'] }),
    ];
    const keys = new Set([base, ...variants].map(caseViewKey));
    expect(keys.size).toBe(variants.length + 1);
  });

  it('a viewer of another organisation never gets a card with contributions withheld from them', () => {
    const withheld = contribution(7, { text: 'Alleen voor de politie zichtbaar.' });
    const politie = typicalView({ now, viewerOrg: 'politie', contributions: [withheld] });
    const om = typicalView({ now, viewerOrg: 'om', contributions: [] }); // the view layer withheld it for om
    renderCaseCard(politie);
    expect(JSON.stringify(renderCaseCard(om))).not.toContain('Alleen voor de politie zichtbaar.');
  });
  it('the answer to an action (a notice or a draft) is built directly, not cached; the refresh after it is', () => {
    const answered = typicalView({ now, viewerOrg: 'rvdk', notice: { kind: 'good', text: 'Je stem is vastgelegd.' } });
    const typed = typicalView({ now, viewerOrg: 'rvdk', draft: { [INPUTS.voteReason]: 'x' } });
    const before = caseCards.stats();
    expect(renderCaseCard(answered)).toEqual(buildCaseCard(answered));
    expect(renderCaseCard(typed)).toEqual(buildCaseCard(typed));
    expect(renderCaseCard(answered)).not.toBe(renderCaseCard(answered));
    expect(caseCards.stats()).toEqual(before);
    const refresh = typicalView({ now, viewerOrg: 'rvdk' });
    const card = renderCaseCard(refresh);
    expect(renderCaseCard(refresh)).toBe(card);
    expect(caseCards.stats()).toEqual({ hits: before.hits + 1, misses: before.misses + 1, size: before.size + 1 });
  });
});
