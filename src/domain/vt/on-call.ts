import type { DateTime } from 'luxon';
import type { VtConfig, VtOverride, VtShift } from './config';
import { atWallClock, toLocal, weekdayOf, type Instant } from './time';

export type OnCallSource = 'override' | 'schedule' | 'none';

export interface OnCallResolution {
  primary?: string;
  backup?: string;
  source: OnCallSource;
}

/**
 * Who is on call for a region at an instant. Whether VT should be consulted through on-call at all
 * (outside office hours) is the caller's question — see `isVtOfficeHours`.
 *
 * - An override covering the instant wins over the weekly schedule; when several cover it, the one
 *   that starts latest wins (it is the most specific arrangement). Starts are unique per region.
 * - An override without a backup keeps the backup of what it overrides (the next override down,
 *   then the schedule): the backup is still on standby. A backup equal to the primary is dropped.
 * - Throws on an unknown region id: ids come from the same config, so that is a programming error.
 */
export function resolveOnCall(config: VtConfig, regionId: string, instant: Instant): OnCallResolution {
  const region = config.regions.find((r) => r.id === regionId);
  if (!region) throw new RangeError(`unknown VT region '${regionId}'`);
  const at = toLocal(instant);
  const shift = activeShift(region.onCall.shifts, at);
  const overrides = activeOverrides(region.onCall.overrides, at.toMillis());
  if (overrides.length === 0) return shift ? { primary: shift.primary, backup: shift.backup, source: 'schedule' } : { source: 'none' };
  const primary = overrides[0].primary;
  const backup = [...overrides.map((o) => o.backup), shift?.backup].find((b) => b !== undefined && b !== primary);
  return backup === undefined ? { primary, source: 'override' } : { primary, backup, source: 'override' };
}

/** Overrides covering `t` ([from, to)), latest start first. */
function activeOverrides(overrides: readonly VtOverride[], t: number): VtOverride[] {
  return overrides.filter((o) => Date.parse(o.from) <= t && t < Date.parse(o.to)).sort((a, b) => Date.parse(b.from) - Date.parse(a.from));
}

/**
 * Shifts are wall-clock times: each occurrence is rebuilt on its own calendar date, so on DST days a
 * 17:00-08:30 shift lasts 14.5 h (March) or 16.5 h (October) of real time and still hands over at
 * 08:30 local. The shift starting yesterday is checked too, for shifts that cross midnight.
 * Half-open [start, end): at the handover instant the next shift is on call.
 */
function activeShift(shifts: readonly VtShift[], at: DateTime): VtShift | undefined {
  const today = at.startOf('day');
  return shifts.find((s) => {
    const crosses = s.hours.to <= s.hours.from;
    const startDays = crosses ? [today, today.minus({ days: 1 })] : [today];
    return startDays.some((day) => {
      if (!s.days.includes(weekdayOf(day))) return false;
      const start = atWallClock(day, s.hours.from);
      const end = atWallClock(crosses ? day.plus({ days: 1 }) : day, s.hours.to);
      return start <= at && at < end;
    });
  });
}

export {
  consultationTimeline,
  startConsultation,
  applyConsultationEvent,
  nextStep,
  CONSULTATION_STATUSES,
  type Consultation,
  type ConsultationEvent,
  type ConsultationStatus,
  type ConsultationTimeline,
  type NoAnswerReason,
  type NextStep,
  type TransitionResult,
} from './consultation';
