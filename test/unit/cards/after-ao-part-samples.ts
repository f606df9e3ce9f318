import { adviceAoOutcomeElements, aoOvjDecisionElements } from '../../../src/cards/after-decision';
import { returningSection } from '../../../src/cards/case-returning';
import { sampleOutcome } from './ao-part-samples';
import { CARD_SCHEMA, type AdaptiveCard, type CardElement } from '../../../src/cards/types';
import type { ReturningRecord } from '../../../src/domain/aftercare/returning';
import type { PartSample } from './part-samples';

const card = (body: CardElement[]): AdaptiveCard => ({ type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body });

/** An oude bekende: two earlier cases, the last one handed over to the wijkteam, a measure still running. */
export function sampleReturning(): ReturningRecord {
  return {
    caseId: 'c0ffee12a9b8c7d6e5f4',
    summary: {
      count: 2,
      firstIntakeAt: '2026-03-02T09:00:00.000Z',
      lastIntakeAt: '2026-10-24T09:00:00.000Z',
      decisions: { escalated: 1, closed: 1, closed_despite_concern: 0, open: 0 },
      lastHandover: 'wijkteam',
      measureRunning: true,
      daysSinceLast: 30,
      signal: true,
    },
    earlier: [
      { caseId: 'e1', intakeAt: '2026-03-02T09:00:00.000Z', decision: 'closed' },
      { caseId: 'e2', intakeAt: '2026-10-24T09:00:00.000Z', decision: 'escalated', handoverKind: 'wijkteam', followUp: 'carried_out' },
    ],
  };
}

/** Samples of the parts of issue 15's after-the-decision work (templates.test.ts validates each). */
export function afterAoPartSamples(): PartSample[] {
  const now = new Date('2026-11-24T12:00:00Z');
  const ovj = {
    at: '2026-11-23T20:40:00.000Z',
    interventions: 'Contactverbod',
    freeText: 'Voorwaarden via reclassering.',
    despite: { orgs: ['vt' as const], acknowledgement: 'Zorgen VT gezien; contactverbod volstaat nu.' },
  };
  return [
    { name: 'returning: two earlier cases, a measure running', part: 'returning', card: card(returningSection(sampleReturning())) },
    {
      name: 'ao-ovj-decision: decided ondanks buikpijn before the escalation',
      part: 'ao-ovj-decision',
      card: card(aoOvjDecisionElements(ovj, '2026-11-24T08:00:00.000Z', now)),
    },
    {
      name: 'ao-ovj-decision: decided after, compact',
      part: 'ao-ovj-decision',
      card: card(aoOvjDecisionElements({ at: '2026-11-24T09:00:00.000Z', interventions: '' }, '2026-11-24T08:00:00.000Z', now, true)),
    },
    { name: 'advice-ao-outcome: recorded', part: 'advice-ao-outcome', card: card(adviceAoOutcomeElements(sampleOutcome(), now)) },
  ];
}
