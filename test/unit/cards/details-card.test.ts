import { buildDetailsCard } from '../../../src/cards/details-card';
import { largeView, PSEUDONYMS, sampleCase, typicalView } from './fixtures';
import { adaptiveCardProblems } from './validate';
import { texts, utf16Bytes, utf8Bytes } from './walk';

const KB = 1024;

describe('details card (dialog)', () => {
  it.each([
    ['typical', typicalView()],
    ['large', largeView()],
    ['no contributions, no votes', typicalView({ contributions: [], votes: [] })],
  ])('is a valid Adaptive Card 1.5: %s', (_name, view) => {
    const card = buildDetailsCard(view);
    expect(card.version).toBe('1.5');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('shows every contribution in full, newest first', () => {
    const view = typicalView();
    const long = 'x'.repeat(1990) + ' einde';
    const card = buildDetailsCard({
      ...view,
      contributions: [...view.contributions, { ...view.contributions[0]!, id: 'late', text: long, createdAt: '2026-11-23T21:00:00Z' }],
    });
    const all = texts(card);
    expect(all).toContain(long);
    const order = all.filter((t) => t === long || t.startsWith('Bijdrage '));
    expect(order[0]).toBe(long);
    expect(order.slice(1).map((t) => t.slice(0, 10))).toEqual(['Bijdrage 2', 'Bijdrage 1', 'Bijdrage 0']);
    expect(all.some((t) => t.includes('passen niet'))).toBe(false);
  });

  it('shows the votes of all rounds, newest round first, with reasons and times', () => {
    const all = texts(buildDetailsCard(typicalView()));
    const rounds = all.filter((t) => t.startsWith('Ronde '));
    expect(rounds).toEqual(['Ronde 2 (huidige ronde)', 'Ronde 1']);
    expect(all).toContain('Kinderen al bekend bij VT; slachtoffer durft niet te verklaren.');
    expect(all).toContain('gestemd ma 23 nov 21:40');
    expect(all).toEqual(
      expect.arrayContaining(['2 buikpijn · 1 geen buikpijn · 3 nog niet gestemd', '1 buikpijn · 1 geen buikpijn · 4 niet gestemd']),
    );
    expect(all.filter((t) => t === 'Niet gestemd')).toHaveLength(4); // round 1 is over: no "nog"
  });

  it('says so when nobody has voted yet', () => {
    expect(texts(buildDetailsCard(typicalView({ votes: [] })))).toContain('Er is nog niet gestemd.');
  });

  it('stays under 80 KB for the large case by leaving out the oldest, and says how many', () => {
    const card = buildDetailsCard(largeView());
    expect(utf8Bytes(card)).toBeLessThan(80 * KB);
    expect(utf16Bytes(card)).toBeLessThan(80 * KB);
    const all = texts(card);
    const shown = all.filter((t) => t.startsWith('Bijdrage '));
    expect(shown[0]?.startsWith('Bijdrage 39 ')).toBe(true);
    expect(shown.every((t) => t.length === 2000)).toBe(true); // in full, not truncated
    expect(all).toContain(`${40 - shown.length} oudere bijdragen passen niet in dit venster en worden niet getoond.`);
    const rounds = all.filter((t) => t.startsWith('Ronde '));
    expect(rounds[0]).toBe('Ronde 10 (huidige ronde)');
    expect(all).toContain(`${10 - rounds.length} oudere rondes passen niet in dit venster en worden niet getoond.`);
  });

  it('shows the summary in full and no pseudonyms', () => {
    const view = largeView();
    const card = buildDetailsCard({ ...view, case: sampleCase({ facts: { ...view.case.facts } }) });
    expect(texts(card)).toContain(`**Samenvatting politie:** ${view.case.facts.summary}`);
    for (const p of PSEUDONYMS) expect(JSON.stringify(card)).not.toContain(p);
  });
});
