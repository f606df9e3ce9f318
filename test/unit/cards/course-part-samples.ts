import { CASE_CARD_DENSITIES } from '../../../src/cards/case-card';
import {
  actionsSection,
  chairSection,
  closureSection,
  escalationLine,
  reAgendaLine,
  regieSection,
  roundSection,
  type CardDensity,
} from '../../../src/cards/case-course';
import type { AdaptiveCard, CardElement } from '../../../src/cards/types';
import type { CaseCardView } from '../../../src/cards/view';
import type { CardSample } from './samples';
import { caseAction, largeView, NOW, roundsUpTo, sampleCase, sampleEscalation, sampleLocation, typicalView, vote } from './fixtures';

/**
 * One sample per state of every part of the case card (cards/parts/case-*.json), rendered through
 * its section function and wrapped as a whole card, so the schema and template tests see each part
 * on its own: the fullest and the leanest density, each viewer, open and closed.
 */
const FULL = CASE_CARD_DENSITIES[0] as CardDensity;
const LEAN = CASE_CARD_DENSITIES[CASE_CARD_DENSITIES.length - 1] as CardDensity;
const asCard = (body: CardElement[]): AdaptiveCard => ({ type: 'AdaptiveCard', version: '1.5', body });
const closedRound2 = () => roundsUpTo(2, false).map((r) => (r.number === 2 ? { ...r, closedAt: '2026-11-23T21:10:00.000Z' } : r));
const lead = { orgId: 'politie' as const, since: '2026-11-23T10:00:00.000Z' };
const allVoted = (): CaseCardView['votes'] => sampleLocation().expectedOrgs.map((o) => vote(2, o, o === 'vt'));
const hour = 60 * 60_000;
const withActions = (): CaseCardView =>
  typicalView({
    case: sampleCase({
      actions: [
        caseAction(1, { dueAt: new Date(NOW.getTime() - 2 * hour).toISOString() }),
        caseAction(2, { status: 'done' }),
        caseAction(3),
        caseAction(4),
      ],
    }),
  });

export function casePartSamples(): CardSample[] {
  const s = (name: string, template: string, body: CardElement[]): CardSample => ({
    name: `part ${template}: ${name}`,
    template: `parts/${template}`,
    card: asCard(body),
  });
  const closed = typicalView({ case: sampleCase({ status: 'closed' }) });
  return [
    s('escalated', 'case-escalation', escalationLine(typicalView({ escalation: sampleEscalation() }))),
    s(
      'closed',
      'case-closure',
      closureSection(
        typicalView({
          case: sampleCase({
            status: 'closed',
            closure: { at: NOW.toISOString(), despiteConcern: false, remainingConcern: [], by: 'user-1' },
          }),
        }),
      ),
    ),
    s(
      'closed despite buikpijn, with reason',
      'case-closure',
      closureSection(
        typicalView({
          case: sampleCase({
            status: 'closed',
            closure: { at: NOW.toISOString(), despiteConcern: true, remainingConcern: ['vt'], reason: 'Afgestemd met VT.', by: 'user-1' },
          }),
        }),
      ),
    ),
    s('door-agenderd', 'case-re-agenda', reAgendaLine(typicalView({ case: sampleCase({ reAgendaAt: '2026-11-26T09:00:00.000Z' }) }))),
    s('nobody has regie', 'case-regie', regieSection(typicalView())),
    s(
      'lead, hand-over with an earlier choice',
      'case-regie',
      regieSection(typicalView({ viewerOrg: 'politie', draft: { leadTo: 'vt' }, case: sampleCase({ caseLead: lead }) })),
    ),
    s('lead of another organisation', 'case-regie', regieSection(typicalView({ viewerOrg: 'vt', case: sampleCase({ caseLead: lead }) }))),
    s('closed', 'case-regie', regieSection(closed)),
    s('chair, round open, not all voted', 'case-chair', chairSection(typicalView({ viewerIsChair: true }), FULL)),
    s('chair, all voted, lean', 'case-chair', chairSection(typicalView({ viewerIsChair: true, votes: allVoted() }), LEAN)),
    s(
      'chair, round closed, with earlier input',
      'case-chair',
      chairSection(
        typicalView({
          viewerIsChair: true,
          draft: { reAgendaDate: '2026-11-30', closeReason: 'abc' },
          case: sampleCase({ rounds: closedRound2() }),
        }),
        FULL,
      ),
    ),
    s('round open, full', 'case-round', roundSection(typicalView(), FULL)),
    s('round open, lean', 'case-round', roundSection(typicalView(), LEAN)),
    s('all voted', 'case-round', roundSection(typicalView({ votes: allVoted() }), FULL)),
    s('round closed', 'case-round', roundSection(typicalView({ case: sampleCase({ rounds: closedRound2() }) }), FULL)),
    s(
      'nobody voted, round 1',
      'case-round',
      roundSection(typicalView({ votes: [], case: sampleCase({ round: 1, rounds: roundsUpTo(1) }) }), FULL),
    ),
    s('large', 'case-round', roundSection(largeView(), FULL)),
    s('none', 'case-actions', actionsSection(typicalView(), FULL)),
    s('blocks, overdue, settled', 'case-actions', actionsSection(withActions(), FULL)),
    s('lines, overdue, more', 'case-actions', actionsSection(withActions(), { ...LEAN, maxOpenActions: 1 })),
    s('large', 'case-actions', actionsSection(largeView(), FULL)),
    s('closed', 'case-actions', actionsSection({ ...withActions(), case: { ...withActions().case, status: 'closed' } }, FULL)),
  ];
}
