/**
 * The agenda at 1 k, 10 k and 100 k cases on SQLite (encrypted file, as in production):
 * `npx tsx bench/agenda.ts` (figures only, no assertions). `benchAgenda()` is what bench/run.ts calls.
 *
 * Seeded straight through the SQLite DocStore in bulk (`insertMany`, one transaction per batch),
 * spread over 20 locations. Two shapes per size:
 *   - "realistic": at most OPEN_PER_LOCATION open cases per location (a ZSM location handles tens of
 *     HG cases a week), every other case closed — the store grows, the agenda should not;
 *   - "all open": every case open (worst case, 5 k open cases per location at 100 k).
 * An open case partition has the documents a real one has: the case, a card reference, three jobs,
 * votes, and for some an escalation, a VT consultation and a contribution; a closed one fewer.
 * Measured: `buildAgenda` (the real function: one indexed query + one partition read per open case),
 * median and p95 over repeated runs on a warm store, per location in turn; and the agenda card render.
 *
 * Environment: BENCH_AGENDA_SIZES (default "1000,10000,100000"), BENCH_AGENDA_RUNS (30),
 * BENCH_AGENDA_ALL_OPEN (set to 1 to also measure the all-open shape; off by default: seeding is slow).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AppDeps } from '../src/app/deps';
import { buildAgenda } from '../src/jobs/course-timers';
import { buildAgendaCard } from '../src/cards/agenda-card';
import { cardBytes } from '../src/cards/budget';
import type { Case } from '../src/domain/case';
import { locationSchema, type Location } from '../src/domain/roster';
import { voteId, type ConcernVote } from '../src/domain/vote';
import type { PartnerOrg } from '../src/domain/orgs';
import type { NewDoc } from '../src/store/docstore';
import { newJob } from '../src/store/jobs';
import { CaseQueries } from '../src/store/queries';
import { SqliteDocStore } from '../src/store/sqlite/sqlite-docstore';

const LOCATIONS = 20;
const OPEN_PER_LOCATION = 100;
const BATCH = 5000;
const ORGS: PartnerOrg[] = ['politie', 'om', '3ro', 'rvdk', 'shn', 'vt'];
const KEY = 'bench-agenda-store-key-0123456789abcdef';
const NOW = new Date('2026-11-24T12:00:00.000Z');
/** The DocStore read operations (the bench counts them per agenda). */
const READS: ReadonlySet<string> = new Set(['get', 'listPartition', 'readPartition', 'readPartitions', 'query']);

export interface AgendaFigure {
  cases: number;
  shape: 'realistic' | 'all open';
  openPerLocation: number;
  seedSeconds: number;
  p50Ms: number;
  p95Ms: number;
  /** Store operations of one agenda (counted by wrapping the queries' store). */
  storeOpsPerAgenda: number;
  renderMs: number;
  cardKb: number;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const locationId = (l: number): string => `loc-${String(l).padStart(2, '0')}`;
const location = (l: number): Location =>
  locationSchema.parse({
    id: locationId(l),
    name: `ZSM ${l}`,
    channelId: `19:loc-${l}@thread.tacv2`,
    actieoverlegChannelId: `19:ao-${l}@thread.tacv2`,
    termijnHours: 6,
    expectedOrgs: ORGS,
  });

/** Every document of one case partition (i-th case), open or closed. */
function caseDocs(i: number, open: boolean): NewDoc[] {
  const id = `case-${String(i).padStart(7, '0')}`;
  const intakeAt = new Date(NOW.getTime() - (i % 5000) * 60_000).toISOString();
  const deadline = new Date(Date.parse(intakeAt) + 6 * 3600_000).toISOString();
  const theCase: Case = {
    id,
    intakeHash: `h-${i}`,
    locationId: locationId(i % LOCATIONS),
    intakeAt,
    deadline,
    hgFlag: true,
    kmFlag: i % 3 === 0,
    facts: {
      offenceCategory: 'mishandeling',
      summary: 'Buren bellen 112 na geschreeuw; slachtoffer met letsel aan arm; kinderen thuis.',
      childrenInvolved: i % 3 === 0,
      childAges: i % 3 === 0 ? [13, 9] : [],
      weaponMentioned: false,
      victimContactSafe: 'nee',
      custody: 'in_verzekering',
    },
    persons: [
      { role: 'verdachte', age: 34 },
      { role: 'slachtoffer', age: 31 },
    ],
    status: open ? 'open' : 'closed',
    round: 1,
    rounds: [{ number: 1, startedAt: intakeAt, startedBy: 'system:intake' }],
    actions: [],
    createdAt: intakeAt,
    createdBy: 'system:intake',
    ...(open ? {} : { closure: { at: deadline, by: 'aad-om', reason: 'afgedaan' } }),
  } as Case;
  const docs: NewDoc[] = [
    { pk: id, id: 'case', kind: 'case', body: theCase },
    {
      pk: id,
      id: 'cardref',
      kind: 'cardref',
      body: { conversationId: 'c', activityId: `act-${i}`, serviceUrl: 'https://x/', postedAt: intakeAt },
    },
  ];
  const jobs = [
    ['job:postCard', 'postCard', intakeAt],
    ['job:termijnReminder', 'termijnReminder', deadline],
    ['job:termijnPassed', 'termijnPassed', deadline],
  ] as const;
  // A closed case keeps fewer documents here than in life (only its post job, no contribution): that
  // keeps seeding 100 k cases affordable, and the agenda never reads a closed case's partition.
  for (const [jid, type, due] of open ? jobs : jobs.slice(0, 1)) {
    docs.push({
      pk: id,
      id: jid,
      kind: 'job',
      body: { ...newJob({ id: jid, caseId: id, type, dueAt: due, now: intakeAt }), status: 'done' },
    });
  }
  const voters = ORGS.slice(0, i % (ORGS.length + 1));
  for (const org of voters) {
    const v: ConcernVote = {
      id: voteId(1, org),
      caseId: id,
      round: 1,
      orgId: org,
      concern: (i + org.length) % 2 === 0,
      reason: 'Zorgen over de kinderen.',
      acuteUnsafe: i % 17 === 0 && org === 'vt',
      voterId: `aad-${org}`,
      castAt: intakeAt,
    };
    docs.push({ pk: id, id: v.id, kind: 'vote', body: v });
  }
  if (i % 11 === 0) docs.push({ pk: id, id: 'escalation', kind: 'escalation', body: { caseId: id, at: intakeAt, rule: 'acute_unsafe' } });
  if (i % 4 === 0)
    docs.push({
      pk: id,
      id: 'vtconsult',
      kind: 'vtconsult',
      body: {
        caseId: id,
        seq: 1,
        regionId: 'r',
        regionName: 'R',
        question: 'Bekend?',
        askedBy: 'auto',
        state: { status: 'gevraagd', askedAt: intakeAt },
        sent: {},
        answers: [],
      },
    });
  if (open && i % 2 === 0)
    docs.push({
      pk: id,
      id: `contrib:${intakeAt}:${i}`,
      kind: 'contribution',
      body: {
        id: `contrib:${i}`,
        caseId: id,
        orgId: 'politie',
        text: 'Eerdere melding bekend, 2025. '.repeat(8),
        needToKnow: 'Patroon',
        createdAt: intakeAt,
      },
    });
  return docs;
}

/** Seeds `cases` case partitions over LOCATIONS locations; the first `openPerLocation` of each location are open. */
export function seedAgendaStore(store: SqliteDocStore, cases: number, openPerLocation: number): void {
  let batch: NewDoc[] = [];
  for (let i = 0; i < cases; i++) {
    // case i is the (i / LOCATIONS)-th of its location
    batch.push(...caseDocs(i, Math.floor(i / LOCATIONS) < openPerLocation));
    if (batch.length >= BATCH) {
      store.insertMany(batch);
      batch = [];
    }
  }
  store.insertMany(batch);
}

async function measure(cases: number, shape: AgendaFigure['shape'], runs: number): Promise<AgendaFigure> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zsm-agenda-bench-'));
  const store = SqliteDocStore.open(path.join(dir, 'zsm.db'), KEY);
  try {
    const perLocation = Math.ceil(cases / LOCATIONS);
    const openPerLocation = shape === 'all open' ? perLocation : Math.min(OPEN_PER_LOCATION, perLocation);
    const t0 = performance.now();
    seedAgendaStore(store, cases, openPerLocation);
    const seedSeconds = (performance.now() - t0) / 1000;

    let ops = 0;
    const counted = new Proxy(store, {
      get(target, prop, receiver) {
        const v: unknown = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (typeof prop === 'string' && READS.has(prop)) ops++;
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const deps = { queries: new CaseQueries(counted), clock: { now: () => NOW } } as Pick<AppDeps, 'queries' | 'clock'> as AppDeps;
    const locations = Array.from({ length: LOCATIONS }, (_, l) => location(l));
    for (const l of locations.slice(0, 3)) await buildAgenda(deps, l); // warm the page cache and statements
    const times: number[] = [];
    let renderMs = 0;
    let cardKb = 0;
    ops = 0;
    for (let r = 0; r < runs; r++) {
      const l = locations[r % LOCATIONS];
      const s = performance.now();
      const view = await buildAgenda(deps, l);
      times.push(performance.now() - s);
      if (r === 0) {
        const rs = performance.now();
        const card = buildAgendaCard(view);
        renderMs = performance.now() - rs;
        cardKb = cardBytes(card) / 1024;
      }
    }
    return {
      cases,
      shape,
      openPerLocation,
      seedSeconds,
      p50Ms: pct(times, 50),
      p95Ms: pct(times, 95),
      storeOpsPerAgenda: ops / runs,
      renderMs,
      cardKb,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchAgenda(
  options: { sizes?: number[]; runs?: number; allOpen?: boolean; print?: (line: string) => void } = {},
): Promise<AgendaFigure[]> {
  const sizes = options.sizes ?? [1000, 10_000, 100_000];
  const runs = options.runs ?? 30;
  const print = options.print ?? ((line: string) => console.log(line));
  const out: AgendaFigure[] = [];
  print(`agenda on SQLite (encrypted file), ${LOCATIONS} locations, buildAgenda p50/p95 over ${runs} runs:`);
  print('  cases    shape       open/loc  seed s   p50 ms   p95 ms  store ops/agenda  card render ms  card KB');
  const shapes: AgendaFigure['shape'][] = options.allOpen === true ? ['realistic', 'all open'] : ['realistic'];
  for (const shape of shapes) {
    for (const n of sizes) {
      const f = await measure(n, shape, runs);
      out.push(f);
      print(
        `  ${String(f.cases).padStart(6)}   ${f.shape.padEnd(10)}  ${String(f.openPerLocation).padStart(8)}  ${f.seedSeconds.toFixed(1).padStart(6)}  ${f.p50Ms
          .toFixed(1)
          .padStart(
            7,
          )}  ${f.p95Ms.toFixed(1).padStart(7)}  ${f.storeOpsPerAgenda.toFixed(0).padStart(16)}  ${f.renderMs.toFixed(1).padStart(14)}  ${f.cardKb
          .toFixed(1)
          .padStart(7)}`,
      );
    }
  }
  return out;
}

if (require.main === module) {
  const sizes = (process.env.BENCH_AGENDA_SIZES ?? '1000,10000,100000').split(',').map(Number);
  benchAgenda({ sizes, runs: Number(process.env.BENCH_AGENDA_RUNS ?? 30), allOpen: process.env.BENCH_AGENDA_ALL_OPEN === '1' }).catch(
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
