import { caseCode } from '../../../src/domain/case-code';
import { CASE_CARD_LIMITS } from '../../../src/cards/case-card';
import { buildVtMorningSummaryCard, VT_SUMMARY_CARD_LIMITS } from '../../../src/cards/vt-summary-card';
import { CASE_LINK, PSEUDONYMS, sampleCase } from './fixtures';
import { adaptiveCardProblems } from './validate';
import { ofType, textBlock, texts, utf16Bytes } from './walk';
import { amsterdamAt, BACKUP, BACKUP_ANSWERED, consultationState, PHONE, PRIMARY, summaryItem, summaryView } from './vt-fixtures';

/** The entries: one separated Container per consultation. */
const entries = (card: unknown) => ofType(card, 'Container').filter((c) => c.separator === true);
const refs = (card: unknown) => texts(card).filter((t) => t.startsWith('**Zaak '));

describe('VT morning summary: valid Adaptive Card 1.5', () => {
  it.each([
    ['typical', summaryView()],
    ['empty', summaryView({ items: [] })],
    [
      'many',
      summaryView({
        items: Array.from({ length: 200 }, (_, i) =>
          summaryItem(i, { answers: [{ kind: 'call_back', by: PRIMARY, at: amsterdamAt('21:30'), phone: PHONE }] }),
        ),
      }),
    ],
  ])('%s', (_name, view) => {
    const card = buildVtMorningSummaryCard(view);
    expect(card.version).toBe('1.5');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

describe('VT morning summary: content', () => {
  const card = buildVtMorningSummaryCard(summaryView());

  it('is headed with the region and the period, in Amsterdam time, and counts the consultations and call-backs', () => {
    expect(card.body[1]).toMatchObject({
      type: 'TextBlock',
      text: 'Veilig Thuis Utrecht — consultaties van ma 23 nov 17:00 tot di 24 nov 08:30',
    });
    expect(texts(card)).toContain('3 consultaties · 1 met verzoek om terugbellen');
  });

  it('puts call-back requests first, then keeps the given order', () => {
    expect(refs(card)).toEqual([
      `**Zaak ${caseCode('b0b2e200')}** · ZSM Midden-Nederland`,
      `**Zaak ${caseCode('b0b1e100')}** · ZSM Midden-Nederland`,
      `**Zaak ${caseCode('b0b3e300')}** · ZSM Midden-Nederland`,
    ]);
    expect(entries(card)[0]?.style).toBe('warning');
    expect(entries(card)[1]?.style).toBeUndefined();
  });

  it('shows per consultation the offence, children, question, what happened and the answers (the call-back number too)', () => {
    const [callBack, notKnown, noReaction] = entries(card).map((e) => texts(e));
    const question = '**Vraag:** Is dit gezin bekend bij Veilig Thuis? Zijn er zorgen over de kinderen (13 en 9 jr)?';
    expect(callBack).toEqual([
      `**Zaak ${caseCode('b0b2e200')}** · ZSM Midden-Nederland`,
      'Mishandeling · Kinderen betrokken: ja — 13 jr, 9 jr',
      question,
      'Status: gevraagd om ma 23 nov 21:10 · herinnerd om ma 23 nov 21:25 · beantwoord om ma 23 nov 21:30 door de bereikbaarheidsdienst VT regio Utrecht',
      '☎ Bel VT terug: 06 12345678 (gevraagd om ma 23 nov 21:30)',
    ]);
    expect(notKnown?.slice(-1)).toEqual(['Niet bekend bij Veilig Thuis (ma 23 nov 21:18)']);
    expect(noReaction?.at(-1)).toBe(
      'Status: gevraagd om ma 23 nov 21:10 · herinnerd om ma 23 nov 21:25 · achterwacht gevraagd om ma 23 nov 21:40 · geen reactie om 02:15 (geen antwoord binnen de termijn)',
    );
    expect(textBlock(card, 'geen reactie om')).toMatchObject({ weight: 'bolder' });
  });

  it('says "nee" for children when none are involved', () => {
    const noKids = summaryView({
      items: [summaryItem(1, {}, false)].map((i) => ({
        ...i,
        case: sampleCase({ id: i.case.id, facts: { ...sampleCase().facts, childrenInvolved: false, childAges: [] } }),
      })),
    });
    expect(texts(buildVtMorningSummaryCard(noKids))).toContain('Mishandeling · Kinderen betrokken: nee');
  });

  it('links to a case only when its link is known', () => {
    expect(ofType(card, 'Action.OpenUrl')).toEqual([
      { type: 'Action.OpenUrl', title: 'Naar de zaak', url: `${CASE_LINK}&i=2` },
      { type: 'Action.OpenUrl', title: 'Naar de zaak', url: `${CASE_LINK}&i=1` },
    ]);
  });

  it('says so when there were no consultations', () => {
    const empty = buildVtMorningSummaryCard(summaryView({ items: [] }));
    expect(texts(empty)).toEqual([
      'Veilig Thuis Utrecht — consultaties van ma 23 nov 17:00 tot di 24 nov 08:30',
      'Geen consultaties in deze periode.',
    ]);
  });
});

describe('VT morning summary: the layout rule', () => {
  it('line 1 says what the day team has to do first: the call-backs, or that there are none', () => {
    expect(buildVtMorningSummaryCard(summaryView()).body[0]).toMatchObject({
      text: '☎ 1 verzoek om terugbellen · eerst afhandelen',
      weight: 'bolder',
    });
    const none = summaryView();
    none.items.splice(1, 1); // the call-back item
    expect(buildVtMorningSummaryCard(none).body[0]).toMatchObject({ text: '✓ Geen verzoeken om terugbellen' });
  });

  it('never uses yellow text; a call-back is a yellow box with ☎ in its text', () => {
    const card = buildVtMorningSummaryCard(summaryView());
    expect(ofType(card, 'TextBlock').filter((b) => b.color === 'warning')).toEqual([]);
    expect(texts(entries(card)[0]).some((t) => t.startsWith('☎'))).toBe(true);
  });
});

describe('VT morning summary: privacy and size', () => {
  it('never shows pseudonyms, personal ids or the case number of the source system', () => {
    const view = summaryView();
    view.items.push(
      summaryItem(4, {
        askedBy: 'aad-om-desk-07',
        state: consultationState(BACKUP_ANSWERED),
        answers: [{ kind: 'known', by: BACKUP, at: amsterdamAt('21:45'), contributionId: 'contrib-9' }],
      }),
    );
    const json = JSON.stringify(buildVtMorningSummaryCard(view));
    expect(json).toContain('door de achterwacht');
    for (const id of [...PSEUDONYMS, PRIMARY, BACKUP, 'aad-om-desk-07', 'BVH-2026-000123', 'contrib-9']) expect(json).not.toContain(id);
  });

  it('keeps 200 consultations within the budget, call-backs first, and counts what does not fit', () => {
    const items = Array.from({ length: 200 }, (_, i) =>
      summaryItem(i, i % 50 === 49 ? { answers: [{ kind: 'call_back', by: PRIMARY, at: amsterdamAt('21:30'), phone: PHONE }] } : {}),
    );
    const card = buildVtMorningSummaryCard(summaryView({ items }));
    expect(VT_SUMMARY_CARD_LIMITS.maxBytes).toBe(CASE_CARD_LIMITS.maxBytes);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(VT_SUMMARY_CARD_LIMITS.maxBytes);
    const shown = entries(card).length;
    expect(shown).toBeGreaterThan(4);
    expect(refs(card).slice(0, 5)).toEqual(
      ['b0b49e49', 'b0b99e99', 'b0b149e1', 'b0b199e1', 'b0b0e000'].map((ref) => `**Zaak ${caseCode(ref)}** · ZSM Midden-Nederland`),
    );
    expect(texts(card)).toContain(`${200 - shown} consultaties passen niet op deze kaart.`);
  });
});
