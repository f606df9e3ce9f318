import { buildCaseCard, CASE_CARD_DENSITIES, CASE_CARD_LIMITS } from '../../../src/cards/case-card';
import { caseActionDataSchema, INPUTS, VERBS, vtRegionDataSchema } from '../../../src/cards/verbs';
import type { CaseCardView } from '../../../src/cards/view';
import { largeView, PSEUDONYMS, sampleCase } from './fixtures';
import { adaptiveCardProblems, executeActions, invokeData } from './validate';
import { ofType, textBlock, texts, utf16Bytes, type Node } from './walk';
import {
  amsterdamAt,
  BACKUP,
  BACKUP_ANSWERED,
  backupAnsweredRecord,
  consultationRecord,
  consultationState,
  EARLY,
  PHONE,
  PRIMARY,
  REGIONS,
  vtCaseView,
} from './vt-fixtures';

const caseId = sampleCase().id;
const verbs = (card: unknown) => executeActions(card).map((a) => a.verb);
/** The verbs of one body element, as the renderer sees them. */
const verbsIn = (element: Node) => verbs({ type: 'AdaptiveCard', version: '1.5', body: [element] });
/** The VT section: the boxed Container (attention or emphasis) whose first line names Veilig Thuis. */
const vtBox = (card: { body: unknown[] }): Node => {
  const heading = /^(\*\*)?Veilig Thuis( — regio [^*]+)?(\*\*)?( · Status: .*)?$/;
  const found = ofType(card.body, 'Container').filter(
    (b) => b.type === 'Container' && (b.style === 'attention' || b.style === 'emphasis') && heading.test(texts(b)[0] ?? ''),
  );
  if (found.length !== 1) throw new Error(`expected one VT section, found ${found.length}`);
  return found[0] as Node;
};
const vtTexts = (view: CaseCardView) => texts(vtBox(buildCaseCard(view)));
const open = (events: Parameters<typeof consultationState>[0], onCall?: Parameters<typeof consultationState>[1]) =>
  consultationRecord({ state: consultationState(events, onCall) });

const scenarios: [string, CaseCardView][] = [
  ['no consultation yet', vtCaseView()],
  ['asked', vtCaseView({ consultation: open([]) }, { now: EARLY })],
  ['reminded', vtCaseView({ consultation: open([['reminderDue', '21:25']]) })],
  [
    'backup asked',
    vtCaseView({
      consultation: open([
        ['reminderDue', '21:25'],
        ['backupDue', '21:40'],
      ]),
    }),
  ],
  [
    'answered, three answers',
    vtCaseView({
      consultation: consultationRecord({
        state: consultationState([['answer', '21:18', PRIMARY]]),
        answers: [
          { kind: 'known', by: PRIMARY, at: amsterdamAt('21:18'), contributionId: 'contrib-x' },
          { kind: 'not_known', by: PRIMARY, at: amsterdamAt('21:19') },
          { kind: 'call_back', by: PRIMARY, at: amsterdamAt('21:20'), phone: PHONE },
        ],
      }),
    }),
  ],
  ['no one on call', vtCaseView({ warning: 'no_one_on_call', consultation: open([], {}) })],
  ['region unknown', vtCaseView({ regionId: undefined, regionName: undefined, warning: 'region_unknown' })],
  ['closed case', vtCaseView({ consultation: open([['answer', '21:18', PRIMARY]]) }, { case: sampleCase({ status: 'closed' }) })],
  ['large', { ...largeView(), vt: vtCaseView({ consultation: open([['reminderDue', '21:25']]) }).vt }],
];

describe('case card with Veilig Thuis: valid Adaptive Card 1.5', () => {
  it.each(scenarios)('%s', (_name, view) => {
    expect(adaptiveCardProblems(buildCaseCard(view))).toEqual([]);
  });
});

describe('case card: Veilig Thuis region', () => {
  it('shows no VT section without VT data', () => {
    const card = buildCaseCard(vtCaseView());
    expect(texts(card)).toContain('Veilig Thuis — regio Utrecht');
    const without = buildCaseCard({ ...vtCaseView(), vt: undefined });
    expect(texts(without).some((t) => t.includes('Veilig Thuis — regio'))).toBe(false);
    expect(verbs(without)).not.toContain(VERBS.askVt);
    expect(verbs(without)).not.toContain(VERBS.setVtRegion);
  });

  it('places the section after the picture (the round) and before the "Meer tonen" details', () => {
    const body = buildCaseCard(vtCaseView()).body as Node[];
    const at = (pred: (n: Node) => boolean) => body.findIndex(pred);
    const vt = at((n) => ofType(n, 'Container').includes(vtBox({ body })));
    expect(vt).toBeGreaterThan(at((n) => texts(n)[0]?.startsWith('Buikpijn — ronde') === true));
    expect(vt).toBeLessThan(at((n) => n.id === 'details'));
  });

  it('offers "Regio wijzigen": the regions to choose from, the current one chosen, sent with { caseId }', () => {
    const card = buildCaseCard(vtCaseView());
    const show = ofType(vtBox(card), 'Action.ShowCard');
    expect(show.map((s) => s.title)).toEqual(['Regio wijzigen']);
    const choice = ofType(show[0]?.card, 'Input.ChoiceSet')[0] as Node;
    expect(choice).toMatchObject({
      id: INPUTS.vtRegion,
      value: 'utrecht',
      style: 'compact',
      isRequired: true,
      label: 'Regio Veilig Thuis',
    });
    expect(choice.choices).toEqual(REGIONS.map((r) => ({ title: r.name, value: r.id })));
    const submit = executeActions(card).find((a) => a.verb === VERBS.setVtRegion);
    expect(submit).toMatchObject({ data: { caseId }, inputIds: [INPUTS.vtRegion] });
    const sent = invokeData(submit as NonNullable<typeof submit>, { [INPUTS.vtRegion]: 'gooi-vechtstreek' });
    expect(vtRegionDataSchema.parse(sent)).toEqual({ caseId, vtRegion: 'gooi-vechtstreek' });
  });

  it('shows a typed region again after a refusal', () => {
    const card = buildCaseCard(vtCaseView({}, { draft: { [INPUTS.vtRegion]: 'midden-nederland-zuid' } }));
    expect(ofType(card, 'Input.ChoiceSet').find((c) => c.id === INPUTS.vtRegion)?.value).toBe('midden-nederland-zuid');
  });

  it('says plainly when the region is unknown, asks to choose one, and offers no "Vraag VT" until then', () => {
    const card = buildCaseCard(vtCaseView({ regionId: undefined, regionName: undefined, warning: 'region_unknown' }));
    expect(textBlock(card, 'Regio Veilig Thuis onbekend')).toMatchObject({
      text: '⚠ Regio Veilig Thuis onbekend: kies de regio',
      weight: 'bolder',
    });
    // A setup task, not danger: the neutral box, not the attention one.
    expect(vtBox(card).style).toBe('emphasis');
    const choice = ofType(card, 'Input.ChoiceSet').find((c) => c.id === INPUTS.vtRegion) as Node;
    expect(choice.value).toBeUndefined();
    expect(choice.placeholder).toBe('Kies de regio');
    expect(verbs(card)).toContain(VERBS.setVtRegion);
    expect(verbs(card)).not.toContain(VERBS.askVt);
  });

  it('offers no region form without regions to choose from', () => {
    expect(verbs(buildCaseCard(vtCaseView({ regionChoices: [] })))).not.toContain(VERBS.setVtRegion);
  });

  it('warns at once, prominently, when nobody of VT is on call', () => {
    const card = buildCaseCard(vtCaseView({ warning: 'no_one_on_call', consultation: open([], {}) }));
    expect(textBlock(card, 'Niemand van Veilig Thuis')).toMatchObject({
      text: '⚠ Niemand van Veilig Thuis heeft nu dienst voor regio Utrecht — bel VT zelf',
      weight: 'bolder',
    });
    expect(vtBox(card).style).toBe('attention');
    expect(vtTexts(vtCaseView({ warning: 'no_one_on_call', consultation: open([], {}) }))).toContain(
      'Status: gevraagd om 21:10 · geen reactie om 21:10 (niemand had dienst)',
    );
    expect(vtBox(buildCaseCard(vtCaseView())).style).toBe('emphasis');
  });
});

describe('case card: the consultation, step by step, with the next step from the domain', () => {
  it('asked: the time, and the next steps with their times', () => {
    const lines = vtTexts(vtCaseView({ consultation: open([]) }, { now: EARLY }));
    expect(lines).toContain('Status: gevraagd om 21:10');
    expect(lines).toContain('Volgende stap zonder antwoord: herinnering om 21:25, daarna achterwacht om 21:40');
    expect(lines).toContain('**Vraag:** Is dit gezin bekend bij Veilig Thuis? Zijn er zorgen over de kinderen (13 en 9 jr)?');
  });

  it('says when the bot asked by itself', () => {
    const lines = vtTexts(vtCaseView({ consultation: consultationRecord({ askedBy: 'auto' }) }, { now: EARLY }));
    expect(lines).toContain('Status: automatisch gevraagd om 21:10 (VT buiten kantoortijd)');
  });

  it('reminded: then the backup, then the reminder to the backup', () => {
    const lines = vtTexts(vtCaseView({ consultation: open([['reminderDue', '21:25']]) }));
    expect(lines).toContain('Status: gevraagd om 21:10 · herinnerd om 21:25');
    expect(lines).toContain('Volgende stap zonder antwoord: achterwacht om 21:40, daarna herinnering aan de achterwacht om 21:55');
  });

  it('without a backup on call, "geen reactie" follows the reminder', () => {
    const lines = vtTexts(vtCaseView({ consultation: open([['reminderDue', '21:25']], { primary: PRIMARY }) }));
    expect(lines).toContain('Volgende stap zonder antwoord: melding "geen reactie" om 21:40');
  });

  it('backup asked: the backup\'s own reminder, then "geen reactie"', () => {
    const lines = vtTexts(
      vtCaseView({
        consultation: open([
          ['reminderDue', '21:25'],
          ['backupDue', '21:40'],
        ]),
      }),
    );
    expect(lines).toContain('Status: gevraagd om 21:10 · herinnerd om 21:25 · achterwacht gevraagd om 21:40');
    expect(lines).toContain(
      'Volgende stap zonder antwoord: herinnering aan de achterwacht om 21:55, daarna melding "geen reactie" om 22:10',
    );
  });

  it('a termijn that comes before the reminder is the next step (as the domain says)', () => {
    const c = consultationRecord({
      state: { ...consultationState(), expiresAt: '2026-11-23T20:20:00.000Z' },
    });
    const lines = vtTexts(vtCaseView({ consultation: c }, { now: EARLY }));
    expect(lines).toContain('Volgende stap zonder antwoord: melding "geen reactie" om 21:20');
  });

  it('answered: when and by whom (the on-call service, or its backup), in green, without a next step', () => {
    const view = vtCaseView({ consultation: open([['answer', '21:18', PRIMARY]]) });
    expect(textBlock(buildCaseCard(view), 'Status:')).toMatchObject({
      text: 'Status: gevraagd om 21:10 · beantwoord om 21:18 door de bereikbaarheidsdienst VT regio Utrecht',
    });
    expect(vtTexts(view).some((t) => t.startsWith('Volgende stap'))).toBe(false);
    const byBackup = vtTexts(
      vtCaseView({
        consultation: open(BACKUP_ANSWERED),
      }),
    );
    expect(byBackup).toContain(
      'Status: gevraagd om 21:10 · herinnerd om 21:25 · achterwacht gevraagd om 21:40 · beantwoord om 21:45 door de achterwacht van de bereikbaarheidsdienst VT regio Utrecht',
    );
  });

  it('marks a late answer (after "geen reactie")', () => {
    const late = open([
      ['reminderDue', '21:25'],
      ['backupDue', '21:40'],
      ['expire', '02:15'],
      ['answer', '02:30', BACKUP],
    ]);
    const lines = vtTexts(vtCaseView({ consultation: late }, { now: new Date('2026-11-24T01:40:00Z') }));
    expect(lines.find((t) => t.startsWith('Status:'))).toMatch(
      /· beantwoord om 02:30 door de achterwacht .* \(laat: na de melding "geen reactie"\)$/,
    );
  });

  it.each([
    [
      'no backup',
      open(
        [
          ['reminderDue', '21:25'],
          ['backupDue', '21:40'],
        ],
        { primary: PRIMARY },
      ),
      'geen reactie om 21:40 (geen antwoord en geen achterwacht ingeroosterd)',
    ],
    [
      'expired',
      open([
        ['reminderDue', '21:25'],
        ['backupDue', '21:40'],
        ['expire', '02:15'],
      ]),
      'geen reactie om di 24 nov 02:15 (geen antwoord binnen de termijn)',
    ],
  ])('no reaction (%s): the reason, in the attention colour, and "bel VT zelf"', (_name, consultation, part) => {
    const card = buildCaseCard(vtCaseView({ consultation }));
    expect(textBlock(card, 'Status:')).toMatchObject({ weight: 'bolder' });
    expect(String(textBlock(card, 'Status:').text).endsWith(part)).toBe(true);
    expect(texts(vtBox(card))).toContain('Bel VT zelf; een antwoord dat later komt, verschijnt hier alsnog.');
    expect(vtBox(card).style).toBe('attention');
  });

  it("shows VT's answers, the call-back number too (the desk needs it)", () => {
    const [, view] = scenarios.find(([n]) => n === 'answered, three answers') as [string, CaseCardView];
    const card = buildCaseCard(view);
    expect(texts(vtBox(card))).toEqual(
      expect.arrayContaining([
        '✓ Bekend bij Veilig Thuis (21:18) — zie de contextinformatie van Veilig Thuis',
        'Niet bekend bij Veilig Thuis (21:19)',
        '☎ Bel VT terug: 06 12345678 (gevraagd om 21:20)',
      ]),
    );
    expect(textBlock(card, 'Bel VT terug')).toMatchObject({ weight: 'bolder' });
  });
});

describe('case card: "Vraag VT"', () => {
  const answered = open([['answer', '21:18', PRIMARY]]);
  const noReaction = open(
    [
      ['reminderDue', '21:25'],
      ['backupDue', '21:40'],
    ],
    { primary: PRIMARY },
  );

  it.each([
    ['no consultation', true, vtCaseView()],
    ['answered', true, vtCaseView({ consultation: answered })],
    ['no reaction', true, vtCaseView({ consultation: noReaction })],
    ['asked (open)', false, vtCaseView({ consultation: open([]) }, { now: EARLY })],
    ['reminded (open)', false, vtCaseView({ consultation: open([['reminderDue', '21:25']]) })],
    [
      'backup asked (open)',
      false,
      vtCaseView({
        consultation: open([
          ['reminderDue', '21:25'],
          ['backupDue', '21:40'],
        ]),
      }),
    ],
    ['closed case', false, vtCaseView({ consultation: answered }, { case: sampleCase({ status: 'closed' }) })],
  ])('%s → shown: %s', (_name, shown, view) => {
    const card = buildCaseCard(view);
    expect(verbs(card).includes(VERBS.askVt)).toBe(shown);
  });

  it("sits in the VT section (not in the card's own actions) and sends { caseId } only", () => {
    const card = buildCaseCard(vtCaseView());
    expect((card.actions as Node[]).map((a) => a.title)).toEqual(['Contextinformatie toevoegen', 'Details', 'Verdiepen']);
    const ask = ofType(vtBox(card), 'Action.Execute').find((a) => a.verb === VERBS.askVt);
    expect(ask).toMatchObject({ title: 'Vraag VT', data: { caseId }, associatedInputs: 'none' });
    const info = executeActions(card).find((a) => a.verb === VERBS.askVt);
    expect(info?.inputIds).toEqual([]);
    expect(caseActionDataSchema.safeParse(invokeData(info as NonNullable<typeof info>, {})).success).toBe(true);
  });

  it('a closed case keeps the VT record readable but takes no VT input', () => {
    const card = buildCaseCard(vtCaseView({ consultation: answered }, { case: sampleCase({ status: 'closed' }) }));
    expect(texts(vtBox(card)).some((t) => t.startsWith('Status: gevraagd om 21:10'))).toBe(true);
    expect(verbs(card)).not.toContain(VERBS.setVtRegion);
  });
});

describe('case card with Veilig Thuis: privacy and size', () => {
  it('never shows personal ids (asker, on-call member, backup) or pseudonyms', () => {
    for (const [, view] of scenarios) {
      const json = JSON.stringify(buildCaseCard(view));
      for (const id of [PRIMARY, BACKUP, 'aad-om-desk-07', ...PSEUDONYMS]) expect(json).not.toContain(id);
    }
  });

  const busy: [string, NonNullable<CaseCardView['vt']>][] = [
    ['reminded', { regionId: 'utrecht', regionName: 'Utrecht', regionChoices: REGIONS, consultation: open([['reminderDue', '21:25']]) }],
    [
      'answered by the backup, known and call back',
      {
        regionId: 'utrecht',
        regionName: 'Utrecht',
        regionChoices: REGIONS,
        consultation: backupAnsweredRecord(),
      },
    ],
    ['region unknown', { regionChoices: REGIONS, warning: 'region_unknown' }],
    [
      'nobody on call',
      { regionId: 'utrecht', regionName: 'Utrecht', regionChoices: REGIONS, warning: 'no_one_on_call', consultation: open([], {}) },
    ],
  ];

  it.each(busy)('the large case with VT (%s) stays within the budget and still shows a contribution', (_name, vt) => {
    const card = buildCaseCard({ ...largeView(), vt });
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    expect(texts(card).filter((t) => t.startsWith('Bijdrage ')).length).toBeGreaterThan(0);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('the leanest step keeps the latest VT step on the heading line, the next step, the answers and both buttons', () => {
    expect(CASE_CARD_DENSITIES.at(-1)?.vt).toBe('compact');
    const vt = (busy[1] as [string, NonNullable<CaseCardView['vt']>])[1];
    const card = buildCaseCard({ ...largeView(), vt });
    expect(texts(vtBox(card))).toEqual([
      '**Veilig Thuis — regio Utrecht** · Status: beantwoord om 21:45 door de achterwacht',
      '✓ Bekend bij VT (21:45)',
      '☎ Bel VT terug: 06 12345678 (21:46)',
    ]);
    expect(verbsIn(vtBox(card))).toEqual([VERBS.askVt, VERBS.setVtRegion]);
    const reminded = buildCaseCard({ ...largeView(), vt: (busy[0] as [string, NonNullable<CaseCardView['vt']>])[1] });
    expect(texts(vtBox(reminded))).toEqual([
      '**Veilig Thuis — regio Utrecht** · Status: herinnerd om 21:25',
      'Volgende stap zonder antwoord: achterwacht om 21:40, daarna herinnering aan de achterwacht om 21:55',
    ]);
  });

  it('an extreme VT section (nobody on call and three answers) still keeps the card within the budget', () => {
    const [, answeredView] = scenarios.find(([n]) => n === 'answered, three answers') as [string, CaseCardView];
    const card = buildCaseCard({ ...largeView(), vt: { ...answeredView.vt!, warning: 'no_one_on_call' } });
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
  });
});
