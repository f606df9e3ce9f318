import { buildCloseFormCard } from '../../../src/cards/case-closing';
import { INPUTS, VERBS } from '../../../src/cards/verbs';
import { nlCloseView } from '../../../src/i18n/nl/close-view';
import { sampleCase, typicalView } from './fixtures';
import { adaptiveCardProblems } from './validate';
import { nodes, ofType } from './walk';

/**
 * The close view's order for the first screen at 360 px (issue 12; measured in the gallery, e2e): the
 * title, what is overridden, the inputs every close needs (reason, party, items), then the close
 * button, and only after it the inputs that some closes need (note, reason for no handover).
 */
const sequence = (card: unknown): string[] =>
  nodes(card).flatMap((n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) return [`input:${String(n.id)}`];
    if (n.type === 'Action.Execute') return [`action:${String(n.verb)}`];
    if (n.type === 'TextBlock' && n.text === nlCloseView.optionalHeading) return ['heading:optional'];
    return [];
  });

describe('the close view on the first screen', () => {
  const card = buildCloseFormCard(typicalView({ viewerIsChair: true })); // buikpijn stands: "Sluiten ondanks"

  it('is a valid card', () => {
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('puts the close button after the needed inputs and before the optional ones', () => {
    expect(sequence(card)).toEqual([
      `input:${INPUTS.closeReason}`,
      `input:${INPUTS.handoverParty}`,
      `input:${INPUTS.handoverItems}`,
      `action:${VERBS.closeDespiteConcern}`,
      `action:${VERBS.open}`,
      'heading:optional',
      `input:${INPUTS.handoverNote}`,
      `input:${INPUTS.handoverNoneReason}`,
    ]);
  });

  it('asks the reason on one line and puts no padded box above the form', () => {
    const reason = ofType(card, 'Input.Text').find((n) => n.id === INPUTS.closeReason);
    expect(reason?.isMultiline).toBeUndefined();
    // One line at 360 px holds about 45 characters of placeholder (the case card's longer one was cut).
    expect(reason?.placeholder).toBe(nlCloseView.reasonPlaceholder);
    expect(nlCloseView.reasonPlaceholder.length).toBeLessThanOrEqual(45);
    const body = (card as { body: { type: string; style?: string }[] }).body;
    const firstInputAt = body.findIndex((n) => nodes(n).some((x) => String(x.type).startsWith('Input.')));
    expect(body.slice(0, firstInputAt).filter((n) => n.type === 'Container' && n.style !== undefined)).toEqual([]);
  });

  it('a closed case: the way back only, no optional heading', () => {
    const closed = buildCloseFormCard(typicalView({ viewerIsChair: true, case: sampleCase({ status: 'closed' }) }));
    expect(sequence(closed)).toEqual([`action:${VERBS.open}`]);
  });
});
