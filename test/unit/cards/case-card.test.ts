import { buildCaseCard, CASE_CARD_LIMITS, minTrimmedLength } from '../../../src/cards/case-card';
import { CONTRIBUTION_SOURCES, contributionInputSchema } from '../../../src/domain/contribution';
import { voteInputSchema } from '../../../src/domain/vote';
import { DIALOGS, INPUTS, VERBS } from '../../../src/cards/verbs';
import { contribution, largeView, NOW, PSEUDONYMS, sampleCase, typicalView, vote } from './fixtures';
import { adaptiveCardProblems, executeActions } from './validate';
import { nodes, ofType, textBlock, texts, utf16Bytes, utf8Bytes, type Node } from './walk';

const KB = 1024;

describe('case card: valid Adaptive Card 1.5', () => {
  it.each([
    ['typical', typicalView()],
    ['large', largeView()],
    ['closed, no contributions, no votes', typicalView({ case: sampleCase({ status: 'closed' }), contributions: [], votes: [] })],
    ['with a notice, no viewer', typicalView({ notice: { kind: 'attention', text: 'Fout' }, viewerOrg: undefined })],
  ])('%s', (_name, view) => {
    const card = buildCaseCard(view);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

describe('case card: header and termijn', () => {
  it('shows HG and KM badges, offence, location and the short case reference', () => {
    const all = texts(buildCaseCard(typicalView()));
    expect(all).toEqual(expect.arrayContaining(['HG', 'KM', 'Mishandeling']));
    expect(textBlock(buildCaseCard(typicalView()), 'ZSM Midden-Nederland').text).toBe('ZSM Midden-Nederland · Zaak SBZ-997');
  });

  it('shows no KM badge without children', () => {
    const c = sampleCase({ kmFlag: false, facts: { ...sampleCase().facts, childrenInvolved: false, childAges: [] } });
    const all = texts(buildCaseCard(typicalView({ case: c })));
    expect(all).toContain('HG');
    expect(all).not.toContain('KM');
    expect(textBlock(buildCaseCard(typicalView({ case: c })), 'Kinderen betrokken').text).toBe('**Kinderen betrokken:** nee');
  });

  it('shows the deadline in Amsterdam time and the time left', () => {
    const card = buildCaseCard(typicalView());
    expect(texts(card)).toContain('Termijn: di 24 nov 02:15');
    expect(texts(card).filter((t) => /^nog \d/.test(t))).toEqual(['nog 3 u 45 min']);
    expect(texts(card)).not.toContain('⚠ Termijn verstreken');
  });

  it('marks a passed termijn in the attention colour', () => {
    const card = buildCaseCard(typicalView({ now: new Date('2026-11-24T01:15:00Z') }));
    expect(textBlock(card, 'Termijn verstreken')).toMatchObject({ weight: 'bolder' });
    expect(texts(card).some((t) => t.startsWith('nog '))).toBe(false);
  });

  it('puts a notice on top: green for good, red for attention', () => {
    const good = buildCaseCard(typicalView({ notice: { kind: 'good', text: 'Uw buikpijn is vastgelegd.' } }));
    expect(good.body[0]).toMatchObject({
      type: 'Container',
      style: 'good',
      items: [{ text: 'Uw buikpijn is vastgelegd.' }],
    });
    const bad = buildCaseCard(typicalView({ notice: { kind: 'attention', text: 'Er is niets gewijzigd.' } }));
    expect(bad.body[0]).toMatchObject({
      type: 'Container',
      style: 'attention',
      items: [{ text: 'Er is niets gewijzigd.', weight: 'bolder' }],
    });
    // No notice: the status line comes first (line 1 of the layout rule).
    expect(texts(buildCaseCard(typicalView()).body[0])).toEqual(['Uw stem gevraagd · ronde 2 · 2 van 6 buikpijn · nog 3 u 45 min']);
  });
});

describe('case card: facts and safety', () => {
  it('lists persons by role and age only', () => {
    expect(textBlock(buildCaseCard(typicalView()), 'Betrokkenen').text).toBe(
      '**Betrokkenen:** verdachte (34 jr) · slachtoffer (31 jr) · kind (13 jr) · kind (9 jr)',
    );
  });

  it('shows the safety facts, risks in bold with ⚠ (behind "Meer tonen"), and the risks again in the danger block', () => {
    const card = buildCaseCard(typicalView());
    const danger = ofType(card, 'Container').find((c) => c.style === 'attention' && texts(c)[0] === '⚠ Gevaar') as Node;
    expect(texts(danger)).toEqual([
      '⚠ Gevaar',
      '⚠ ACUUT ONVEILIG volgens Veilig Thuis',
      '⚠ Kinderen betrokken (13 jr, 9 jr)',
      '⚠ Wapen genoemd',
      '⚠ Contact met slachtoffer niet veilig',
    ]);
    expect(textBlock(card, 'Kinderen betrokken:')).toMatchObject({ text: '⚠ **Kinderen betrokken:** ja — 13 jr, 9 jr', weight: 'bolder' });
    expect(textBlock(card, 'Wapen genoemd:')).toMatchObject({ text: '⚠ **Wapen genoemd:** ja', weight: 'bolder' });
    expect(textBlock(card, 'Slachtoffer veilig te benaderen')).toMatchObject({
      text: '⚠ **Slachtoffer veilig te benaderen:** Nee — niet veilig',
      weight: 'bolder',
    });
    expect(textBlock(card, '**Verdachte:**')).toMatchObject({ text: '**Verdachte:** In verzekering gesteld' });
    const home = buildCaseCard(
      typicalView({ case: sampleCase({ facts: { ...sampleCase().facts, custody: 'heengezonden', weaponMentioned: false } }) }),
    );
    expect(textBlock(home, '**Verdachte:**')).toMatchObject({ weight: 'bolder' });
    expect(textBlock(home, 'Wapen genoemd:')).toMatchObject({ text: '**Wapen genoemd:** nee' });
  });

  it('truncates a long police summary with an ellipsis', () => {
    const summary = textBlock(buildCaseCard(typicalView({ case: { ...largeView().case } })), 'Samenvatting politie').text as string;
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.length).toBeLessThan(700);
  });
});

describe('case card: context information', () => {
  it('counts contributions per organisation and shows the newest first with time, source and need-to-know', () => {
    const card = buildCaseCard(typicalView());
    expect(texts(card)).toContain('Contextinformatie (3)');
    expect(texts(card)).toContain('Aangeleverd door: Politie (1) · Reclassering (3RO) (1) · Veilig Thuis (1)');
    const metas = texts(card).filter((t) => / · (ma|di) \d+ nov \d\d:\d\d · /.test(t));
    expect(metas).toEqual([
      '**Reclassering (3RO)** · ma 23 nov 20:32 · Gesprek met betrokkene',
      '**Politie** · ma 23 nov 20:31 · Melding',
      '**Veilig Thuis** · ma 23 nov 20:30 · Eigen systeem',
    ]);
    expect(texts(card)).toContain('**Waarom nodig:** Patroon van herhaald geweld bepaalt of voorgeleiding nodig is.');
    expect(texts(card).some((t) => t.includes('oudere'))).toBe(false);
  });

  it('says so when there is none yet', () => {
    expect(texts(buildCaseCard(typicalView({ contributions: [] })))).toEqual(
      expect.arrayContaining(['Contextinformatie (0)', 'Nog geen contextinformatie.']),
    );
  });

  it('shows only the newest ones, truncated, and points to Details for the rest', () => {
    const card = buildCaseCard(largeView());
    const shown = texts(card).filter((t) => t.startsWith('Bijdrage '));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown[0]?.startsWith('Bijdrage 39 ')).toBe(true);
    expect(shown.every((t) => t.endsWith('…') && t.length <= 400)).toBe(true);
    expect(texts(card)).toContain(`${40 - shown.length} oudere bijdragen — zie Details`);
  });
});

describe('case card: buikpijn of the current round', () => {
  const rows = (card: unknown) =>
    ofType(card, 'Container')
      .map((c) => texts(c))
      .filter((t) => t.length >= 2 && /^(Politie|OM|Reclassering|Raad|Slachtofferhulp|Halt|Veilig Thuis)/.test(t[0] ?? ''));

  it('shows each organisation that voted in this round with its vote; who has not voted is listed once', () => {
    const card = buildCaseCard(typicalView());
    expect(texts(card)).toContain('Buikpijn — ronde 2');
    expect(rows(card).map((r) => r.slice(0, 2))).toEqual([
      ['OM', 'Geen buikpijn'],
      ['Raad voor de Kinderbescherming', 'Buikpijn'],
      ['Veilig Thuis', 'Buikpijn · ⚠ ACUUT ONVEILIG'],
    ]);
    // politie voted in round 1 only: it is among the non-voters, named once.
    expect(texts(card).filter((t) => t.includes('Nog niet gestemd'))).toEqual([
      'Nog niet gestemd: Politie, Reclassering (3RO), Slachtofferhulp Nederland',
    ]);
    expect(textBlock(card, 'Buikpijn · ⚠ ACUUT ONVEILIG')).toMatchObject({ weight: 'bolder' });
    expect(texts(card)).toContain('Verdachte dreigde eerder met mes; slachtoffer wil terug naar huis.');
    expect(texts(card)).toContain('Wie heeft er nog buikpijn? 2 buikpijn · 1 geen buikpijn · 3 nog niet gestemd');
  });

  it('adds an organisation that voted although not expected', () => {
    const view = typicalView();
    const card = buildCaseCard({ ...view, votes: [...view.votes, vote(2, 'halt', false)] });
    expect(rows(card).map((r) => r[0])).toContain('Halt');
  });

  it("highlights the viewer's own organisation, and nobody's without a viewer", () => {
    const boxed = (card: unknown) =>
      ofType(card, 'Container')
        .filter((c) => c.style === 'accent')
        .map((c) => texts(c)[0]);
    expect(boxed(buildCaseCard(typicalView({ viewerOrg: 'vt' })))).toEqual(['Veilig Thuis (uw organisatie)']);
    expect(boxed(buildCaseCard(typicalView({ viewerOrg: undefined })))).toEqual([]);
    expect(texts(buildCaseCard(typicalView({ viewerOrg: undefined }))).some((t) => t.includes('uw organisatie'))).toBe(false);
  });
});

describe('case card: actions and refresh', () => {
  const view = typicalView();
  const card = buildCaseCard(view);
  const actions = card.actions as Node[];
  const caseId = view.case.id;

  const primary = (ofType(card.body, 'ActionSet')[0] as Node).actions as Node[];

  it('puts the two primary actions right under status and danger; the card row has context information and Details', () => {
    expect(primary.map((a) => [a.type, a.title])).toEqual([
      ['Action.ShowCard', 'Buikpijn'],
      ['Action.Execute', 'Geen buikpijn'],
    ]);
    const order = (card.body as Node[]).map((b) =>
      b.type === 'ActionSet' ? `actions:${String((b.actions as Node[])[0]?.title)}` : texts(b)[0],
    );
    expect(order.slice(0, 5)).toEqual([
      'Uw stem gevraagd · ronde 2 · 2 van 6 buikpijn · nog 3 u 45 min',
      'HG',
      '⚠ Gevaar',
      'actions:Buikpijn',
      'Buikpijn — ronde 2',
    ]);
    expect(actions.map((a) => [a.type, a.title])).toEqual([
      ['Action.ShowCard', 'Contextinformatie toevoegen'],
      ['Action.Submit', 'Details'],
      ['Action.Execute', 'Verdiepen'],
    ]);
  });

  it('submits context information inline with the agreed input ids', () => {
    const show = actions[0] as Node;
    const inputs = nodes(show.card).filter((n) => String(n.type).startsWith('Input.'));
    expect(inputs.map((i) => i.id)).toEqual([INPUTS.contribText, INPUTS.contribSource, INPUTS.contribNeedToKnow]);
    expect(inputs[0]).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 2000, isRequired: true });
    expect((inputs[1]?.choices as { value: string }[]).map((c) => c.value)).toEqual([...CONTRIBUTION_SOURCES]);
    expect(inputs[2]).toMatchObject({ label: 'Waarom is dit nodig en wat verandert het aan de aanpak?', isRequired: true });
    for (const i of inputs) expect(typeof i.errorMessage).toBe('string');
    expect(ofType(show.card, 'Action.Execute')).toEqual([
      expect.objectContaining({ verb: VERBS.addContribution, data: { caseId }, associatedInputs: 'auto' }),
    ]);
  });

  it('records buikpijn inline with a reason and the acute toggle, saying that acute escalates at once', () => {
    const show = primary[0] as Node;
    expect(texts(show.card)).toContain('Let op: "Acuut onveilig" escaleert de zaak direct naar het Actieoverleg.');
    const inputs = nodes(show.card).filter((n) => String(n.type).startsWith('Input.'));
    expect(inputs.map((i) => i.id)).toEqual([INPUTS.voteReason, INPUTS.voteAcute]);
    expect(inputs[0]).toMatchObject({ label: 'Waar gaat de buikpijn over?', isRequired: true });
    expect(inputs[1]).toMatchObject({ type: 'Input.Toggle', title: 'Acuut onveilig', valueOn: 'true', valueOff: 'false' });
    expect(ofType(show.card, 'Action.Execute')).toEqual([
      expect.objectContaining({ verb: VERBS.voteConcern, data: { caseId }, associatedInputs: 'auto' }),
    ]);
  });

  it('checks the minimum lengths in the client exactly as the domain does after trimming', () => {
    const samples = ['', '   ', 'ab', ' abc ', 'a b', 'abcdefghi', ' abcdefghij ', 'a        b', 'a\n\n\n\n\n\n\n\nb', '\tnodig omdat\n'];
    const needToKnow = new RegExp(minTrimmedLength(10));
    const reason = new RegExp(minTrimmedLength(3));
    for (const s of samples) {
      expect([s, needToKnow.test(s)]).toEqual([s, contributionInputSchema.shape.needToKnow.safeParse(s).success]);
      expect([s, reason.test(s)]).toEqual([s, voteInputSchema.safeParse({ concern: true, reason: s }).success]);
    }
    const regexes = nodes([card.actions, primary])
      .filter((n) => typeof n.regex === 'string')
      .map((n) => [n.id, n.regex]);
    expect(regexes).toEqual([
      [INPUTS.contribNeedToKnow, minTrimmedLength(10)],
      [INPUTS.voteReason, minTrimmedLength(3)],
    ]);
  });

  it('records "geen buikpijn" in one click and opens Details as a dialog', () => {
    expect(primary[1]).toMatchObject({ verb: VERBS.voteNoConcern, data: { caseId } });
    expect(actions[1]).toMatchObject({ data: { msteams: { type: 'task/fetch' }, dialog: DIALOGS.details, caseId } });
  });

  it('refreshes per user with the refresh verb', () => {
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: VERBS.refresh, data: { caseId } },
      userIds: view.refreshUserIds,
    });
  });

  it('offers only Details on a closed case', () => {
    const closed = buildCaseCard(typicalView({ case: sampleCase({ status: 'closed' }) }));
    expect((closed.actions as Node[]).map((a) => a.title)).toEqual(['Details']);
    // Nothing that changes the case: only the Details view in the message (for clients without dialogs).
    expect(executeActions(closed).map((a) => a.verb)).toEqual([VERBS.detailsHere]);
    expect(texts(closed)).toContain('Zaak gesloten');
  });
});

describe('case card: privacy and size', () => {
  it('never shows a person pseudonym, the personal ids of authors and voters, or name/birth-date fields', () => {
    const view = typicalView();
    for (const card of [buildCaseCard(view), buildCaseCard(largeView())]) {
      const json = JSON.stringify(card);
      for (const p of PSEUDONYMS) expect(json).not.toContain(p);
      expect(json).not.toMatch(/"(name|naam|geboortedatum|birth\w*|dateOfBirth|pseudonym|personKey)"\s*:/i);
      const visible = JSON.stringify({ body: card.body, actions: card.actions });
      for (const c of view.contributions) expect(visible).not.toContain(`"${c.authorId}"`);
      expect(visible).not.toContain('aad-vt');
    }
  });

  it('stays far below 80 KB for the large case (UTF-8 and UTF-16, as Teams counts)', () => {
    const card = buildCaseCard(largeView());
    expect(utf8Bytes(card)).toBeLessThan(80 * KB);
    expect(utf16Bytes(card)).toBeLessThan(80 * KB);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes); // our own, stricter limit
    expect(CASE_CARD_LIMITS.maxBytes).toBeLessThanOrEqual(38 * KB);
  });

  it('shows every contribution, with no "oudere" note, when a few long ones fit', () => {
    const view = largeView();
    const long = view.contributions.slice(0, 3).map((c, i) => contribution(i, { text: c.text }));
    const few = buildCaseCard(typicalView({ contributions: long }));
    expect(texts(few).filter((t) => t.startsWith('Bijdrage ')).length).toBe(3);
    expect(texts(few).some((t) => t.includes('oudere'))).toBe(false);
  });

  it('uses the injected "now", not the clock', () => {
    const later = buildCaseCard(typicalView({ now: new Date(NOW.getTime() + 3 * 60 * 60_000) }));
    expect(texts(later).filter((t) => /^nog \d/.test(t))).toEqual(['nog 45 min']);
    expect(texts(later)[0]).toBe('Uw stem gevraagd · ronde 2 · 2 van 6 buikpijn · nog 45 min');
  });
});
