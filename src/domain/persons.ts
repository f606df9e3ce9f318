import { z } from 'zod';

/**
 * A person in a case is only a role label plus (optionally) an age and a keyed pseudonym.
 * Names and birth dates are never accepted: the schemas are strict, so such fields are rejected.
 */
export const PERSON_ROLES = ['verdachte', 'slachtoffer', 'kind', 'ouder', 'getuige', 'overig'] as const;
export const personRoleSchema = z.enum(PERSON_ROLES);
export type PersonRole = z.infer<typeof personRoleSchema>;

export const personSchema = z
  .object({
    role: personRoleSchema,
    age: z.number().int().min(0).max(120).optional(),
    /** Pseudonymous key from the source system (already keyed there); re-keyed by us before storing. */
    personKey: z.string().min(8).max(128).optional(),
  })
  .strict();
export type PersonInput = z.infer<typeof personSchema>;

export interface Person {
  role: PersonRole;
  age?: number;
  /** Our own keyed pseudonym (HMAC of the source key), to recognise "oude bekenden". */
  pseudonym?: string;
}
