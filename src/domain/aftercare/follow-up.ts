import { z } from 'zod';
import type { PartnerOrg } from '../orgs';
import { HOUR_MS, requireMillis, type Instant } from '../rounds/time';

/**
 * "Wat is ervan gekomen?": asked of the case lead (1:1, with a mention in the thread), reminded
 * while unanswered, and the answer goes to the thread, the contributors and the OvJ's advice card.
 */
export const followUpConfigSchema = z
  .object({
    /** Hours after asking (and after each reminder) before the next reminder. */
    reminderAfterHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(48),
    maxReminders: z.number().int().min(0).max(5).default(2),
  })
  .strict();
export type FollowUpConfig = z.infer<typeof followUpConfigSchema>;

export const FOLLOW_UP_OUTCOMES = ['carried_out', 'partly_carried_out', 'not_carried_out', 'unknown'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const followUpAnswerSchema = z
  .object({ outcome: z.enum(FOLLOW_UP_OUTCOMES), text: z.string().trim().max(1000).optional() })
  .strict();
export type FollowUpAnswer = z.infer<typeof followUpAnswerSchema>;

export interface FollowUp {
  caseId: string;
  askedAt: string;
  askedBy: string;
  /** The case lead at the moment of asking. */
  addressee: { orgId: PartnerOrg; aadObjectId?: string };
  remindersSent: number;
  nextReminderAt?: string;
  answer?: FollowUpAnswer & { by: string; orgId: PartnerOrg; at: string };
}

export type FollowUpError = 'no_case_lead' | 'already_open';

/** Asking needs a case lead; an open (unanswered) question is not asked twice. */
export function askFollowUp(args: {
  caseId: string;
  caseLead: { orgId: PartnerOrg; aadObjectId?: string } | undefined;
  open: FollowUp | undefined;
  askedBy: string;
  config: FollowUpConfig;
  now: Instant;
}): { ok: true; followUp: FollowUp } | { ok: false; error: FollowUpError } {
  if (!args.caseLead) return { ok: false, error: 'no_case_lead' };
  if (args.open && !args.open.answer) return { ok: false, error: 'already_open' };
  const now = requireMillis(args.now, 'now');
  return {
    ok: true,
    followUp: {
      caseId: args.caseId,
      askedAt: new Date(now).toISOString(),
      askedBy: args.askedBy,
      addressee: args.caseLead,
      remindersSent: 0,
      ...(args.config.maxReminders > 0 ? { nextReminderAt: new Date(now + args.config.reminderAfterHours * HOUR_MS).toISOString() } : {}),
    },
  };
}

/** A reminder is due when unanswered, its time has come and the maximum is not reached; returns the updated record. */
export function followUpReminder(f: FollowUp, config: FollowUpConfig, now: Instant): { due: false } | { due: true; followUp: FollowUp } {
  if (f.answer || f.nextReminderAt === undefined || f.remindersSent >= config.maxReminders) return { due: false };
  const ms = requireMillis(now, 'now');
  if (ms < Date.parse(f.nextReminderAt)) return { due: false };
  const sent = f.remindersSent + 1;
  const { nextReminderAt: _done, ...rest } = f;
  return {
    due: true,
    followUp: {
      ...rest,
      remindersSent: sent,
      ...(sent < config.maxReminders ? { nextReminderAt: new Date(ms + config.reminderAfterHours * HOUR_MS).toISOString() } : {}),
    },
  };
}

export type FollowUpTarget = 'thread' | 'contributors' | 'ovj_advice_card';

/**
 * Answering: the addressed organisation or the chair. The answer goes to the thread, to every
 * contributing organisation except the one answering, and to the advice card when an advice was sent.
 */
export function answerFollowUp(args: {
  followUp: FollowUp;
  answer: FollowUpAnswer;
  actor: { orgId: PartnerOrg; aadObjectId: string; chair: boolean };
  contributors: readonly PartnerOrg[];
  adviceSent: boolean;
  now: Instant;
}):
  | { ok: true; followUp: FollowUp; targets: FollowUpTarget[]; notifyOrgs: PartnerOrg[] }
  | { ok: false; error: 'not_addressee' | 'already_answered' } {
  const f = args.followUp;
  if (f.answer) return { ok: false, error: 'already_answered' };
  if (args.actor.orgId !== f.addressee.orgId && !args.actor.chair) return { ok: false, error: 'not_addressee' };
  const { nextReminderAt: _stop, ...rest } = f;
  const at = new Date(requireMillis(args.now, 'now')).toISOString();
  const notifyOrgs = [...new Set(args.contributors)].filter((o) => o !== args.actor.orgId);
  return {
    ok: true,
    followUp: { ...rest, answer: { ...args.answer, by: args.actor.aadObjectId, orgId: args.actor.orgId, at } },
    targets: [
      'thread',
      ...(notifyOrgs.length > 0 ? (['contributors'] as const) : []),
      ...(args.adviceSent ? (['ovj_advice_card'] as const) : []),
    ],
    notifyOrgs,
  };
}
