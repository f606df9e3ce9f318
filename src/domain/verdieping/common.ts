import { z } from 'zod';
import type { PartnerOrg } from '../orgs';
import type { Person, PersonRole } from '../persons';

/**
 * Shared parts of verdieping (issue 14). Pure: no I/O, no Dutch text (labels live in
 * src/i18n/nl/verdieping.ts). Who acts (organisation, chair) comes from the roster, never from input.
 */

/** The acting roster member: their organisation, whether they chair, and their Entra object id (for "who"). */
export interface VerdiepingActor {
  orgId: PartnerOrg;
  chair: boolean;
  userId: string;
}

export const isoInstant = z.string().datetime({ offset: true });
/** A calendar date as a person in the Netherlands means it ("YYYY-MM-DD"). */
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A wall-clock time in Europe/Amsterdam ("HH:mm"). */
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** Free text stored with the case (never logged). */
export const note = (max = 500) => z.string().trim().min(1).max(max);

/**
 * A person of the case as a LABEL only: role plus ordinal among that role ("kind-2"), stable because
 * the persons list is fixed at intake. Never a name; the card renders it as "kind, 13 jr".
 */
export const personRefSchema = z.string().regex(/^(verdachte|slachtoffer|kind|ouder|getuige|overig)-[1-9]\d?$/);
export type PersonRefId = z.infer<typeof personRefSchema>;

export interface PersonRef {
  ref: PersonRefId;
  role: PersonRole;
  age?: number;
}

export function personRefs(persons: readonly Pick<Person, 'role' | 'age'>[]): PersonRef[] {
  const seen = new Map<PersonRole, number>();
  return persons.map((p) => {
    const n = (seen.get(p.role) ?? 0) + 1;
    seen.set(p.role, n);
    return { ref: `${p.role}-${n}`, role: p.role, ...(p.age !== undefined ? { age: p.age } : {}) };
  });
}

export type Result<T, E extends string> = ({ ok: true } & T) | { ok: false; error: E };
