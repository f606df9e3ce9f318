import { z } from 'zod';
import { acceptingOld } from '../old-values';
import { OLD_RELATIONSHIP, OLD_VIOLENCE_FORM } from '../old-values-verdieping';
import { partnerOrgSchema, type PartnerOrg } from '../orgs';
import { requireMillis, toIso, type Instant } from '../rounds/time';
import { note, personRefSchema, type PersonRef, type PersonRefId, type Result, type VerdiepingActor } from './common';

/**
 * People involved, per person LABEL (never a name): the form of violence and the relationship, whether
 * they were spoken to and by whom, their wishes in a few words, and whether they were told their case
 * is discussed. `whatIsMissing` feeds the advice ("met de dochter is niet gesproken").
 */
export const VIOLENCE_FORMS = [
  'partner_violence',
  'ex_partner_stalking',
  'honour_based_violence',
  'elder_abuse',
  'child_abuse',
  'child_to_parent_violence',
  'other',
] as const;
export type ViolenceForm = (typeof VIOLENCE_FORMS)[number];

/** Relationship to the suspect. */
export const RELATIONSHIPS = ['partner', 'ex_partner', 'child', 'parent', 'other_relative', 'housemate', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** The enums as card submits and the intake send them: old (Dutch) values are taken as the new ones. */
export const violenceFormSchema = acceptingOld(OLD_VIOLENCE_FORM, z.enum(VIOLENCE_FORMS));
export const relationshipSchema = acceptingOld(OLD_RELATIONSHIP, z.enum(RELATIONSHIPS));

/** A partial update: only the fields sent change. `spokenBy: null` records "not spoken to (yet)". */
export const involvementInputSchema = z
  .object({
    personRef: personRefSchema,
    violenceForm: violenceFormSchema.optional(),
    relationship: relationshipSchema.optional(),
    spokenBy: partnerOrgSchema.nullable().optional(),
    wishes: note(300).optional(),
    informed: z.boolean().optional(),
  })
  .strict()
  .refine((i) => Object.keys(i).length > 1, { message: 'nothing to change' });
export type InvolvementInput = z.infer<typeof involvementInputSchema>;

export interface Involvement {
  caseId: string;
  personRef: PersonRefId;
  violenceForm?: ViolenceForm;
  relationship?: Relationship;
  /** Spoken to: by which organisation, when recorded. `null` = recorded as not spoken to. */
  spokenTo?: { byOrg: PartnerOrg; recordedAt: string } | null;
  wishes?: string;
  /** Told that their case is discussed at ZSM. */
  informed?: boolean;
  /** Where the violence form / relationship came from: the intake source or the card. */
  source: 'intake' | 'card';
  updatedAt: string;
  updatedBy?: { userId: string; orgId: PartnerOrg };
}

export function updateInvolvement(args: {
  caseId: string;
  caseOpen: boolean;
  persons: readonly PersonRef[];
  current: Involvement | undefined;
  actor: VerdiepingActor;
  input: InvolvementInput;
  now: Instant;
}): Result<{ involvement: Involvement; changed: boolean }, 'case_closed' | 'unknown_person'> {
  const { input, current } = args;
  if (!args.caseOpen) return { ok: false, error: 'case_closed' };
  if (!args.persons.some((p) => p.ref === input.personRef)) return { ok: false, error: 'unknown_person' };
  const nowIso = toIso(requireMillis(args.now, 'now'));
  const next: Involvement = { ...(current ?? { caseId: args.caseId, personRef: input.personRef, source: 'card' }), updatedAt: nowIso };
  if (input.violenceForm !== undefined) next.violenceForm = input.violenceForm;
  if (input.relationship !== undefined) next.relationship = input.relationship;
  if (input.wishes !== undefined) next.wishes = input.wishes;
  if (input.informed !== undefined) next.informed = input.informed;
  if (input.spokenBy !== undefined) {
    const same = input.spokenBy === null ? current?.spokenTo === null : current?.spokenTo?.byOrg === input.spokenBy;
    if (!same) next.spokenTo = input.spokenBy === null ? null : { byOrg: input.spokenBy, recordedAt: nowIso };
  }
  const changed =
    !current ||
    (['violenceForm', 'relationship', 'wishes', 'informed'] as const).some((k) => current[k] !== next[k]) ||
    current.spokenTo !== next.spokenTo;
  if (!changed) return { ok: true, involvement: current, changed: false };
  return { ok: true, changed: true, involvement: { ...next, updatedBy: { userId: args.actor.userId, orgId: args.actor.orgId } } };
}

/** What the advice lists as missing. Kept as codes; the Dutch sentence is built in i18n. */
export type MissingItem = 'niet_gesproken' | 'niet_geinformeerd' | 'geweldsvorm_onbekend' | 'relatie_onbekend' | 'wensen_onbekend';

const ROLES_CHECKED = ['slachtoffer', 'kind', 'verdachte'] as const;

/**
 * Per person whose situation the advice must cover (victim, children, suspect): what is not known
 * yet. The suspect's relationship is not asked (it is the reference) and their wishes are not asked.
 */
export function whatIsMissing(
  persons: readonly PersonRef[],
  involvements: readonly Involvement[],
): { person: PersonRef; missing: MissingItem[] }[] {
  const byRef = new Map(involvements.map((i) => [i.personRef, i]));
  const out: { person: PersonRef; missing: MissingItem[] }[] = [];
  for (const person of persons) {
    if (!(ROLES_CHECKED as readonly string[]).includes(person.role)) continue;
    const i = byRef.get(person.ref);
    const missing: MissingItem[] = [];
    if (!i?.spokenTo) missing.push('niet_gesproken');
    if (i?.informed !== true) missing.push('niet_geinformeerd');
    if (!i?.violenceForm) missing.push('geweldsvorm_onbekend');
    if (person.role !== 'verdachte' && !i?.relationship) missing.push('relatie_onbekend');
    if (person.role !== 'verdachte' && !i?.wishes) missing.push('wensen_onbekend');
    if (missing.length > 0) out.push({ person, missing });
  }
  return out;
}

/**
 * What the intake source may send per person (to be added to the intake's person schema when wired):
 * the form of violence and the relationship to the suspect. Codes only, no free text.
 */
export const intakeInvolvementSchema = z
  .object({ violenceForm: violenceFormSchema.optional(), relationship: relationshipSchema.optional() })
  .strict();
export type IntakeInvolvement = z.infer<typeof intakeInvolvementSchema>;

/** Involvement documents from the intake (source 'intake'), one per person the source said something about, in person order. */
export function involvementsFromIntake(
  caseId: string,
  persons: readonly PersonRef[],
  sent: readonly IntakeInvolvement[],
  now: Instant,
): Involvement[] {
  const at = toIso(requireMillis(now, 'now'));
  return persons.flatMap((p, i) => {
    const s = sent[i];
    if (!s || (s.violenceForm === undefined && s.relationship === undefined)) return [];
    return [
      {
        caseId,
        personRef: p.ref,
        ...(s.violenceForm ? { violenceForm: s.violenceForm } : {}),
        ...(s.relationship ? { relationship: s.relationship } : {}),
        source: 'intake' as const,
        updatedAt: at,
      },
    ];
  });
}
