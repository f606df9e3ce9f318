import { buildAdviceEditDialogCard, CASE_ADVICE_LIMITS } from '../../../src/cards/case-advice';
import { buildCaseCard, CASE_CARD_LIMITS } from '../../../src/cards/case-card';
import {
  adviceEditDataSchema,
  caseActionDataSchema,
  dialogFetchDataSchema,
  DIALOGS,
  followUpDataSchema,
  INPUTS,
  VERBS,
} from '../../../src/cards/verbs';
import type { CaseCardView } from '../../../src/cards/view';
import type { AdviceRecord } from '../../../src/domain/advice/types';
import { adviceRecord, PALETTE } from '../domain/advice/fixtures';
import { largeView, NOW, PSEUDONYMS, sampleCase, typicalView } from './fixtures';
import { adaptiveCardProblems, executeActions, invokeData } from './validate';
import { ofType, textBlock, texts, utf16Bytes, utf8Bytes, type Node } from './walk';

const KB = 1024;
const caseId = sampleCase().id;
const verbs = (card: unknown) => executeActions(card).map((a) => a.verb);
const withAdvice = (advice: AdviceRecord | undefined, overrides: Partial<CaseCardView> = {}): CaseCardView =>
  typicalView({ ...(advice ? { advice } : {}), palette: PALETTE, ...overrides });
/** The items behind "Meer tonen" (where the advice section sits, after the actions). */
const details = (card: { body: unknown[] }): Node[] =>
  (ofType(card.body, 'Container').find((c) => c.id === 'details')?.items ?? []) as Node[];

/** The advice section: from its heading to the chair's block (or the end of the details). */
function section(view: CaseCardView): Node[] {
  const body = details(buildCaseCard(view));
  const from = body.findIndex((n) => n.text === 'Advies aan de OvJ');
  if (from < 0) return [];
  const to = body.findIndex((n, i) => i > from && texts(n)[0] === 'Voorzitter');
  return body.slice(from, to < 0 ? undefined : to);
}
const long = (n: number, seed: string) => `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n);
const asked = (extra: Partial<NonNullable<AdviceRecord['followUp']>> = {}) =>
  adviceRecord('decided', { followUp: { askedAt: '2026-11-23T21:20:00.000Z', ...extra } });

/** The large case with a large advice: a 2,000-character summary (held whole in the edit form), every intervention. */
function largeWith(status: AdviceRecord['status'], overrides: Partial<AdviceRecord> = {}): CaseCardView {
  const all = PALETTE.map((i) => ({ interventionId: i.id, phase: i.phase }));
  const advice = adviceRecord(status, { ...overrides }, { proposed: all, summary: long(2000, 'Samenvatting advies é') });
  const decided: Partial<AdviceRecord> =
    status === 'decided'
      ? {
          decision: {
            at: NOW.toISOString(),
            by: 'aad-ovj-secret-0001',
            interventions: all,
            freeText: long(2000, 'Besluit'),
            concernAcknowledgement: long(1000, 'Erkenning'),
          },
          followUp: { askedAt: NOW.toISOString() },
        }
      : {};
  return { ...largeView(), advice: { ...advice, ...decided, ...overrides }, palette: PALETTE };
}

const scenarios: [string, CaseCardView][] = [
  ['no advice yet', withAdvice(undefined)],
  ['draft', withAdvice(adviceRecord('draft'))],
  ['concept, typed summary after a refusal', withAdvice(adviceRecord('draft'), { draft: { [INPUTS.adviceSummary]: 'Getypt.' } })],
  ['concept, closed case', withAdvice(adviceRecord('draft'), { case: sampleCase({ status: 'closed' }) })],
  ['sent', withAdvice(adviceRecord('sent'))],
  ['decided', withAdvice(adviceRecord('decided'))],
  ['decided, follow-up asked', withAdvice(asked())],
  ['decided, follow-up answered', withAdvice(asked({ answer: 'Nageleefd.', answeredAt: '2026-11-23T21:25:00.000Z', closed: false }))],
  ['large, no advice', { ...largeView(), palette: PALETTE }],
  ['large, concept', largeWith('draft')],
  ['large, sent', largeWith('sent')],
  ['large, decided, follow-up asked', largeWith('decided')],
  ['large, concept, not chair', { ...largeWith('draft'), viewerIsChair: false }],
];

describe('case card with advice: valid Adaptive Card 1.5 within the budget', () => {
  it.each(scenarios)('%s', (_name, view) => {
    const card = buildCaseCard(view);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    expect(utf8Bytes(card)).toBeLessThan(80 * KB);
  });

  it.each(scenarios.filter(([name]) => name.startsWith('large')))('%s: still shows a contribution', (_name, view) => {
    expect(texts(buildCaseCard(view)).some((t) => t.startsWith('Bijdrage '))).toBe(true);
  });
});

describe('case card: the advice section', () => {
  it('is absent without advice and palette (as before), and on a closed case without advice', () => {
    expect(section(typicalView())).toEqual([]);
    expect(verbs(buildCaseCard(typicalView()))).not.toContain(VERBS.draftAdvice);
    expect(section(withAdvice(undefined, { case: sampleCase({ status: 'closed' }) }))).toEqual([]);
  });

  it('offers "Advies opstellen" to everyone while there is no advice', () => {
    for (const viewer of [{ viewerOrg: 'politie' as const }, { viewerOrg: undefined }, { viewerIsChair: true }]) {
      const card = buildCaseCard(withAdvice(undefined, viewer));
      const draft = executeActions(card).find((a) => a.verb === VERBS.draftAdvice);
      expect(draft).toMatchObject({ title: 'Advies opstellen', data: { caseId }, inputIds: [] });
      expect(caseActionDataSchema.parse(draft?.data)).toEqual({ caseId });
    }
  });

  it('sits after the actions, behind "Meer tonen"; the chair has its own toggle', () => {
    const card = buildCaseCard(withAdvice(undefined, { viewerIsChair: true }));
    const body = details(card);
    const at = (pred: (n: Node) => boolean) => body.findIndex(pred);
    const advice = at((n) => n.text === 'Advies aan de OvJ');
    expect(advice).toBeGreaterThan(at((n) => String(n.text).startsWith('Acties (')));
    expect(advice).toBeGreaterThan(-1);
    expect(at((n) => texts(n)[0] === 'Voorzitter')).toBe(-1);
    expect(ofType(card, 'Container').find((c) => c.id === 'chair')).toBeDefined();
  });

  it('shows a concept with its summary, proposal and open buikpijn, and "Advies aanpassen" with the whole summary and the proposal preselected', () => {
    const view = withAdvice(adviceRecord('draft'));
    const card = buildCaseCard(view);
    const all = texts(section(view));
    expect(all[1]).toBe('Advies (concept) · versie 1 · 22:30');
    expect(all).toContain('Eerst veiligheid: contactverbod en huisverbod; daarna toezicht.');
    expect(all).toContain(
      '**Voorstel:** Veiligheid: Advies aan de burgemeester: tijdelijk huisverbod (besluit van de burgemeester), Contactverbod · Zorg: Reclasseringstoezicht · Herstel: Persoonlijke brief aan betrokkene (eventueel vertaald)',
    );
    expect(textBlock(card, 'Nog buikpijn: ')).toMatchObject({
      text: 'Nog buikpijn: Raad voor de Kinderbescherming, Veilig Thuis',
      weight: 'bolder',
    });

    const edit = ofType(card, 'Action.ShowCard').find((s) => s.title === 'Advies aanpassen') as Node;
    expect(ofType(edit.card, 'Input.Text')[0]).toMatchObject({
      id: INPUTS.adviceSummary,
      value: 'Eerst veiligheid: contactverbod en huisverbod; daarna toezicht.',
      isMultiline: true,
      maxLength: CASE_ADVICE_LIMITS.summaryInput,
    });
    const choice = ofType(edit.card, 'Input.ChoiceSet')[0] as Node;
    expect(choice).toMatchObject({
      id: INPUTS.adviceInterventions,
      isMultiSelect: true,
      value: 'huisverbod,contactverbod,reclasseringstoezicht,brief-betrokkene',
    });
    expect((choice.choices as unknown[]).length).toBe(PALETTE.length);

    const save = executeActions(card).find((a) => a.verb === VERBS.editAdvice);
    expect(save).toMatchObject({
      data: { caseId },
      inputIds: [
        INPUTS.adviceInterventions,
        INPUTS.advicePiiConfirm,
        INPUTS.adviceSummary,
        'ivLang_brief-betrokkene',
        'ivNote_brief-betrokkene',
        'ivNote_contactverbod',
        'ivNote_huisverbod',
        'ivNote_reclasseringstoezicht',
      ],
    });
    const sent = invokeData(save as NonNullable<typeof save>, {
      [INPUTS.adviceSummary]: 'Nieuw.',
      [INPUTS.adviceInterventions]: 'huisverbod',
    });
    expect(adviceEditDataSchema.parse(sent)).toEqual({ caseId, adviceSummary: 'Nieuw.', adviceInterventions: 'huisverbod', details: {} });

    const send = executeActions(card).find((a) => a.verb === VERBS.sendAdvice);
    // "Verstuur naar OvJ" opens a confirmation; its button sends.
    expect(send).toMatchObject({ title: 'Ja, verstuur naar OvJ', data: { caseId }, inputIds: [] });
    const confirm = ofType(card, 'Action.ShowCard').find((s) => s.title === 'Verstuur naar OvJ') as Node;
    expect(texts(confirm.card)).toEqual(['Het advies gaat nu naar de OvJ, die erop beslist. Versturen?']);
    expect(verbs(card)).not.toContain(VERBS.draftAdvice);
    const view2 = ofType(card, 'Action.Submit').find((s) => s.title === 'Advies bekijken') as Node;
    expect(dialogFetchDataSchema.parse(view2.data)).toEqual({ dialog: DIALOGS.adviceDetails, caseId });
  });

  it('keeps the whole summary in the edit form even when the card shortens it, and what was typed after a refusal', () => {
    const summary = long(2000, 'Samenvatting advies é').trim();
    const card = buildCaseCard(withAdvice(adviceRecord('draft', {}, { summary })));
    expect(ofType(card, 'Input.Text').find((i) => i.id === INPUTS.adviceSummary)?.value).toBe(summary);
    expect(texts(card)).not.toContain(summary);
    expect(texts(card).some((t) => t.startsWith('Samenvatting advies') && t.endsWith('…'))).toBe(true);
    const typed = buildCaseCard(
      withAdvice(adviceRecord('draft'), { draft: { [INPUTS.adviceSummary]: 'Getypt.', [INPUTS.adviceInterventions]: 'huisverbod' } }),
    );
    expect(ofType(typed, 'Input.Text').find((i) => i.id === INPUTS.adviceSummary)?.value).toBe('Getypt.');
    expect(ofType(typed, 'Input.ChoiceSet').find((i) => i.id === INPUTS.adviceInterventions)?.value).toBe('huisverbod');
  });

  it('opens "Advies aanpassen" as a dialog on the leanest card (the inline form holds the whole summary and does not fit)', () => {
    const view = largeWith('draft');
    const card = buildCaseCard(view);
    expect(ofType(card, 'Input.Text').find((i) => i.id === INPUTS.adviceSummary)).toBeUndefined();
    const edit = ofType(card, 'Action.Submit').find((s) => s.title === 'Advies aanpassen') as Node;
    expect(edit.data).toEqual({ msteams: { type: 'task/fetch' }, dialog: DIALOGS.editAdvice, caseId });
    expect(dialogFetchDataSchema.parse(edit.data)).toEqual({ dialog: DIALOGS.editAdvice, caseId });
    expect(verbs(card)).toContain(VERBS.sendAdvice);
    expect(texts(card)).toContain('Nog buikpijn: RvdK, VT');

    const dialog = buildAdviceEditDialogCard(view) as NonNullable<ReturnType<typeof buildAdviceEditDialogCard>>;
    expect(adaptiveCardProblems(dialog)).toEqual([]);
    expect(ofType(dialog, 'Input.Text')[0]).toMatchObject({ id: INPUTS.adviceSummary, value: view.advice?.draft.summary });
    expect(ofType(dialog, 'Input.ChoiceSet')[0]).toMatchObject({ id: INPUTS.adviceInterventions, isMultiSelect: true });
    expect(ofType(dialog, 'Action.Submit')[0]?.data).toEqual({ dialog: DIALOGS.editAdvice, caseId });
    expect(buildAdviceEditDialogCard(withAdvice(adviceRecord('sent')))).toBeUndefined();
  });

  it('offers no editing or sending on a closed case', () => {
    const card = buildCaseCard(withAdvice(adviceRecord('draft'), { case: sampleCase({ status: 'closed' }) }));
    expect(verbs(card)).not.toContain(VERBS.editAdvice);
    expect(verbs(card)).not.toContain(VERBS.sendAdvice);
    expect(texts(card)).toContain('Advies (concept) · versie 1 · 22:30');
  });

  it('says when the advice was sent, without forms', () => {
    const view = withAdvice(adviceRecord('sent'));
    expect(texts(section(view))).toContain('Advies verzonden om 22:40 — wacht op het besluit van de OvJ');
    const v = verbs(buildCaseCard(view));
    for (const verb of [VERBS.draftAdvice, VERBS.editAdvice, VERBS.sendAdvice, VERBS.decide, VERBS.followUp]) expect(v).not.toContain(verb);
  });

  it('shows the decision with the acknowledged buikpijn, and no follow-up form until it is asked', () => {
    const view = withAdvice(adviceRecord('decided'));
    const all = texts(section(view));
    expect(all).toContain('Besluit OvJ (23:05): Contactverbod, Reclasseringstoezicht');
    expect(all).toContain('**Toelichting:** Contactverbod per direct; toezicht door 3RO.');
    expect(all).toContain(
      '**Ondanks buikpijn van Raad voor de Kinderbescherming, Veilig Thuis:** Buikpijn gezien; het contactverbod dekt het acute risico.',
    );
    expect(verbs(buildCaseCard(view))).not.toContain(VERBS.followUp);
  });

  it('asks "Wat is ervan gekomen?" once the follow-up is asked: a required text, "Zaak sluiten" and submit', () => {
    const card = buildCaseCard(withAdvice(asked()));
    expect(texts(card)).toContain('De OvJ hoort graag wat ervan gekomen is (gevraagd 22:20).');
    const form = ofType(card, 'Action.ShowCard').find((s) => s.title === 'Wat is ervan gekomen?') as Node;
    expect(ofType(form.card, 'Input.Text')[0]).toMatchObject({ id: INPUTS.followUpText, isRequired: true, isMultiline: true });
    expect(ofType(form.card, 'Input.Toggle')[0]).toMatchObject({ id: INPUTS.followUpClose, title: 'Zaak sluiten', value: 'false' });
    const submit = executeActions(card).find((a) => a.verb === VERBS.followUp);
    expect(submit).toMatchObject({
      data: { caseId },
      // Closing with the answer names who takes the case over (issue 15).
      inputIds: [
        INPUTS.followUpClose,
        INPUTS.followUpText,
        INPUTS.handoverItems,
        INPUTS.handoverNoneReason,
        INPUTS.handoverNote,
        INPUTS.handoverParty,
      ],
    });
    const sent = invokeData(submit as NonNullable<typeof submit>, { [INPUTS.followUpText]: 'Nageleefd.', [INPUTS.followUpClose]: 'true' });
    expect(followUpDataSchema.parse(sent)).toEqual({ caseId, followUpText: 'Nageleefd.', followUpClose: 'true' });
  });

  it('shows the answer instead of the form once answered, and no form on a closed case', () => {
    const answered = buildCaseCard(withAdvice(asked({ answer: 'Nageleefd.', answeredAt: '2026-11-23T21:25:00.000Z' })));
    expect(texts(answered)).toContain('**Wat ervan kwam** (22:25): Nageleefd.');
    expect(verbs(answered)).not.toContain(VERBS.followUp);
    expect(verbs(buildCaseCard(withAdvice(asked(), { case: sampleCase({ status: 'closed' }) })))).not.toContain(VERBS.followUp);
  });
});

describe('case card with advice: privacy', () => {
  it('never shows a pseudonym or the Entra id of the drafter or the OvJ', () => {
    for (const [, view] of scenarios) {
      const json = JSON.stringify(buildCaseCard(view));
      for (const p of PSEUDONYMS) expect(json).not.toContain(p);
      expect(json).not.toContain('secret');
    }
  });
});
