import { AGENDA_CARD_LIMITS, buildAgendaCard } from '../../../src/cards/agenda-card';
import { CASE_CARD_LIMITS } from '../../../src/cards/case-card';
import { agendaItem, agendaView, CASE_LINK, NOW, PSEUDONYMS, sampleLocation } from './fixtures';
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

  it('shows per case the reference, offence, termijn, buikpijn and the marks', () => {
    const [first, second, third] = entries(card).map((e) => texts(e));
    expect(first).toEqual([
      '**Zaak a9e1d100** · Mishandeling',
      '⚠ ACUUT ONVEILIG',
      'Actieoverleg',
      '⚠ Termijn verstreken',
      'Buikpijn: OM, VT',
    ]);
    expect(second).toEqual(['**Zaak a9e2d200** · Stalking', 'Termijn: nog 30 min', 'Buikpijn: RvdK']);
    expect(third).toEqual([
      '**Zaak a9e3d300** · Mishandeling',
      'Termijn: nog 3 u 45 min',
      'Geen buikpijn',
      'Door-geagendeerd naar di 24-11 09:00',
    ]);
  });

  it('colours the termijn: passed in attention, near in warning (at the location reminder moment)', () => {
    expect(textBlock(card, 'Termijn verstreken')).toMatchObject({ color: 'attention', weight: 'bolder' });
    expect(textBlock(card, 'nog 30 min')).toMatchObject({ color: 'warning' });
    expect(textBlock(card, 'nog 3 u 45 min')).toMatchObject({ color: 'default' });
    const early = buildAgendaCard(agendaView({ location: sampleLocation({ reminders: { termijnMinutesBefore: 240 } as never }) }));
    expect(textBlock(early, 'nog 3 u 45 min')).toMatchObject({ color: 'warning' });
  });

  it('marks acute unsafety and the Actieoverleg as badges, and buikpijn in warning', () => {
    const badgeStyle = (label: string) =>
      ofType(card, 'Container').find((c) => c.separator !== true && texts(c).length === 1 && texts(c)[0] === label)?.style;
    expect(badgeStyle('⚠ ACUUT ONVEILIG')).toBe('attention');
    expect(badgeStyle('Actieoverleg')).toBe('accent');
    expect(textBlock(card, 'Buikpijn: OM, VT')).toMatchObject({ color: 'warning' });
  });

  it('links to a case only when its link is known', () => {
    expect(ofType(card, 'Action.OpenUrl')).toEqual([{ type: 'Action.OpenUrl', title: 'Naar zaak a9e1d100', url: CASE_LINK }]);
  });

  it("keeps the caller's order (it does not sort by termijn itself)", () => {
    const view = agendaView();
    const reversed = buildAgendaCard({ ...view, items: [...view.items].reverse() });
    expect(refs(reversed)).toEqual([
      '**Zaak a9e3d300** · Mishandeling',
      '**Zaak a9e2d200** · Stalking',
      '**Zaak a9e1d100** · Mishandeling',
    ]);
  });

  it('says "Geen open zaken" when there are none', () => {
    const empty = buildAgendaCard(agendaView({ items: [] }));
    expect(texts(empty)).toEqual(['Agenda ZSM Midden-Nederland', 'Geen open zaken']);
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
    expect(refs(card)[0]).toBe('**Zaak a9e0d000** · Mishandeling');
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
