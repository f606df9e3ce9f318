import { composeAdvice, orderInterventions } from '../../../../src/domain/advice/compose';
import { adviceCase, adviceInput, CASE_ID, contrib, PALETTE, PSEUDONYMS, vote } from './fixtures';

describe('composeAdvice: the facts', () => {
  it('states the offence, persons as role and age, the safety facts and the police summary, each from the intake', () => {
    const draft = composeAdvice(adviceInput());
    expect(draft.facts.map((f) => f.text)).toEqual([
      'Delict: Mishandeling (HG, KM)',
      'Betrokkenen: verdachte (34 jr) · slachtoffer (31 jr) · kind (13 jr) · kind (9 jr)',
      'Kinderen betrokken: ja — 13 jr, 9 jr',
      'Wapen genoemd: nee',
      'Slachtoffer veilig te benaderen: nee — niet veilig',
      'Verdachte: in verzekering gesteld',
      `Samenvatting politie: ${adviceCase().facts.summary}`,
    ]);
    for (const f of draft.facts) expect(f.sources).toEqual([{ kind: 'intake', id: CASE_ID, at: '2026-11-23T19:15:00.000Z' }]);
  });

  it('carries the case id, version, time and summary as given', () => {
    const draft = composeAdvice(adviceInput({ version: 3, summary: 'Samenvatting van de regiehouder.' }));
    expect(draft).toMatchObject({
      caseId: CASE_ID,
      version: 3,
      composedAt: '2026-11-23T21:30:00.000Z',
      summary: 'Samenvatting van de regiehouder.',
    });
  });
});

describe('composeAdvice: contributions', () => {
  it('lists each contribution oldest first, with its need-to-know reason and a source', () => {
    const draft = composeAdvice(adviceInput());
    expect(draft.contributions.map((c) => c.ref.id)).toEqual(['contrib-0', 'contrib-1', 'contrib-2']);
    expect(draft.contributions[0]).toEqual({
      orgId: 'vt',
      at: '2026-11-23T19:30:00.000Z',
      source: 'own_system',
      text: 'Gezin bekend bij VT sinds 2024. Signalen van dwingende controle.',
      needToKnow: 'Patroon van herhaald geweld bepaalt of voorgeleiding nodig is.',
      ref: { kind: 'contribution', id: 'contrib-0', orgId: 'vt', at: '2026-11-23T19:30:00.000Z' },
    });
  });

  it('orders contributions of the same moment by id', () => {
    const at = '2026-11-23T20:00:00.000Z';
    const draft = composeAdvice(
      adviceInput({
        contributions: [contrib(9, 'vt', { createdAt: at }), contrib(3, 'politie', { createdAt: at }), contrib(5, 'om', { createdAt: at })],
      }),
    );
    expect(draft.contributions.map((c) => c.ref.id)).toEqual(['contrib-3', 'contrib-5', 'contrib-9']);
  });

  it('does not shorten long texts (the cards do)', () => {
    const long = 'x'.repeat(2000);
    const need = 'n'.repeat(500);
    const reason = 'r'.repeat(500);
    const summary = 's'.repeat(2000);
    const draft = composeAdvice(
      adviceInput({
        case: adviceCase({ facts: { ...adviceCase().facts, summary } }),
        contributions: [contrib(0, 'vt', { text: long, needToKnow: need })],
        votes: [vote(2, 'vt', true, { reason })],
        summary,
      }),
    );
    expect(draft.contributions[0]?.text).toBe(long);
    expect(draft.contributions[0]?.needToKnow).toBe(need);
    expect(draft.rounds[0]?.votes[0]?.reason).toBe(reason);
    expect(draft.openConcern[0]?.reason).toBe(reason);
    expect(draft.facts.at(-1)?.text).toBe(`Samenvatting politie: ${summary}`);
    expect(draft.summary).toBe(summary);
  });

  it('leaves out what belongs to another case', () => {
    const draft = composeAdvice(
      adviceInput({
        contributions: [contrib(0, 'vt'), contrib(1, 'om', { caseId: 'other' })],
        votes: [vote(2, 'om', true, { caseId: 'other' })],
      }),
    );
    expect(draft.contributions.map((c) => c.ref.id)).toEqual(['contrib-0']);
    expect(draft.rounds).toEqual([]);
    expect(draft.openConcern).toEqual([]);
  });
});

describe('composeAdvice: buikpijn', () => {
  it('gives the picture per round, newest round first, organisations in the fixed order, with reasons and sources', () => {
    const draft = composeAdvice(adviceInput());
    expect(draft.rounds.map((r) => r.round)).toEqual([2, 1]);
    expect(draft.rounds[0]?.votes).toEqual([
      {
        orgId: 'om',
        concern: false,
        acuteUnsafe: false,
        ref: { kind: 'vote', id: 'vote:2:om', orgId: 'om', at: '2026-11-23T21:20:00.000Z' },
      },
      {
        orgId: 'rvdk',
        concern: true,
        reason: 'Kinderen getuige van geweld.',
        acuteUnsafe: true,
        ref: { kind: 'vote', id: 'vote:2:rvdk', orgId: 'rvdk', at: '2026-11-23T21:20:00.000Z' },
      },
    ]);
    expect(draft.rounds[1]?.votes.map((v) => [v.orgId, v.concern, v.reason])).toEqual([
      ['politie', false, undefined],
      ['vt', true, 'B-SAFER wijst op verhoogd risico.'],
    ]);
  });

  it('states the standing buikpijn per organisation plainly, including a concern from an earlier round', () => {
    const draft = composeAdvice(adviceInput());
    expect(draft.openConcern).toEqual([
      {
        orgId: 'rvdk',
        reason: 'Kinderen getuige van geweld.',
        round: 2,
        ref: { kind: 'vote', id: 'vote:2:rvdk', orgId: 'rvdk', at: '2026-11-23T21:20:00.000Z' },
      },
      {
        orgId: 'vt',
        reason: 'B-SAFER wijst op verhoogd risico.',
        round: 1,
        ref: { kind: 'vote', id: 'vote:1:vt', orgId: 'vt', at: '2026-11-23T20:40:00.000Z' },
      },
    ]);
  });

  it('keeps an open concern when another organisation later votes geen buikpijn, and drops it when its own organisation withdraws it', () => {
    const votes = [vote(1, 'vt', true), vote(2, 'politie', false), vote(2, 'om', false), vote(2, 'rvdk', false)];
    const stands = composeAdvice(adviceInput({ votes }));
    expect(stands.openConcern.map((o) => o.orgId)).toEqual(['vt']);

    const withdrawn = composeAdvice(adviceInput({ votes: [...votes, vote(2, 'vt', false)] }));
    expect(withdrawn.openConcern).toEqual([]);
  });

  it('takes the latest vote of an organisation within a round, whatever order the store returns', () => {
    const first = vote(2, 'vt', true, { castAt: '2026-11-23T21:00:00.000Z' });
    const second = vote(2, 'vt', false, { castAt: '2026-11-23T21:05:00.000Z' });
    for (const votes of [
      [first, second],
      [second, first],
    ]) {
      const draft = composeAdvice(adviceInput({ votes }));
      expect(draft.openConcern).toEqual([]);
      expect(draft.rounds[0]?.votes.map((v) => v.concern)).toEqual([false]);
    }
  });

  it('does not count votes of a round after the current one', () => {
    const draft = composeAdvice(adviceInput({ votes: [vote(3, 'vt', true)] }));
    expect(draft.openConcern).toEqual([]);
  });
});

describe('composeAdvice: interventions', () => {
  it('orders safety first, then care, then recovery (palette order within a phase)', () => {
    const draft = composeAdvice(adviceInput());
    expect(draft.interventions.map((i) => [i.phase, i.interventionId])).toEqual([
      ['safety', 'huisverbod'],
      ['safety', 'contactverbod'],
      ['care', 'reclasseringstoezicht'],
      ['recovery', 'brief-betrokkene'],
    ]);
    expect(draft.interventions[1]).toEqual({ interventionId: 'contactverbod', phase: 'safety', note: 'ook via sociale media' });
    expect(draft.interventions[3]).toEqual({ interventionId: 'brief-betrokkene', phase: 'recovery', language: 'Pools' });
  });

  it('drops unknown ids, keeps a repeat once, takes the phase from the palette and a language only where the palette allows it', () => {
    const ordered = orderInterventions(
      [
        { interventionId: 'dagvaarding', phase: 'safety', language: 'Pools' },
        { interventionId: 'onbekend', phase: 'safety' },
        { interventionId: 'melding-vt', phase: 'care' },
        { interventionId: 'melding-vt', phase: 'care', note: 'tweede keer' },
      ],
      PALETTE,
    );
    expect(ordered).toEqual([
      { interventionId: 'melding-vt', phase: 'safety' },
      { interventionId: 'dagvaarding', phase: 'disposal' }, // issue 13.12: not under herstel
    ]);
  });

  it('proposes nothing when nothing is proposed', () => {
    expect(composeAdvice(adviceInput({ proposed: [] })).interventions).toEqual([]);
  });
});

describe('composeAdvice: pure, deterministic, no personal data', () => {
  it('gives the identical draft for the same history, whatever order the lists come in', () => {
    const input = adviceInput();
    const a = composeAdvice(input);
    const b = composeAdvice({
      ...input,
      contributions: [...input.contributions].reverse(),
      votes: [...input.votes].reverse(),
      earlierCases: [...input.earlierCases].reverse(),
    });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(composeAdvice(input))).toBe(JSON.stringify(a));
  });

  it('does not change its input', () => {
    const input = adviceInput();
    const copy = JSON.parse(JSON.stringify(input)) as unknown;
    composeAdvice(input);
    expect(JSON.parse(JSON.stringify(input))).toEqual(copy);
  });

  it('never puts a pseudonym in the draft', () => {
    const input = adviceInput({
      earlierCases: [
        { caseId: 'earlier-case-1', intakeAt: '2025-03-01T10:00:00.000Z', sharedPseudonyms: 2 },
        { caseId: 'earlier-case-2', intakeAt: '2024-03-01T10:00:00.000Z', sharedPseudonyms: 1 },
      ],
    });
    const json = JSON.stringify(composeAdvice(input));
    for (const p of PSEUDONYMS) expect(json).not.toContain(p);
    expect(json).not.toContain('pseudonym');
    expect(json).not.toContain('authorId');
    expect(json).not.toContain('aad-');
  });
});
