import { ACTIEOVERLEG_CARD_LIMITS, buildActieoverlegCard } from '../../../src/cards/actieoverleg-card';
import { CASE_CARD_LIMITS } from '../../../src/cards/case-card';
import { aoQuestionDataSchema, caseActionDataSchema, INPUTS, VERBS } from '../../../src/cards/verbs';
import { concreteQuestionInputSchema } from '../../../src/domain/rounds';
import { actieoverlegView, CASE_LINK, contribution, largeActieoverlegView, PSEUDONYMS, sampleEscalation } from './fixtures';
import { sampleOutcome } from './ao-part-samples';
import { adaptiveCardProblems, executeActions, invokeData } from './validate';
import { nodes, ofType, textBlock, texts, utf16Bytes, utf8Bytes, type Node } from './walk';

const KB = 1024;
const caseId = actieoverlegView().case.id;
const owner = { orgId: 'vt' as const, aadObjectId: 'aad-owner-secret-42', at: '2026-11-23T21:25:00.000Z' };

describe('Actieoverleg card: valid Adaptive Card 1.5', () => {
  it.each([
    ['typical', actieoverlegView()],
    ['large (chair, notice, long link)', largeActieoverlegView()],
    [
      'owner set, no link, no contributions',
      actieoverlegView({ escalation: sampleEscalation({ caseOwner: owner }), caseLink: undefined, contributions: [] }),
    ],
    ['no reasons recorded', actieoverlegView({ escalation: sampleEscalation({ reasons: [] }) })],
  ])('%s', (_name, view) => {
    const card = buildActieoverlegCard(view);
    expect(card.version).toBe('1.5');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

describe('Actieoverleg card: content', () => {
  const card = buildActieoverlegCard(actieoverlegView());

  it('is headed "Actieoverleg — HG-zaak <ref>" with the case header', () => {
    expect(card.body[1]).toMatchObject({ type: 'TextBlock', text: 'Actieoverleg — HG-zaak SBZ-997', size: 'large' });
    expect(texts(card)).toEqual(expect.arrayContaining(['HG', 'KM', 'Mishandeling']));
  });

  it('shows the concrete question prominently', () => {
    const q = textBlock(card, 'Strafrechtelijk onderzoek');
    expect(q).toMatchObject({ text: sampleEscalation().question, weight: 'bolder', size: 'medium' });
    const box = ofType(card, 'Container').find((c) => texts(c).includes(q.text as string));
    expect(box).toMatchObject({ style: 'accent' });
    expect(texts(box)[0]).toBe('Vraag aan het Actieoverleg');
  });

  it('explains why: the rule in plain Dutch and the buikpijn reasons per organisation with round and acute mark', () => {
    expect(texts(card)).toContain('⚠ Op 22:10: acuut onveilig gemeld door Veilig Thuis.');
    expect(texts(card)).toContain('**Veilig Thuis** · ronde 2 · ⚠ ACUUT ONVEILIG');
    expect(textBlock(card, '**Veilig Thuis** · ronde 2')).toMatchObject({ weight: 'bolder' });
    expect(texts(card)).toContain('Verdachte dreigde eerder met mes; slachtoffer wil terug naar huis.');
  });

  it('lists the reasons newest round first, then in the fixed organisation order', () => {
    const reasons = [
      { orgId: 'vt' as const, round: 1, reason: 'r1 vt', acuteUnsafe: false },
      { orgId: 'vt' as const, round: 2, reason: 'r2 vt', acuteUnsafe: false },
      { orgId: 'om' as const, round: 2, acuteUnsafe: false },
    ];
    const c = buildActieoverlegCard(
      actieoverlegView({ escalation: sampleEscalation({ rule: 'persistent_several_orgs', orgs: ['om', 'vt'], reasons }) }),
    );
    expect(texts(c).filter((t) => t.includes('· ronde '))).toEqual([
      '**OM** · ronde 2',
      '**Veilig Thuis** · ronde 2',
      '**Veilig Thuis** · ronde 1',
    ]);
    expect(texts(c)).toContain('geen toelichting gegeven');
    expect(texts(c)).toContain('⚠ Op 22:10: meerdere organisaties houden ronde na ronde buikpijn (OM, Veilig Thuis).');
  });

  it('names the partners that should be at the table', () => {
    expect(texts(card)).toContain('**Verwacht aan tafel:** Politie, Veilig Thuis, OM, Reclassering (3RO), Raad voor de Kinderbescherming');
  });

  it('shows the minimised facts, the safety facts and the context information, newest first', () => {
    expect(texts(card)).toContain('**Betrokkenen:** verdachte (34 jr) · slachtoffer (31 jr) · kind (13 jr) · kind (9 jr)');
    expect(textBlock(card, 'Wapen genoemd')).toMatchObject({ weight: 'bolder' });
    expect(texts(card)).toContain('Termijn: di 24 nov 02:15');
    const bijdragen = texts(card).filter((t) => t.startsWith('Bijdrage '));
    expect(bijdragen.map((t) => t.slice(0, 10))).toEqual(['Bijdrage 2', 'Bijdrage 1', 'Bijdrage 0']);
  });

  it('without an owner: "Nog niemand" and the button to become casusverantwoordelijke', () => {
    expect(texts(card)).toContain('Casusverantwoordelijke: Nog niemand');
    const become = executeActions(card).filter((a) => a.verb === VERBS.aoBecomeOwner);
    expect(become).toEqual([{ verb: VERBS.aoBecomeOwner, title: 'Ik word casusverantwoordelijke', data: { caseId }, inputIds: [] }]);
    expect(caseActionDataSchema.parse(invokeData(become[0]!, {}))).toEqual({ caseId });
  });

  it('with an owner: the organisation and since when, no button, and never the personal id', () => {
    const owned = buildActieoverlegCard(actieoverlegView({ escalation: sampleEscalation({ caseOwner: owner }) }));
    expect(texts(owned)).toContain('Casusverantwoordelijke: Veilig Thuis (sinds 22:25)');
    expect(executeActions(owned).map((a) => a.verb)).not.toContain(VERBS.aoBecomeOwner);
    expect(JSON.stringify(owned)).not.toContain(owner.aadObjectId);
  });

  it('lets only the chair edit the question, prefilled with the current one', () => {
    expect(ofType(card, 'Action.ShowCard')).toEqual([]);
    expect(nodes(card).some((n) => n.id === INPUTS.aoQuestion)).toBe(false);
    const chair = buildActieoverlegCard(actieoverlegView({ viewerIsChair: true }));
    const show = ofType(chair, 'Action.ShowCard').find((s) => s.title === 'Vraag aanpassen') as Node;
    const q = nodes(show.card).find((n) => n.id === INPUTS.aoQuestion) as Node;
    expect(q).toMatchObject({
      type: 'Input.Text',
      value: sampleEscalation().question,
      isRequired: true,
      isMultiline: true,
      maxLength: 1000,
    });
    const re = new RegExp(q.regex as string);
    for (const s of ['', 'kort', '123456789', ' 123456789 ', '1234567890', 'Vervolging?\n']) {
      expect([s, re.test(s)]).toEqual([s, concreteQuestionInputSchema.safeParse({ question: s }).success]);
    }
    const edit = executeActions(chair).find((a) => a.verb === VERBS.aoEditQuestion);
    expect(edit?.inputIds).toEqual([INPUTS.aoQuestion, INPUTS.aoQuestionPiiConfirm]);
    expect(aoQuestionDataSchema.parse(invokeData(edit!, { aoQuestion: 'Vervolging ja of nee?' }))).toEqual({
      caseId,
      aoQuestion: 'Vervolging ja of nee?',
    });
  });

  it('links to the case when the link is known, and refreshes with the Actieoverleg verb', () => {
    expect(ofType(card, 'Action.OpenUrl')).toEqual([expect.objectContaining({ title: 'Naar de zaak', url: CASE_LINK })]);
    expect(ofType(buildActieoverlegCard(actieoverlegView({ caseLink: undefined })), 'Action.OpenUrl')).toEqual([]);
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', verb: VERBS.aoRefresh, data: { caseId } } });
  });

  it('shows a notice on top', () => {
    const noticed = buildActieoverlegCard(
      actieoverlegView({ notice: { kind: 'attention', text: 'Er is al een casusverantwoordelijke.' } }),
    );
    expect(noticed.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
  });
});

describe('Actieoverleg card: the layout rule (issue 12: the termijn was below the fold)', () => {
  const card = buildActieoverlegCard(actieoverlegView());
  const at = (text: string) => texts(card).indexOf(text);

  it('line 1 says the Actieoverleg is asked and how long is left; then the question and the termijn', () => {
    expect(card.body[0]).toMatchObject({
      text: 'Actieoverleg gevraagd · nog 3 u 45 min tot de termijn',
      weight: 'bolder',
    });
    const question = at(sampleEscalation().question);
    const termijn = at('Termijn: di 24 nov 02:15');
    const why = at('Waarom naar het Actieoverleg');
    expect([question, termijn, why].every((i) => i > 0)).toBe(true);
    expect([question < termijn, termijn < why]).toEqual([true, true]);
    const passed = buildActieoverlegCard(actieoverlegView({ now: new Date('2026-11-24T02:00:00Z') }));
    expect(passed.body[0]).toMatchObject({ text: '⚠ Actieoverleg gevraagd · de termijn is verstreken' });
  });

  it('line 1 says the outcome is recorded once it is, instead of a termijn that no longer counts', () => {
    const base = actieoverlegView({ now: new Date('2026-11-26T12:00:00Z') });
    const recorded = buildActieoverlegCard({ ...base, escalation: { ...base.escalation, outcome: sampleOutcome() } });
    expect(recorded.body[0]).toMatchObject({ text: expect.stringMatching(/^✓ Uitkomst vastgelegd .* · 1 actie · /u) });
    expect(texts(recorded.body[0] as Node)).not.toContain('verstreken');
  });

  it('the primary actions come right after the danger and the owner line, before the safety facts and the buikpijn picture', () => {
    const firstSet = ofType(card, 'ActionSet')[0] as Node;
    expect((firstSet.actions as Node[]).map((a) => a.title)).toEqual(['Ik word casusverantwoordelijke', 'Naar de zaak']);
    const bodyIndex = (pred: (n: Node) => boolean) => (card.body as Node[]).findIndex(pred);
    const setIndex = bodyIndex((n) => n === firstSet);
    const reasonsIndex = bodyIndex((n) => texts(n).includes('Buikpijn per organisatie'));
    const safetyIndex = bodyIndex((n) => texts(n).includes('Veiligheid'));
    const whyIndex = bodyIndex((n) => texts(n).includes('Waarom naar het Actieoverleg'));
    // At 360 px the safety box pushed "Ik word casusverantwoordelijke" below the first screen (issue 12).
    expect([whyIndex < setIndex, setIndex < safetyIndex, setIndex < reasonsIndex]).toEqual([true, true, true]);
  });

  it('keeps the facts and the context information behind "Feiten en contextinformatie tonen"', () => {
    const toggle = ofType(card, 'Action.ToggleVisibility')[0] as Node;
    expect(toggle.title).toBe('Feiten en contextinformatie tonen');
    const hidden = nodes(card).find((n) => n.id === (toggle.targetElements as string[])[0]) as Node;
    expect(hidden).toMatchObject({ type: 'Container', isVisible: false });
    expect(texts(hidden)).toContain('**Betrokkenen:** verdachte (34 jr) · slachtoffer (31 jr) · kind (13 jr) · kind (9 jr)');
  });

  it('never uses yellow text', () => {
    for (const view of [actieoverlegView(), largeActieoverlegView()])
      expect(ofType(buildActieoverlegCard(view), 'TextBlock').filter((b) => b.color === 'warning')).toEqual([]);
  });
});

describe('Actieoverleg card: size and privacy', () => {
  it('stays under 80 KB and within the case card budget for the large case, leaving out the oldest and saying so', () => {
    const card = buildActieoverlegCard(largeActieoverlegView());
    expect(ACTIEOVERLEG_CARD_LIMITS.maxBytes).toBe(CASE_CARD_LIMITS.maxBytes);
    expect(utf8Bytes(card)).toBeLessThan(80 * KB);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    const all = texts(card);
    const reasons = all.filter((t) => / · ronde \d+/.test(t));
    expect(reasons[0]).toBe('**Politie** · ronde 10');
    expect(reasons.length).toBeGreaterThan(0);
    expect(all).toContain(`${70 - reasons.length} oudere toelichtingen — zie de zaak`);
    const shown = all.filter((t) => t.startsWith('Bijdrage '));
    expect(shown[0]?.startsWith('Bijdrage 39 ')).toBe(true);
    expect(all).toContain(`${40 - shown.length} oudere bijdragen — zie de zaak`);
    expect(textBlock(card, 'Wat is nodig voor de veiligheid').text).toHaveLength(1000); // the question in full
  });

  it('shows every contribution when they fit, without an "oudere" note', () => {
    const card = buildActieoverlegCard(actieoverlegView({ contributions: [contribution(0), contribution(1)] }));
    expect(texts(card).filter((t) => t.startsWith('Bijdrage ')).length).toBe(2);
    expect(texts(card).some((t) => t.includes('oudere'))).toBe(false);
  });

  it('never shows pseudonyms or personal ids', () => {
    for (const view of [actieoverlegView({ escalation: sampleEscalation({ caseOwner: owner }) }), largeActieoverlegView()]) {
      const json = JSON.stringify(buildActieoverlegCard(view));
      for (const p of PSEUDONYMS) expect(json).not.toContain(p);
      expect(json).not.toMatch(/aad-/);
      expect(json).not.toMatch(/"(pseudonym|personKey|aadObjectId|voterId|authorId)"\s*:/);
    }
  });
});
