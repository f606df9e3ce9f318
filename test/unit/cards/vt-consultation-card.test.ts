import { minTrimmedLength } from '../../../src/cards/text';
import { INPUTS, VERBS, vtActionDataSchema } from '../../../src/cards/verbs';
import { buildVtConsultationCard, VT_CONSULTATION_CARD_LIMITS, VT_PHONE_REGEX } from '../../../src/cards/vt-consultation-card';
import { zsmName } from '../../../src/cards/vt-sections';
import type { VtConsultationCardView } from '../../../src/cards/view';
import { PSEUDONYMS, sampleCase, sampleLocation } from './fixtures';
import { adaptiveCardProblems, executeActions, invokeData } from './validate';
import { nodes, ofType, textBlock, texts, utf16Bytes, type Node } from './walk';
import {
  amsterdamAt,
  BACKUP,
  BACKUP_ANSWERED,
  consultationRecord,
  consultationState,
  PHONE,
  PRIMARY,
  vtConsultationView,
} from './vt-fixtures';

const caseId = sampleCase().id;
const verbs = (card: unknown) => executeActions(card).map((a) => a.verb);
const ANSWER_VERBS = [VERBS.vtKnown, VERBS.vtNotKnown, VERBS.vtCallBack];
const VOTE_VERBS = [VERBS.vtConcern, VERBS.vtNoConcern];
const input = (card: unknown, id: string): Node => {
  const found = nodes(card).filter((n) => String(n.type).startsWith('Input.') && n.id === id);
  if (found.length !== 1) throw new Error(`expected one input "${id}", found ${found.length}`);
  return found[0] as Node;
};
const answered = (by = PRIMARY) =>
  consultationRecord({
    state: consultationState(by === PRIMARY ? [['answer', '21:18', PRIMARY]] : BACKUP_ANSWERED),
    answers: [{ kind: 'call_back', by, at: amsterdamAt(by === PRIMARY ? '21:18' : '21:45'), phone: PHONE }],
  });
const noReaction = () =>
  consultationRecord({
    state: consultationState([
      ['reminderDue', '21:25'],
      ['backupDue', '21:40'],
      ['expire', '02:15'],
    ]),
  });
const late = { now: new Date('2026-11-24T01:30:00Z') };

const scenarios: [string, VtConsultationCardView][] = [
  ['asked, to the on-call member', vtConsultationView()],
  [
    'to the backup',
    vtConsultationView({
      toBackup: true,
      consultation: consultationRecord({
        state: consultationState([
          ['reminderDue', '21:25'],
          ['backupDue', '21:40'],
        ]),
      }),
    }),
  ],
  ['answered', vtConsultationView({ consultation: answered() })],
  ['no reaction (a late answer is still possible)', vtConsultationView({ consultation: noReaction(), ...late })],
  ['case closed', vtConsultationView({ case: sampleCase({ status: 'closed' }) })],
  ['with a notice', vtConsultationView({ notice: { kind: 'good', text: 'Dank u, uw antwoord is bij de zaak.' } })],
];

describe('VT consultation card: valid Adaptive Card 1.5', () => {
  it.each(scenarios)('%s', (_name, view) => {
    const card = buildVtConsultationCard(view);
    expect(card.version).toBe('1.5');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

describe('VT consultation card: who asks what, and when', () => {
  const card = buildVtConsultationCard(vtConsultationView());

  it('is headed with the ZSM location that asks, the region, the case reference and the time asked', () => {
    expect(card.body[1]).toMatchObject({ type: 'TextBlock', text: 'Vraag van ZSM Midden-Nederland aan Veilig Thuis', size: 'large' });
    expect(texts(card)).toContain('Regio Utrecht · Zaak SBZ-997 · gevraagd om 21:10');
    expect(zsmName('Rotterdam')).toBe('ZSM Rotterdam');
    const named = buildVtConsultationCard(vtConsultationView({ location: sampleLocation({ name: 'Oost-Brabant' }) }));
    expect(named.body[1]).toMatchObject({ text: 'Vraag van ZSM Oost-Brabant aan Veilig Thuis' });
  });

  it('shows the question prominently', () => {
    const box = ofType(card, 'Container').find((c) => c.style === 'accent') as Node;
    expect(texts(box)).toEqual(['De vraag', 'Is dit gezin bekend bij Veilig Thuis? Zijn er zorgen over de kinderen (13 en 9 jr)?']);
    expect(textBlock(box, 'Is dit gezin')).toMatchObject({ weight: 'bolder', size: 'medium' });
  });

  it('shows the termijn and the minimised facts: offence, safety, persons only as role and age', () => {
    const all = texts(card);
    expect(all).toEqual(expect.arrayContaining(['Mishandeling', 'HG', 'KM', 'Termijn: di 24 nov 02:15', 'Veiligheid']));
    expect(all).toContain('**Betrokkenen:** verdachte (34 jr) · slachtoffer (31 jr) · kind (13 jr) · kind (9 jr)');
    expect(textBlock(card, 'Kinderen betrokken').text).toBe('⚠ **Kinderen betrokken:** ja — 13 jr, 9 jr');
  });

  it('tells the backup that the on-call member did not react; not the on-call member', () => {
    const backupLine = 'De dienstdoende medewerker reageerde niet; u bent achterwacht';
    const [, toBackup] = scenarios[1] as [string, VtConsultationCardView];
    const backupCard = buildVtConsultationCard(toBackup);
    expect(textBlock(backupCard, 'achterwacht')).toMatchObject({ text: backupLine, weight: 'bolder' });
    expect(textBlock(backupCard, 'achterwacht').color).toBeUndefined(); // yellow text is unreadable on white: a yellow box instead
    expect(ofType(backupCard, 'Container').find((c) => texts(c).includes(backupLine))).toMatchObject({ style: 'warning' });
    expect(texts(card)).not.toContain(backupLine);
  });

  it('puts a notice on top', () => {
    const [, view] = scenarios[5] as [string, VtConsultationCardView];
    expect(buildVtConsultationCard(view).body[0]).toMatchObject({
      type: 'Container',
      style: 'good',
      items: [{ text: 'Dank u, uw antwoord is bij de zaak.' }],
    });
  });

  it('refreshes with the VT refresh verb and { caseId, seq }', () => {
    const c = buildVtConsultationCard(vtConsultationView({ consultation: consultationRecord({ seq: 3 }) }));
    expect(c.refresh).toEqual({ action: { type: 'Action.Execute', verb: VERBS.vtRefresh, data: { caseId, seq: 3 } } });
  });
});

describe('VT consultation card: the answers', () => {
  const view = vtConsultationView({ consultation: consultationRecord({ seq: 3 }) });
  const card = buildVtConsultationCard(view);
  const actions = executeActions(card);

  it('offers known (with information), not known, call me back, buikpijn and no buikpijn — in that order', () => {
    expect(actions.map((a) => [a.verb, a.title])).toEqual([
      [VERBS.vtKnown, 'Versturen naar de ZSM-tafel'],
      [VERBS.vtNotKnown, 'Niet bekend'],
      [VERBS.vtCallBack, 'Vraag terugbellen'],
      [VERBS.vtConcern, 'Buikpijn vastleggen'],
      [VERBS.vtNoConcern, 'Geen buikpijn'],
    ]);
    expect(ofType(card, 'Action.ShowCard').map((s) => s.title)).toEqual(['Bekend: informatie toevoegen', 'Bel mij terug', 'Buikpijn']);
    expect(texts(card)).toEqual(
      expect.arrayContaining(['Kent Veilig Thuis dit gezin of deze mensen?', 'Heeft u buikpijn over deze zaak?']),
    );
  });

  it('every action carries { caseId, seq } and exactly its own form inputs, which the handlers parse', () => {
    const expected: Record<string, string[]> = {
      [VERBS.vtKnown]: [INPUTS.vtNeedToKnow, INPUTS.vtPiiConfirm, INPUTS.vtText, INPUTS.vtVisibleTo],
      [VERBS.vtNotKnown]: [],
      [VERBS.vtCallBack]: [INPUTS.vtPhone],
      [VERBS.vtConcern]: [INPUTS.vtAcute, INPUTS.vtReason, INPUTS.vtVotePiiConfirm],
      [VERBS.vtNoConcern]: [],
    };
    const values: Record<string, string> = {
      [INPUTS.vtText]: 'Gezin bekend sinds 2024',
      [INPUTS.vtNeedToKnow]: 'Bepaalt of voorgeleiding nodig is',
      [INPUTS.vtPhone]: PHONE,
      [INPUTS.vtReason]: 'Kinderen eerder getuige',
      [INPUTS.vtAcute]: 'true',
      [INPUTS.vtVisibleTo]: 'politie,om,rvdk',
    };
    for (const a of actions) {
      expect([a.verb, a.data]).toEqual([a.verb, { caseId, seq: 3 }]);
      expect([a.verb, a.inputIds]).toEqual([a.verb, expected[a.verb]]);
      const parsed = vtActionDataSchema.parse(invokeData(a, values));
      expect(parsed.seq).toBe(3);
      for (const id of expected[a.verb] ?? []) expect(parsed[id as keyof typeof parsed]).toBe(values[id]);
    }
  });

  it('asks for the information and the need-to-know reason, both required', () => {
    expect(input(card, INPUTS.vtText)).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 2000, isRequired: true });
    expect(input(card, INPUTS.vtNeedToKnow)).toMatchObject({
      label: 'Waarom is dit nodig en wat verandert het aan de aanpak?',
      isRequired: true,
      regex: minTrimmedLength(10),
    });
    for (const id of [INPUTS.vtText, INPUTS.vtNeedToKnow, INPUTS.vtPhone, INPUTS.vtReason])
      expect(typeof input(card, id).errorMessage).toBe('string');
  });

  it('asks for a Dutch phone number to call back, checked in the client', () => {
    expect(input(card, INPUTS.vtPhone)).toMatchObject({ type: 'Input.Text', style: 'tel', isRequired: true, regex: VT_PHONE_REGEX });
    const phone = new RegExp(VT_PHONE_REGEX);
    for (const ok of ['06 12345678', '0612345678', '06-12345678', '020-1234567', '+31612345678', '030 123 45 67'])
      expect([ok, phone.test(ok)]).toEqual([ok, true]);
    for (const bad of ['', '12345678', '06', '0012345678', '+32 470 12 34 56', 'bel me', '06 1234 5678 9012 3456', '+31 6 12345678'])
      expect([bad, phone.test(bad)]).toEqual([bad, false]);
  });

  it('records buikpijn with a reason and the acute toggle', () => {
    expect(input(card, INPUTS.vtReason)).toMatchObject({
      label: 'Waar gaat de buikpijn over?',
      isRequired: true,
      regex: minTrimmedLength(3),
    });
    expect(input(card, INPUTS.vtAcute)).toMatchObject({
      type: 'Input.Toggle',
      title: 'Acuut onveilig',
      valueOn: 'true',
      valueOff: 'false',
    });
  });
});

describe('VT consultation card: a closed consultation', () => {
  it('answered: the outcome and the answers, no answer buttons; further information and buikpijn can still be given', () => {
    const card = buildVtConsultationCard(vtConsultationView({ consultation: answered() }));
    expect(textBlock(card, 'Beantwoord om')).toMatchObject({ text: 'Beantwoord om 21:18 door u. Dank u.' });
    expect(texts(card)).toContain('☎ Bel VT terug: 06 12345678 (gevraagd om 21:18)');
    expect(verbs(card)).toEqual([VERBS.vtAddInfo, ...VOTE_VERBS]);
    expect(texts(card)).not.toContain('Kent Veilig Thuis dit gezin of deze mensen?');
  });

  it("names who answered by role: the on-call member's copy says the backup answered, and the other way round", () => {
    const primaryCopy = buildVtConsultationCard(vtConsultationView({ consultation: answered(BACKUP), toBackup: false }));
    expect(textBlock(primaryCopy, 'Beantwoord om').text).toBe('Beantwoord om 21:45 door de achterwacht. Dank u.');
    const backupCopy = buildVtConsultationCard(vtConsultationView({ consultation: answered(), toBackup: true }));
    expect(textBlock(backupCopy, 'Beantwoord om').text).toBe('Beantwoord om 21:18 door de dienstdoende medewerker. Dank u.');
    expect(texts(backupCopy).some((t) => t.includes('u bent achterwacht'))).toBe(false);
  });

  it('no reaction: a note that a late answer is still welcome, and every button stays', () => {
    const card = buildVtConsultationCard(vtConsultationView({ consultation: noReaction(), ...late }));
    expect(textBlock(card, 'geen reactie')).toMatchObject({
      text: 'De ZSM-tafel kreeg om 02:15 de melding "geen reactie". Uw antwoord is nog welkom: het komt alsnog bij de zaak.',
    });
    expect(textBlock(card, 'geen reactie').color).toBeUndefined();
    expect(card.body[0]).toMatchObject({ text: '⚠ Uw antwoord is nog welkom · de ZSM-tafel wacht niet meer op u' });
    expect(verbs(card)).toEqual([...ANSWER_VERBS, ...VOTE_VERBS]);
  });

  it('a closed case takes no answers at all', () => {
    const card = buildVtConsultationCard(vtConsultationView({ case: sampleCase({ status: 'closed' }) }));
    expect(verbs(card)).toEqual([]);
    expect(texts(card)).toContain('De zaak is gesloten; antwoorden is niet meer nodig.');
  });

  it('an open consultation has no outcome line', () => {
    expect(texts(buildVtConsultationCard(vtConsultationView())).some((t) => t.startsWith('Beantwoord'))).toBe(false);
  });
});

describe('VT consultation card: the layout rule (status, danger, the answer buttons, then the picture)', () => {
  const position = (card: unknown, text: string) => texts(card).indexOf(text);

  it('line 1 says what is asked of this person and by when', () => {
    expect(buildVtConsultationCard(vtConsultationView()).body[0]).toMatchObject({
      type: 'TextBlock',
      text: 'Uw antwoord gevraagd · nog 5 u 0 min tot de termijn',
      weight: 'bolder',
    });
    expect(buildVtConsultationCard(vtConsultationView({ consultation: answered() })).body[0]).toMatchObject({
      text: '✓ Beantwoord · aanvullen of buikpijn vastleggen kan nog',
    });
    expect(buildVtConsultationCard(vtConsultationView({ now: new Date('2026-11-24T02:00:00Z') })).body[0]).toMatchObject({
      text: '⚠ Uw antwoord gevraagd · de termijn is verstreken',
    });
  });

  it('puts the question, then the danger, then the answer and buikpijn buttons before the case picture', () => {
    const card = buildVtConsultationCard(vtConsultationView());
    const question = position(card, consultationRecord().question);
    const danger = position(card, '⚠ **Kinderen betrokken:** ja — 13 jr, 9 jr');
    const answerHeading = position(card, 'Kent Veilig Thuis dit gezin of deze mensen?');
    const offence = position(card, 'Mishandeling');
    const facts = position(card, '**Betrokkenen:** verdachte (34 jr) · slachtoffer (31 jr) · kind (13 jr) · kind (9 jr)');
    expect(question).toBeGreaterThan(0);
    expect([question < danger, danger < answerHeading, answerHeading < offence, offence < facts]).toEqual([true, true, true, true]);
    // The answer buttons are the first actions of the card (in the body, not in the card's action row).
    const sets = ofType(card, 'ActionSet');
    expect((sets[0]?.actions as Node[]).map((a) => a.title)).toEqual(['Bekend: informatie toevoegen', 'Niet bekend', 'Bel mij terug']);
    expect(card.actions).toBeUndefined();
  });

  it('says what "Acuut onveilig" does, next to the toggle', () => {
    const card = buildVtConsultationCard(vtConsultationView());
    expect(texts(card)).toContain(
      'Met "Acuut onveilig" gaat de zaak direct naar het Actieoverleg; de ZSM-tafel en de voorzitter zien het meteen.',
    );
  });

  it('never uses yellow text, and every coloured line carries a sign (⚠ ✓ ☎) besides its colour', () => {
    for (const [, view] of [...scenarios, ['answered by backup', vtConsultationView({ consultation: answered(BACKUP) })] as const]) {
      const card = buildVtConsultationCard(view);
      expect(ofType(card, 'TextBlock').filter((b) => b.color === 'warning')).toEqual([]);
      for (const b of ofType(card, 'TextBlock').filter((n) => n.color === 'attention' || n.color === 'good'))
        expect([b.text, /[⚠✓☎]|^Beantwoord|^Dank|^Er is|^nog /.test(String(b.text))]).toEqual([b.text, true]);
    }
  });
});

describe('VT consultation card: privacy and size', () => {
  it('never shows pseudonyms, personal ids (asker, on-call member, backup) or name/birth-date fields', () => {
    for (const [, view] of [...scenarios, ['backup answered', vtConsultationView({ consultation: answered(BACKUP) })] as const]) {
      const json = JSON.stringify(buildVtConsultationCard(view));
      for (const id of [...PSEUDONYMS, PRIMARY, BACKUP, 'aad-om-desk-07', 'BVH-2026-000123']) expect(json).not.toContain(id);
      expect(json).not.toMatch(/"(name|naam|geboortedatum|birth\w*|dateOfBirth|pseudonym|personKey)"\s*:/i);
    }
  });

  it('stays within the budget with a long question and a long summary', () => {
    const long = (n: number) => 'Lange tekst é '.repeat(Math.ceil(n / 14)).slice(0, n);
    const view = vtConsultationView({
      case: sampleCase({ facts: { ...sampleCase().facts, summary: long(2000) } }),
      consultation: consultationRecord({ question: long(3000) }),
      notice: { kind: 'attention', text: 'Er is niets gewijzigd. '.repeat(12) },
      toBackup: true,
    });
    const card = buildVtConsultationCard(view);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(VT_CONSULTATION_CARD_LIMITS.maxBytes);
    expect(texts(card).find((t) => t.startsWith('Lange tekst'))?.length).toBe(VT_CONSULTATION_CARD_LIMITS.question);
  });
});
