import { buildCaseCard } from '../../../src/cards/case-card';
import { buildCloseFormCard, closureHandoverLines } from '../../../src/cards/case-closing';
import { closureSection } from '../../../src/cards/case-course';
import { closeDataSchema, INPUTS, VERBS } from '../../../src/cards/verbs';
import type { CaseCardView } from '../../../src/cards/view';
import { EMPTY_VERDIEPING, type VerdiepingDocs } from '../../../src/domain/verdieping/bundle';
import type { SafetyPlanEntry } from '../../../src/domain/verdieping/safety-plan';
import { roundsUpTo, sampleCase, typicalView, vote } from './fixtures';
import { adaptiveCardProblems, executeActions, invokeData } from './validate';
import { ofType, texts, type Node } from './walk';

/**
 * The close view ('close-form', cards/close-form.json): opened from the chair's "Zaak sluiten…" or
 * "Sluiten ondanks …", it names who takes the case over (the location's receiving parties) and what,
 * and for "ondanks" the chair's reason with what is overridden (buikpijn, persons without a safety holder).
 */
const caseId = sampleCase().id;
const closedRound2 = () => roundsUpTo(2, false).map((r) => (r.number === 2 ? { ...r, closedAt: '2026-11-23T21:10:00.000Z' } : r));
const chair = (over: Partial<CaseCardView> = {}) => typicalView({ viewerIsChair: true, ...over });
/** Round 2 closed and nobody's buikpijn standing: a normal close. */
const calm = (over: Partial<CaseCardView> = {}) =>
  chair({ case: sampleCase({ rounds: closedRound2() }), votes: [vote(1, 'vt', true), vote(2, 'vt', false)], ...over });

const holder = (personRef: string): { body: SafetyPlanEntry; etag: string } => ({
  body: {
    caseId,
    personRef,
    holder: { orgId: 'rvdk' },
    status: 'running',
    updatedAt: '2026-11-23T20:00:00.000Z',
    updatedBy: { userId: 'u', orgId: 'rvdk' },
  },
  etag: personRef,
});
const verdieping = (plan: VerdiepingDocs['safetyPlan']): VerdiepingDocs => ({
  ...EMPTY_VERDIEPING,
  phase: { body: { caseId, phase: 'verdieping', timeline: [] }, etag: 'p' },
  safetyPlan: plan,
});
const input = (card: unknown, id: string): Node =>
  ofType(card, 'Input.ChoiceSet')
    .concat(ofType(card, 'Input.Text'))
    .find((n) => n.id === id) as Node;

describe("the chair's close button on the case card", () => {
  it.each<[string, CaseCardView, string | null]>([
    ['round closed, no buikpijn, ZSM', calm(), 'Zaak sluiten…'],
    ['buikpijn stands', chair(), 'Sluiten ondanks buikpijn…'],
    [
      'in verdieping, one child without a holder',
      calm({ verdiepingDocs: verdieping([holder('slachtoffer-1'), holder('kind-1')]) }),
      'Sluiten ondanks veiligheidsplan…',
    ],
    ['buikpijn and nobody placed', chair({ verdiepingDocs: verdieping([]) }), 'Sluiten ondanks buikpijn en veiligheidsplan…'],
    [
      'in verdieping, everyone placed',
      calm({ verdiepingDocs: verdieping(['slachtoffer-1', 'kind-1', 'kind-2'].map(holder)) }),
      'Zaak sluiten…',
    ],
    [
      'round open without buikpijn: close the round first',
      chair({
        votes: [vote(2, 'vt', false)],
        case: sampleCase({ rounds: [{ number: 2, startedAt: '2026-11-23T20:30:00.000Z', startedBy: 'x' }] }),
      }),
      null,
    ],
  ])('%s', (_name, view, title) => {
    const open = executeActions(buildCaseCard(view)).filter((a) => a.verb === VERBS.closeForm);
    expect(open.map((a) => a.title)).toEqual(title ? [title] : []);
    expect(open.every((a) => a.inputIds.length === 0)).toBe(true);
  });
});

describe('the close view', () => {
  it('a normal close: the receiving parties of the location, the items, a note and the reason for none; submits case.close', () => {
    const card = buildCloseFormCard(calm());
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(texts(card)[0]).toMatch(/^Zaak .+ sluiten$/);
    expect(input(card, INPUTS.closeReason)).toBeUndefined();
    const party = input(card, INPUTS.handoverParty);
    expect(party).toMatchObject({ isRequired: true });
    expect((party.choices as { title: string; value: string }[]).map((c) => c.value)).toEqual(['save', 'wijkteam', 'zvh', 'mda', 'geen']);
    const items = input(card, INPUTS.handoverItems);
    expect(items).toMatchObject({ isMultiSelect: true });
    expect((items.choices as { title: string }[]).map((c) => c.title)).toContain('Veiligheidsplan');
    const [submit, back] = executeActions(card);
    expect(submit).toMatchObject({
      verb: VERBS.closeCase,
      title: 'Zaak sluiten',
      inputIds: [INPUTS.handoverItems, INPUTS.handoverNoneReason, INPUTS.handoverNote, INPUTS.handoverParty],
    });
    expect(back).toMatchObject({ verb: VERBS.open, inputIds: [] });
    const sent = invokeData(submit!, { handoverParty: 'wijkteam', handoverItems: 'safety_plan,contact_person', handoverNote: '' });
    expect(closeDataSchema.parse(sent)).toEqual({
      caseId,
      handoverParty: 'wijkteam',
      handoverItems: 'safety_plan,contact_person',
      handoverNote: '',
    });
  });

  it('"ondanks": says what is overridden by role label (never a name), asks the reason, submits case.closeDespiteConcern', () => {
    const card = buildCloseFormCard(chair({ verdiepingDocs: verdieping([holder('slachtoffer-1')]) }));
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Er is nog buikpijn bij Raad voor de Kinderbescherming, Veilig Thuis.',
        'Niemand verantwoordelijk voor de veiligheid van: kind, 13 jr, kind, 9 jr.',
      ]),
    );
    expect(input(card, INPUTS.closeReason)).toMatchObject({ isRequired: true, maxLength: 1000 });
    const [submit] = executeActions(card);
    expect(submit).toMatchObject({ verb: VERBS.closeDespiteConcern, title: 'Sluiten ondanks' });
    expect(submit!.inputIds).toContain(INPUTS.closeReason);
  });

  it('after a refusal: the reason on top and what was typed kept', () => {
    const draft = {
      closeReason: 'Afgestemd met de OvJ; VT volgt het gezin.',
      handoverParty: 'geen',
      handoverItems: 'safety_plan',
      handoverNoneReason: 'Gezin verhuist',
    };
    const card = buildCloseFormCard({ ...chair({ draft }), notice: { kind: 'attention', text: 'De invoer is niet volledig.' } });
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(texts(card)).toContain('De invoer is niet volledig.');
    for (const [id, value] of Object.entries(draft)) expect([id, input(card, id).value]).toEqual([id, value]);
  });

  it('a closed case: no form, only the way back', () => {
    const card = buildCloseFormCard(chair({ case: sampleCase({ status: 'closed' }) }));
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(texts(card)).toContain('Deze zaak is al gesloten.');
    expect(executeActions(card).map((a) => a.verb)).toEqual([VERBS.open]);
  });
});

describe('the closing on the case card', () => {
  const closed = (closure: NonNullable<CaseCardView['case']['closure']>) =>
    typicalView({ case: sampleCase({ status: 'closed', closure }) });
  it.each<[string, NonNullable<CaseCardView['case']['closure']>, string[]]>([
    [
      'handed over to the wijkteam with a note',
      {
        at: '2026-11-23T21:00:00.000Z',
        by: 'u',
        despiteConcern: false,
        remainingConcern: [],
        handover: {
          partyId: 'wijkteam',
          kind: 'wijkteam',
          handedOver: ['safety_plan', 'contact_person'],
          note: 'Wijkteam belt morgen',
        },
      },
      ['Overgedragen aan Wijkteam: veiligheidsplan, contactpersoon.', 'Toelichting: Wijkteam belt morgen'],
    ],
    [
      'nobody, with the reason',
      {
        at: '2026-11-23T21:00:00.000Z',
        by: 'u',
        despiteConcern: false,
        remainingConcern: [],
        handover: { partyId: 'geen', kind: 'none', handedOver: [], noneReason: 'Gezin verhuist naar het buitenland' },
      },
      ['Geen overdracht: Gezin verhuist naar het buitenland'],
    ],
    [
      'ondanks the safety plan',
      {
        at: '2026-11-23T21:00:00.000Z',
        by: 'u',
        despiteConcern: false,
        reason: 'Afgestemd met de OvJ.',
        remainingConcern: [],
        despiteSafety: true,
        unplacedSafety: ['kind-2'],
        handover: { partyId: 'save', kind: 'save_jeugdbescherming', handedOver: ['ovj_advice'] },
      },
      [
        'Overgedragen aan SAVE / jeugdbescherming: advies aan de ovj.',
        'Gesloten ondanks het veiligheidsplan: niemand verantwoordelijk voor kind, 9 jr.',
      ],
    ],
    ['closed before handovers existed', { at: '2026-11-23T21:00:00.000Z', by: 'u', despiteConcern: false, remainingConcern: [] }, []],
  ])('%s', (_name, closure, lines) => {
    const view = closed(closure);
    expect(closureHandoverLines(closure, view)).toEqual(lines);
    const part = { type: 'AdaptiveCard', version: '1.5', body: closureSection(view) };
    expect(adaptiveCardProblems(part)).toEqual([]);
    for (const l of lines) expect(texts(part)).toContain(l);
    if (closure.despiteSafety) expect(texts(part)).toContain('**Reden:** Afgestemd met de OvJ.');
  });
});
