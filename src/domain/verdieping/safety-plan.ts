import { z } from 'zod';
import { acceptingOld } from '../old-values';
import { OLD_SAFETY_STATUS } from '../old-values-verdieping';
import { partnerOrgSchema, type PartnerOrg } from '../orgs';
import { CLOSE_DESPITE_CONCERN_MIN_REASON, MAX_REASON } from '../rounds/inputs';
import { requireMillis, toIso, type Instant } from '../rounds/time';
import { localDate, note, personRefSchema, type PersonRef, type PersonRefId, type Result, type VerdiepingActor } from './common';
import type { ReceivingParty } from './config';

/**
 * Veiligheidsplan per person: for the victim, each child and (where relevant) the suspect, who holds
 * safety (an organisation and, if known, a configured receiving party), which measure, its status and
 * when it is checked. Safety first (gefaseerd samenwerken): no normal close while a person has no holder.
 */
export const SAFETY_STATUSES = ['proposed', 'running', 'realised', 'stopped'] as const;
export type SafetyStatus = (typeof SAFETY_STATUSES)[number];

export const safetyEntryInputSchema = z
  .object({
    personRef: personRefSchema,
    holderOrg: partnerOrgSchema,
    /** Id of a receiving party from the location's configuration (SAVE, wijkteam, ZVH ...). */
    receivingPartyId: z.string().min(1).max(40).optional(),
    measure: note(500),
    /** Old (Dutch) values from cards posted before issue 11 item 6 are taken as the new ones. */
    status: acceptingOld(OLD_SAFETY_STATUS, z.enum(SAFETY_STATUSES)),
    /** The Dutch date the plan is checked. */
    checkDate: localDate,
  })
  .strict();
export type SafetyEntryInput = z.infer<typeof safetyEntryInputSchema>;

export interface SafetyHolder {
  orgId: PartnerOrg;
  receivingPartyId?: string;
}

/** One document per person. An entry without a holder marks a person (e.g. the suspect) as needing one. */
export interface SafetyPlanEntry {
  caseId: string;
  personRef: PersonRefId;
  holder?: SafetyHolder;
  measure?: string;
  status?: SafetyStatus;
  checkDate?: string;
  updatedAt: string;
  updatedBy: { userId: string; orgId: PartnerOrg };
}

/** Victims and children always need a holder; another person (the suspect) once the plan names them. */
export const ALWAYS_NEEDS_HOLDER = ['slachtoffer', 'kind'] as const;

export type SafetyEntryError = 'case_closed' | 'unknown_person' | 'unknown_receiving_party' | 'unchanged';

export function setSafetyEntry(args: {
  caseId: string;
  caseOpen: boolean;
  persons: readonly PersonRef[];
  receivingParties: readonly ReceivingParty[];
  current: SafetyPlanEntry | undefined;
  actor: VerdiepingActor;
  input: SafetyEntryInput;
  now: Instant;
}): Result<{ entry: SafetyPlanEntry }, SafetyEntryError> {
  const { input, current } = args;
  if (!args.caseOpen) return { ok: false, error: 'case_closed' };
  if (!args.persons.some((p) => p.ref === input.personRef)) return { ok: false, error: 'unknown_person' };
  if (input.receivingPartyId !== undefined && !args.receivingParties.some((p) => p.id === input.receivingPartyId))
    return { ok: false, error: 'unknown_receiving_party' };
  const holder: SafetyHolder = { orgId: input.holderOrg, ...(input.receivingPartyId ? { receivingPartyId: input.receivingPartyId } : {}) };
  if (
    current?.holder?.orgId === holder.orgId &&
    current.holder.receivingPartyId === holder.receivingPartyId &&
    current.measure === input.measure &&
    current.status === input.status &&
    current.checkDate === input.checkDate
  )
    return { ok: false, error: 'unchanged' };
  return {
    ok: true,
    entry: {
      caseId: args.caseId,
      personRef: input.personRef,
      holder,
      measure: input.measure,
      status: input.status,
      checkDate: input.checkDate,
      updatedAt: toIso(requireMillis(args.now, 'now')),
      updatedBy: { userId: args.actor.userId, orgId: args.actor.orgId },
    },
  };
}

/** Persons who need a safety holder and have none, in the order of the case's persons. */
export function personsWithoutHolder(persons: readonly PersonRef[], plan: readonly SafetyPlanEntry[]): PersonRef[] {
  const byRef = new Map(plan.map((e) => [e.personRef, e]));
  return persons.filter((p) => {
    const entry = byRef.get(p.ref);
    const needs = (ALWAYS_NEEDS_HOLDER as readonly string[]).includes(p.role) || entry !== undefined;
    return needs && !entry?.holder;
  });
}

/** Entries whose check date has come (Dutch dates compare as strings), for the agenda and reminders. */
export function entriesToCheck(plan: readonly SafetyPlanEntry[], todayLocal: string): SafetyPlanEntry[] {
  return plan.filter((e) => e.holder && e.checkDate !== undefined && e.checkDate <= todayLocal && e.status !== 'stopped');
}

export type SafetyCloseCheck = { ok: true } | { ok: false; error: 'safety_not_placed'; persons: PersonRefId[] };

/** The closing rule: a case closes normally only when every person who needs one has a safety holder. */
export function canCloseWithSafetyPlan(persons: readonly PersonRef[], plan: readonly SafetyPlanEntry[]): SafetyCloseCheck {
  const missing = personsWithoutHolder(persons, plan);
  return missing.length === 0 ? { ok: true } : { ok: false, error: 'safety_not_placed', persons: missing.map((p) => p.ref) };
}

export const closeDespiteSafetyInputSchema = z
  .object({ reason: z.string().trim().min(CLOSE_DESPITE_CONCERN_MIN_REASON).max(MAX_REASON) })
  .strict();

/** Closing "ondanks": only the chair, with a reason (as for buikpijn); the unplaced persons are recorded with it. */
export function closeDespiteSafety(args: {
  actor: Pick<VerdiepingActor, 'chair'>;
  reason: string;
  persons: readonly PersonRef[];
  plan: readonly SafetyPlanEntry[];
}): Result<{ reason: string; unplaced: PersonRefId[] }, 'not_chair' | 'reason_too_short' | 'reason_too_long'> {
  if (!args.actor.chair) return { ok: false, error: 'not_chair' };
  const reason = args.reason.trim();
  if (reason.length < CLOSE_DESPITE_CONCERN_MIN_REASON) return { ok: false, error: 'reason_too_short' };
  if (reason.length > MAX_REASON) return { ok: false, error: 'reason_too_long' };
  return { ok: true, reason, unplaced: personsWithoutHolder(args.persons, args.plan).map((p) => p.ref) };
}

/** The plan marks a person (the suspect) as needing a holder before anyone is named. */
export function markNeedsHolder(args: {
  caseId: string;
  persons: readonly PersonRef[];
  current: SafetyPlanEntry | undefined;
  personRef: PersonRefId;
  actor: VerdiepingActor;
  now: Instant;
}): Result<{ entry: SafetyPlanEntry; changed: boolean }, 'unknown_person'> {
  if (!args.persons.some((p) => p.ref === args.personRef)) return { ok: false, error: 'unknown_person' };
  if (args.current) return { ok: true, entry: args.current, changed: false };
  return {
    ok: true,
    changed: true,
    entry: {
      caseId: args.caseId,
      personRef: args.personRef,
      updatedAt: toIso(requireMillis(args.now, 'now')),
      updatedBy: { userId: args.actor.userId, orgId: args.actor.orgId },
    },
  };
}
