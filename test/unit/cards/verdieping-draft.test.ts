import { CASE_CARD_LIMITS } from '../../../src/cards/case-card';
import { buildVerdiepingCard } from '../../../src/cards/verdieping-view-card';
import { VD_INPUTS as I, type VerdiepingDraft } from '../../../src/cards/verdieping-inputs';
import { largeView, typicalView } from './fixtures';
import { adaptiveCardProblems } from './validate';
import { withVerdieping } from './verdieping-fixtures';
import { nodes, texts, utf16Bytes } from './walk';

/**
 * A refused verdieping form comes back in the verdieping view with what was typed (issue 14): the
 * values in their inputs, the reason on top, the need-to-know toggle only when the draft asks for it;
 * a full duiding draft on a large case stays within the card budget.
 */
const inputValue = (card: unknown, id: string) => nodes(card).find((n) => n.id === id)?.value;

describe('the verdieping view with a draft', () => {
  const notice = { kind: 'attention' as const, text: 'Uw tekst lijkt een telefoonnummer te bevatten.' };

  it('puts the typed values back in the duiding, safety-plan and horizon inputs, and the reason on top', () => {
    const view = withVerdieping(typicalView({ viewerOrg: 'om', viewerIsChair: true }), { versions: 2 });
    const draft: VerdiepingDraft = {
      [I.whatHappened]: 'Getypt: wat er gebeurde.',
      [I.worries]: 'Getypt: zorgen.',
      [I.sharedGoal]: 'Getypt: doel.',
      [I.basedOn]: '1',
      [I.readingPiiConfirm]: 'false',
      [I.person]: 'kind-1',
      [I.measure]: 'Getypt: maatregel.',
      [I.checkDate]: '2026-12-01',
      [I.date]: '2026-11-27',
      [I.time]: '14:00',
    };
    const card = buildVerdiepingCard(view, { notice, draft });
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(texts(card)[2]).toBe(`${notice.text} Uw invoer staat nog in het formulier hieronder.`);
    expect(inputValue(card, I.whatHappened)).toBe('Getypt: wat er gebeurde.');
    expect(inputValue(card, I.sharedGoal)).toBe('Getypt: doel.');
    expect(inputValue(card, I.person)).toBe('kind-1');
    expect(inputValue(card, I.measure)).toBe('Getypt: maatregel.');
    expect(inputValue(card, I.checkDate)).toBe('2026-12-01');
    expect(inputValue(card, I.date)).toBe('2026-11-27');
    expect(inputValue(card, I.time)).toBe('14:00');
    const ids = nodes(card).map((n) => n.id);
    expect(ids).toContain(I.readingPiiConfirm);
    expect(ids).not.toContain(I.safetyPiiConfirm);
  });

  it('without a draft: no toggle, no notice, no values in the date inputs (as before)', () => {
    const card = buildVerdiepingCard(withVerdieping(typicalView({ viewerOrg: 'om', viewerIsChair: true }), { versions: 0 }));
    const ids = nodes(card).map((n) => n.id);
    for (const id of [I.readingPiiConfirm, I.safetyPiiConfirm, I.involvementPiiConfirm]) expect(ids).not.toContain(id);
    expect(inputValue(card, I.checkDate)).toBeUndefined();
    expect(inputValue(card, I.date)).toBeUndefined();
  });

  it('a duiding draft of 5 × 2,000 characters on a large case stays within the budget', () => {
    const long = 'ë'.repeat(1990) + ' einde';
    const draft: VerdiepingDraft = {
      [I.whatHappened]: long,
      [I.worries]: long,
      [I.protectiveFactors]: long,
      [I.unknowns]: long,
      [I.sharedGoal]: long,
      [I.readingPiiConfirm]: 'false',
    };
    const view = withVerdieping({ ...largeView(), viewerOrg: 'om', viewerIsChair: true }, { versions: 30, confirm: 29, fieldLength: 2000 });
    const card = buildVerdiepingCard(view, { notice, draft });
    const bytes = utf16Bytes(card);
    expect(bytes).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    expect(inputValue(card, I.unknowns)).toBe(long);
    // Measured: the full view would be about 44 KB; only the refused form's section comes back (about 32 KB).
    expect(bytes).toBeGreaterThan(20 * 1024);
    expect(texts(card)).toContain('Duiding, veiligheidsplan en betrokkenen');
    expect(texts(card)).not.toContain('Voorzitter');
    expect(texts(card)[2]).toContain(notice.text);
  });

  it('a short draft (the horizon form) keeps every section', () => {
    const big = withVerdieping({ ...largeView(), viewerOrg: 'om', viewerIsChair: true }, { versions: 30, confirm: 29, fieldLength: 2000 });
    const short = buildVerdiepingCard(big, { notice, draft: { [I.date]: '2026-11-27' } });
    expect(texts(short)).toEqual(expect.arrayContaining(['Duiding, veiligheidsplan en betrokkenen', 'Voorzitter']));
  });
});
