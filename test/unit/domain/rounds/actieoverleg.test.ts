import { actieoverlegAttendees, defaultConcreteQuestion, escalationId } from '../../../../src/domain/rounds/escalation';

describe('Actieoverleg', () => {
  it('has one deterministic escalation id per case', () => {
    expect(escalationId('c1')).toBe(escalationId('c1'));
    expect(escalationId('c1')).not.toBe(escalationId('c2'));
    expect(escalationId('c1')).toBe('escalation:c1');
  });

  it.each([
    [false, ['politie', 'vt', 'om', '3ro']],
    [true, ['politie', 'vt', 'om', '3ro', 'rvdk']],
  ])('invites with kmFlag %s: %j', (km, orgs) => {
    expect(actieoverlegAttendees(km)).toEqual(orgs);
  });

  it.each([
    [
      { childrenInvolved: true, childAges: [13, 9] },
      'Strafrechtelijk onderzoek en vervolging, ja of nee? En wat is nodig voor de veiligheid van en zorg voor de kinderen (13 en 9 jr)?',
    ],
    [
      { childrenInvolved: true, childAges: [4, 13, 9] },
      'Strafrechtelijk onderzoek en vervolging, ja of nee? En wat is nodig voor de veiligheid van en zorg voor de kinderen (13, 9 en 4 jr)?',
    ],
    [
      { childrenInvolved: true, childAges: [7] },
      'Strafrechtelijk onderzoek en vervolging, ja of nee? En wat is nodig voor de veiligheid van en zorg voor het kind (7 jr)?',
    ],
    [
      { childrenInvolved: true, childAges: [] },
      'Strafrechtelijk onderzoek en vervolging, ja of nee? En wat is nodig voor de veiligheid van en zorg voor de kinderen?',
    ],
    [
      { childrenInvolved: false, childAges: [] },
      'Strafrechtelijk onderzoek en vervolging, ja of nee? En wat is nodig voor de veiligheid van de betrokkenen?',
    ],
  ])('drafts the concrete question for %j', (facts, question) => {
    expect(defaultConcreteQuestion(facts)).toBe(question);
  });
});
