import { caseCode } from '../../../src/domain/case-code';
import { AGENDA_CARD_LIMITS, buildAgendaCard } from '../../../src/cards/agenda-card';
import { CASE_CARD_LIMITS } from '../../../src/cards/case-card';
import type { AgendaView } from '../../../src/cards/view';
import { agendaItem, agendaView, CASE_LINK, NOW, PSEUDONYMS, sampleCase, sampleLocation } from './fixtures';

type AgendaItem = AgendaView['items'][number];
import { adaptiveCardProblems } from './validate';
import { ofType, textBlock, texts, utf16Bytes } from './walk';

const KB = 1024;
/** The agenda entries: one separated Container per case. */
const entries = (card: unknown) => ofType(card, 'Container').filter((c) => c.separator === true);
const refs = (card: unknown) => texts(card).filter((t) => t.startsWith('**Zaak '));

describe('agenda card: valid Adaptive Card 1.5', () => {
  it.each([
    ['typical', agendaView()],
    ['for a door-agenderen moment', agendaView({ at: '2026-11-24T08:00:00.000Z' })],
    ['empty', agendaView({ items: [] })],
    ['many', agendaView({ items: Array.from({ length: 200 }, (_, i) => agendaItem(i, { caseLink: `${CASE_LINK}&i=${i}` })) })],
  ])('%s', (_name, view) => {
    const card = buildAgendaCard(view);
    expect(card.version).toBe('1.5');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

describe('agenda card: content', () => {
  const card = buildAgendaCard(agendaView());

  it('is headed with the location, and the moment when it is a door-agenderen reminder', () => {
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Agenda ZSM Midden-Nederland' });
    expect(texts(card)).toContain('3 open zaken');
    const at = buildAgendaCard(agendaView({ at: '2026-11-24T08:00:00.000Z' }));
    expect(at.body[0]).toMatchObject({ text: 'Agenda ZSM Midden-Nederland voor di 24 nov 09:00' });
  });

  it('shows per case the reference, offence, termijn, buikpijn (or how many voted) and the marks', () => {
    const [first, second, third] = entries(card).map((e) => texts(e));
    expect(first).toEqual([
      `**Zaak ${caseCode('a9e1d100')}** · Mishandeling`,
      '⚠ ACUUT ONVEILIG · Kinderen · Actieoverleg',
      '⚠ Termijn verstreken',
      'Buikpijn: OM, VT',
    ]);
    expect(second).toEqual([`**Zaak ${caseCode('a9e2d200')}** · Stalking`, 'Kinderen', '⏰ Termijn: nog 30 min', 'Buikpijn: RvdK']);
    expect(third).toEqual([
      `**Zaak ${caseCode('a9e3d300')}** · Mishandeling`,
      'Kinderen',
      'Termijn: nog 3 u 45 min',
      'Nog niemand gestemd (0/6)',
      'Door-geagendeerd naar di 24-11 09:00',
    ]);
  });

  it('never says "Geen buikpijn" while not everybody voted; counts the votes instead', () => {
    const view = agendaView();
    const at = (voted: number) => texts(buildAgendaCard({ ...view, items: [{ ...(view.items[2] as AgendaItem), voted, expected: 6 }] }));
    expect(at(0)).toContain('Nog niemand gestemd (0/6)');
    expect(at(0).join(' ')).not.toContain('Geen buikpijn');
    expect(at(3)).toContain('3 van 6 gestemd');
    expect(at(3).join(' ')).not.toContain('Geen buikpijn');
    expect(at(6)).toContain('✓ Geen buikpijn (6/6 gestemd)');
  });

  it('marks the termijn with a word or icon, never colour alone: passed ⚠ and bold, near ⏰ and bold', () => {
    expect(textBlock(card, 'Termijn verstreken')).toMatchObject({ weight: 'bolder' });
    expect(textBlock(card, 'nog 30 min')).toMatchObject({ text: '⏰ Termijn: nog 30 min', weight: 'bolder' });
    expect(textBlock(card, 'nog 3 u 45 min')).toMatchObject({ weight: 'default' });
    const early = buildAgendaCard(agendaView({ location: sampleLocation({ reminders: { termijnMinutesBefore: 240 } as never }) }));
    expect(textBlock(early, 'nog 3 u 45 min')).toMatchObject({ text: '⏰ Termijn: nog 3 u 45 min' });
    for (const n of ofType(card, 'TextBlock')) expect(n.color).toBeUndefined();
  });

  it('marks acute unsafety, children, the Actieoverleg and an open VT question in bold words on one line under the heading; an acute case sits in an attention box', () => {
    const [first] = entries(card);
    const items = (first?.items ?? []) as { type?: string; text?: string; weight?: string }[];
    expect(items.slice(0, 2)).toEqual([
      expect.objectContaining({ type: 'TextBlock', text: `**Zaak ${caseCode('a9e1d100')}** · Mishandeling` }),
      expect.objectContaining({ type: 'TextBlock', text: '⚠ ACUUT ONVEILIG · Kinderen · Actieoverleg', weight: 'bolder' }),
    ]);
    // Nothing sits beside the heading (at 360 px a column of marks squeezed it to a few letters a line).
    expect(ofType(card, 'ColumnSet')).toEqual([]);
    expect(entries(card).map((e) => e.style)).toEqual(['attention', 'default', 'default']);
    const vt = buildAgendaCard(agendaView({ items: [agendaItem(7, { vtQuestionOpen: true })] }));
    expect(texts(entries(vt)[0])).toContain('Kinderen · ☎ Vraag aan VT open');
    const noKids = buildAgendaCard(
      agendaView({ items: [agendaItem(7, { case: { facts: { ...sampleCase().facts, childrenInvolved: false } } })] }),
    );
    expect(texts(noKids).join(' ')).not.toContain('Kinderen');
    expect(texts(entries(noKids)[0])).toHaveLength(3); // heading, termijn, votes: no empty marks line
  });

  it('links to a case only when its link is known', () => {
    expect(ofType(card, 'Action.OpenUrl')).toEqual([
      { type: 'Action.OpenUrl', title: `Naar zaak ${caseCode('a9e1d100')}`, url: CASE_LINK },
    ]);
  });

  it("keeps the caller's order (it does not sort by termijn itself)", () => {
    const view = agendaView();
    const reversed = buildAgendaCard({ ...view, items: [...view.items].reverse() });
    expect(refs(reversed)).toEqual([
      `**Zaak ${caseCode('a9e3d300')}** · Mishandeling`,
      `**Zaak ${caseCode('a9e2d200')}** · Stalking`,
      `**Zaak ${caseCode('a9e1d100')}** · Mishandeling`,
    ]);
  });

  it('says "Geen open zaken" when there are none', () => {
    const empty = buildAgendaCard(agendaView({ items: [] }));
    expect(texts(empty)).toEqual(['Agenda ZSM Midden-Nederland', 'Geen open zaken']);
    expect(texts(card)).toContain('Volgorde: acuut, kinderen, termijn, buikpijn, nog niet gestemd.');
    expect(texts(card)).not.toContain('Geen open zaken');
  });
});

describe('agenda card: size and privacy', () => {
  it('keeps a long agenda within the case card budget, in order, counting what does not fit', () => {
    const items = Array.from({ length: 200 }, (_, i) => agendaItem(i, { caseLink: `${CASE_LINK}&i=${i}`, concernOrgs: ['om', 'vt'] }));
    const card = buildAgendaCard(agendaView({ items }));
    expect(AGENDA_CARD_LIMITS.maxBytes).toBe(CASE_CARD_LIMITS.maxBytes);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    expect(utf16Bytes(card)).toBeLessThan(80 * KB);
    const shown = entries(card).length;
    expect(shown).toBeGreaterThan(10);
    expect(refs(card)[0]).toBe(`**Zaak ${caseCode('a9e0d000')}** · Mishandeling`);
    expect(texts(card)).toContain(`${200 - shown} zaken passen niet op deze kaart.`);
  });

  it('never shows pseudonyms or personal ids', () => {
    const json = JSON.stringify(buildAgendaCard(agendaView()));
    for (const p of PSEUDONYMS) expect(json).not.toContain(p);
    expect(json).not.toMatch(/aad-|intake-api/);
  });

  it('uses the injected "now"', () => {
    const later = buildAgendaCard(agendaView({ now: new Date(NOW.getTime() + 60 * 60_000) }));
    expect(texts(later)).toContain('Termijn: nog 2 u 45 min');
    expect(texts(entries(later)[1])).toContain('⚠ Termijn verstreken');
  });
});
