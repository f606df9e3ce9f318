/**
 * Rapportage timing on SQLite at 1 k, 10 k and 100 k cases: `npx tsx bench/report.ts` on its own,
 * or `benchReport()` from bench/run.ts. Seeds directly through the DocStore (per case: its report
 * row and a case document of ~1 KB, so the table and its indexes hold other kinds too), then times
 * the report queries + figures (median of 5 runs each) for:
 *   - one location, one month      - one location, one year
 *   - all locations, one year      - all locations, all five years (the worst case: every row)
 * Environment: BENCH_REPORT_SIZES (comma list, default "1000,10000,100000").
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EscalationRule } from '../src/domain/rounds/escalation';
import type { ReportPeriod, ReportRow } from '../src/domain/aftercare/report';
import { loadReport, putReportRow } from '../src/store/report-store';
import { SqliteDocStore } from '../src/store/sqlite/sqlite-docstore';

const LOCATIONS = ['amsterdam', 'den-haag', 'eindhoven', 'groningen', 'haarlem', 'maastricht', 'rotterdam', 'utrecht', 'zwolle', 'arnhem'];
const START = Date.parse('2022-01-01T00:00:00.000Z');
const SPAN = Date.parse('2027-01-01T00:00:00.000Z') - START; // five years
const RULES: EscalationRule[] = ['acute_unsafe', 'persistent_several_orgs', 'persistent_rounds', 'persistent_time'];
const FILLER = 'x'.repeat(1000);

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRow(i: number, rand: () => number): ReportRow {
  const intake = START + Math.floor(rand() * SPAN);
  const iso = (ms: number) => new Date(ms).toISOString();
  const escalated = rand() < 0.15;
  const decided = rand() < 0.9;
  return {
    caseId: `bench-case-${i}`,
    locationId: LOCATIONS[i % LOCATIONS.length],
    intakeAt: iso(intake),
    children: rand() < 0.4,
    rounds: 1 + Math.floor(rand() * 4),
    reAgendaCount: rand() < 0.1 ? 1 : 0,
    firstVoteAt: iso(intake + Math.floor(rand() * 90) * 60_000),
    ...(decided ? { decidedAt: iso(intake + Math.floor(60 + rand() * 600) * 60_000), decision: escalated ? 'escalated' : 'closed' } : {}),
    ...(decided && escalated ? { escalationRule: RULES[i % RULES.length] } : {}),
    vtEvening: rand() < 0.3 ? { count: 1, responseMinutes: [Math.floor(rand() * 60)] } : { count: 0, responseMinutes: [] },
    phases: escalated ? { safety: 2, care: 1, recovery: rand() < 0.3 ? 1 : 0 } : { safety: 0, care: 0, recovery: 0 },
    ...(escalated ? { followUp: rand() < 0.7 ? 'carried_out' : 'unanswered' } : {}),
    ...(rand() < 0.2 ? { nextIntakeAt: iso(intake + Math.floor(rand() * 400) * 86_400_000) } : {}),
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export interface ReportBenchLine {
  cases: number;
  query: string;
  rows: number;
  medianMs: number;
  /** CPU time of this process for the same run (user + system): less sensitive to other load on the machine. */
  medianCpuMs: number;
}

/** Seeds up to each size in turn on one SQLite file and times the report; prints and returns the figures. */
export async function benchReport(sizes: number[] = [1_000, 10_000, 100_000]): Promise<ReportBenchLine[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zsm-bench-report-'));
  const file = path.join(dir, 'report.db');
  const db = SqliteDocStore.open(file, 'bench-only-store-key-0123456789abcdef01');
  /** The bench reaches into the adapter only to switch fsync off while seeding. */
  const raw = (db as unknown as { db: { pragma: (p: string) => unknown } }).db;
  const rand = rng(15);
  const out: ReportBenchLine[] = [];
  const year: ReportPeriod = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z', asOf: '2027-01-01T00:00:00.000Z' };
  const month: ReportPeriod = { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z', asOf: year.asOf };
  const all: ReportPeriod = { from: '2022-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', asOf: year.asOf };
  const queries: { name: string; run: () => Promise<number> }[] = [
    { name: '1 location, 1 month', run: async () => (await loadReport(db, month, ['rotterdam'])).total.cases },
    { name: '1 location, 1 year', run: async () => (await loadReport(db, year, ['rotterdam'])).total.cases },
    { name: 'all locations, 1 year', run: async () => (await loadReport(db, year)).total.cases },
    { name: 'all locations, 5 years', run: async () => (await loadReport(db, all)).total.cases },
  ];
  let seeded = 0;
  try {
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const t0 = performance.now();
      // Seeding only: no fsync per write (the store runs with synchronous = FULL); measuring is back on FULL.
      raw.pragma('synchronous = OFF');
      for (; seeded < size; seeded++) {
        const row = makeRow(seeded, rand);
        await db.upsert({
          pk: row.caseId,
          id: 'case',
          kind: 'case',
          body: { locationId: row.locationId, intakeAt: row.intakeAt, status: 'closed', filler: FILLER },
        });
        await putReportRow(db, row);
      }
      raw.pragma('synchronous = FULL');
      const seedS = (performance.now() - t0) / 1000;
      console.log(
        `   ${size} cases, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (seeded in ${seedS.toFixed(1)} s, file ${(statSync(file).size / 1e6).toFixed(1)} MB):`,
      );
      for (const q of queries) {
        const times: number[] = [];
        const cpu: number[] = [];
        let rows = 0;
        for (let i = 0; i < 5; i++) {
          const s = performance.now();
          const c = process.cpuUsage();
          rows = await q.run();
          const used = process.cpuUsage(c);
          times.push(performance.now() - s);
          cpu.push((used.user + used.system) / 1000);
        }
        const line = { cases: size, query: q.name, rows, medianMs: median(times), medianCpuMs: median(cpu) };
        out.push(line);
        console.log(
          `     ${q.name.padEnd(24)} ${String(rows).padStart(6)} rows  ${line.medianMs.toFixed(1).padStart(8)} ms  (cpu ${line.medianCpuMs.toFixed(1)} ms)`,
        );
      }
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (require.main === module) {
  const sizes = (process.env.BENCH_REPORT_SIZES ?? '1000,10000,100000')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  console.log('rapportage on SQLite (report rows, indexed by location and intake period)');
  benchReport(sizes)
    .then(() => process.exit(0))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
