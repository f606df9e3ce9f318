import { z } from 'zod';
import { partnerOrgSchema, type PartnerOrg } from './orgs';
import { escalationPolicySchema } from './rounds/escalation';
import { verdiepingConfigSchema } from './verdieping/config';
import { aftercareConfigSchema } from './aftercare/config';

/** chair: leads the rounds (usually an OvJ at the desk); ovj: receives the advice and records the decision. */
export const MEMBER_ROLES = ['member', 'chair', 'ovj', 'privacy', 'coordinator'] as const;

/** A desk member as the roster knows them: identified by their Entra (AAD) object id. */
export const memberSchema = z
  .object({
    aadObjectId: z.string().min(1).max(64),
    orgId: partnerOrgSchema,
    roles: z.array(z.enum(MEMBER_ROLES)).min(1).default(['member']),
    locations: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type Member = z.infer<typeof memberSchema>;

export const locationSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9-]+$/),
    name: z.string().min(1).max(100),
    /** Teams channel (thread root conversation id) where new case cards are posted. */
    channelId: z.string().min(1),
    /** Required: the Actieoverleg card goes here, never into the location channel (need-to-know). */
    actieoverlegChannelId: z.string().min(1),
    termijnHours: z.number().positive().max(72).default(6),
    /** Organisations expected to vote in a round. */
    expectedOrgs: z.array(partnerOrgSchema).min(1).default(['politie', 'om', '3ro', 'rvdk', 'shn', 'vt']),
    /** When a case goes to the Actieoverleg (thresholds per location). */
    escalation: escalationPolicySchema.default({}),
    reminders: z
      .object({
        /** Remind organisations that have not voted, this long after a round started. */
        missingVotesAfterMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .default(15),
        /** Then ask the organisation's deputy, this long after the round started. */
        deputyAfterMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .default(30),
        /** Remind the case thread this long before the ZSM termijn ends. */
        termijnMinutesBefore: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .default(60),
      })
      .strict()
      .default({}),
    /** Where the advice for the OvJ goes: this channel, else a 1:1 chat with the location's OvJ (role "ovj"); one of both is required. */
    ovjChannelId: z.string().min(1).optional(),
    /** After the decision, the case lead is asked what came of it after this many days. */
    followUpDays: z.number().int().min(1).max(180).default(14),
    /** Named deputy (Entra object id) per organisation, asked when nobody of it votes. */
    deputies: z.record(partnerOrgSchema, z.string().min(1)).default({}),
    /** Verdieping (issue 14): receiving parties, extra risk instruments, the safety escalation rules, the horizon limit. */
    verdieping: verdiepingConfigSchema.default({}),
    /** After the decision (issue 15): Actieoverleg reminder time, receiving parties, follow-up reminders. */
    aftercare: aftercareConfigSchema.default({}),
  })
  .strict();
export type Location = z.infer<typeof locationSchema>;

export const rosterFileSchema = z
  .object({
    locations: z.array(locationSchema).min(1),
    members: z.array(memberSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set(file.locations.map((l) => l.id));
    if (ids.size !== file.locations.length) ctx.addIssue({ code: 'custom', message: 'duplicate location id', path: ['locations'] });
    file.members.forEach((m, i) => {
      m.locations.forEach((loc, j) => {
        if (!ids.has(loc)) ctx.addIssue({ code: 'custom', message: `unknown location '${loc}'`, path: ['members', i, 'locations', j] });
      });
    });
    file.members.forEach((m, i) => {
      // Separation of duties: only the OM's officier van justitie records the decision.
      if (m.roles.includes('ovj') && m.orgId !== 'om')
        ctx.addIssue({ code: 'custom', message: "role 'ovj' is for members of organisation 'om' only", path: ['members', i, 'roles'] });
    });
    // The advice needs a target of its own: never the location channel.
    file.locations.forEach((l, i) => {
      if (l.ovjChannelId) return;
      if (!file.members.some((m) => m.locations.includes(l.id) && m.roles?.includes('ovj')))
        ctx.addIssue({
          code: 'custom',
          message: 'needs ovjChannelId or at least one member with role ovj',
          path: ['locations', i, 'ovjChannelId'],
        });
    });
    const seen = new Set<string>();
    file.members.forEach((m, i) => {
      if (seen.has(m.aadObjectId)) ctx.addIssue({ code: 'custom', message: 'duplicate member', path: ['members', i, 'aadObjectId'] });
      seen.add(m.aadObjectId);
    });
  });
export type RosterFile = z.infer<typeof rosterFileSchema>;
/** What a roster file may contain before defaults are applied (as written by hand or by tests). */
export type RosterFileInput = z.input<typeof rosterFileSchema>;

export type AuthzResult = { ok: true; member: Member } | { ok: false; reason: 'not_on_roster' | 'not_for_location' | 'not_chair' };

/**
 * May this roster member act on a case of this location? `undefined`: not on the roster. The member is
 * looked up by the directory (src/app/directory.ts); the organisation always comes from the roster.
 */
export function authorize(member: Member | undefined, locationId: string, need: 'member' | 'chair' = 'member'): AuthzResult {
  if (!member) return { ok: false, reason: 'not_on_roster' };
  if (!member.locations.includes(locationId)) return { ok: false, reason: 'not_for_location' };
  if (need === 'chair' && !member.roles.includes('chair')) return { ok: false, reason: 'not_chair' };
  return { ok: true, member };
}

/** Separation of duties: only an OvJ of the OM records the decision (not a chair, not another organisation). */
export function mayRecordDecision(member: Pick<Member, 'orgId' | 'roles'>): boolean {
  return member.orgId === 'om' && member.roles.includes('ovj');
}

/**
 * The users who get a personal card view: Teams wants their MRIs ("29:…", per bot), at most 60.
 * Members whose MRI the bot has not seen yet are left out (they can still refresh by hand).
 */
export function refreshUserIds(
  members: readonly Member[],
  locationId: string,
  mriByAad: Readonly<Record<string, string>>,
  max = 60,
): string[] {
  return members
    .filter((m) => m.locations.includes(locationId))
    .map((m) => mriByAad[m.aadObjectId])
    .filter((mri): mri is string => typeof mri === 'string' && mri.length > 0)
    .slice(0, max);
}

export type { PartnerOrg };
