import { ACTIEOVERLEG_CARD_LIMITS, buildActieoverlegCard } from '../../../src/cards/actieoverleg-card';
import { cardBytes } from '../../../src/cards/budget';
import { largeActieoverlegView } from './fixtures';
import { sampleMeeting, sampleOutcome } from './ao-part-samples';
import { adaptiveCardProblems } from './validate';

describe('the Actieoverleg card with the meeting and the outcome at their largest', () => {
  it('stays a valid card within the byte budget on the stress case', () => {
    const long = 'x'.repeat(500);
    const base = largeActieoverlegView();
    const meeting = sampleMeeting({
      place: 'p'.repeat(120),
      preparations: (['politie', 'om', '3ro', 'rvdk', 'vt'] as const).map((orgId) => ({
        orgId,
        by: `aad-${orgId}`,
        at: base.now.toISOString(),
        brings: long,
      })),
    });
    const outcome = sampleOutcome({
      decisions: Array.from({ length: 20 }, () => ({ subject: 'intervention' as const, phase: 'care' as const, text: long })),
      actions: Array.from({ length: 30 }, () => ({ owner: 'vt' as const, what: long, due: '2026-12-01' })),
    });
    const card = buildActieoverlegCard({
      ...base,
      escalation: {
        ...base.escalation,
        caseOwner: { orgId: 'rvdk', aadObjectId: 'aad-rvdk', at: base.now.toISOString() },
        meeting,
        outcome,
      },
      viewerOrg: 'rvdk',
      now: new Date('2026-11-26T10:00:00Z'),
    });
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThanOrEqual(ACTIEOVERLEG_CARD_LIMITS.maxBytes);
  });
});
