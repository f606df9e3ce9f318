import { FOLLOW_UP_OUTCOMES } from '../../../src/domain/aftercare/follow-up';
import { REPORT_DECISIONS, type ReportRow } from '../../../src/domain/aftercare/report';
import type { ReturningRecord } from '../../../src/domain/aftercare/returning';
import { normalizeCase, type Case } from '../../../src/domain/case';
import { CONTRIBUTION_SOURCES, contributionInputSchema, type Contribution } from '../../../src/domain/contribution';
import {
  OLD_ACTION_VERDICT,
  OLD_CONTRIBUTION_SOURCE,
  OLD_FOLLOW_UP_OUTCOME,
  OLD_REPORT_DECISION,
  currentContributionSource,
  normalizeCaseAftercare,
  normalizeContribution,
  normalizeReportRowAftercare,
  normalizeReturning,
} from '../../../src/domain/old-values-aftercare';
import { ACTION_VERDICTS, actionVerdictInputSchema } from '../../../src/domain/rounds/inputs';

const AT = '2026-11-23T21:00:00.000Z';

const aCase = (statuses: string[]): Case =>
  ({
    id: 'c1',
    locationId: 'zsm-rotterdam',
    createdAt: AT,
    createdBy: 'system:intake',
    rounds: [{ number: 1, startedAt: AT, startedBy: 'system:intake' }],
    round: 1,
    actions: statuses.map((status, i) => ({ id: `a${i}`, what: 'Gesprek', orgId: 'vt', dueAt: AT, status })),
  }) as unknown as Case;

const aContribution = (source: string): Contribution =>
  ({ id: 'k1', caseId: 'c1', orgId: 'vt', authorId: 'u', source, text: 'x', needToKnow: 'y', createdAt: AT }) as unknown as Contribution;

const aRow = (decision: string | undefined, followUp: string | undefined): ReportRow =>
  ({
    caseId: 'c1',
    locationId: 'zsm-rotterdam',
    intakeAt: AT,
    children: false,
    rounds: 1,
    reAgendaCount: 0,
    vtEvening: { count: 0, responseMinutes: [] },
    phases: { safety: 0, care: 0, recovery: 0 },
    ...(decision ? { decision } : {}),
    ...(followUp ? { followUp } : {}),
  }) as unknown as ReportRow;

const aReturning = (keys: string[], decision: string, followUp?: string): ReturningRecord =>
  ({
    caseId: 'c2',
    summary: { count: 1, decisions: Object.fromEntries(keys.map((k, i) => [k, i])), measureRunning: false, signal: false },
    earlier: [{ caseId: 'c1', intakeAt: AT, decision, ...(followUp ? { followUp } : {}) }],
  }) as unknown as ReturningRecord;

describe('old aftercare/advice/rounds values (issue 11 item 6)', () => {
  it('every table maps onto the current values, one old value each', () => {
    expect(Object.values(OLD_ACTION_VERDICT).sort()).toEqual([...ACTION_VERDICTS].sort());
    expect(Object.values(OLD_CONTRIBUTION_SOURCE).sort()).toEqual([...CONTRIBUTION_SOURCES].sort());
    expect(Object.values(OLD_REPORT_DECISION).sort()).toEqual([...REPORT_DECISIONS].sort());
    expect(Object.values(OLD_FOLLOW_UP_OUTCOME).sort()).toEqual([...FOLLOW_UP_OUTCOMES, 'unanswered'].sort());
  });

  it.each(Object.entries(OLD_ACTION_VERDICT))('an action stored as %s reads as %s (open stays open)', (old, now) => {
    const c = normalizeCase(aCase(['open', old]));
    expect(c.actions.map((a) => a.status)).toEqual(['open', now]);
  });

  it.each(Object.entries(OLD_CONTRIBUTION_SOURCE))('a contribution stored with source %s reads as %s', (old, now) => {
    expect(normalizeContribution(aContribution(old)).source).toBe(now);
    expect(currentContributionSource(old)).toBe(now);
  });

  it.each([
    ...Object.entries(OLD_REPORT_DECISION).map(([o, n]) => [o, n, 'onbeantwoord', 'unanswered']),
    ['gesloten', 'closed', 'deels_uitgevoerd', 'partly_carried_out'],
  ])('a report row with decision %s reads as %s, follow-up %s as %s', (oldD, newD, oldF, newF) => {
    expect(normalizeReportRowAftercare(aRow(oldD, oldF))).toMatchObject({ decision: newD, followUp: newF, caseId: 'c1', rounds: 1 });
  });

  it('an oude-bekenden record with old decision keys and values reads with the new ones', () => {
    const r = normalizeReturning(
      aReturning(['geescaleerd', 'gesloten', 'gesloten_ondanks_buikpijn', 'open'], 'gesloten_ondanks_buikpijn', 'uitgevoerd'),
    );
    expect(r.summary.decisions).toEqual({ escalated: 0, closed: 1, closed_despite_concern: 2, open: 3 });
    expect(r.earlier).toEqual([{ caseId: 'c1', intakeAt: AT, decision: 'closed_despite_concern', followUp: 'carried_out' }]);
  });

  it('a current document comes back as the same object', () => {
    const c = aCase(['open', 'done', 'not_carried_out']);
    expect(normalizeCaseAftercare(c)).toBe(c);
    const k = aContribution('own_system');
    expect(normalizeContribution(k)).toBe(k);
    for (const row of [aRow('closed_despite_concern', 'unanswered'), aRow(undefined, undefined)])
      expect(normalizeReportRowAftercare(row)).toBe(row);
    const r = aReturning(['escalated', 'closed', 'closed_despite_concern', 'open'], 'escalated', 'not_carried_out');
    expect(normalizeReturning(r)).toBe(r);
  });

  it('an unknown value passes through for the type or the schema to refuse', () => {
    expect(normalizeContribution(aContribution('iets_anders')).source).toBe('iets_anders');
    expect(contributionInputSchema.safeParse({ text: 'x', source: 'iets_anders', needToKnow: 'omdat het moet' }).success).toBe(false);
  });

  it.each(Object.entries(OLD_ACTION_VERDICT))('a card posted before the rename submits verdict %s: parsed as %s', (old, now) => {
    expect(actionVerdictInputSchema.parse({ actionId: 'a1', verdict: old })).toEqual({ actionId: 'a1', verdict: now });
  });

  it.each(Object.entries(OLD_CONTRIBUTION_SOURCE))('a card posted before the rename submits source %s: parsed as %s', (old, now) => {
    expect(contributionInputSchema.parse({ text: 'Bekend.', source: old, needToKnow: 'Nodig voor de veiligheid.' }).source).toBe(now);
  });
});
