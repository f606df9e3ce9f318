import { ADVICE_CARD_LIMITS, buildAdviceCard } from '../../../src/cards/advice-card';
import { CASE_CARD_LIMITS } from '../../../src/cards/case-card';
import { decideDataSchema, dialogFetchDataSchema, DIALOGS, INPUTS, VERBS } from '../../../src/cards/verbs';
import type { AdviceCardView } from '../../../src/cards/view';
import { composeAdvice } from '../../../src/domain/advice/compose';
import type { AdviceRecord } from '../../../src/domain/advice/types';
import { adviceInput, adviceRecord, PALETTE } from '../domain/advice/fixtures';
import { largeView, NOW, PSEUDONYMS, sampleCase, sampleLocation } from './fixtures';
import { adaptiveCardProblems, executeActions, invokeData } from './validate';
import { nodes, ofType, textBlock, texts, utf16Bytes, utf8Bytes, type Node } from './walk';

const KB = 1024;
const caseId = sampleCase().id;

function adviceView(advice: AdviceRecord, overrides: Partial<AdviceCardView> = {}): AdviceCardView {
  return { case: sampleCase(), location: sampleLocation(), advice, palette: PALETTE, now: NOW, ...overrides };
}

const long = (n: number, seed: string) => `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n);

/** The stress case as an advice: 40 contributions of 2,000 characters, 10 rounds × 7 reasons of 500, every intervention with a note. */
function largeAdvice(status: AdviceRecord['status'], overrides: Partial<AdviceRecord> = {}): AdviceRecord {
  const v = largeView();
  const draft = composeAdvice({
    case: v.case,
    contributions: v.contributions,
    votes: v.votes,
    earlierCases: Array.from({ length: 6 }, (_, i) => ({
      caseId: `earlier-${i}`,
      intakeAt: `202${i}-01-01T10:00:00.000Z`,
      sharedPseudonyms: 1,
    })),
    proposed: PALETTE.map((i) => ({ interventionId: i.id, phase: i.phase, note: long(300, `Toelichting ${i.id} é`), language: 'Pools' })),
    palette: PALETTE,
    summary: long(2000, 'Samenvatting van het advies é'),
    version: 7,
    composedAt: '2026-11-23T21:30:00.000Z',
  });
  const decided: Partial<AdviceRecord> =
    status === 'decided'
      ? {
          decision: {
            at: '2026-11-23T22:05:00.000Z',
            by: 'aad-ovj-secret-0001',
            interventions: PALETTE.map((i) => ({ interventionId: i.id })),
            freeText: long(2000, 'Besluit é'),
            concernAcknowledgement: long(1000, 'Erkenning é'),
          },
          followUp: { askedAt: NOW.toISOString(), answer: long(2000, 'Terugkoppeling'), answeredAt: NOW.toISOString(), closed: true },
        }
      : {};
  return {
    caseId,
    status,
    draft,
    draftedBy: 'aad-lead-secret-0002',
    ...(status !== 'draft' ? { sentAt: '2026-11-23T21:40:00.000Z' } : {}),
    ...decided,
    ...overrides,
  };
}
const largeCase = () => largeView().case;

const scenarios: [string, AdviceCardView][] = [
  ['draft', adviceView(adviceRecord('draft'))],
  ['sent, for the OvJ', adviceView(adviceRecord('sent'), { viewerMayDecide: true })],
  ['sent, no viewer known', adviceView(adviceRecord('sent'))],
  ['sent, not the OvJ', adviceView(adviceRecord('sent'), { viewerMayDecide: false })],
  ['sent, no open concern', adviceView(adviceRecord('sent', {}, { votes: [] }), { viewerMayDecide: true })],
  ['decided', adviceView(adviceRecord('decided'), { viewerMayDecide: true })],
  ['decided, notice', adviceView(adviceRecord('decided'), { notice: { kind: 'good', text: 'Het besluit is vastgelegd.' } })],
  ['expanded (dialog)', adviceView(adviceRecord('sent'), { expanded: true })],
  ['empty', adviceView(adviceRecord('sent', {}, { contributions: [], votes: [], proposed: [], summary: '', earlierCases: [] }))],
  ['large, sent', adviceView(largeAdvice('sent'), { case: largeCase(), viewerMayDecide: true })],
  ['large, decided', adviceView(largeAdvice('decided'), { case: largeCase(), notice: { kind: 'attention', text: long(300, 'Let op') } })],
  ['large, expanded', adviceView(largeAdvice('decided'), { case: largeCase(), expanded: true })],
  ['large, concept', adviceView(largeAdvice('draft'), { case: largeCase() })],
];

describe('advice card: valid Adaptive Card 1.5 within the budget', () => {
  it.each(scenarios)('%s', (_name, view) => {
    const card = buildAdviceCard(view);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(ADVICE_CARD_LIMITS.maxBytes);
    expect(utf8Bytes(card)).toBeLessThan(80 * KB);
  });

  it('keeps to the case card budget (38 KB in UTF-16)', () => {
    expect(ADVICE_CARD_LIMITS.maxBytes).toBe(CASE_CARD_LIMITS.maxBytes);
    expect(ADVICE_CARD_LIMITS.maxBytes).toBeLessThanOrEqual(38 * KB);
  });
});

describe('advice card: read in one minute', () => {
  it('says what it is and where it stands', () => {
    const concept = texts(buildAdviceCard(adviceView(adviceRecord('draft'))));
    // Line 1: where it stands and what is asked of the reader; then what it is.
    expect(concept[0]).toBe('Concept — nog niet verzonden');
    expect(concept[1]).toBe('Advies aan de OvJ — HG-zaak SBZ-997');
    expect(concept).toContain('ZSM Midden-Nederland · Mishandeling · versie 1 · opgesteld 22:30');
    expect(concept).toContain('Concept — nog niet verzonden');
    // Spoken to the OvJ, with the termijn (issue 13.11).
    const sent = texts(buildAdviceCard(adviceView(adviceRecord('sent'))));
    expect(sent).toContain('Verzonden om 22:40 — uw besluit gevraagd vóór di 24 nov 02:15');
    expect(sent).toContain('Termijn: di 24 nov 02:15');
    expect(texts(buildAdviceCard(adviceView(adviceRecord('decided'))))[0]).toBe('✓ Besloten om 23:05');
    expect(texts(buildAdviceCard(adviceView(adviceRecord('sent'))))[0]).toBe(
      'Verzonden om 22:40 — uw besluit gevraagd vóór di 24 nov 02:15',
    );
  });

  it('orders (layout rule): status, termijn, "Besluit vastleggen", open buikpijn, the summary, then interventions, patterns, facts, who', () => {
    const card = buildAdviceCard(adviceView(adviceRecord('sent'), { viewerMayDecide: true }));
    const all = texts(card);
    const at = (s: string) => all.findIndex((x) => x.startsWith(s));
    const order = [
      at('Verzonden om 22:40 — uw besluit gevraagd'),
      at('Termijn: di 24 nov 02:15'),
      at('⚠ Nog buikpijn (2)'),
      at('Samenvatting'),
      at('Eerst veiligheid: contactverbod'),
      at('Voorgestelde interventies'),
      at('Patronen'),
      at('Feiten'),
      at('Wie leverde wat (3)'),
    ];
    expect(order.every((n) => n >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The decision button (the primary action) sits right under the status and the termijn, before the picture:
    // at 360 px on a large case it must stay on the first screen (test/e2e/cards-gallery.test.ts).
    const body = card.body as Node[];
    const decide = body.findIndex(
      (n) => n.type === 'ActionSet' && ofType(n, 'Action.ShowCard').some((s) => s.title === 'Besluit vastleggen'),
    );
    const termijn = body.findIndex((n) => JSON.stringify(n).includes('Termijn: di 24 nov 02:15'));
    const concern = body.findIndex((n) => JSON.stringify(n).includes('⚠ Nog buikpijn (2)'));
    const summary = body.findIndex((n) => n.text === 'Samenvatting');
    expect([termijn < decide, decide < concern, concern < summary]).toEqual([true, true, true]);
  });

  it('never uses yellow text', () => {
    for (const [, view] of scenarios)
      expect([view.advice.status, ofType(buildAdviceCard(view), 'TextBlock').filter((b) => b.color === 'warning')]).toEqual([
        view.advice.status,
        [],
      ]);
  });

  it('groups the proposed interventions by phase, safety first, with notes and language', () => {
    const all = texts(buildAdviceCard(adviceView(adviceRecord('sent'))));
    const from = all.indexOf('Voorgestelde interventies');
    expect(all.slice(from, from + 8)).toEqual([
      'Voorgestelde interventies',
      '1. Veiligheid',
      '• Advies aan de burgemeester: tijdelijk huisverbod (besluit van de burgemeester)',
      '• Contactverbod — ook via sociale media',
      '2. Zorg',
      '• Reclasseringstoezicht',
      '3. Herstel',
      '• Persoonlijke brief aan betrokkene (eventueel vertaald) (vertaald: Pools)',
    ]);
  });

  it('warns when no safety intervention is proposed', () => {
    const card = buildAdviceCard(adviceView(adviceRecord('sent', {}, { proposed: [{ interventionId: 'rvdk-onderzoek', phase: 'care' }] })));
    expect(textBlock(card, 'Geen veiligheidsinterventie')).not.toHaveProperty('color');
    expect(texts(card)).toContain('1. Zorg');
  });

  it('shows each open buikpijn prominently, per organisation, with its reason, round and source', () => {
    const card = buildAdviceCard(adviceView(adviceRecord('sent')));
    expect(textBlock(card, 'Nog buikpijn: Raad voor de Kinderbescherming')).toMatchObject({
      text: 'Nog buikpijn: Raad voor de Kinderbescherming — Kinderen getuige van geweld.',
      weight: 'bolder',
    });
    expect(texts(card)).toContain('Nog buikpijn: Veilig Thuis — B-SAFER wijst op verhoogd risico.');
    expect(texts(card)).toContain('⚠ ACUUT ONVEILIG · ronde 2 · RvdK 22:20');
    expect(texts(card)).toContain('ronde 1 · VT 21:40');
  });

  it('says plainly when nobody has buikpijn any more', () => {
    const card = buildAdviceCard(adviceView(adviceRecord('sent', {}, { votes: [] })));
    expect(textBlock(card, 'Niemand heeft nog buikpijn')).not.toHaveProperty('color');
  });

  it('lists the patterns with their sources', () => {
    const all = texts(buildAdviceCard(adviceView(adviceRecord('sent'))));
    expect(all).toEqual(
      expect.arrayContaining([
        '**Oude bekende:** 1 eerdere zaak met dezelfde personen',
        'bron: eerdere zaak 1 mrt 2025',
        '**Kinderen:** kinderen betrokken (13 jr, 9 jr)',
        'bron: intake 20:15',
        '**Stalking:** stalking genoemd',
        'bron: Politie 20:32',
        '**Dwingende controle:** dwingende controle genoemd',
        'bron: VT 20:30',
        '**Risicotaxatie:** B-SAFER',
        'bron: VT 21:40',
        '**Risicotaxatie:** SASH',
      ]),
    );
  });

  it('lists who supplied what (newest first), with time, source, the contents and the need-to-know reason', () => {
    const all = texts(buildAdviceCard(adviceView(adviceRecord('sent'))));
    const from = all.indexOf('Wie leverde wat (3)');
    const lines = all.slice(from + 1, from + 7);
    expect(lines.filter((l) => l.startsWith('**')).map((l) => l.split(':')[0])).toEqual([
      '**Politie** · 20',
      '**Reclassering (3RO)** · 20',
      '**Veilig Thuis** · 20',
    ]);
    expect(lines.filter((l) => l.startsWith('Waarom nodig: Patroon van herhaald geweld'))).toHaveLength(3);
    expect(lines.some((l) => l.includes(': Eerder aangifte van stalking door ex-partner; SASH ingevuld: hoog risico.'))).toBe(true);
  });

  it('refreshes with the advice verb and has one Details button: the dialog', () => {
    const card = buildAdviceCard(adviceView(adviceRecord('sent')));
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', verb: VERBS.adviceRefresh, data: { caseId } } });
    const actions = card.actions as Node[];
    const submit = actions.find((a) => a.type === 'Action.Submit') as Node;
    expect(submit).toMatchObject({ title: 'Details', associatedInputs: 'none' });
    expect(submit.data).toEqual({ msteams: { type: 'task/fetch' }, dialog: DIALOGS.adviceDetails, caseId });
    expect(dialogFetchDataSchema.parse(submit.data)).toEqual({ dialog: DIALOGS.adviceDetails, caseId });
    expect(actions.filter((a) => String(a.title).includes('Details'))).toHaveLength(1);
    const inside = texts(buildAdviceCard(adviceView(adviceRecord('sent'), { expanded: true })));
    expect(inside).toEqual(expect.arrayContaining(['Buikpijn per ronde', 'Ronde 2', 'Ronde 1', 'Alle contextinformatie']));
    expect(inside.indexOf('Ronde 2')).toBeLessThan(inside.indexOf('Ronde 1'));
    expect(inside).toContain('**RvdK**: Buikpijn · ⚠ ACUUT ONVEILIG — Kinderen getuige van geweld. · 22:20');
    expect(inside).toContain('Eerder aangifte van stalking door ex-partner; SASH ingevuld: hoog risico.');
  });
});

describe('advice card: the decision', () => {
  const form = (card: unknown) => ofType(card, 'Action.ShowCard').find((s) => s.title === 'Besluit vastleggen');

  it('offers the form on a sent advice to the OvJ and to an unknown viewer, not to others, not before sending, not after deciding', () => {
    expect(form(buildAdviceCard(adviceView(adviceRecord('sent'), { viewerMayDecide: true })))).toBeDefined();
    expect(form(buildAdviceCard(adviceView(adviceRecord('sent'))))).toBeDefined();
    expect(form(buildAdviceCard(adviceView(adviceRecord('sent'), { viewerMayDecide: false })))).toBeUndefined();
    expect(form(buildAdviceCard(adviceView(adviceRecord('draft'), { viewerMayDecide: true })))).toBeUndefined();
    expect(form(buildAdviceCard(adviceView(adviceRecord('decided'), { viewerMayDecide: true })))).toBeUndefined();
    expect(form(buildAdviceCard(adviceView(adviceRecord('sent'), { viewerMayDecide: true, expanded: true })))).toBeUndefined();
    for (const view of scenarios.map(([, v]) => v).filter((v) => v.advice.status !== 'sent' || v.viewerMayDecide === false)) {
      expect(executeActions(buildAdviceCard(view)).map((a) => a.verb)).not.toContain(VERBS.decide);
    }
  });

  it('preselects the proposed interventions from the palette (safety first) and asks why the decision stands despite buikpijn', () => {
    const card = buildAdviceCard(adviceView(adviceRecord('sent'), { viewerMayDecide: true }));
    const f = form(card) as Node;
    const choice = ofType(f.card, 'Input.ChoiceSet')[0] as Node;
    expect(choice).toMatchObject({
      id: INPUTS.decisionInterventions,
      isMultiSelect: true,
      value: 'huisverbod,contactverbod,reclasseringstoezicht,brief-betrokkene',
    });
    const choices = choice.choices as { title: string; value: string }[];
    expect(choices.map((c) => c.value).sort()).toEqual(PALETTE.map((i) => i.id).sort());
    expect(choices[0]).toEqual({ title: 'Veiligheid: Voorgeleiding rechter-commissaris', value: 'voorgeleiding-rc' });
    expect(choices.at(-1)?.title.startsWith('Strafrechtelijke afdoening: ')).toBe(true);
    const inputs = ofType(f.card, 'Input.Text');
    expect(inputs.find((i) => i.id === INPUTS.decisionText)).toMatchObject({ isMultiline: true });
    expect(inputs.find((i) => i.id === INPUTS.decisionText)?.isRequired).toBeUndefined();
    expect(inputs.find((i) => i.id === INPUTS.decisionConcern)).toMatchObject({
      isRequired: true,
      label: 'Er is nog buikpijn. Waarom staat het besluit toch?',
    });

    const exec = executeActions(card).find((a) => a.verb === VERBS.decide);
    expect(exec).toMatchObject({
      title: 'Besluit opslaan',
      data: { caseId },
      // Per proposed intervention its note, and the letter's language (issue 13.7).
      inputIds: [
        INPUTS.decisionConcern,
        INPUTS.decisionInterventions,
        INPUTS.decisionPiiConfirm,
        INPUTS.decisionText,
        'ivLang_brief-betrokkene',
        'ivNote_brief-betrokkene',
        'ivNote_contactverbod',
        'ivNote_huisverbod',
        'ivNote_reclasseringstoezicht',
      ],
    });
    const sent = invokeData(exec as NonNullable<typeof exec>, {
      [INPUTS.decisionInterventions]: 'contactverbod,reclasseringstoezicht',
      [INPUTS.decisionText]: 'Per direct.',
      [INPUTS.decisionConcern]: 'Het contactverbod dekt het risico.',
    });
    expect(decideDataSchema.parse(sent)).toEqual({
      caseId,
      decisionInterventions: 'contactverbod,reclasseringstoezicht',
      decisionText: 'Per direct.',
      decisionConcern: 'Het contactverbod dekt het risico.',
      details: {},
    });
  });

  it('asks no acknowledgement when no buikpijn stands', () => {
    const card = buildAdviceCard(adviceView(adviceRecord('sent', {}, { votes: [] }), { viewerMayDecide: true }));
    expect(ofType(card, 'Input.Text').map((i) => i.id)).toEqual([
      INPUTS.decisionText,
      'ivNote_huisverbod',
      'ivNote_contactverbod',
      'ivNote_reclasseringstoezicht',
      'ivNote_brief-betrokkene',
      'ivLang_brief-betrokkene',
    ]);
    expect(executeActions(card).find((a) => a.verb === VERBS.decide)?.inputIds).toEqual([
      INPUTS.decisionInterventions,
      INPUTS.decisionPiiConfirm,
      INPUTS.decisionText,
      'ivLang_brief-betrokkene',
      'ivNote_brief-betrokkene',
      'ivNote_contactverbod',
      'ivNote_huisverbod',
      'ivNote_reclasseringstoezicht',
    ]);
  });

  it('shows the decision: interventions in phase order, text, acknowledgement of the remaining buikpijn, by the OvJ with time', () => {
    const card = buildAdviceCard(adviceView(adviceRecord('decided'), { viewerMayDecide: true }));
    const all = texts(card);
    expect(all).toEqual(
      expect.arrayContaining([
        '✓ Besluit OvJ',
        '**Interventies:** Contactverbod, Reclasseringstoezicht',
        '**Toelichting:** Contactverbod per direct; toezicht door 3RO.',
        '⚠ **Ondanks buikpijn van Raad voor de Kinderbescherming, Veilig Thuis:** Buikpijn gezien; het contactverbod dekt het acute risico.',
        'bron: OvJ · 23:05',
      ]),
    );
    // The decision comes right after the status, before the summary.
    expect(all.indexOf('✓ Besluit OvJ')).toBeLessThan(all.indexOf('Samenvatting'));
    expect(ofType(card, 'Input.Text')).toEqual([]);
    expect(ofType(card, 'Input.ChoiceSet')).toEqual([]);
  });

  it('shows what came of it once the case lead answered', () => {
    const advice = adviceRecord('decided', {
      followUp: {
        askedAt: '2026-11-23T22:10:00.000Z',
        answer: 'Contactverbod nageleefd.',
        answeredAt: '2026-11-23T22:20:00.000Z',
        closed: true,
      },
    });
    const all = texts(buildAdviceCard(adviceView(advice)));
    expect(all).toContain('**Wat ervan kwam** (23:20): Contactverbod nageleefd.');
    expect(all).toContain('Zaak gesloten na de terugkoppeling.');
  });
});

describe('advice card: the dialog (expanded)', () => {
  it('shows everything inline, contributions whole, with no inline Details, no form and no refresh', () => {
    const text2000 = 'x'.repeat(2000);
    const advice = adviceRecord('sent', {}, { contributions: adviceInput().contributions.map((c) => ({ ...c, text: text2000 })) });
    const card = buildAdviceCard(adviceView(advice, { expanded: true, viewerMayDecide: true }));
    expect(card.actions).toBeUndefined();
    expect(card.refresh).toBeUndefined();
    expect(texts(card)).toContain(text2000);
    expect(texts(card)).toContain('Buikpijn per ronde');
    expect(texts(card)).toContain(`Samenvatting politie: ${sampleCase().facts.summary}`);
  });

  it('says how many contributions follow on the next pages, and pages through all of them (issue 13.8)', () => {
    const first = buildAdviceCard(adviceView(largeAdvice('sent'), { case: largeCase(), expanded: true }));
    expect(texts(first).some((t) => /^\d+ bijdragen op de volgende pagina's\.$/.test(t))).toBe(true);
    expect(utf16Bytes(first)).toBeLessThanOrEqual(ADVICE_CARD_LIMITS.maxBytes);
    const next = (first.actions as Node[]).find((a) => (a.data as { page?: number } | undefined)?.page === 1);
    expect(next).toBeDefined();
    const second = buildAdviceCard(adviceView(largeAdvice('sent'), { case: largeCase(), expanded: true, page: 1 }));
    expect(texts(second).some((t) => t.startsWith('Contextinformatie, pagina 2 van '))).toBe(true);
    expect(utf16Bytes(second)).toBeLessThanOrEqual(ADVICE_CARD_LIMITS.maxBytes);
  });
});

describe('advice card: the large case', () => {
  const view = adviceView(largeAdvice('sent'), { case: largeCase(), viewerMayDecide: true });

  it('stays within the budget with the summary, every open buikpijn, the form and some details', () => {
    const card = buildAdviceCard(view);
    const all = texts(card);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(ADVICE_CARD_LIMITS.maxBytes);
    // Every organisation's standing buikpijn is on the card.
    expect(all.filter((t) => t.startsWith('Nog buikpijn: ')).length).toBe(7);
    expect(all.filter((t) => t.startsWith('• ')).length).toBe(PALETTE.length);
    expect(ofType(card, 'Action.ShowCard').map((s) => s.title)).toEqual(['Besluit vastleggen']);
    expect(all).toContain('Wie leverde wat (40)');
    expect(all.some((t) => /^en nog \d+ — zie Details$/.test(t))).toBe(true);
  });

  it('shortens long texts on a crowded card (the dialog shows them whole)', () => {
    const all = texts(buildAdviceCard(view));
    const summary = all.find((t) => t.startsWith('Samenvatting van het advies')) as string;
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.length).toBeLessThan(2000);
    for (const line of all.filter((t) => t.startsWith('Nog buikpijn: '))) expect(line.length).toBeLessThan(500);
    const dialog = texts(buildAdviceCard({ ...view, expanded: true }));
    expect(dialog.find((t) => t.startsWith('Samenvatting van het advies'))).toBe(view.advice.draft.summary.trim());
  });
});

describe('advice card: privacy', () => {
  it('never shows a pseudonym, an Entra id of the drafter or the OvJ, or a person field', () => {
    for (const [, view] of scenarios) {
      const json = JSON.stringify(buildAdviceCard(view));
      for (const p of PSEUDONYMS) expect(json).not.toContain(p);
      expect(json).not.toContain('aad-');
      expect(json).not.toContain('pseudonym');
      expect(nodes(buildAdviceCard(view)).some((n) => 'persons' in n)).toBe(false);
    }
  });
});
