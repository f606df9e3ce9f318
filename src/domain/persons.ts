import { z } from 'zod';
import { relationshipSchema, violenceFormSchema } from './verdieping/people';

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
    /** When the source knows them (issue 14): the form of violence and the relationship to the suspect, as codes. Stored as the person's involvement, not on the person. */
    violenceForm: violenceFormSchema.optional(),
    relationship: relationshipSchema.optional(),
  })
  .strict();
export type PersonInput = z.infer<typeof personSchema>;

export interface Person {
  role: PersonRole;
  age?: number;
  /** Our own keyed pseudonym (HMAC of the source key), to recognise "oude bekenden". */
  pseudonym?: string;
}
