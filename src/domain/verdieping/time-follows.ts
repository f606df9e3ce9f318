import type { Consultation } from '../vt/consultation';
import { requireMillis, toIso, type Instant } from '../rounds/time';
import { vtConsultationExpiresAt } from './agenda';
import type { PhaseState } from './phase';

/**
 * Time follows the horizon (issue 14 item 1): once a case is in verdieping, the moments that used to
 * hang on the ZSM termijn (intake + 6 h) hang on the current horizon instead. Pure rules, no I/O:
 * - a VT consultation waits until the horizon (asked, or when its expiry job fires and the horizon
 *   lies further ahead, or when the chair moves the horizon);
 * - the reminder before the termijn says nothing for a case in verdieping (the horizon has its own);
 * - door-agenderen in verdieping is the chair's "volgende bespreking verschuiven", not a second moment.
 */

/** The moment a NEW consultation stops waiting: the horizon in verdieping, else the termijn (an hour from now once either has passed). */
export const consultationExpiry = (phase: PhaseState | null | undefined, deadline: string, now: Instant): string =>
  vtConsultationExpiresAt(phase, deadline, now);

const isOpen = (c: Consultation): boolean => c.status === 'asked' || c.status === 'reminded' || c.status === 'backup_asked';

/** The current horizon of a case in verdieping, or undefined in zsm. */
export const currentHorizon = (phase: PhaseState | null | undefined): string | undefined =>
  phase?.phase === 'verdieping' && phase.horizon ? phase.horizon.at : undefined;

/**
 * What an open consultation's expiry does when the moment it waits for comes (`now`) or the horizon
 * changes: 'extend' to the current horizon when that lies ahead and differs from the expiry it has,
 * 'expire' when its expiry has come and no later horizon holds it, else 'keep'. A closed
 * consultation (answered, no reaction) is never touched.
 */
export type ExpiryStep = { kind: 'keep' } | { kind: 'expire' } | { kind: 'follow'; until: string };

export function expiryStep(args: { consultation: Consultation; phase: PhaseState | null | undefined; now: Instant }): ExpiryStep {
  const { consultation: c } = args;
  if (!isOpen(c)) return { kind: 'keep' };
  const now = requireMillis(args.now, 'now');
  const horizon = currentHorizon(args.phase);
  if (horizon !== undefined && requireMillis(horizon, 'horizon') > now) {
    return toIso(requireMillis(horizon, 'horizon')) === c.expiresAt
      ? { kind: 'keep' }
      : { kind: 'follow', until: toIso(requireMillis(horizon, 'horizon')) };
  }
  return requireMillis(c.expiresAt, 'expiresAt') <= now ? { kind: 'expire' } : { kind: 'keep' };
}

/** The open consultation with its expiry moved to `until` (closed ones unchanged). */
export function withExpiry(c: Consultation, until: Instant): Consultation {
  if (!isOpen(c)) return c;
  return { ...c, expiresAt: toIso(requireMillis(until, 'until')) };
}

/** The reminder before the ZSM termijn applies only in zsm; in verdieping the horizon's reminder speaks. */
export const termijnReminderApplies = (phase: PhaseState | null | undefined): boolean => currentHorizon(phase) === undefined;

/** Door-agenderen sets a second moment next to the horizon; in verdieping only the chair moves the horizon. */
export const reAgendaAllowed = (phase: PhaseState | null | undefined): boolean => currentHorizon(phase) === undefined;
