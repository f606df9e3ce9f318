import { adaptiveCardProblems } from './validate';

/** The validator itself must be able to fail, or the card tests prove nothing. */
const card = (body: unknown[], actions: unknown[] = []) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body,
  ...(actions.length > 0 ? { actions } : {}),
});

describe('Adaptive Card validation helper', () => {
  it('accepts a small valid 1.5 card', () => {
    expect(
      adaptiveCardProblems(card([{ type: 'TextBlock', text: 'Hallo', wrap: true }], [{ type: 'Action.Execute', title: 'OK', verb: 'v' }])),
    ).toEqual([]);
  });

  it('reports an unknown element type, also inside a ShowCard', () => {
    const problems = adaptiveCardProblems(
      card([], [{ type: 'Action.ShowCard', title: 'x', card: { type: 'AdaptiveCard', body: [{ type: 'Foo' }] } }]),
    );
    expect(problems.join('\n')).toMatch(/UnknownElementType/);
  });

  it('reports an invalid property value and duplicate input ids', () => {
    const problems = adaptiveCardProblems(
      card([
        { type: 'TextBlock', text: 'x', color: 'red' },
        { type: 'Input.Text', id: 'a', label: 'A' },
        { type: 'Input.Text', id: 'a', label: 'B' },
      ]),
    );
    expect(problems.join('\n')).toMatch(/InvalidPropertyValue/);
    expect(problems.join('\n')).toMatch(/DuplicateId/);
  });

  it('reports required inputs without label or error message', () => {
    const problems = adaptiveCardProblems(card([{ type: 'Input.Text', id: 'a', isRequired: true }]));
    expect(problems.join('\n')).toMatch(/RequiredInputsShouldHaveLabel/);
    expect(problems.join('\n')).toMatch(/RequiredInputsShouldHaveErrorMessage/);
  });

  it('reports a misspelt property and a card version newer than 1.5', () => {
    expect(adaptiveCardProblems(card([{ type: 'Input.Text', id: 'a', label: 'A', isRequierd: true }]))).toEqual([
      'unknown property .body[0].isRequierd',
    ]);
    expect(adaptiveCardProblems({ type: 'AdaptiveCard', version: '1.7', body: [] }).join('\n')).toMatch(/UnsupportedCardVersion/);
  });
});
