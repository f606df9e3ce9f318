import type { Case } from '../../domain/case';
import {
  returningConfigSchema,
  returningLeadNotes,
  returningSummary,
  type EarlierCase,
  type ReturningRecord,
} from '../../domain/aftercare/returning';
import { amsterdamToUtc } from '../../domain/local-time';
import { DAY_MS } from '../../domain/rounds/time';
import { newJob } from '../../store/jobs';
import type { WriteOp } from '../../store/docstore';
import type { AppDeps } from '../deps';

/** The oude-bekenden record of a new case (one document in its partition): counts, dates and decisions, no person. */
export const RETURNING_DOC_ID = 'returning';

export type { ReturningRecord };

/**
 * Oude bekenden at intake: the earlier cases of any person of the new case, found through the keyed
 * pseudonym index (one partition read per pseudonym, `_person:<pseudonym>`: a key lookup on both
 * adapters, no scan), their report rows (decision, handover) and escalation (the casusverantwoordelijke).
 * Writes, in one commit on the new case's partition, the summary and one note job per earlier lead
 * still on a roster (deterministic job ids: a re-delivery or a restart never sends a second note), and
 * tells each earlier case's report row that its person came back (hermelding).
 */
export async function recordReturning(deps: AppDeps, theCase: Case): Promise<ReturningRecord | null> {
  const found = await deps.repo.earlierCasesOf(theCase);
  if (found.length === 0) return null;
  const earlier: EarlierCase[] = [];
  const followUps = new Map<string, string>();
  for (const e of found) {
    // One read of the earlier case's partition: its report row (decision, handover, follow-up), its
    // escalation (the casusverantwoordelijke) and its running measures.
    const loaded = await deps.repo.cases.loadBundle(e.caseId);
    const row = loaded?.reportRow;
    const owner = loaded?.bundle.escalation?.body.caseOwner;
    const until = measureRunningUntil((loaded?.bundle.verdieping?.measures ?? []).map((m) => m.body.until));
    if (row?.followUp) followUps.set(e.caseId, row.followUp);
    earlier.push({
      caseId: e.caseId,
      intakeAt: e.intakeAt,
      decision: row?.decision ?? 'open',
      ...(row?.decidedAt ? { decidedAt: row.decidedAt } : {}),
      ...(row?.handoverKind ? { handoverKind: row.handoverKind } : {}),
      ...(until ? { measureRunningUntil: until } : {}),
      ...(owner ? { lead: { orgId: owner.orgId, aadObjectId: owner.aadObjectId } } : {}),
    });
    if (e.intakeAt < theCase.intakeAt) await deps.repo.reports.markNextIntake(e.caseId, theCase.intakeAt);
  }
  const summary = returningSummary({ caseId: theCase.id, intakeAt: theCase.intakeAt }, earlier, returningConfigSchema.parse({}));
  if (summary.count === 0) return null;
  const record: ReturningRecord = {
    caseId: theCase.id,
    summary,
    earlier: earlier
      .filter((e) => e.intakeAt < theCase.intakeAt)
      .map(({ lead: _lead, ...rest }) => {
        const followUp = followUps.get(rest.caseId);
        return { ...rest, ...(followUp ? { followUp } : {}) };
      }),
  };
  const now = deps.clock.now().toISOString();
  const notes = returningLeadNotes(theCase.id, earlier, (aad) => deps.directory.member(aad) !== undefined);
  const ops: WriteOp[] = [
    { op: 'upsert', doc: { pk: theCase.id, id: RETURNING_DOC_ID, kind: 'returning', body: record } },
    ...notes.map((n): WriteOp => ({
      op: 'insert',
      doc: {
        pk: theCase.id,
        id: n.noteId,
        kind: 'job',
        body: newJob({
          id: n.noteId,
          caseId: theCase.id,
          type: 'returningNote',
          dueAt: now,
          now,
          payload: { to: n.aadObjectId, earlier: n.earlierCaseIds.join(',') },
        }),
      },
    })),
  ];
  await deps.repo.cases.commit(ops);
  deps.log.info({ caseId: theCase.id, earlier: summary.count, notes: notes.length, signal: summary.signal }, 'oude bekende at intake');
  if (notes.length > 0) deps.kickJobs();
  return record;
}

/**
 * The end of the latest running measure (its last day, `YYYY-MM-DD` in Amsterdam, runs until the
 * next day starts there), or undefined without measures.
 */
function measureRunningUntil(untilDates: readonly string[]): string | undefined {
  const last = [...untilDates].sort().at(-1);
  if (!last) return undefined;
  const next = new Date(Date.parse(`${last}T12:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return amsterdamToUtc(next, '00:00') ?? undefined;
}

export async function getReturningRecord(deps: AppDeps, caseId: string): Promise<ReturningRecord | null> {
  return deps.repo.cases.getDoc<ReturningRecord>(caseId, RETURNING_DOC_ID);
}
