import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeReport, type ReportRow } from '../../src/domain/aftercare/report';
import type { DocStore } from '../../src/store/docstore';
import { getReportRow, loadReport, markNextIntake, putReportRow, reportRowOp, reportRows } from '../../src/store/report-store';
import { SqliteDocStore } from '../../src/store/sqlite/sqlite-docstore';
import { reportRow } from '../helpers/report-rows';
import { sharedCosmosServer, storeKinds, TEST_STORE_KEY, useDocStore } from '../helpers/stores';

// A cap, not a wait: creating a Cosmos database per test on the emulator can take seconds on a loaded machine.
jest.setTimeout(30_000);

const row = (caseId: string, locationId: string, intakeAt: string, over: Partial<ReportRow> = {}): ReportRow =>
  reportRow({ caseId, locationId, intakeAt, ...over });

const seed: ReportRow[] = [
  row('c-a1', 'rotterdam', '2026-01-01T00:00:00.000Z', {
    children: true,
    rounds: 2,
    decision: 'escalated',
    escalationRule: 'acute_unsafe',
  }),
  row('c-a2', 'rotterdam', '2026-01-31T23:59:59.999Z', { reAgendaCount: 1, rounds: 3 }),
  row('c-a3', 'rotterdam', '2026-02-01T00:00:00.000Z', { children: true }), // first instant after January
  row('c-b1', 'den-haag', '2026-01-15T12:00:00.000Z', { children: true, rounds: 4 }),
  row('c-b2', 'den-haag', '2025-12-31T23:59:59.999Z'), // last instant before January
];
const january = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', asOf: '2026-03-01T00:00:00.000Z' };
const ids = (rows: ReportRow[]) => rows.map((r) => r.caseId).sort();

describe.each(storeKinds)('report store: %s', (kind) => {
  // Start the in-process emulator once, before the per-test hooks (on 2 shared cores its start can take seconds).
  beforeAll(async () => {
    if (kind === 'cosmos') await sharedCosmosServer();
  }, 60_000);
  const store = useDocStore(kind);
  let db: DocStore;
  beforeEach(async () => {
    db = store().db;
    for (const r of seed) await putReportRow(db, r);
    // A case document with the same top-level fields is another kind and never a report row.
    await db.upsert({ pk: 'c-a1', id: 'case', kind: 'case', body: { locationId: 'rotterdam', intakeAt: '2026-01-01T00:00:00.000Z' } });
  });

  it('keeps one row per case in the case partition, written in the same commit as the case', async () => {
    await db.commit([
      { op: 'upsert', doc: { pk: 'c-new', id: 'case', kind: 'case', body: { status: 'open' } } },
      reportRowOp(row('c-new', 'rotterdam', '2026-01-20T10:00:00.000Z')),
    ]);
    expect(await getReportRow(db, 'c-new')).toEqual(row('c-new', 'rotterdam', '2026-01-20T10:00:00.000Z'));
    expect((await db.readPartition('c-new')).map((d) => d.kind)).toEqual(['case', 'reportrow']);
    expect(await getReportRow(db, 'missing')).toBeNull();
  });

  it('selects a location and [from, to) exactly, and all locations without one', async () => {
    expect(ids(await reportRows(db, { locationId: 'rotterdam', from: january.from, to: january.to }))).toEqual(['c-a1', 'c-a2']);
    expect(ids(await reportRows(db, { locationId: 'den-haag', from: january.from, to: january.to }))).toEqual(['c-b1']);
    expect(ids(await reportRows(db, { from: january.from, to: january.to }))).toEqual(['c-a1', 'c-a2', 'c-b1']);
    expect(await reportRows(db, { locationId: 'utrecht', from: january.from, to: january.to })).toEqual([]);
  });

  it('normalises period bounds with an offset to UTC before comparing', async () => {
    // 1 Jan 01:00 +01:00 = 1 Jan 00:00 UTC; 1 Feb 01:00 +01:00 = 1 Feb 00:00 UTC.
    expect(
      ids(await reportRows(db, { locationId: 'rotterdam', from: '2026-01-01T01:00:00+01:00', to: '2026-02-01T01:00:00+01:00' })),
    ).toEqual(['c-a1', 'c-a2']);
    await expect(reportRows(db, { from: 'gisteren', to: january.to })).rejects.toThrow(RangeError);
  });

  it('loads the report per location and in total, equal to the pure figures over the same rows', async () => {
    const all = await loadReport(db, january);
    expect(all.perLocation.map((l) => [l.locationId, l.figures.cases])).toEqual([
      ['den-haag', 1],
      ['rotterdam', 2],
    ]);
    expect(all.total).toEqual(computeReport([seed[0], seed[1], seed[3]], january.asOf));
    expect(all.total.withChildren).toEqual({ count: 2, of: 3, share: 2 / 3 });
    expect(all.total.roundsPerCase).toBe(3); // (2 + 3 + 4) / 3
    const asked = await loadReport(db, january, ['rotterdam', 'utrecht', 'rotterdam']);
    expect(asked.perLocation.map((l) => [l.locationId, l.figures.cases])).toEqual([
      ['rotterdam', 2],
      ['utrecht', 0],
    ]);
    expect(asked.total.escalationsByRule.acute_unsafe).toBe(1);
  });

  it('marks the first later intake of a returning person on the earlier row (earliest wins, re-delivery harmless)', async () => {
    expect(await markNextIntake(db, 'c-a1', '2026-05-01T00:00:00.000Z')).toBe(true);
    expect(await markNextIntake(db, 'c-a1', '2026-04-01T02:00:00+02:00')).toBe(true);
    expect(await markNextIntake(db, 'c-a1', '2026-06-01T00:00:00.000Z')).toBe(true);
    expect(await markNextIntake(db, 'c-a1', '2025-06-01T00:00:00.000Z')).toBe(true); // before its own intake: ignored
    expect((await getReportRow(db, 'c-a1'))?.nextIntakeAt).toBe('2026-04-01T00:00:00.000Z');
    expect(await markNextIntake(db, 'no-row', '2026-05-01T00:00:00.000Z')).toBe(false);
  });

  it('lets concurrent markers converge on the earliest intake', async () => {
    const dates = ['2026-09-01', '2026-03-05', '2026-07-01', '2026-03-04', '2026-08-01'].map((d) => `${d}T00:00:00.000Z`);
    await Promise.all(dates.map((d) => markNextIntake(db, 'c-b1', d)));
    expect((await getReportRow(db, 'c-b1'))?.nextIntakeAt).toBe('2026-03-04T00:00:00.000Z');
  });
});

describe('report store on SQLite: the queries use the report index', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zsm-report-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves location + period from docs_report_location_intake and the period alone from docs_report_intake', async () => {
    const store = SqliteDocStore.open(join(dir, 'plan.sqlite'), TEST_STORE_KEY);
    // The queries exactly as reportRows makes them, explained with the SQL the adapter builds for them.
    const made: Parameters<SqliteDocStore['query']>[] = [];
    const query = store.query.bind(store);
    store.query = (...args: Parameters<SqliteDocStore['query']>) => {
      made.push(args);
      return query(...args);
    };
    await reportRows(store, { locationId: 'x', from: january.from, to: january.to });
    await reportRows(store, { from: january.from, to: january.to });
    expect(made).toHaveLength(2);
    const [locationPlan, periodPlan] = made.map((args) => JSON.stringify(store.explainQuery(...args)));
    await store.close();
    expect(locationPlan).toMatch(/USING INDEX docs_report_location_intake \(<expr>=\? AND <expr>>\? AND <expr><\?\)/);
    expect(periodPlan).toMatch(/USING INDEX docs_report_intake \(<expr>>\? AND <expr><\?\)/);
  });
});
