import { buildCaseCard, CASE_CARD_DENSITIES, CASE_CARD_LIMITS, minTrimmedLength } from '../../../src/cards/case-card';
import { SETTLE_ACTION_ID_INPUT } from '../../../src/cards/case-course';
import { buildCloseFormCard } from '../../../src/cards/case-closing';
import {
  addActionDataSchema,
  closeDataSchema,
  INPUTS,
  leadDataSchema,
  reAgendaDataSchema,
  settleActionDataSchema,
  VERBS,
} from '../../../src/cards/verbs';
import type { CaseCardView } from '../../../src/cards/view';
import { PARTNER_ORGS } from '../../../src/domain/orgs';
import { ACTION_VERDICTS, closeDespiteConcernInputSchema } from '../../../src/domain/rounds';
import {
  caseAction,
  largeView,
  NOW,
  PSEUDONYMS,
  roundsUpTo,
  sampleCase,
  sampleEscalation,
  sampleLocation,
  typicalView,
  vote,
} from './fixtures';
import { adaptiveCardProblems, executeActions, invokeData } from './validate';
import { nodes, ofType, textBlock, texts, utf16Bytes, utf8Bytes, type Node } from './walk';

const KB = 1024;
const MIN = 60_000;
const caseId = sampleCase().id;

/** A chair's view of the typical case (round 2 open, VT and RvdK with buikpijn). */
const chairView = (overrides: Partial<CaseCardView> = {}) => typicalView({ viewerIsChair: true, ...overrides });
/** Round 2 closed at 22:10 Amsterdam. */
const closedRound2 = () => roundsUpTo(2, false).map((r) => (r.number === 2 ? { ...r, closedAt: '2026-11-23T21:10:00.000Z' } : r));
const verbs = (card: unknown) => executeActions(card).map((a) => a.verb);
const showCard = (card: unknown, title: string): Node => {
  const found = ofType(card, 'Action.ShowCard').filter((n) => n.title === title);
  if (found.length !== 1) throw new Error(`expected one ShowCard "${title}", found ${found.length}`);
  return found[0] as Node;
};
const showCardTitles = (card: unknown) => ofType(card, 'Action.ShowCard').map((n) => n.title);
const input = (card: unknown, id: string): Node => {
  const found = nodes(card).filter((n) => String(n.type).startsWith('Input.') && n.id === id);
  if (found.length !== 1) throw new Error(`expected one input "${id}", found ${found.length}`);
  return found[0] as Node;
};
const execute = (card: unknown, verb: string) => {
  const found = executeActions(card).filter((a) => a.verb === verb);
  if (found.length !== 1) throw new Error(`expected one Execute "${verb}", found ${found.length}`);
  return found[0] as ReturnType<typeof executeActions>[number];
};

describe('case card with rounds, regie and actions: valid Adaptive Card 1.5', () => {
  const overdue = [
    caseAction(1, { dueAt: new Date(NOW.getTime() - 30 * MIN).toISOString() }),
    caseAction(2, { dueAt: new Date(NOW.getTime() - 10 * MIN).toISOString() }),
  ];
  it.each([
    ['large, chair', largeView()],
    ['large, not chair', { ...largeView(), viewerIsChair: false }],
    ['typical, chair, round open', chairView()],
    ['chair, round closed, nobody concerned', chairView({ case: sampleCase({ rounds: closedRound2() }), votes: [vote(2, 'vt', false)] })],
    [
      'lead, overdue actions, escalation, door-agenderen',
      chairView({
        case: sampleCase({
          caseLead: { orgId: 'rvdk', since: '2026-11-23T20:40:00.000Z' },
          actions: overdue,
          reAgendaAt: '2026-11-24T08:00:00.000Z',
        }),
        escalation: sampleEscalation(),
      }),
    ],
    [
      'closed despite concern',
      chairView({
        case: sampleCase({
          status: 'closed',
          closure: {
            at: '2026-11-23T21:20:00.000Z',
            by: 'aad-om-chair',
            despiteConcern: true,
            reason: 'Besluit OvJ: voorgeleiding, zorg via VT geregeld.',
            remainingConcern: ['om', 'vt'],
          },
        }),
      }),
    ],
    [
      'every draft value filled in',
      chairView({
        case: sampleCase({ caseLead: { orgId: 'rvdk', since: '2026-11-23T20:40:00.000Z' }, actions: overdue }),
        draft: {
          leadTo: 'vt',
          actionWhat: 'Gesprek',
          actionOrg: 'vt',
          actionDueDate: '2026-11-24',
          actionDueTime: '09:00',
          actionVerdict: 'done',
          reAgendaDate: '2026-11-24',
          reAgendaTime: '09:00',
          closeReason: 'Reden die lang genoeg is.',
        },
      }),
    ],
  ])('%s', (_name, view) => {
    const card = buildCaseCard(view);
    expect(adaptiveCardProblems(card)).toEqual([]);
    // Hosts show about five buttons in a row well (the validator's host config allows 5).
    for (const set of [card.actions, ...ofType(card, 'ActionSet').map((s) => s.actions)])
      expect((set as unknown[]).length).toBeLessThanOrEqual(5);
  });
});

describe('case card: the round', () => {
  it('says whether the round is open, and which expected organisations have not voted yet', () => {
    const card = buildCaseCard(typicalView());
    expect(texts(card)).toContain('Ronde 2 is open sinds 21:30');
    expect(textBlock(card, 'Nog niet gestemd:')).toMatchObject({
      text: 'Nog niet gestemd: Politie, Reclassering (3RO), Slachtofferhulp Nederland',
    });
  });

  it('after the round closed: "gesloten" and "Niet gestemd", or that everybody voted', () => {
    const closed = buildCaseCard(typicalView({ case: sampleCase({ rounds: closedRound2() }) }));
    expect(texts(closed)).toContain('Ronde 2 is gesloten (22:10)');
    expect(texts(closed)).toContain('Niet gestemd: Politie, Reclassering (3RO), Slachtofferhulp Nederland');
    expect(texts(closed).some((t) => t.startsWith('Nog niet gestemd'))).toBe(false);
    const all = sampleLocation().expectedOrgs.map((o) => vote(2, o, false));
    expect(texts(buildCaseCard(typicalView({ votes: all })))).toContain('Alle verwachte organisaties hebben gestemd.');
  });

  it('shows how the picture moved since the previous round', () => {
    const votes = [
      vote(1, 'vt', true),
      vote(1, 'politie', false),
      vote(1, 'om', true),
      vote(2, 'vt', false), // resolved
      vote(2, 'politie', true), // appeared
      vote(2, 'om', true), // unchanged
      vote(2, 'rvdk', true), // first vote
    ];
    const card = buildCaseCard(typicalView({ votes }));
    const all = texts(card);
    const from = all.indexOf('Verandering sinds ronde 1:');
    expect(from).toBeGreaterThan(-1);
    expect(all.slice(from + 1, from + 5)).toEqual([
      '↑ Politie: nieuwe buikpijn',
      '↑ RvdK: buikpijn (eerste stem)',
      '↓ VT: geen buikpijn meer',
      '= ongewijzigd: OM',
    ]);
    expect(textBlock(card, 'nieuwe buikpijn')).toMatchObject({ weight: 'bolder' });
    expect(textBlock(card, 'geen buikpijn meer')).not.toHaveProperty('color');
  });

  it('says when nothing changed, and shows no change list in round 1 or before anyone voted again', () => {
    const same = buildCaseCard(typicalView({ votes: [vote(1, 'vt', true), vote(2, 'vt', true)] }));
    expect(texts(same)).toContain('Geen verandering sinds ronde 1.');
    const round1 = buildCaseCard(typicalView({ case: sampleCase({ round: 1, rounds: roundsUpTo(1) }), votes: [vote(1, 'vt', true)] }));
    expect(texts(round1).some((t) => t.includes('sinds ronde'))).toBe(false);
    const nobodyYet = buildCaseCard(typicalView({ votes: [vote(1, 'vt', true)] }));
    expect(texts(nobodyYet).some((t) => t.includes('sinds ronde'))).toBe(false);
  });

  it('names buikpijn that still stands from an earlier round (an absent organisation keeps its concern)', () => {
    const card = buildCaseCard(typicalView({ votes: [vote(1, 'vt', true), vote(2, 'om', false)] }));
    expect(texts(card)).toContain('Buikpijn staat nog uit een eerdere ronde: Veilig Thuis');
    // With its reason: the buikpijn still counts, so its why must be on the card too.
    expect(texts(card)).toContain('• Veilig Thuis (gestemd in ronde 1): Kinderen al bekend bij VT; slachtoffer durft niet te verklaren.');
    expect(texts(buildCaseCard(typicalView())).some((t) => t.startsWith('Buikpijn staat nog'))).toBe(false);
  });

  it('keeps the per-organisation picture, and in a closed round says "Niet gestemd" instead of "Nog niet gestemd"', () => {
    const closed = buildCaseCard(typicalView({ case: sampleCase({ rounds: closedRound2() }) }));
    expect(texts(closed)).toContain('Niet gestemd: Politie, Reclassering (3RO), Slachtofferhulp Nederland');
    expect(texts(closed).some((t) => t.startsWith('Nog niet gestemd'))).toBe(false);
    expect(texts(closed)).toContain('Wie heeft er nog buikpijn? 2 buikpijn · 1 geen buikpijn · 3 niet gestemd');
  });
});

describe('case card: regie', () => {
  const lead = { orgId: 'rvdk' as const, since: '2026-11-23T20:40:00.000Z' };

  it('without a lead: "Nog geen regiehouder" and one click to take it', () => {
    const card = buildCaseCard(typicalView());
    expect(texts(card)).toContain('Nog geen regiehouder');
    const take = execute(card, VERBS.takeLead);
    expect(take).toMatchObject({ title: 'Regie nemen', data: { caseId }, inputIds: [] });
    expect(verbs(card)).not.toContain(VERBS.handOverLead);
    expect(showCardTitles(card)).not.toContain('Regie overdragen');
  });

  it('with a lead: who and since when, and a hand-over form instead of the take button', () => {
    const card = buildCaseCard(typicalView({ case: sampleCase({ caseLead: lead }), viewerOrg: 'rvdk' }));
    expect(texts(card)).toContain('Regie: Raad voor de Kinderbescherming (sinds 21:40)');
    expect(verbs(card)).not.toContain(VERBS.takeLead);
    const to = input(showCard(card, 'Regie overdragen').card, INPUTS.leadTo);
    expect(to).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', isRequired: true });
    expect((to.choices as { value: string }[]).map((c) => c.value)).toEqual(PARTNER_ORGS.filter((o) => o !== 'rvdk'));
    const hand = execute(card, VERBS.handOverLead);
    expect(hand.inputIds).toEqual([INPUTS.leadTo]);
    expect(leadDataSchema.parse(invokeData(hand, { leadTo: 'vt' }))).toEqual({ caseId, leadTo: 'vt' });
  });

  it("offers the hand-over to the lead's organisation, the chair and an unknown viewer; not to other organisations", () => {
    const withLead = (o: Partial<CaseCardView>) => buildCaseCard(typicalView({ case: sampleCase({ caseLead: lead }), ...o }));
    expect(verbs(withLead({ viewerOrg: 'politie' }))).not.toContain(VERBS.handOverLead);
    expect(verbs(withLead({ viewerOrg: 'politie', viewerIsChair: true }))).toContain(VERBS.handOverLead);
    expect(verbs(withLead({ viewerOrg: undefined }))).toContain(VERBS.handOverLead);
    expect(texts(withLead({ viewerOrg: 'politie' }))).toContain('Regie: Raad voor de Kinderbescherming (sinds 21:40)');
  });

  it('shows the date with the time when regie was taken on another day', () => {
    const card = buildCaseCard(typicalView({ case: sampleCase({ caseLead: { orgId: '3ro', since: '2026-11-22T09:05:00.000Z' } }) }));
    expect(texts(card)).toContain('Regie: Reclassering (3RO) (sinds zo 22 nov 10:05)');
  });
});

describe('case card: actions', () => {
  const actions = [
    caseAction(1, { what: 'Veiligheidsplan opstellen met slachtoffer', orgId: 'vt', dueAt: '2026-11-23T21:00:00.000Z' }), // overdue 30 min
    caseAction(2, { what: 'Contactverbod voorbereiden', orgId: 'om', dueAt: '2026-11-23T21:30:00.000Z' }), // due now = overdue
    caseAction(3, { what: 'Raadsonderzoek aanvragen', orgId: 'rvdk', dueAt: '2026-11-24T08:00:00.000Z' }),
    caseAction(4, { what: 'Huisbezoek', orgId: 'politie', status: 'done', settledAt: '2026-11-23T21:00:00.000Z' }),
    caseAction(5, { what: 'Gesprek verdachte', orgId: '3ro', status: 'not_carried_out', settledAt: '2026-11-23T21:00:00.000Z' }),
  ];
  const view = typicalView({ case: sampleCase({ actions }) });
  const card = buildCaseCard(view);

  it('lists the open actions, soonest due first, in Amsterdam time; overdue ones marked', () => {
    const all = texts(card);
    expect(all).toContain('Acties (3 open)');
    const order = all.filter((t) =>
      ['Veiligheidsplan opstellen met slachtoffer', 'Contactverbod voorbereiden', 'Raadsonderzoek aanvragen'].includes(t),
    );
    expect(order).toEqual(['Veiligheidsplan opstellen met slachtoffer', 'Contactverbod voorbereiden', 'Raadsonderzoek aanvragen']);
    expect(textBlock(card, 'Veiligheidsplan')).toMatchObject({ weight: 'bolder' });
    expect(textBlock(card, 'Verlopen — Veilig Thuis')).toMatchObject({
      text: '⚠ Verlopen — Veilig Thuis · uiterlijk 22:00',
      weight: 'bolder',
    });
    expect(all).toContain('⚠ Verlopen — OM · uiterlijk 22:30');
    expect(all).toContain('Raad voor de Kinderbescherming · uiterlijk di 24 nov 09:00');
    expect(textBlock(card, 'Raadsonderzoek').color).toBeUndefined();
    expect(all).toContain('2 acties zijn verlopen en wachten op afronding.');
  });

  it('summarises the settled ones', () => {
    expect(texts(card)).toContain('Afgerond: 1 gedaan · 1 niet uitgevoerd');
    expect(texts(card)).not.toContain('Huisbezoek');
  });

  it('settles an overdue action with one form: the action is chosen, the verdict too, and the invoke data fits the schema', () => {
    const form = showCard(card, 'Actie afronden').card;
    const which = input(form, SETTLE_ACTION_ID_INPUT);
    expect(SETTLE_ACTION_ID_INPUT).toBe('actionId'); // the key settleActionDataSchema reads
    expect(which).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true, value: 'action-1' }); // the most overdue preselected
    expect(which.choices).toEqual([
      { title: 'Veiligheidsplan opstellen met slachtoff… (VT)', value: 'action-1' }, // 40 characters of the description
      { title: 'Contactverbod voorbereiden (OM)', value: 'action-2' },
    ]);
    const verdict = input(form, INPUTS.actionVerdict);
    expect((verdict.choices as { title: string; value: string }[]).map((c) => [c.value, c.title])).toEqual([
      ['done', 'Gedaan'],
      ['circumstances_changed', 'Omstandigheden veranderd'],
      ['not_carried_out', 'Niet uitgevoerd'],
    ]);
    expect(ACTION_VERDICTS).toEqual(['done', 'circumstances_changed', 'not_carried_out']);
    const settle = execute(card, VERBS.settleAction);
    // The data carries only the case; the chosen action comes from the form, never from data.
    expect(settle.data).toEqual({ caseId });
    expect(settle.inputIds).toEqual([SETTLE_ACTION_ID_INPUT, INPUTS.actionVerdict]);
    expect(settleActionDataSchema.parse(invokeData(settle, { actionId: 'action-2', actionVerdict: 'done' }))).toEqual({
      caseId,
      actionId: 'action-2',
      actionVerdict: 'done',
    });
  });

  it('has no "Actie afronden" while nothing is overdue', () => {
    const notYet = buildCaseCard(typicalView({ case: sampleCase({ actions: [actions[2] as never] }) }));
    expect(showCardTitles(notYet)).not.toContain('Actie afronden');
    expect(verbs(notYet)).not.toContain(VERBS.settleAction);
    expect(texts(notYet).some((t) => t.includes('Verlopen'))).toBe(false);
  });

  it('adds an action inline: what, organisation, date and time', () => {
    const form = showCard(card, 'Actie toevoegen').card;
    expect(input(form, INPUTS.actionWhat)).toMatchObject({
      type: 'Input.Text',
      isRequired: true,
      maxLength: 500,
      regex: minTrimmedLength(3),
    });
    expect((input(form, INPUTS.actionOrg).choices as { value: string }[]).map((c) => c.value)).toEqual([...PARTNER_ORGS]);
    expect(input(form, INPUTS.actionDueDate)).toMatchObject({ type: 'Input.Date', isRequired: true, min: '2026-11-23' });
    expect(input(form, INPUTS.actionDueTime)).toMatchObject({ type: 'Input.Time', isRequired: true });
    const add = execute(card, VERBS.addAction);
    expect(add.inputIds).toEqual([INPUTS.actionDueDate, INPUTS.actionDueTime, INPUTS.actionOrg, INPUTS.actionWhat]);
    const values = { actionWhat: 'Gesprek', actionOrg: 'vt', actionDueDate: '2026-11-24', actionDueTime: '09:00' };
    expect(addActionDataSchema.parse(invokeData(add, values))).toEqual({ caseId, ...values });
  });

  it('says there are none yet, and takes no new actions on a closed case', () => {
    expect(texts(buildCaseCard(typicalView()))).toEqual(expect.arrayContaining(['Acties (0 open)', 'Nog geen acties.']));
    const closed = buildCaseCard(typicalView({ case: sampleCase({ status: 'closed', actions }) }));
    expect(texts(closed)).toContain('Acties (3 open)');
    // Only the "Meer tonen" toggle and the Details view in the message: no forms, no buttons that change anything.
    expect(ofType(closed, 'ActionSet').flatMap((a) => (a.actions as Node[]).map((x) => x.type))).toEqual([
      'Action.ToggleVisibility',
      'Action.Execute',
    ]);
    expect(verbs(closed)).toEqual([VERBS.detailsHere]);
  });
});

describe('case card: escalation, door-agenderen, termijn and closure', () => {
  it('shows the escalation prominently, with the rule in Dutch', () => {
    const card = buildCaseCard(typicalView({ escalation: sampleEscalation() }));
    const line = textBlock(card, 'Naar Actieoverleg');
    expect(line).toMatchObject({ text: '⚠ Naar Actieoverleg op 22:10 — acuut onveilig gemeld door Veilig Thuis', weight: 'bolder' });
    const box = ofType(card, 'Container').find((c) => c.style !== undefined && texts(c).includes(line.text as string));
    expect(box).toMatchObject({ style: 'attention' });
    // (The Buikpijn form's hint says that "Acuut onveilig" escalates to the Actieoverleg.)
    expect(texts(buildCaseCard(typicalView())).some((t) => t.includes('Actieoverleg') && !t.startsWith('Let op:'))).toBe(false);
  });

  it.each([
    ['persistent_several_orgs', {}, 'meerdere organisaties houden ronde na ronde buikpijn (OM, Veilig Thuis)'],
    [
      'persistent_rounds',
      { reasons: [1, 2, 3, 4].map((round) => ({ orgId: 'vt' as const, round, acuteUnsafe: false })) },
      'de buikpijn gaat niet weg: 4 rondes achter elkaar (nu bij OM, Veilig Thuis)',
    ],
    ['persistent_time', {}, 'de buikpijn houdt al 12 uur of langer aan zonder ronde zonder buikpijn (OM, Veilig Thuis)'],
  ] as const)('explains the rule %s', (rule, extra, why) => {
    const escalation = sampleEscalation({ rule, orgs: ['om', 'vt'], ...extra });
    expect(texts(buildCaseCard(typicalView({ escalation })))).toContain(`⚠ Naar Actieoverleg op 22:10 — ${why}`);
  });

  it('shows the door-agenderen moment as day dd-mm HH:mm', () => {
    const card = buildCaseCard(typicalView({ case: sampleCase({ reAgendaAt: '2026-11-24T08:00:00.000Z' }) }));
    expect(texts(card)).toContain('📅 Door-geagendeerd naar di 24-11 09:00');
    expect(texts(buildCaseCard(typicalView())).some((t) => t.includes('Door-geagendeerd'))).toBe(false);
  });

  it('colours the termijn by state, switching at the location reminder moment', () => {
    const termijnBox = (card: unknown) =>
      ofType(card, 'Container')
        .reverse()
        .find((c) => texts(c).some((t) => t.startsWith('Termijn: ')));
    expect(termijnBox(buildCaseCard(typicalView()))?.style).toBeUndefined(); // 3 h 45 min left
    const near = buildCaseCard(typicalView({ now: new Date(NOW.getTime() + 3 * 60 * MIN) })); // 45 min left
    expect(termijnBox(near)?.style).toBe('warning');
    for (const n of ofType(termijnBox(near), 'TextBlock')) expect(n.color).toBeUndefined();
    // A location that reminds four hours before: 3 h 45 min left is already "bijna".
    const early = buildCaseCard(typicalView({ location: sampleLocation({ reminders: { termijnMinutesBefore: 240 } as never }) }));
    expect(termijnBox(early)?.style).toBe('warning');
    expect(texts(termijnBox(early))).toContain('nog 3 u 45 min');
    const passed = buildCaseCard(typicalView({ now: new Date('2026-11-24T01:15:00Z') }));
    expect(termijnBox(passed)?.style).toBe('attention');
  });

  it('shows a closure despite buikpijn with its reason and the organisations that still had it', () => {
    const closure = {
      at: '2026-11-23T21:20:00.000Z',
      by: 'aad-om-chair-closer',
      despiteConcern: true,
      reason: 'Besluit OvJ: voorgeleiding; zorg via VT is geregeld.',
      remainingConcern: ['om' as const, 'vt' as const],
    };
    const card = buildCaseCard(typicalView({ case: sampleCase({ status: 'closed', closure }) }));
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Zaak gesloten op ma 23 nov 22:20',
        '⚠ Gesloten ondanks buikpijn van OM, Veilig Thuis',
        '**Reden:** Besluit OvJ: voorgeleiding; zorg via VT is geregeld.',
      ]),
    );
    expect(JSON.stringify(card)).not.toContain('aad-om-chair-closer');
  });

  it('shows an ordinary closure without the "ondanks" line', () => {
    const closure = { at: '2026-11-23T21:20:00.000Z', by: 'aad-x', despiteConcern: false, remainingConcern: [] };
    const card = buildCaseCard(typicalView({ case: sampleCase({ status: 'closed', closure }) }));
    expect(texts(card)).toContain('Zaak gesloten op ma 23 nov 22:20');
    expect(texts(card).some((t) => t.includes('ondanks'))).toBe(false);
  });
});

describe('case card: chair controls', () => {
  const CHAIR_VERBS = [VERBS.startRound, VERBS.closeRound, VERBS.reAgenda, VERBS.closeCase, VERBS.closeDespiteConcern, VERBS.closeForm];

  it('are in the neutral channel view (clients without refresh), where the bot enforces the chair role', () => {
    const neutral = typicalView({ viewerOrg: undefined, viewerIsChair: undefined });
    expect(verbs(buildCaseCard(neutral))).toEqual(expect.arrayContaining([VERBS.closeRound, VERBS.reAgenda]));
  });

  it('are not there for members who do not chair, nor on a closed case', () => {
    for (const view of [typicalView(), typicalView({ viewerIsChair: false }), chairView({ case: sampleCase({ status: 'closed' }) })]) {
      const card = buildCaseCard(view);
      expect(verbs(card).filter((v) => (CHAIR_VERBS as string[]).includes(v))).toEqual([]);
      expect(texts(card)).not.toContain('Voorzitter');
    }
  });

  it('with the round open and buikpijn standing: close the round, door-agenderen, close despite buikpijn', () => {
    const card = buildCaseCard(chairView());
    const block = ofType(card, 'Container').find((c) => c.style === 'emphasis' && texts(c)[0] === 'Voorzitter') as Node;
    expect(block).toBeDefined();
    // Behind the "Voorzitter" toggle, not on the first screen.
    expect(ofType(card, 'Container').find((c) => c.id === 'chair')).toMatchObject({ isVisible: false });
    expect(ofType(card, 'Action.ToggleVisibility').map((a) => a.title)).toEqual(['Meer tonen', 'Voorzitter']);
    const set = ofType(block, 'ActionSet')[0] as Node;
    expect((set.actions as Node[]).map((a) => [a.type, a.title])).toEqual([
      ['Action.ShowCard', 'Ronde sluiten'],
      ['Action.ShowCard', 'Door-agenderen'],
      ['Action.Execute', 'Sluiten ondanks buikpijn…'],
    ]);
    // Organisations have not voted yet: closing asks for a confirmation first.
    const confirm = (set.actions as Node[])[0] as Node;
    expect(texts(confirm.card)).toEqual(['3 van 6 organisaties hebben nog niet gestemd. Weet u zeker dat u de ronde nu sluit?']);
    expect(execute(card, VERBS.closeRound)).toMatchObject({ title: 'Ja, ronde nu sluiten', data: { caseId }, inputIds: [] });
    expect(verbs(card)).not.toContain(VERBS.startRound);
    expect(verbs(card)).not.toContain(VERBS.closeCase); // buikpijn stands and the round is open
  });

  it('with the round closed and nobody concerned: a new round, and a plain close', () => {
    const card = buildCaseCard(
      chairView({ case: sampleCase({ rounds: closedRound2() }), votes: [vote(1, 'vt', true), vote(2, 'vt', false)] }),
    );
    expect(execute(card, VERBS.startRound)).toMatchObject({ title: 'Nieuwe ronde: wie heeft er nog buikpijn?', inputIds: [] });
    // Closing opens the close view (the handover form, cards/close-form.json).
    expect(execute(card, VERBS.closeForm)).toMatchObject({ title: 'Zaak sluiten…', data: { caseId }, inputIds: [] });
    expect(verbs(card)).not.toContain(VERBS.closeRound);
    expect(verbs(card)).not.toContain(VERBS.closeDespiteConcern);
  });

  it('door-agenderen asks a date within 14 days and a time', () => {
    const card = buildCaseCard(chairView());
    const form = showCard(card, 'Door-agenderen').card;
    expect(input(form, INPUTS.reAgendaDate)).toMatchObject({ type: 'Input.Date', min: '2026-11-23', max: '2026-12-07', isRequired: true });
    expect(input(form, INPUTS.reAgendaTime)).toMatchObject({ type: 'Input.Time', isRequired: true });
    const re = execute(card, VERBS.reAgenda);
    expect(reAgendaDataSchema.parse(invokeData(re, { reAgendaDate: '2026-11-24', reAgendaTime: '09:00' }))).toEqual({
      caseId,
      reAgendaDate: '2026-11-24',
      reAgendaTime: '09:00',
    });
  });

  it('closing despite buikpijn asks a reason of at least 20 characters, checked like the domain does', () => {
    // In the close view the chair opens from "Sluiten ondanks buikpijn…".
    const card = buildCloseFormCard(chairView());
    const reason = input(card, INPUTS.closeReason);
    expect(reason).toMatchObject({ type: 'Input.Text', isRequired: true, maxLength: 1000 });
    expect(reason.isMultiline).toBeUndefined(); // one line: the close button stays on the first screen (issue 12)
    const re = new RegExp(reason.regex as string);
    for (const s of [
      '',
      'te kort',
      `${'x'.repeat(19)}`,
      ` ${'x'.repeat(18)} `,
      'x'.repeat(20),
      ` ${'y'.repeat(20)}\n`,
      'a                  b',
    ]) {
      expect([s, re.test(s)]).toEqual([s, closeDespiteConcernInputSchema.safeParse({ reason: s }).success]);
    }
    const close = execute(card, VERBS.closeDespiteConcern);
    expect(closeDataSchema.parse(invokeData(close, { closeReason: 'Besluit genomen met OvJ na overleg.' }))).toMatchObject({
      caseId,
      closeReason: 'Besluit genomen met OvJ na overleg.',
    });
  });

  it("keeps the card's own buttons short, for chairs too: context information, Details and Verdiepen", () => {
    expect((buildCaseCard(chairView()).actions as Node[]).map((a) => a.title)).toEqual([
      'Contextinformatie toevoegen',
      'Details',
      'Verdiepen',
    ]);
  });
});

describe('case card: what was typed comes back after a refusal', () => {
  it('prefills the new forms from the draft', () => {
    const draft = {
      leadTo: 'vt',
      actionWhat: 'Gesprek plannen',
      actionOrg: '3ro',
      actionDueDate: '2026-11-24',
      actionDueTime: '09:30',
      actionVerdict: 'circumstances_changed',
      reAgendaDate: '2026-11-25',
      reAgendaTime: '10:00',
    };
    const card = buildCaseCard(
      chairView({
        case: sampleCase({
          caseLead: { orgId: 'rvdk', since: '2026-11-23T20:40:00.000Z' },
          actions: [caseAction(1, { dueAt: '2026-11-23T21:00:00.000Z' })],
        }),
        draft,
      }),
    );
    for (const [id, value] of Object.entries(draft)) expect([id, input(card, id).value]).toEqual([id, value]);
  });
});

describe('case card: a crowded case stays within the budget', () => {
  it('the large case, as the chair sees it (every control), stays within our limit and shows at least one contribution', () => {
    const card = buildCaseCard(largeView());
    expect(utf8Bytes(card)).toBeLessThan(80 * KB);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    expect(texts(card).filter((t) => t.startsWith('Bijdrage ')).length).toBeGreaterThan(0);
    expect(verbs(card)).toEqual(expect.arrayContaining([VERBS.closeRound, VERBS.reAgenda, VERBS.closeForm, VERBS.settleAction]));
  });

  it('steps down to the leanest density for it: buikpijn grouped per vote, reasons left to Details, open actions counted', () => {
    // The acute line tips it past the third step, which leaves no room for a contribution: the fourth lists no open actions.
    const view = largeView();
    view.votes = view.votes.map((v) => (v.round === 10 && v.orgId === 'vt' ? { ...v, acuteUnsafe: true } : v));
    const card = buildCaseCard(view);
    expect(CASE_CARD_DENSITIES.at(-1)?.votes).toBe('grouped');
    // In the danger block and in the picture.
    expect(texts(card).filter((t) => t === '⚠ ACUUT ONVEILIG volgens Veilig Thuis')).toHaveLength(2);
    expect(texts(card)).toContain(
      'Buikpijn: Politie, OM, Reclassering (3RO), Raad voor de Kinderbescherming, Slachtofferhulp Nederland, Veilig Thuis, Halt',
    );
    expect(texts(card).some((t) => t.startsWith('Reden ronde'))).toBe(false);
    expect(texts(card)).toContain('Acties (8 open)');
    expect(texts(card).some((t) => t.startsWith('Actie ') || t.startsWith('**Actie ') || t.startsWith('en nog'))).toBe(false);
    expect(texts(card).filter((t) => t.startsWith('Bijdrage ')).length).toBeGreaterThan(0);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    // The large case as it is: the status line and the danger block take room, so it is lean too, with a contribution.
    const plain = buildCaseCard(largeView());
    expect(utf16Bytes(plain)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    expect(texts(plain).filter((t) => t.startsWith('Bijdrage ')).length).toBeGreaterThan(0);
    // Every overdue action is still in the "Actie afronden" list.
    expect((input(card, SETTLE_ACTION_ID_INPUT).choices as unknown[]).length).toBe(4);
  });

  it('the large case as a member sees it stays within the limit too', () => {
    const card = buildCaseCard({ ...largeView(), viewerIsChair: false });
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    expect(texts(card).filter((t) => t.startsWith('Bijdrage ')).length).toBeGreaterThan(0);
  });

  it('a typical case keeps the fullest density (per-organisation blocks with reasons)', () => {
    const card = buildCaseCard(chairView({ case: sampleCase({ actions: [caseAction(1)] }) }));
    expect(texts(card)).toContain('Kinderen al bekend bij VT; slachtoffer durft niet te verklaren.');
    expect(texts(card).some((t) => t.startsWith('Buikpijn: '))).toBe(false);
  });

  it('never shows pseudonyms or personal ids (voters, authors, round starters, lead, owner, closer)', () => {
    const closure = {
      at: '2026-11-23T21:20:00.000Z',
      by: 'aad-closer-xyz',
      despiteConcern: true,
      reason: 'Reden die lang genoeg is voor de toets.',
      remainingConcern: ['vt' as const],
    };
    for (const view of [largeView(), chairView({ case: sampleCase({ status: 'closed', closure }), escalation: largeView().escalation })]) {
      const json = JSON.stringify(buildCaseCard(view));
      for (const p of PSEUDONYMS) expect(json).not.toContain(p);
      expect(json).not.toMatch(/aad-/);
      expect(json).not.toMatch(/"(pseudonym|personKey|aadObjectId|voterId|authorId|startedBy)"\s*:/);
    }
  });
});
