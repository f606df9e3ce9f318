import { z } from 'zod';
import { acceptingOld } from '../old-values';
import { OLD_DECLINE_REASON } from '../old-values-verdieping';
import { partnerOrgSchema, type PartnerOrg } from '../orgs';
import { HOUR_MS, requireMillis, toIso, type Instant } from '../rounds/time';
import { note, type Result, type VerdiepingActor } from './common';

/**
 * Informatievraag: one partner asks a named organisation a specific question. The need-to-know test
 * is applied to the QUESTION: why is the answer needed, and what does it change for the approach?
 * Life cycle: open → answered (links the contribution that answers it) | declined (with a reason).
 */
export const infoRequestInputSchema = z
  .object({
    toOrg: partnerOrgSchema,
    question: note(1000),
    whyNeeded: z.string().trim().min(10).max(500),
    whatItChanges: z.string().trim().min(10).max(500),
  })
  .strict();
export type InfoRequestInput = z.infer<typeof infoRequestInputSchema>;

export const DECLINE_REASONS = ['no_legal_basis', 'consent_needed', 'not_known', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const declineInputSchema = z
  .object({
    requestId: z.string().min(1).max(128),
    reason: acceptingOld(OLD_DECLINE_REASON, z.enum(DECLINE_REASONS)),
    note: note(500).optional(),
  })
  .strict()
  .refine((d) => d.reason !== 'other' || d.note !== undefined, { message: 'a note is required with reason other', path: ['note'] });
export type DeclineInput = z.infer<typeof declineInputSchema>;

export const answerInputSchema = z.object({ requestId: z.string().min(1).max(128), contributionId: z.string().min(1).max(128) }).strict();

export type InfoRequestStatus = 'open' | 'answered' | 'declined';

export interface InfoRequest {
  id: string;
  caseId: string;
  fromOrg: PartnerOrg;
  askedBy: string;
  toOrg: PartnerOrg;
  question: string;
  whyNeeded: string;
  whatItChanges: string;
  status: InfoRequestStatus;
  askedAt: string;
  settledAt?: string;
  settledBy?: { userId: string; orgId: PartnerOrg };
  /** The contribution that answers it (status answered). */
  answerContributionId?: string;
  decline?: { reason: DeclineReason; note?: string };
}

/** Open questions per case are bounded: a desk that asks this many at once should talk instead. */
export const MAX_OPEN_REQUESTS = 30;

export function askInfo(args: {
  id: string;
  caseId: string;
  caseOpen: boolean;
  existing: readonly InfoRequest[];
  actor: VerdiepingActor;
  input: InfoRequestInput;
  now: Instant;
}): Result<{ request: InfoRequest }, 'case_closed' | 'ask_own_org' | 'too_many_open'> {
  if (!args.caseOpen) return { ok: false, error: 'case_closed' };
  if (args.input.toOrg === args.actor.orgId) return { ok: false, error: 'ask_own_org' };
  if (args.existing.filter((r) => r.status === 'open').length >= MAX_OPEN_REQUESTS) return { ok: false, error: 'too_many_open' };
  return {
    ok: true,
    request: {
      id: args.id,
      caseId: args.caseId,
      fromOrg: args.actor.orgId,
      askedBy: args.actor.userId,
      toOrg: args.input.toOrg,
      question: args.input.question,
      whyNeeded: args.input.whyNeeded,
      whatItChanges: args.input.whatItChanges,
      status: 'open',
      askedAt: toIso(requireMillis(args.now, 'now')),
    },
  };
}

export type SettleError = 'not_asked_org' | 'already_settled';
export type SettleResult = Result<{ request: InfoRequest; changed: boolean }, SettleError>;

/** Only the asked organisation answers; the answer is a contribution of that organisation, linked here. */
export function answerInfo(args: {
  request: InfoRequest;
  actor: VerdiepingActor;
  /** The contribution, as stored: it must be the asked organisation's own. */
  contribution: { id: string; orgId: PartnerOrg };
  now: Instant;
}): SettleResult {
  const { request, actor } = args;
  if (actor.orgId !== request.toOrg || args.contribution.orgId !== request.toOrg) return { ok: false, error: 'not_asked_org' };
  if (request.status === 'answered' && request.answerContributionId === args.contribution.id) return { ok: true, request, changed: false };
  if (request.status !== 'open') return { ok: false, error: 'already_settled' };
  return {
    ok: true,
    changed: true,
    request: {
      ...request,
      status: 'answered',
      answerContributionId: args.contribution.id,
      settledAt: toIso(requireMillis(args.now, 'now')),
      settledBy: { userId: actor.userId, orgId: actor.orgId },
    },
  };
}

/** The asked organisation declines with a reason (no legal ground, consent needed, not known). */
export function declineInfo(args: {
  request: InfoRequest;
  actor: VerdiepingActor;
  reason: DeclineReason;
  note?: string;
  now: Instant;
}): SettleResult {
  const { request, actor } = args;
  if (actor.orgId !== request.toOrg) return { ok: false, error: 'not_asked_org' };
  if (request.status === 'declined' && request.decline?.reason === args.reason && request.decline.note === args.note)
    return { ok: true, request, changed: false };
  if (request.status !== 'open') return { ok: false, error: 'already_settled' };
  return {
    ok: true,
    changed: true,
    request: {
      ...request,
      status: 'declined',
      decline: { reason: args.reason, ...(args.note ? { note: args.note } : {}) },
      settledAt: toIso(requireMillis(args.now, 'now')),
      settledBy: { userId: actor.userId, orgId: actor.orgId },
    },
  };
}

/** Age in whole hours (and days) since asked; shown on the card and in the agenda. */
export function requestAge(request: Pick<InfoRequest, 'askedAt'>, now: Instant): { hours: number; days: number } {
  const hours = Math.max(0, Math.floor((requireMillis(now, 'now') - requireMillis(request.askedAt, 'askedAt')) / HOUR_MS));
  return { hours, days: Math.floor(hours / 24) };
}

/** Open questions, oldest first; with `toOrg`, only those asked of that organisation (its personal view, reminders). */
export function openRequests(requests: readonly InfoRequest[], toOrg?: PartnerOrg): InfoRequest[] {
  return requests
    .filter((r) => r.status === 'open' && (toOrg === undefined || r.toOrg === toOrg))
    .sort((a, b) => a.askedAt.localeCompare(b.askedAt) || a.id.localeCompare(b.id));
}
