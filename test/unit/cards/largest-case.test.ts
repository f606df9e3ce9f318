import { buildCaseCard, CASE_CARD_LIMITS } from '../../../src/cards/case-card';
import { VD_VIEW_VERB } from '../../../src/cards/verdieping-inputs';
import { VERBS } from '../../../src/cards/verbs';
import type { CaseCardView } from '../../../src/cards/view';
import { adviceRecord, PALETTE } from '../domain/advice/fixtures';
import { sampleMeeting, sampleOutcome } from './ao-part-samples';
import { largeView, NOW, PSEUDONYMS } from './fixtures';
import { signalsView } from './signals-fixtures';
import { withVerdieping } from './verdieping-fixtures';
import { adaptiveCardProblems, executeActions } from './validate';
import { texts, utf16Bytes } from './walk';
import { backupAnsweredRecord, REGIONS } from './vt-fixtures';

/**
 * The card size test on the largest case there is (issue 12, "the card size test still passes on the
 * largest case"): everything the other size tests load one at a time, at once — ten rounds of seven
 * organisations with long reasons, forty long contributions, ten actions, 60 refresh users, the
 * chair's view; verdieping with 30 duiding versions of 2,000 characters and a plan and involvement for
 * four people; questions, instruments and a violated measure; a VT consultation answered by the backup
 * with a call-back; a large advice; and the Actieoverleg with its meeting and outcome.
 */
const long = (n: number, seed: string) => `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n);

function largestView(): CaseCardView {
  const base = largeView();
  const refs = ['verdachte-1', 'slachtoffer-1', 'kind-1', 'kind-2'];
  const deep = withVerdieping(base, { versions: 30, confirm: 29, fieldLength: 2000, safetyFor: refs, involvementFor: refs });
  const signals = signalsView('vt');
  const all = PALETTE.map((i) => ({ interventionId: i.id, phase: i.phase }));
  return {
    ...deep,
    rosterOrgs: signals.rosterOrgs,
    verdiepingDocs: signals.verdiepingDocs,
    vt: {
      regionId: 'utrecht',
      regionName: 'Utrecht',
      regionChoices: REGIONS,
      consultation: backupAnsweredRecord(),
    },
    advice: adviceRecord('draft', {}, { proposed: all, summary: long(2000, 'Samenvatting advies é') }),
    palette: PALETTE,
    escalation: {
      ...(base.escalation as NonNullable<CaseCardView['escalation']>),
      meeting: sampleMeeting(),
      outcome: sampleOutcome({
        decisions: Array.from({ length: 20 }, (_, i) => ({
          subject: 'intervention' as const,
          phase: 'care' as const,
          text: long(500, `Besluit ${i}`),
        })),
        actions: Array.from({ length: 30 }, (_, i) => ({ owner: 'vt' as const, what: long(500, `Actie ${i}`), due: '2026-12-01' })),
      }),
    },
    now: NOW,
  };
}

describe('case card: the largest case, with verdieping, VT, advice and the Actieoverleg at once', () => {
  const view = largestView();
  const card = buildCaseCard(view);

  it('loads every part (the fixture is what it says)', () => {
    expect(view.verdieping?.inVerdieping).toBe(true);
    expect(view.verdiepingDocs?.infoRequests.length).toBeGreaterThan(0);
    expect(view.escalation?.outcome?.actions).toHaveLength(30);
    expect(view.contributions).toHaveLength(40);
  });

  it('stays within the 38 KB budget and is a valid Adaptive Card', () => {
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('keeps line 1, the vote, a contribution and "Verdiepen"', () => {
    const all = texts(card);
    expect(all[0]).toMatch(/Volgende bespreking|ronde 10/);
    expect(executeActions(card).map((a) => a.verb)).toEqual(expect.arrayContaining([VERBS.voteNoConcern, VD_VIEW_VERB]));
    expect(all.filter((x) => x.startsWith('Bijdrage ')).length).toBeGreaterThan(0);
  });

  it('fits by cutting the refresh list (those left out press "Openen"), not by dropping the vote or the contribution', () => {
    const users = (card.refresh as { userIds: string[] } | undefined)?.userIds ?? [];
    expect(users.length).toBeGreaterThan(0);
    expect(users.length).toBeLessThan(view.refreshUserIds.length);
    expect(users).toEqual(view.refreshUserIds.slice(0, users.length));
    // The large case without the rest keeps all 60.
    expect((buildCaseCard(largeView()).refresh as { userIds: string[] }).userIds).toHaveLength(60);
  });

  it('never shows a pseudonym', () => {
    const json = JSON.stringify(card);
    for (const p of PSEUDONYMS) expect(json).not.toContain(p);
  });
});
