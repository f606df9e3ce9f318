import type { ActieoverlegCardView, AgendaView, CaseCardView } from '../../../src/cards/view';
import type { Case } from '../../../src/domain/case';
import type { Contribution } from '../../../src/domain/contribution';
import type { EscalationRecord } from '../../../src/domain/escalation-record';
import type { CaseAction, RoundInfo } from '../../../src/domain/rounds';
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
    actieoverlegChannelId: '19:zsm-mn-actieoverleg@thread.tacv2',
    termijnHours: 6,
    expectedOrgs: ['politie', 'om', '3ro', 'rvdk', 'shn', 'vt'],
    ...overrides,
  });
}

export function sampleCase(overrides: Partial<Case> = {}): Case {
  return {
    id: 'c0ffee12a9b8c7d6e5f4',
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
      {
        number: 1,
        startedAt: '2026-11-23T19:16:00.000Z',
        startedBy: 'intake-api',
        closedAt: '2026-11-23T20:30:00.000Z',
        closedReason: 'chair',
      },
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
    source: 'own_system',
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

/** An action of the case; due one hour after NOW unless overridden. */
export function caseAction(i: number, overrides: Partial<CaseAction> = {}): CaseAction {
  const orgs: PartnerOrg[] = ['politie', 'vt', 'rvdk', '3ro', 'om', 'shn'];
  return {
    id: `action-${i}`,
    what: `Actie ${i}: veiligheidsplan met slachtoffer bespreken`,
    orgId: orgs[i % orgs.length] as PartnerOrg,
    dueAt: new Date(NOW.getTime() + 60 * 60_000).toISOString(),
    status: 'open',
    createdAt: '2026-11-23T20:45:00.000Z',
    ...overrides,
  };
}

/** Rounds 1..n, all closed except (when `lastOpen`) the last; 20 minutes apart from intake on. */
export function roundsUpTo(n: number, lastOpen = true): RoundInfo[] {
  const start = Date.parse('2026-11-23T19:16:00.000Z');
  return Array.from({ length: n }, (_, i) => {
    const startedAt = new Date(start + i * 20 * 60_000).toISOString();
    const closedAt = new Date(start + (i + 1) * 20 * 60_000).toISOString();
    const open = lastOpen && i === n - 1;
    return {
      number: i + 1,
      startedAt,
      startedBy: i === 0 ? 'intake-api' : 'aad-om-chair',
      ...(open ? {} : { closedAt, closedReason: 'chair' as const }),
    };
  });
}

/** The escalation of the typical case: VT marked acute unsafety in round 2. */
export function sampleEscalation(overrides: Partial<EscalationRecord> = {}): EscalationRecord {
  return {
    caseId: 'c0ffee12a9b8c7d6e5f4',
    at: '2026-11-23T21:10:00.000Z', // 22:10 in Amsterdam
    rule: 'acute_unsafe',
    orgs: ['vt'],
    reasons: [{ orgId: 'vt', round: 2, reason: 'Verdachte dreigde eerder met mes; slachtoffer wil terug naar huis.', acuteUnsafe: true }],
    question:
      'Strafrechtelijk onderzoek en vervolging, ja of nee? En wat is nodig voor de veiligheid van en zorg voor de kinderen (13 en 9 jr)?',
    attendees: ['politie', 'vt', 'om', '3ro', 'rvdk'],
    ...overrides,
  };
}

/** A typical evening case: three contributions, round 2 half voted, viewed by politie. */
export function typicalView(overrides: Partial<CaseCardView> = {}): CaseCardView {
  return {
    case: sampleCase(),
    location: sampleLocation(),
    contributions: [contribution(0), contribution(1, { source: 'report' }), contribution(2, { source: 'talk_with_involved' })],
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
  // Ten actions with long descriptions: three overdue, five open, two settled.
  const actions = Array.from({ length: 10 }, (_, i) =>
    caseAction(i, {
      what: long(500, `Actie ${i} met een lange omschrijving é`),
      dueAt: new Date(NOW.getTime() + (i - 3) * 30 * 60_000).toISOString(),
      ...(i >= 8 ? { status: i === 8 ? ('done' as const) : ('not_carried_out' as const), settledAt: NOW.toISOString() } : {}),
    }),
  );
  const reasons = votes
    .filter((v) => v.concern)
    .map((v) => ({ orgId: v.orgId, round: v.round, reason: v.reason, acuteUnsafe: v.acuteUnsafe }));
  return {
    case: sampleCase({
      round: 10,
      rounds: roundsUpTo(10),
      facts: { ...sampleCase().facts, summary: long(2000, 'Samenvatting') },
      caseLead: { orgId: 'rvdk', since: '2026-11-23T20:40:00.000Z' },
      actions,
      reAgendaAt: '2026-11-24T08:00:00.000Z',
    }),
    // Six expected organisations; halt votes too, so seven rows per round (every partner there is).
    location: sampleLocation({ expectedOrgs: ['politie', 'om', '3ro', 'rvdk', 'shn', 'vt'] }),
    contributions,
    votes,
    viewerOrg: 'vt',
    // The chair's view: every control there is.
    viewerIsChair: true,
    escalation: sampleEscalation({
      rule: 'persistent_rounds',
      orgs: ['politie', 'om', '3ro', 'rvdk', 'shn', 'halt', 'vt'],
      reasons,
      question: long(1000, 'Wat is nodig voor de veiligheid'),
      caseOwner: { orgId: 'vt', aadObjectId: 'aad-owner-vt-0001', at: '2026-11-23T21:20:00.000Z' },
    }),
    // Teams user MRIs ("29:…", about 90 characters each), the most refresh allows.
    refreshUserIds: Array.from({ length: 60 }, (_, i) => `29:1${'Zx9QvT3kLmN8pR2sW7yB4cD6fG1hJ5'.repeat(3)}${String(i).padStart(2, '0')}`),
    now: NOW,
  };
}

export const CASE_LINK = 'https://teams.microsoft.com/l/message/19%3Azsm-mn-hg%40thread.tacv2/1700000000000?parentMessageId=1700000000000';

/** The Actieoverleg card of the typical case (acute unsafety marked by VT in round 2). */
export function actieoverlegView(overrides: Partial<ActieoverlegCardView> = {}): ActieoverlegCardView {
  const v = typicalView();
  return {
    case: v.case,
    location: v.location,
    escalation: sampleEscalation(),
    contributions: v.contributions,
    votes: v.votes,
    caseLink: CASE_LINK,
    now: NOW,
    ...overrides,
  };
}

/** The stress case at the Actieoverleg: 70 long reasons over 10 rounds, 40 long contributions, a 1,000-character question. */
export function largeActieoverlegView(): ActieoverlegCardView {
  const v = largeView();
  return {
    case: v.case,
    location: v.location,
    escalation: { ...(v.escalation as EscalationRecord), caseOwner: undefined },
    contributions: v.contributions,
    votes: v.votes,
    caseLink: `${CASE_LINK}&${'x'.repeat(400)}`,
    viewerIsChair: true,
    notice: { kind: 'good', text: 'De vraag is aangepast.' },
    now: NOW,
  };
}

/** An open case for the agenda, with its own id and deadline. */
export function agendaItem(
  i: number,
  overrides: { case?: Partial<Case> } & Partial<Omit<AgendaView['items'][number], 'case'>> = {},
): AgendaView['items'][number] {
  const { case: caseOverrides, ...rest } = overrides;
  return {
    case: sampleCase({
      id: `a9e${i}d${i}00b1c2d3e4f5`,
      deadline: new Date(NOW.getTime() + (i + 1) * 60 * 60_000).toISOString(),
      ...caseOverrides,
    }),
    concernOrgs: [],
    acuteUnsafe: false,
    escalated: false,
    ...rest,
  };
}

export function agendaView(overrides: Partial<AgendaView> = {}): AgendaView {
  return {
    location: sampleLocation(),
    items: [
      agendaItem(1, {
        case: { deadline: '2026-11-23T21:00:00.000Z' },
        concernOrgs: ['om', 'vt'],
        acuteUnsafe: true,
        escalated: true,
        caseLink: CASE_LINK,
      }),
      agendaItem(2, {
        case: { deadline: '2026-11-23T22:00:00.000Z', facts: { ...sampleCase().facts, offenceCategory: 'stalking' } },
        concernOrgs: ['rvdk'],
      }),
      agendaItem(3, { case: { deadline: '2026-11-24T01:15:00.000Z', reAgendaAt: '2026-11-24T08:00:00.000Z' } }),
    ],
    now: NOW,
    ...overrides,
  };
}
