import type { EarlierDecision, ReturningRecord } from '../domain/aftercare/returning';
import { FOLLOW_UP_OUTCOMES, type FollowUpOutcome } from '../domain/aftercare/follow-up';
import { formatDayMonthYear } from '../domain/local-time';
import { nlAftercare } from '../i18n/nl/aftercare';
import { nlReturningCard as t } from '../i18n/nl/returning';
import { renderPart } from './parts';
import type { CardElement } from './types';

/** cards/parts/returning.json: the oude-bekenden block of the personal case card. */
export interface ReturningPart {
  style: 'warning' | 'emphasis';
  heading: string;
  lines: string[];
}

const DECISION_ORDER: readonly EarlierDecision[] = ['escalated', 'closed_despite_concern', 'closed', 'open'];
/** At most this many earlier intake dates are listed; older ones are counted. */
const MAX_DATES = 3;

const isFollowUpOutcome = (x: string): x is FollowUpOutcome => (FOLLOW_UP_OUTCOMES as readonly string[]).includes(x);

/**
 * Oude bekenden, as found at intake (src/app/report/returning.ts): how many earlier cases, when, what
 * was decided, what came of the last one (handover, follow-up) and whether a measure still runs.
 * Counts, dates and labels only: never a person, a pseudonym or an earlier case's text. The view
 * carries the record only for roster members of the case's location (src/views/case-view.ts).
 */
export function returningPart(r: ReturningRecord | undefined): ReturningPart | null {
  if (!r || r.summary.count === 0) return null;
  const s = r.summary;
  const earlier = [...r.earlier].sort((a, b) => a.intakeAt.localeCompare(b.intakeAt));
  const shown = earlier.slice(-MAX_DATES).map((e) => formatDayMonthYear(e.intakeAt));
  const dates = [...(earlier.length > MAX_DATES ? [t.moreDates(earlier.length - MAX_DATES)] : []), ...shown].join(', ');
  const lines: string[] = [];
  if (s.daysSinceLast !== undefined) lines.push(t.when(dates, s.daysSinceLast));
  const decided = DECISION_ORDER.filter((d) => s.decisions[d] > 0).map((d) => `${s.decisions[d]}× ${nlAftercare.returning.decision[d]}`);
  if (decided.length > 0) lines.push(t.decided(decided.join(', ')));
  const last = earlier.at(-1);
  const cameOf = [
    ...(s.lastHandover ? [t.handedTo(nlAftercare.handover.kind[s.lastHandover])] : []),
    ...(last?.followUp && isFollowUpOutcome(last.followUp) ? [t.followUp(nlAftercare.followUp.outcome[last.followUp])] : []),
  ];
  lines.push(t.cameOf(cameOf.length > 0 ? cameOf.join('; ') : t.noFollowUp));
  if (s.measureRunning) lines.push(t.measureRunning);
  return { style: s.measureRunning || s.signal ? 'warning' : 'emphasis', heading: t.heading(s.count), lines };
}

export function returningSection(r: ReturningRecord | undefined): CardElement[] {
  const part = returningPart(r);
  return part ? renderPart('returning', part) : [];
}
