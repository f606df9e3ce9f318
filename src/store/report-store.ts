import { computeReport, type ReportFigures, type ReportPeriod, type ReportRow } from '../domain/aftercare/report';
import { type Condition, type DocStore, type NewDoc, type WriteOp } from './docstore';
import { withEtagRetry } from './etag-retry';
import { normalizeStoredOrNull, normalizeStored } from './old-values';

/**
 * The rapportage's store side: one `reportrow` document per case, in the case's own partition (so a
 * command writes it in the same commit as the case), read back by location and intake period with
 * an indexed query on both adapters (SQLite: docs_report_location_intake / docs_report_intake;
 * Cosmos: the container's default range index on every path). No full scan per request: only the
 * rows of the asked period are read, and each row is a few hundred bytes without personal data.
 */
export const REPORT_ROW_ID = 'reportrow';

export function reportRowDoc(row: ReportRow): NewDoc<ReportRow> {
  return { pk: row.caseId, id: REPORT_ROW_ID, kind: 'reportrow', body: row };
}

/** The write op a command adds to its one commit on the case partition (upsert: the row is derived state). */
export function reportRowOp(row: ReportRow): WriteOp {
  return { op: 'upsert', doc: reportRowDoc(row) };
}

export async function putReportRow(db: DocStore, row: ReportRow): Promise<void> {
  await db.upsert(reportRowDoc(row));
}

export async function getReportRow(db: DocStore, caseId: string): Promise<ReportRow | null> {
  return normalizeStoredOrNull(await db.get<ReportRow>(caseId, REPORT_ROW_ID))?.body ?? null;
}

export interface ReportFilter {
  /** Absent: every location. */
  locationId?: string;
  from: string;
  to: string;
}

/** Rows with from <= intakeAt < to (ISO instants in UTC compare as strings), at one location or all. */
export async function reportRows(db: DocStore, filter: ReportFilter): Promise<ReportRow[]> {
  const where: Condition[] = [
    ...(filter.locationId !== undefined ? [{ field: 'locationId', op: '=', value: filter.locationId } as const] : []),
    { field: 'intakeAt', op: '>=', value: toUtcIso(filter.from) },
    { field: 'intakeAt', op: '<', value: toUtcIso(filter.to) },
  ];
  return (await db.query<ReportRow>('reportrow', where)).map((d) => normalizeStored(d).body);
}

/** Stored intakeAt values are `toISOString()` (UTC, milliseconds); bounds must have the same form to compare as text. */
function toUtcIso(instant: string): string {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError('report period bound is not a valid instant');
  return new Date(ms).toISOString();
}

export interface LocationReport {
  locationId: string;
  figures: ReportFigures;
}

/**
 * The report of one period: per asked location (one indexed query each), or, without locations,
 * one query for all of them, grouped per location in memory, plus the total.
 */
export async function loadReport(
  db: DocStore,
  period: ReportPeriod,
  locationIds?: readonly string[],
): Promise<{ perLocation: LocationReport[]; total: ReportFigures }> {
  const byLocation = new Map<string, ReportRow[]>();
  if (locationIds) {
    for (const locationId of [...new Set(locationIds)].sort())
      byLocation.set(locationId, await reportRows(db, { locationId, from: period.from, to: period.to }));
  } else {
    for (const r of await reportRows(db, { from: period.from, to: period.to })) {
      const list = byLocation.get(r.locationId);
      if (list) list.push(r);
      else byLocation.set(r.locationId, [r]);
    }
  }
  const locations = [...byLocation.keys()].sort();
  return {
    perLocation: locations.map((locationId) => ({ locationId, figures: computeReport(byLocation.get(locationId) ?? [], period.asOf) })),
    total: computeReport(
      locations.flatMap((l) => byLocation.get(l) ?? []),
      period.asOf,
    ),
  };
}

/**
 * Hermelding: when a new case of a person arrives, each earlier case's row learns the first later
 * intake (the earliest one after its own intake wins; a re-delivery changes nothing). Optimistic
 * concurrency with a few retries; returns false when the earlier case has no row (purged or
 * pre-dating reporting).
 */
export async function markNextIntake(db: DocStore, earlierCaseId: string, nextIntakeAt: string): Promise<boolean> {
  const next = toUtcIso(nextIntakeAt);
  return withEtagRetry(
    `markNextIntake: row of ${earlierCaseId}`,
    async () => {
      const doc = normalizeStoredOrNull(await db.get<ReportRow>(earlierCaseId, REPORT_ROW_ID));
      if (!doc) return false;
      const row = doc.body;
      if (next <= row.intakeAt || (row.nextIntakeAt !== undefined && row.nextIntakeAt <= next)) return true;
      await db.replace(reportRowDoc({ ...row, nextIntakeAt: next }), doc.etag);
      return true;
    },
    { attempts: 5 },
  );
}

/** The report rows as the use cases reach them (the DocStore stays private to the store). */
export class ReportStore {
  constructor(private readonly db: DocStore) {}

  getRow(caseId: string): Promise<ReportRow | null> {
    return getReportRow(this.db, caseId);
  }

  markNextIntake(earlierCaseId: string, nextIntakeAt: string): Promise<boolean> {
    return markNextIntake(this.db, earlierCaseId, nextIntakeAt);
  }

  load(period: ReportPeriod, locationIds?: readonly string[]): Promise<{ perLocation: LocationReport[]; total: ReportFigures }> {
    return loadReport(this.db, period, locationIds);
  }
}
