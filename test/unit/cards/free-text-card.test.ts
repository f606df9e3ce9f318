import { buildCaseCard } from '../../../src/cards/case-card';
import { INPUTS } from '../../../src/cards/verbs';
import { contribution, sampleCase, typicalView, vote } from './fixtures';
import { adaptiveCardProblems } from './validate';
import { nodes, texts } from './walk';

const MARK = '⚠ bevat persoonsgegevens (bevestigd)';
const inputIds = (card: unknown) =>
  nodes(card)
    .filter((n) => String(n.type).startsWith('Input.'))
    .map((n) => n.id);

describe('case card: free text (issue 10, part 4)', () => {
  it('marks a contribution and a vote reason whose author confirmed the need-to-know, and only those', () => {
    const view = typicalView({
      contributions: [contribution(1, { piiConfirmed: ['phone'] }), contribution(2)],
      votes: [vote(2, 'politie', true, { reason: 'zie nummer', piiConfirmed: ['phone'] }), vote(2, 'om', true, { reason: 'zorgen' })],
    });
    const card = buildCaseCard(view);
    expect(texts(card).filter((t) => t.includes(MARK))).toHaveLength(2);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(texts(buildCaseCard(typicalView({ contributions: [contribution(1)] }))).join('\n')).not.toContain(MARK);
  });

  it('offers the need-to-know toggle only after a refusal (the draft carries its id), keeping what was typed', () => {
    expect(inputIds(buildCaseCard(typicalView()))).not.toContain(INPUTS.contribPiiConfirm);
    const refused = buildCaseCard(typicalView({ draft: { [INPUTS.contribText]: 'bel 0612345678', [INPUTS.contribPiiConfirm]: 'false' } }));
    expect(inputIds(refused)).toContain(INPUTS.contribPiiConfirm);
    expect(inputIds(refused)).not.toContain(INPUTS.votePiiConfirm);
    const toggle = nodes(refused).find((n) => n.id === INPUTS.contribPiiConfirm);
    expect(toggle).toMatchObject({ type: 'Input.Toggle', title: 'Ik bevestig dat dit nodig is (need-to-know)' });
    expect(nodes(refused).find((n) => n.id === INPUTS.contribText)).toMatchObject({ value: 'bel 0612345678' });
    expect(adaptiveCardProblems(refused)).toEqual([]);
  });

  it('shows the display reference and the summary warning only in a personal view', () => {
    const theCase = sampleCase({ displayReference: 'PARKET-13/123456-26', summaryPii: ['phone', 'address'] });
    const channel = texts(buildCaseCard(typicalView({ case: theCase, viewerOrg: undefined })));
    const personal = texts(buildCaseCard(typicalView({ case: theCase, viewerOrg: 'politie' })));
    expect(channel.join('\n')).not.toContain('PARKET-13');
    expect(channel.join('\n')).not.toContain('persoonsgegevens');
    expect(personal).toContain('Bronreferentie: PARKET-13/123456-26');
    expect(personal).toContain(
      '⚠ De samenvatting van de politie bevat waarschijnlijk persoonsgegevens (een telefoonnummer en een adres (postcode/huisnummer of straat)). Controleer of dat nodig is.',
    );
  });

  it('renders a markdown link in user text as plain text (no live link)', () => {
    const card = buildCaseCard(typicalView({ contributions: [contribution(1, { text: 'Zie [klik](https://evil.example)' })] }));
    const shown = texts(card).find((t) => t.includes('klik')) ?? '';
    expect(shown).not.toMatch(/\]\s*\(/);
    expect(shown).not.toContain('://');
  });
});
