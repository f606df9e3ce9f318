import type { AgendaEntry } from '../agenda';
import { HOUR_MS, requireMillis, toIso, type Instant } from '../rounds/time';
import { openRequests, requestAge, type InfoRequest } from './info-request';
import { nextMoment, type NextMoment, type PhaseState } from './phase';
import type { RunningMeasure } from './safety-signals';

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
 * The agenda order with verdieping: acute first, then a violated measure, then cases with children,
 * then the next moment that comes soonest (a deepened case sorts by its horizon, not by a termijn
 * that passed days ago), then the most buikpijn, then the fewest votes, then open questions, then
 * the case id (a stable order). Without verdieping (no horizon, no violation, no open questions) it is
 * exactly `orderAgenda` (src/domain/agenda.ts): a zsm case's next moment is its termijn.
 */
export function orderAgendaByNextMoment<T extends VerdiepingAgendaEntry>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      Number(b.acuteUnsafe) - Number(a.acuteUnsafe) ||
      Number(b.violation) - Number(a.violation) ||
      Number(b.case.facts.childrenInvolved) - Number(a.case.facts.childrenInvolved) ||
      Date.parse(a.next.at) - Date.parse(b.next.at) ||
      b.concernOrgs.length - a.concernOrgs.length ||
      (a.voted ?? 0) - (b.voted ?? 0) ||
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

/** What the agenda shows of a case's verdieping: a violated measure, and its open questions with the oldest one's age. */
export interface AgendaVerdiepingFacts {
  violation: boolean;
  openQuestions: number;
  /** Hours since the oldest open question was asked (absent without open questions). */
  oldestOpenHours?: number;
}

export function agendaVerdiepingFacts(
  v: { infoRequests: readonly InfoRequest[]; measures: readonly Pick<RunningMeasure, 'violations'>[] },
  now: Instant,
): AgendaVerdiepingFacts {
  const open = openRequests(v.infoRequests);
  const oldest = open[0];
  return {
    violation: v.measures.some((m) => m.violations.length > 0),
    openQuestions: open.length,
    ...(oldest ? { oldestOpenHours: requestAge(oldest, now).hours } : {}),
  };
}
