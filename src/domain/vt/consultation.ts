import type { ConsultationDelays } from './config';
import { toIso, toLocal, type Instant } from './time';

/**
 * One question from the desk to VT's on-call member (1:1 Teams chat), as a pure state machine:
 *
 *   asked ─reminderDue→ reminded ─backupDue→ backup_asked ─backupReminderDue→ (backup reminded)
 *      │                      │                        │                        ─backupSilentDue→ no_answer
 *      └──── answer → answered;  noOneOnCall / expire / backupDue without backup → no_answer
 *
 * The backup gets the same ladder as the primary: a reminder and then "geen reactie", with the same
 * gaps as the primary had (counted from the moment the backup was asked).
 * `unreachable`: a 1:1 message to the person could not be delivered at all (no personal chat): the
 * primary goes straight to the backup (or no_answer without one); an unreachable backup closes it.
 *
 * An answer after no_answer still moves to answered (`late`): VT's knowledge is what was missing.
 *
 * Time-driven events carry the job's clock and are refused before their due time, and a repeated
 * event is a no-op, so a late, early or duplicated job cannot skip or repeat a step. A late reminder
 * job may be overtaken by the backup job (asked → backup_asked).
 * `expire` is the caller's last moment to wait — normally the case's ZSM deadline.
 */

export const CONSULTATION_STATUSES = ['asked', 'reminded', 'backup_asked', 'answered', 'no_answer'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export type NoAnswerReason = 'no_one_on_call' | 'no_backup' | 'expired' | 'unreachable' | 'backup_silent';

export interface ConsultationTimeline {
  reminderAt: string;
  backupAt: string;
}

interface Base extends ConsultationTimeline {
  askedAt: string;
  expiresAt: string;
  /** Absent only when nobody was on call. */
  primary?: string;
  backup?: string;
  remindedAt?: string;
  backupAskedAt?: string;
  /** The backup's ladder, set when the backup is asked. */
  backupRemindAt?: string;
  backupSilentAt?: string;
  backupRemindedAt?: string;
  /** A 1:1 message could not be delivered to this person (no personal chat with the bot). */
  primaryUnreachableAt?: string;
  backupUnreachableAt?: string;
}

type OpenState = Base & { status: 'asked' | 'reminded' | 'backup_asked' };

export type Consultation =
  | (Base & { status: 'asked' | 'reminded' | 'backup_asked' })
  /** `late`: answered after the desk had been told there was no reaction — still worth showing. */
  | (Base & { status: 'answered'; answeredAt: string; answeredBy: string; late: boolean })
  | (Base & { status: 'no_answer'; closedAt: string; reason: NoAnswerReason });

export type ConsultationEvent =
  | { type: 'answer'; at: Instant; by: string }
  | { type: 'reminderDue'; at: Instant }
  | { type: 'backupDue'; at: Instant }
  /** The on-call member cannot be reached at all (e.g. no chat could be opened). */
  | { type: 'noOneOnCall'; at: Instant }
  /** A 1:1 message to `who` could not be delivered (no personal chat with the bot). */
  | { type: 'unreachable'; at: Instant; who: string }
  | { type: 'backupReminderDue'; at: Instant }
  | { type: 'backupSilentDue'; at: Instant }
  | { type: 'expire'; at: Instant };

export type TransitionResult =
  { ok: true; state: Consultation } | { ok: false; state: Consultation; reason: 'not_due' | 'already_done' | 'closed' | 'not_consulted' };

/** The next scheduled step, for the card and the job queue; null once the consultation is closed. */
export interface NextStep {
  kind: 'reminder' | 'backup' | 'backup_reminder' | 'no_answer';
  at: string;
  event: 'reminderDue' | 'backupDue' | 'backupReminderDue' | 'backupSilentDue' | 'expire';
}

const MINUTE_MS = 60_000;

/** Both delays count from `askedAt` in real minutes, so a DST change does not stretch them. */
export function consultationTimeline(askedAt: Instant, delays: ConsultationDelays): ConsultationTimeline {
  const t = toLocal(askedAt).toMillis();
  return {
    reminderAt: new Date(t + delays.reminderMinutes * MINUTE_MS).toISOString(),
    backupAt: new Date(t + delays.backupMinutes * MINUTE_MS).toISOString(),
  };
}

/** Nobody on call closes the consultation at once, so the desk knows not to wait. */
export function startConsultation(args: {
  askedAt: Instant;
  onCall: { primary?: string; backup?: string };
  delays: ConsultationDelays;
  expiresAt: Instant;
}): Consultation {
  const askedAt = toIso(toLocal(args.askedAt));
  const base: Base = {
    askedAt,
    expiresAt: toIso(toLocal(args.expiresAt)),
    ...consultationTimeline(askedAt, args.delays),
    ...(args.onCall.primary !== undefined && { primary: args.onCall.primary }),
    ...(args.onCall.primary !== undefined && args.onCall.backup !== undefined && { backup: args.onCall.backup }),
  };
  if (base.primary === undefined) return { ...base, status: 'no_answer', closedAt: askedAt, reason: 'no_one_on_call' };
  return { ...base, status: 'asked' };
}

export function applyConsultationEvent(state: Consultation, event: ConsultationEvent): TransitionResult {
  const at = toIso(toLocal(event.at));
  const fail = (reason: 'not_due' | 'already_done' | 'closed' | 'not_consulted'): TransitionResult => ({ ok: false, state, reason });
  const notYet = (due: string) => Date.parse(at) < Date.parse(due);
  const close = (reason: NoAnswerReason, extra: Partial<Base> = {}): TransitionResult => ({
    ok: true,
    state: { ...base(state), ...extra, status: 'no_answer', closedAt: at, reason },
  });
  /** The backup is asked now, with the primary's gaps for its own reminder and "geen reactie". */
  const askBackup = (extra: Partial<Base> = {}): TransitionResult => {
    const t = Date.parse(at);
    const asked = Date.parse(state.askedAt);
    return {
      ok: true,
      state: {
        ...(state as OpenState),
        ...extra,
        status: 'backup_asked',
        backupAskedAt: at,
        backupRemindAt: new Date(t + (Date.parse(state.reminderAt) - asked)).toISOString(),
        backupSilentAt: new Date(t + (Date.parse(state.backupAt) - asked)).toISOString(),
      },
    };
  };

  if (event.type === 'answer') {
    if (state.status === 'answered') return fail('closed');
    if (event.by !== state.primary && event.by !== state.backup) return fail('not_consulted');
    const late = state.status === 'no_answer';
    return { ok: true, state: { ...base(state), status: 'answered', answeredAt: at, answeredBy: event.by, late } };
  }
  if (state.status === 'answered' || state.status === 'no_answer') return fail('closed');
  switch (event.type) {
    case 'reminderDue':
      if (state.status !== 'asked') return fail('already_done');
      if (notYet(state.reminderAt)) return fail('not_due');
      return { ok: true, state: { ...state, status: 'reminded', remindedAt: at } };
    case 'backupDue':
      if (state.status === 'backup_asked') return fail('already_done');
      if (notYet(state.backupAt)) return fail('not_due');
      if (state.backup === undefined) return close('no_backup');
      return askBackup();
    case 'unreachable':
      if (event.who === state.primary && state.status !== 'backup_asked') {
        if (state.backup === undefined || state.backup === state.primary) return close('unreachable', { primaryUnreachableAt: at });
        return askBackup({ primaryUnreachableAt: at });
      }
      if (event.who === state.backup && state.status === 'backup_asked') return close('unreachable', { backupUnreachableAt: at });
      return fail('already_done');
    case 'backupReminderDue':
      if (state.status !== 'backup_asked' || state.backupRemindedAt !== undefined || state.backupRemindAt === undefined)
        return fail('already_done');
      if (notYet(state.backupRemindAt)) return fail('not_due');
      return { ok: true, state: { ...state, backupRemindedAt: at } };
    case 'backupSilentDue':
      if (state.status !== 'backup_asked' || state.backupSilentAt === undefined) return fail('already_done');
      if (notYet(state.backupSilentAt)) return fail('not_due');
      return close('backup_silent');
    case 'noOneOnCall':
      return close('no_one_on_call');
    case 'expire':
      return notYet(state.expiresAt) ? fail('not_due') : close('expired');
  }
}

export function nextStep(state: Consultation): NextStep | null {
  if (state.status === 'answered' || state.status === 'no_answer') return null;
  const expire: NextStep = { kind: 'no_answer', at: state.expiresAt, event: 'expire' };
  let step: NextStep | undefined;
  if (state.status === 'asked') step = { kind: 'reminder', at: state.reminderAt, event: 'reminderDue' };
  if (state.status === 'reminded')
    step = { kind: state.backup !== undefined ? 'backup' : 'no_answer', at: state.backupAt, event: 'backupDue' };
  if (state.status === 'backup_asked' && state.backupRemindAt !== undefined && state.backupSilentAt !== undefined)
    step =
      state.backupRemindedAt === undefined
        ? { kind: 'backup_reminder', at: state.backupRemindAt, event: 'backupReminderDue' }
        : { kind: 'no_answer', at: state.backupSilentAt, event: 'backupSilentDue' };
  // The deadline can come before the scheduled step; then it is what happens next.
  return step && Date.parse(step.at) <= Date.parse(expire.at) ? step : expire;
}

/** The fields every state shares, without the closing fields of the state being left. */
function base(c: Consultation): Base {
  const { askedAt, expiresAt, reminderAt, backupAt, primary, backup, remindedAt, backupAskedAt } = c;
  const optional = ['backupRemindAt', 'backupSilentAt', 'backupRemindedAt', 'primaryUnreachableAt', 'backupUnreachableAt'] as const;
  return {
    ...Object.fromEntries(optional.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])),
    askedAt,
    expiresAt,
    reminderAt,
    backupAt,
    ...(primary !== undefined && { primary }),
    ...(backup !== undefined && { backup }),
    ...(remindedAt !== undefined && { remindedAt }),
    ...(backupAskedAt !== undefined && { backupAskedAt }),
  };
}
