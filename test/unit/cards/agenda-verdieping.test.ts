import { buildAgendaCard } from '../../../src/cards/agenda-card';
import { agendaItem, agendaView } from './fixtures';
import { adaptiveCardProblems } from './validate';
import { ofType, texts } from './walk';

/**
 * The agenda with verdieping (issue 14): a deepened case shows its next moment and reason instead of
 * a termijn that passed for good, a violated measure and its open questions with the oldest one's
 * age. Marks are words, not only colours. A zsm case is shown as before.
 */
const entries = (card: unknown) => ofType(card, 'Container').filter((c) => c.separator === true);

describe('agenda card with verdieping', () => {
  const view = agendaView({
    items: [
      agendaItem(1, {
        case: { deadline: '2026-11-20T02:00:00.000Z' },
        next: { kind: 'horizon', at: '2026-11-25T09:00:00.000Z', reason: 'termijn_case' },
        violation: true,
        openQuestions: 2,
        oldestOpenHours: 50,
      }),
      agendaItem(2, {
        case: { deadline: '2026-11-24T02:00:00.000Z' },
        next: { kind: 'termijn', at: '2026-11-24T02:00:00.000Z' },
        openQuestions: 1,
        oldestOpenHours: 5,
      }),
      agendaItem(3, {
        case: { deadline: '2026-11-19T02:00:00.000Z' },
        next: { kind: 'horizon', at: '2026-11-23T08:00:00.000Z', reason: 'held_by_prosecutor' },
      }),
    ],
  });
  const card = buildAgendaCard(view);
  const [deep, zsm, passed] = entries(card).map((e) => texts(e));

  it('is a valid card', () => {
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('a deepened case: the next moment and reason, not "termijn verstreken"; the violation and the open questions with their age', () => {
    expect(deep).toContain('Volgende bespreking: wo 25 nov 10:00 (Termijnzaak)');
    expect(deep.join(' ')).not.toContain('termijn verstreken');
    // The marks stand on one line (issue 12: a column of badges squeezed the heading at 360 px).
    expect(deep).toContain('Kinderen · ⚠ Maatregel overtreden · 2 open vragen (oudste 2 dagen open)');
  });

  it('a zsm case keeps its termijn line; one open question shows its hours', () => {
    expect(zsm.join(' ')).toContain('Termijn');
    expect(zsm).toContain('Kinderen · 1 open vraag (5 uur open)');
  });

  it('a horizon that passed says so, with its reason', () => {
    expect(passed).toContain('⚠ Volgende bespreking is verstreken (Aangehouden)');
  });
});
