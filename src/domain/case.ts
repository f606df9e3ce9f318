import { z } from 'zod';
import type { CaseClosure } from './escalation-record';
import type { PartnerOrg } from './orgs';
import { personSchema, type Person } from './persons';
import { detectPii, type PiiKind } from './pii';
import { normalizeCaseAftercare } from './old-values-aftercare';
import { normalizeCaseAdvice } from './old-values-advice';
import type { CaseAction } from './rounds/case-lifecycle';
import type { RoundInfo } from './rounds/round';

export const OFFENCE_CATEGORIES = [
  'mishandeling',
  'bedreiging',
  'stalking',
  'vernieling',
  'zedendelict',
  'vrijheidsberoving',
  'overig',
] as const;
export const CUSTODY_STATUSES = ['in_verzekering', 'heengezonden', 'voorgeleiding', 'onbekend'] as const;
export const VICTIM_CONTACT = ['ja', 'nee', 'onbekend'] as const;

const isoInstant = z.string().datetime({ offset: true });

/** Intake as the police/ZSM system sends it (POST /api/cases) — validated at the edge. */
export const caseIntakeSchema = z
  .object({
    externalId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._:-]+$/),
    locationId: z.string().min(1).max(64),
    intakeAt: isoInstant,
    offenceCategory: z.enum(OFFENCE_CATEGORIES),
    hgFlag: z.boolean(),
    children: z.object({ involved: z.boolean(), ages: z.array(z.number().int().min(0).max(17)).max(20).default([]) }).strict(),
    persons: z.array(personSchema).min(1).max(20),
    summary: z.string().min(1).max(2000),
    weaponMentioned: z.boolean().default(false),
    victimContactSafe: z.enum(VICTIM_CONTACT).default('onbekend'),
    custody: z.enum(CUSTODY_STATUSES).default('onbekend'),
    /** Municipality of the incident/household: decides the Veilig Thuis region. */
    municipality: z.string().trim().min(1).max(100).optional(),
    /** The source's own reference for the desk (parketnummer, BVH number), shown only in personal views. */
    displayReference: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9][A-Za-z0-9 ./_:-]*$/)
      .optional(),
  })
  .strict();
export type CaseIntake = z.infer<typeof caseIntakeSchema>;

export type CaseStatus = 'open' | 'closed';

export interface CaseFacts {
  offenceCategory: (typeof OFFENCE_CATEGORIES)[number];
  summary: string;
  childrenInvolved: boolean;
  childAges: number[];
  weaponMentioned: boolean;
  victimContactSafe: (typeof VICTIM_CONTACT)[number];
  custody: (typeof CUSTODY_STATUSES)[number];
}

/** The case aggregate root (one document, partition = case id). */
export interface Case {
  /** A keyed hash (HMAC) of the source's external id; the clear external id is never stored. */
  id: string;
  /** Keyed hash of the normalised intake, to tell a re-delivery from a conflicting one (the body itself is not kept for it). */
  intakeHash: string;
  locationId: string;
  intakeAt: string;
  deadline: string;
  hgFlag: boolean;
  kmFlag: boolean;
  facts: CaseFacts;
  persons: Person[];
  status: CaseStatus;
  /** The current round number (= the newest entry of `rounds`). */
  round: number;
  rounds: RoundInfo[];
  /** Regie: one organisation at a time. */
  caseLead?: { orgId: PartnerOrg; since: string };
  actions: CaseAction[];
  /** The Veilig Thuis region (from the municipality; the desk can correct it). */
  vtRegionId?: string;
  /** Door-geagendeerd to this moment. */
  reAgendaAt?: string;
  closure?: CaseClosure;
  /** The source's display reference (parketnummer, BVH number), for the desk's personal view only. */
  displayReference?: string;
  /** Likely identifiers found in the police summary at intake (a warning to the desk, not a refusal). */
  summaryPii?: PiiKind[];
  createdAt: string;
  createdBy: string;
}

/** Cases stored before rounds existed get the fields they lack (read-time upgrade, no migration). */
export function normalizeCase(stored: Case): Case {
  // Cases from before issue 10 carried the clear external id: drop it, so the next write removes it from the store.
  const { externalId: _clear, ...c } = stored as Case & { externalId?: string };
  const rounds = c.rounds ?? [{ number: 1, startedAt: c.createdAt, startedBy: c.createdBy }];
  // Action statuses stored in Dutch before issue 11 item 6 read as the English ones (src/domain/old-values-aftercare.ts).
  return normalizeCaseAdvice(
    normalizeCaseAftercare({
      ...c,
      rounds,
      actions: c.actions ?? [],
      round: rounds.length > 0 ? Math.max(...rounds.map((r) => r.number)) : c.round,
    }),
  );
}

const HOUR_MS = 3_600_000;

/** ZSM termijn: intake + N hours (six by default, per location). */
export function computeDeadline(intakeAt: string, termijnHours: number): string {
  return new Date(Date.parse(intakeAt) + termijnHours * HOUR_MS).toISOString();
}

/** KM (kindermishandeling) applies when children are involved in an HG case. */
export function isKm(intake: Pick<CaseIntake, 'children' | 'persons'>): boolean {
  return intake.children.involved || intake.persons.some((p) => p.role === 'kind');
}

export function childAges(intake: Pick<CaseIntake, 'children' | 'persons'>): number[] {
  const fromPersons = intake.persons.filter((p) => p.role === 'kind' && p.age !== undefined).map((p) => p.age as number);
  const ages = intake.children.ages.length > 0 ? intake.children.ages : fromPersons;
  return [...ages].sort((a, b) => b - a);
}

export function buildCase(args: {
  id: string;
  intake: CaseIntake;
  intakeHash: string;
  persons: Person[];
  termijnHours: number;
  now: string;
  createdBy: string;
}): Case {
  const { intake } = args;
  return {
    id: args.id,
    intakeHash: args.intakeHash,
    locationId: intake.locationId,
    intakeAt: new Date(intake.intakeAt).toISOString(),
    deadline: computeDeadline(intake.intakeAt, args.termijnHours),
    hgFlag: intake.hgFlag,
    kmFlag: isKm(intake),
    facts: {
      offenceCategory: intake.offenceCategory,
      summary: intake.summary,
      childrenInvolved: isKm(intake),
      childAges: childAges(intake),
      weaponMentioned: intake.weaponMentioned,
      victimContactSafe: intake.victimContactSafe,
      custody: intake.custody,
    },
    persons: args.persons,
    status: 'open',
    round: 1,
    rounds: [{ number: 1, startedAt: args.now, startedBy: args.createdBy }],
    actions: [],
    ...(intake.displayReference ? { displayReference: intake.displayReference } : {}),
    ...summaryPii(intake.summary, args.now),
    createdAt: args.now,
    createdBy: args.createdBy,
  };
}

function summaryPii(summary: string, now: string): { summaryPii?: PiiKind[] } {
  const kinds = detectPii(summary, { referenceYear: new Date(now).getUTCFullYear() });
  return kinds.length > 0 ? { summaryPii: kinds } : {};
}

/** Time left until the termijn, in whole minutes (negative when passed). */
export function minutesLeft(deadline: string, now: Date): number {
  return Math.floor((Date.parse(deadline) - now.getTime()) / 60_000);
}
