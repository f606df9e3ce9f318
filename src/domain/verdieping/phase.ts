import { DateTime } from 'luxon';
import { z } from 'zod';
import { acceptingOld } from '../old-values';
import { OLD_HORIZON_REASON } from '../old-values-verdieping';
import { ZONE } from '../local-time';
import { termijnState, type TermijnState } from '../rounds/termijn';
import { MINUTE_MS, isValidInstant, requireMillis, toIso, toMillis, type Instant } from '../rounds/time';
import { localDate, localTime, note, type Result, type VerdiepingActor } from './common';

/**
 * Case phases. A case starts in `zsm` (the termijn counts). The chair takes it into `verdieping`
 * with a reason and a horizon: the next moment it must be on the agenda. From then on door-agenderen,
 * the reminder and a VT consultation's expiry follow the horizon instead of the (passed) termijn.
 * A case does not go back to `zsm`; it leaves verdieping only by closing.
 */
export const CASE_PHASES = ['zsm', 'verdieping'] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

export const HORIZON_REASONS = [
  /** termijnzaak: kept open for something specific (a medical statement, a report) */
  'termijn_case',
  /** the OvJ holds the case (aanhouden) for more information */
  'held_by_prosecutor',
  'awaiting_statement',
  'awaiting_risk_assessment',
  'awaiting_information',
  'check_safety_plan',
  'other',
] as const;
export type HorizonReason = (typeof HORIZON_REASONS)[number];

/** A horizon further away than this many Dutch calendar days is not being worked on (like door-agenderen, but weeks, not days). */
export const MAX_HORIZON_DAYS = 42;

/** The horizon as the chair enters it: a Dutch calendar date and wall-clock time (default 09:00). */
export const horizonInputSchema = z
  .object({
    reason: acceptingOld(OLD_HORIZON_REASON, z.enum(HORIZON_REASONS)),
    date: localDate,
    time: localTime.optional(),
    note: note().optional(),
  })
  .strict();
export type HorizonInput = z.infer<typeof horizonInputSchema>;

export interface Horizon {
  /** UTC instant. */
  at: string;
  reason: HorizonReason;
  note?: string;
}

export type PhaseEvent = 'verdieping_started' | 'horizon_moved';

/** One line of the case's timeline: every change of phase and horizon. */
export interface PhaseTimelineEntry {
  at: string;
  event: PhaseEvent;
  byUserId: string;
  byOrg: VerdiepingActor['orgId'];
  horizon: Horizon;
  /** The horizon before a move (absent when entering verdieping). */
  previousAt?: string;
}

/** The phase document of a case (absent = zsm, nothing changed yet). */
export interface PhaseState {
  caseId: string;
  phase: CasePhase;
  horizon?: Horizon;
  timeline: PhaseTimelineEntry[];
}

export const initialPhase = (caseId: string): PhaseState => ({ caseId, phase: 'zsm', timeline: [] });

export type HorizonTimeError = 'invalid_time' | 'nonexistent_local_time' | 'not_in_future' | 'too_far';

/**
 * A Dutch date and time as a UTC instant. A wall-clock time that does not exist (02:30 on the night
 * clocks go forward) is refused rather than silently moved; an ambiguous one (02:30 on the night
 * clocks go back) is the second occurrence (winter time), luxon's choice.
 */
export function horizonInstant(date: string, time = '09:00'): Result<{ at: string }, 'invalid_time' | 'nonexistent_local_time'> {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: ZONE });
  if (!dt.isValid) return { ok: false, error: 'invalid_time' };
  if (dt.toFormat('yyyy-MM-dd HH:mm') !== `${date} ${time}`) return { ok: false, error: 'nonexistent_local_time' };
  return { ok: true, at: dt.toUTC().toISO() as string };
}

/** The same Dutch wall-clock time `days` calendar days later (47 or 49 hours over a DST change, not 48). */
export function daysAhead(from: Instant, days: number, time?: string): { date: string; time: string } {
  const local = DateTime.fromMillis(requireMillis(from, 'from'), { zone: ZONE }).plus({ days });
  return { date: local.toFormat('yyyy-MM-dd'), time: time ?? local.toFormat('HH:mm') };
}

function checkHorizon(input: HorizonInput, now: Instant, maxDays: number): Result<{ horizon: Horizon }, HorizonTimeError> {
  if (!isValidInstant(now)) return { ok: false, error: 'invalid_time' };
  const t = horizonInstant(input.date, input.time);
  if (!t.ok) return t;
  const when = toMillis(t.at);
  if (when <= toMillis(now)) return { ok: false, error: 'not_in_future' };
  // Calendar days in Amsterdam ("at most six weeks ahead"), so the limit does not shift by an hour over DST.
  const lastDay = DateTime.fromMillis(toMillis(now), { zone: ZONE }).plus({ days: maxDays }).toFormat('yyyy-MM-dd');
  if (input.date > lastDay) return { ok: false, error: 'too_far' };
  return { ok: true, horizon: { at: t.at, reason: input.reason, ...(input.note ? { note: input.note } : {}) } };
}

export type PhaseError = HorizonTimeError | 'not_chair' | 'case_closed' | 'already_in_verdieping' | 'not_in_verdieping';
/** `changed: false`: the request was already true (a re-delivered click changes nothing, no timeline line). */
export type PhaseResult = Result<{ state: PhaseState; changed: boolean }, PhaseError>;

const sameHorizon = (a: Horizon | undefined, b: Horizon): boolean =>
  a !== undefined && a.at === b.at && a.reason === b.reason && a.note === b.note;

/** Only the chair takes a case into verdieping, once, with a reason and a horizon ahead. */
export function enterVerdieping(args: {
  state: PhaseState;
  caseOpen: boolean;
  actor: VerdiepingActor;
  input: HorizonInput;
  now: Instant;
  maxDays?: number;
}): PhaseResult {
  const { state, actor } = args;
  if (!actor.chair) return { ok: false, error: 'not_chair' };
  if (!args.caseOpen) return { ok: false, error: 'case_closed' };
  const checked = checkHorizon(args.input, args.now, args.maxDays ?? MAX_HORIZON_DAYS);
  if (state.phase === 'verdieping') {
    if (checked.ok && sameHorizon(state.horizon, checked.horizon)) return { ok: true, state, changed: false };
    return { ok: false, error: 'already_in_verdieping' };
  }
  if (!checked.ok) return checked;
  const entry: PhaseTimelineEntry = {
    at: toIso(requireMillis(args.now, 'now')),
    event: 'verdieping_started',
    byUserId: actor.userId,
    byOrg: actor.orgId,
    horizon: checked.horizon,
  };
  return {
    ok: true,
    changed: true,
    state: { ...state, phase: 'verdieping', horizon: checked.horizon, timeline: [...state.timeline, entry] },
  };
}

/** The chair sets the next moment (earlier or later); every move is a timeline line with the old moment. */
export function moveHorizon(args: {
  state: PhaseState;
  caseOpen: boolean;
  actor: VerdiepingActor;
  input: HorizonInput;
  now: Instant;
  maxDays?: number;
}): PhaseResult {
  const { state, actor } = args;
  if (!actor.chair) return { ok: false, error: 'not_chair' };
  if (!args.caseOpen) return { ok: false, error: 'case_closed' };
  if (state.phase !== 'verdieping' || !state.horizon) return { ok: false, error: 'not_in_verdieping' };
  const checked = checkHorizon(args.input, args.now, args.maxDays ?? MAX_HORIZON_DAYS);
  if (!checked.ok) {
    // A re-delivered click after the moment it set has passed is still the same request.
    const same = horizonInstant(args.input.date, args.input.time);
    if (
      same.ok &&
      sameHorizon(state.horizon, { at: same.at, reason: args.input.reason, ...(args.input.note ? { note: args.input.note } : {}) })
    )
      return { ok: true, state, changed: false };
    return checked;
  }
  if (sameHorizon(state.horizon, checked.horizon)) return { ok: true, state, changed: false };
  const entry: PhaseTimelineEntry = {
    at: toIso(requireMillis(args.now, 'now')),
    event: 'horizon_moved',
    byUserId: actor.userId,
    byOrg: actor.orgId,
    horizon: checked.horizon,
    previousAt: state.horizon.at,
  };
  return { ok: true, changed: true, state: { ...state, horizon: checked.horizon, timeline: [...state.timeline, entry] } };
}

/** The next moment on the agenda: the termijn in zsm, the horizon in verdieping. */
export type NextMoment = { kind: 'termijn'; at: string } | { kind: 'horizon'; at: string; reason: HorizonReason };

export function nextMoment(state: PhaseState | null | undefined, deadline: string): NextMoment {
  if (state?.phase === 'verdieping' && state.horizon) return { kind: 'horizon', at: state.horizon.at, reason: state.horizon.reason };
  return { kind: 'termijn', at: deadline };
}

/** 'ample' / 'near' / 'passed' of the next moment, with the termijn's rule (verstreken from the moment on). */
export function nextMomentState(moment: NextMoment, now: Instant, nearMinutes = 60): TermijnState {
  return termijnState(moment.at, now, nearMinutes);
}

/**
 * What follows the next moment once a case is in verdieping: the case is on the agenda at the
 * horizon (door-agenderen), the desk is reminded `reminderMinutesBefore` before it, and a VT
 * consultation stays valid until it (instead of expiring at the old termijn). In zsm all three
 * follow the termijn as before.
 */
export interface FollowUps {
  reAgendaAt: string;
  reminderAt: string;
  vtConsultationUntil: string;
}

export function followUps(state: PhaseState | null | undefined, deadline: string, reminderMinutesBefore = 60): FollowUps {
  const m = nextMoment(state, deadline);
  const at = requireMillis(m.at, 'next moment');
  return { reAgendaAt: m.at, reminderAt: toIso(at - reminderMinutesBefore * MINUTE_MS), vtConsultationUntil: m.at };
}
