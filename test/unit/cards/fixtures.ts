import type { CaseCardView } from '../../../src/cards/view';
import type { Case } from '../../../src/domain/case';
import type { Contribution } from '../../../src/domain/contribution';
import type { PartnerOrg } from '../../../src/domain/orgs';
import { locationSchema, type Location } from '../../../src/domain/roster';
import type { ConcernVote } from '../../../src/domain/vote';

/** Example data for the card tests only. Pseudonyms are distinctive so a leak is easy to spot. */
export const PSEUDONYMS = ['psn-7f3a9c21e4b0d6a8', 'psn-2b91c0ffee5a7d33'] as const;

export const NOW = new Date('2026-11-23T21:30:00Z'); // 22:30 in Amsterdam

export function sampleLocation(overrides: Partial<Location> = {}): Location {
  return locationSchema.parse({
    id: 'midden-nederland',
    name: 'ZSM Midden-Nederland',
    channelId: '19:zsm-mn-hg@thread.tacv2',
    termijnHours: 6,
    expectedOrgs: ['politie', 'om', '3ro', 'rvdk', 'shn', 'vt'],
    ...overrides,
  });
}

export function sampleCase(overrides: Partial<Case> = {}): Case {
  return {
    id: 'c0ffee12a9b8c7d6e5f4',
    externalId: 'BVH-2026-000123',
    intakeHash: 'h'.repeat(64),
    locationId: 'midden-nederland',
    intakeAt: '2026-11-23T19:15:00.000Z',
    deadline: '2026-11-24T01:15:00.000Z', // 02:15 in Amsterdam: 3 h 45 min after NOW
    hgFlag: true,
    kmFlag: true,
    facts: {
      offenceCategory: 'mishandeling',
      summary: 'Melding via 112 door buren: geschreeuw in woning, slachtoffer met letsel aan arm. Kinderen aanwezig tijdens incident.',
      childrenInvolved: true,
      childAges: [13, 9],
      weaponMentioned: true,
      victimContactSafe: 'nee',
      custody: 'in_verzekering',
    },
    persons: [
      { role: 'verdachte', age: 34, pseudonym: PSEUDONYMS[0] },
      { role: 'slachtoffer', age: 31, pseudonym: PSEUDONYMS[1] },
      { role: 'kind', age: 13 },
      { role: 'kind', age: 9 },
    ],
    status: 'open',
    round: 2,
    rounds: [
      { number: 1, startedAt: '2026-11-23T19:16:00.000Z', startedBy: 'intake-api', closedAt: '2026-11-23T20:30:00.000Z', closedReason: 'chair' },
      { number: 2, startedAt: '2026-11-23T20:30:00.000Z', startedBy: 'aad-om-chair' },
    ],
    actions: [],
    createdAt: '2026-11-23T19:16:00.000Z',
    createdBy: 'intake-api',
    ...overrides,
  };
}

export function contribution(i: number, overrides: Partial<Contribution> = {}): Contribution {
  const orgs: PartnerOrg[] = ['vt', 'politie', '3ro', 'rvdk', 'shn', 'om'];
  return {
    id: `contrib-${i}`,
    caseId: 'c0ffee12a9b8c7d6e5f4',
    orgId: orgs[i % orgs.length] as PartnerOrg,
    authorId: `aad-${i}`,
    source: 'eigen_systeem',
    text: `Bijdrage ${i}: gezin bekend bij VT sinds 2024, twee eerdere meldingen van partnergeweld.`,
    needToKnow: 'Patroon van herhaald geweld bepaalt of voorgeleiding nodig is.',
    createdAt: new Date(Date.parse('2026-11-23T19:30:00Z') + i * 60_000).toISOString(),
    ...overrides,
  };
}

export function vote(round: number, orgId: PartnerOrg, concern: boolean, overrides: Partial<ConcernVote> = {}): ConcernVote {
  return {
    id: `vote:${round}:${orgId}`,
    caseId: 'c0ffee12a9b8c7d6e5f4',
    round,
    orgId,
    concern,
    ...(concern ? { reason: 'Kinderen al bekend bij VT; slachtoffer durft niet te verklaren.' } : {}),
    acuteUnsafe: false,
    voterId: `aad-${orgId}`,
    castAt: '2026-11-23T20:40:00Z',
    ...overrides,
  };
}

/** A typical evening case: three contributions, round 2 half voted, viewed by politie. */
export function typicalView(overrides: Partial<CaseCardView> = {}): CaseCardView {
  return {
    case: sampleCase(),
    location: sampleLocation(),
    contributions: [contribution(0), contribution(1, { source: 'melding' }), contribution(2, { source: 'gesprek_betrokkene' })],
    votes: [
      vote(1, 'vt', true),
      vote(1, 'politie', false),
      vote(2, 'vt', true, { acuteUnsafe: true, reason: 'Verdachte dreigde eerder met mes; slachtoffer wil terug naar huis.' }),
      vote(2, 'om', false),
      vote(2, 'rvdk', true),
    ],
    viewerOrg: 'politie',
    refreshUserIds: ['29:1politie-mri', '29:1vt-mri', '29:1rvdk-mri'],
    now: NOW,
    ...overrides,
  };
}

/** The stress case: 8 organisations, 40 contributions of 2,000 characters, 10 rounds of 500-char reasons, 60 refresh users. */
export function largeView(): CaseCardView {
  const orgs: PartnerOrg[] = ['politie', 'om', '3ro', 'rvdk', 'shn', 'halt', 'vt'];
  const long = (n: number, seed: string) => `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n);
  const contributions = Array.from({ length: 40 }, (_, i) =>
    contribution(i, { text: long(2000, `Bijdrage ${i} met veel context é ü`), needToKnow: long(500, 'Waarom nodig') }),
  );
  const votes: ConcernVote[] = [];
  for (let round = 1; round <= 10; round++) {
    for (const org of orgs) votes.push(vote(round, org, true, { reason: long(500, `Reden ronde ${round}`), acuteUnsafe: round % 3 === 0 }));
  }
  return {
    case: sampleCase({ round: 10, facts: { ...sampleCase().facts, summary: long(2000, 'Samenvatting') } }),
    // Six expected organisations; halt votes too, so seven rows per round (every partner there is).
    location: sampleLocation({ expectedOrgs: ['politie', 'om', '3ro', 'rvdk', 'shn', 'vt'] }),
    contributions,
    votes,
    viewerOrg: 'vt',
    // Teams user MRIs ("29:…", about 90 characters each), the most refresh allows.
    refreshUserIds: Array.from({ length: 60 }, (_, i) => `29:1${'Zx9QvT3kLmN8pR2sW7yB4cD6fG1hJ5'.repeat(3)}${String(i).padStart(2, '0')}`),
    now: NOW,
  };
}
