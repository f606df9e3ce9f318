/**
 * Retention per data class (days). Defaults are argued in docs/privacy.md ("Retention"); they are
 * proposals to be agreed by the partners' privacy officers, not settled law.
 */
export interface RetentionPolicy {
  /** A closed case (with its contributions, votes, advice, VT consultation, jobs) after its closing. */
  closedCaseDays: number;
  /** A case still open this long after intake is purged too (a forgotten case must not live forever). */
  openCaseDays: number;
  /** Audit entries after their own moment (the audit of a purged case stays this long). */
  auditDays: number;
  /** Pseudonym-index entries ("oude bekenden") after the intake of their case. */
  pseudonymIndexDays: number;
  /** Finished jobs outside case partitions (agenda, VT summaries, the sweep itself). */
  jobDays: number;
  /** How often the sweep runs. */
  sweepMinutes: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  closedCaseDays: 90,
  openCaseDays: 365,
  auditDays: 5 * 365,
  pseudonymIndexDays: 365,
  jobDays: 30,
  sweepMinutes: 60,
};

const DAY_MS = 86_400_000;

/** Moments before which data of each class is due, at `now`. */
export function retentionCutoffs(
  p: RetentionPolicy,
  now: Date,
): Record<'closedCase' | 'openCase' | 'audit' | 'pseudonymIndex' | 'job', string> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  return {
    closedCase: before(p.closedCaseDays),
    openCase: before(p.openCaseDays),
    audit: before(p.auditDays),
    pseudonymIndex: before(p.pseudonymIndexDays),
    job: before(p.jobDays),
  };
}

/** The sweep's slot that contains `now` (its job id makes one sweep per slot, however many processes run). */
export function sweepSlot(now: Date, minutes: number): { start: string; next: string } {
  const ms = minutes * 60_000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(start).toISOString(), next: new Date(start + ms).toISOString() };
}

/**
 * How far a chain may be expired: the longest run of entries from the start whose moment is before
 * the cutoff (entries are appended in time order, but clocks of several processes may differ a little:
 * we stop at the first younger entry rather than skip it). 0 = nothing to expire.
 */
export function expirableUpTo(records: readonly { seq: number; at: string }[], cutoff: string): number {
  let upTo = 0;
  for (const r of records) {
    if (r.at >= cutoff) break;
    upTo = r.seq;
  }
  return upTo;
}
