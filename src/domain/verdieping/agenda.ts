import type { AgendaEntry } from '../agenda';
import { HOUR_MS, requireMillis, toIso, type Instant } from '../rounds/time';
import { nextMoment, type NextMoment, type PhaseState } from './phase';

/**
 * Hooks for the agenda and the VT consultation once a case can be in verdieping: both follow the
 * next moment (termijn in zsm, horizon in verdieping) instead of the case's fixed `deadline`.
 */

export interface VerdiepingAgendaEntry extends AgendaEntry {
  next: NextMoment;
  /** A running measure was violated (a safety signal that goes before the clock). */
  violation: boolean;
  openQuestions: number;
}

export function agendaEntry<T extends AgendaEntry>(
  entry: T,
  phase: PhaseState | null | undefined,
  extra: { violation: boolean; openQuestions: number },
): T & VerdiepingAgendaEntry {
  return { ...entry, next: nextMoment(phase, entry.case.deadline), ...extra };
}

/**
 * The agenda order with verdieping: acute first, then a violated measure, then the next moment that
 * comes soonest (a deepened case sorts by its horizon, not by a termijn that passed days ago), then the
 * most buikpijn, then open questions, then the case id (a stable order).
 */
export function orderAgendaByNextMoment<T extends VerdiepingAgendaEntry>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      Number(b.acuteUnsafe) - Number(a.acuteUnsafe) ||
      Number(b.violation) - Number(a.violation) ||
      Date.parse(a.next.at) - Date.parse(b.next.at) ||
      b.concernOrgs.length - a.concernOrgs.length ||
      b.openQuestions - a.openQuestions ||
      a.case.id.localeCompare(b.case.id),
  );
}

/**
 * The last moment a new VT consultation waits: the next moment if it lies ahead, else one hour from
 * now (the rule src/app/vt/consult.ts applies to the termijn today, now applied to the horizon).
 */
export function vtConsultationExpiresAt(phase: PhaseState | null | undefined, deadline: string, now: Instant): string {
  const at = requireMillis(nextMoment(phase, deadline).at, 'next moment');
  const from = requireMillis(now, 'now');
  return at > from ? toIso(at) : toIso(from + HOUR_MS);
}
