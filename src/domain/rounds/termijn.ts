import { MINUTE_MS, requireMillis, toIso, type Instant } from './time';

/** Where a case stands against its termijn (ruim / bijna / verstreken in the UI); computed, never stored. */
export type TermijnState = 'ample' | 'near' | 'passed';

/** When to remind the desk of the ZSM termijn (default one hour before). */
export function termijnReminderAt(deadline: Instant, minutesBefore = 60): string {
  return toIso(requireMillis(deadline, 'deadline') - minutesBefore * MINUTE_MS);
}

/**
 * 'passed' from the deadline itself on (a decision due at 12:00 is late at 12:00), 'near' from
 * the reminder moment on, so the card colour and the reminder switch at the same instant.
 */
export function termijnState(deadline: Instant, now: Instant, nearMinutes = 60): TermijnState {
  const due = requireMillis(deadline, 'deadline');
  const at = requireMillis(now, 'now');
  if (at >= due) return 'passed';
  return at >= due - nearMinutes * MINUTE_MS ? 'near' : 'ample';
}
