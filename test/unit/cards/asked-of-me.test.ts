import { askedOfMeText } from '../../../src/cards/asked-of-me';

describe('line 1: what verdieping asks of my organisation', () => {
  it('nothing asked: no text', () => {
    expect(askedOfMeText([])).toBeNull();
  });

  it('counts questions, names instruments once, counts checks, and the chair confirms the newest version', () => {
    expect(
      askedOfMeText([
        { kind: 'answer_question', requestId: 'q1', fromOrg: 'om', ageHours: 2 },
        { kind: 'answer_question', requestId: 'q2', fromOrg: 'politie', ageHours: 30 },
        { kind: 'risk_outcome', assessmentId: 'r1', instrument: 'SASH' },
        { kind: 'risk_outcome', assessmentId: 'r2', instrument: 'SASH' },
        { kind: 'risk_outcome', assessmentId: 'r3', instrument: 'B-SAFER' },
        { kind: 'check_safety', personRef: 'kind-1' },
        { kind: 'check_safety', personRef: 'kind-2' },
        { kind: 'confirm_reading', version: 3 },
      ]),
    ).toBe(
      'Gevraagd van u: 2 vragen beantwoorden, SASH, B-SAFER invullen, veiligheid van 2 personen controleren, duiding versie 3 bevestigen',
    );
    expect(askedOfMeText([{ kind: 'answer_question', requestId: 'q1', fromOrg: 'om', ageHours: 0 }])).toBe(
      'Gevraagd van u: 1 vraag beantwoorden',
    );
    expect(askedOfMeText([{ kind: 'check_safety', personRef: 'slachtoffer-1' }])).toBe(
      'Gevraagd van u: veiligheid van 1 persoon controleren',
    );
  });
});
