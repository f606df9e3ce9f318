import palette from '../../../../config/interventions.json';
import { composeAdvice, type ComposeAdviceInput } from '../../../../src/domain/advice/compose';
import { interventionPaletteSchema, type AdviceRecord, type Intervention } from '../../../../src/domain/advice/types';
import type { Case } from '../../../../src/domain/case';
import type { Contribution } from '../../../../src/domain/contribution';
import type { PartnerOrg } from '../../../../src/domain/orgs';
import type { ConcernVote } from '../../../../src/domain/vote';

/** Example data for the advice tests. Pseudonyms are distinctive so a leak is easy to spot. */
export const PSEUDONYMS = ['psn-7f3a9c21e4b0d6a8', 'psn-2b91c0ffee5a7d33'] as const;
export const CASE_ID = 'c0ffee12a9b8c7d6e5f4';

/** The palette as configured (config/interventions.json), validated like the app does. */
export const PALETTE: Intervention[] = interventionPaletteSchema.parse(palette).interventions;

export function adviceCase(overrides: Partial<Case> = {}): Case {
  return {
    id: CASE_ID,
    intakeHash: 'h'.repeat(64),
    locationId: 'midden-nederland',
    intakeAt: '2026-11-23T19:15:00.000Z',
    deadline: '2026-11-24T01:15:00.000Z',
    hgFlag: true,
    kmFlag: true,
    facts: {
      offenceCategory: 'mishandeling',
      summary: 'Melding via 112 door buren: geschreeuw in woning, slachtoffer met letsel aan arm. Kinderen aanwezig tijdens incident.',
      childrenInvolved: true,
      childAges: [9, 13],
      weaponMentioned: false,
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

export function contrib(i: number, orgId: PartnerOrg, overrides: Partial<Contribution> = {}): Contribution {
  return {
    id: `contrib-${i}`,
    caseId: CASE_ID,
    orgId,
    authorId: `aad-${i}`,
    source: 'own_system',
    text: `Bijdrage ${i}: gezin bekend sinds 2024, twee eerdere meldingen van partnergeweld.`,
    needToKnow: 'Patroon van herhaald geweld bepaalt of voorgeleiding nodig is.',
    createdAt: new Date(Date.parse('2026-11-23T19:30:00Z') + i * 60_000).toISOString(),
    ...overrides,
  };
}

export function vote(round: number, orgId: PartnerOrg, concern: boolean, overrides: Partial<ConcernVote> = {}): ConcernVote {
  return {
    id: `vote:${round}:${orgId}`,
    caseId: CASE_ID,
    round,
    orgId,
    concern,
    ...(concern ? { reason: 'Slachtoffer durft niet te verklaren; kinderen thuis.' } : {}),
    acuteUnsafe: false,
    voterId: `aad-${orgId}`,
    castAt: new Date(Date.parse('2026-11-23T20:00:00Z') + round * 40 * 60_000).toISOString(),
    ...overrides,
  };
}

/** A typical input: three contributions, two rounds, an earlier case, a mixed proposal (care listed before safety). */
export function adviceInput(overrides: Partial<ComposeAdviceInput> = {}): ComposeAdviceInput {
  return {
    case: adviceCase(),
    contributions: [
      contrib(2, 'politie', { text: 'Eerder aangifte van stalking door ex-partner; SASH ingevuld: hoog risico.' }),
      contrib(0, 'vt', { text: 'Gezin bekend bij VT sinds 2024. Signalen van dwingende controle.' }),
      contrib(1, '3ro'),
    ],
    votes: [
      vote(1, 'vt', true, { reason: 'B-SAFER wijst op verhoogd risico.' }),
      vote(1, 'politie', false),
      vote(2, 'rvdk', true, { acuteUnsafe: true, reason: 'Kinderen getuige van geweld.' }),
      vote(2, 'om', false),
    ],
    earlierCases: [{ caseId: 'earlier-case-1', intakeAt: '2025-03-01T10:00:00.000Z', sharedPseudonyms: 1 }],
    proposed: [
      { interventionId: 'reclasseringstoezicht', phase: 'care' },
      { interventionId: 'brief-betrokkene', phase: 'recovery', language: 'Pools' },
      { interventionId: 'contactverbod', phase: 'safety', note: 'ook via sociale media' },
      { interventionId: 'huisverbod', phase: 'safety' },
    ],
    palette: PALETTE,
    summary: 'Eerst veiligheid: contactverbod en huisverbod; daarna toezicht.',
    version: 1,
    composedAt: '2026-11-23T21:30:00.000Z',
    ...overrides,
  };
}

/** An advice record of the typical input in the given state (decided: with an acknowledgement of the remaining buikpijn). */
export function adviceRecord(
  status: AdviceRecord['status'],
  overrides: Partial<AdviceRecord> = {},
  input: Partial<ComposeAdviceInput> = {},
): AdviceRecord {
  const draft = composeAdvice(adviceInput(input));
  const sent = status !== 'draft' ? { sentAt: '2026-11-23T21:40:00.000Z' } : {};
  const decided: Partial<AdviceRecord> =
    status === 'decided'
      ? {
          decision: {
            at: '2026-11-23T22:05:00.000Z',
            by: 'aad-ovj-secret-0001',
            interventions: [{ interventionId: 'reclasseringstoezicht' }, { interventionId: 'contactverbod' }],
            freeText: 'Contactverbod per direct; toezicht door 3RO.',
            ...(draft.openConcern.length > 0
              ? { concernAcknowledgement: 'Buikpijn gezien; het contactverbod dekt het acute risico.' }
              : {}),
          },
        }
      : {};
  return { caseId: CASE_ID, status, draft, draftedBy: 'aad-lead-secret-0002', ...sent, ...decided, ...overrides };
}
