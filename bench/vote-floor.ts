/**
 * The vote path against the framework floor, in one run (issue 11):
 *
 *  - floor: a bare teams-ai `Application` answering `adaptiveCard/action` with a fixed card, behind the
 *    same express stack as the product (createHttpApp: helmet, inbound rate limit, JSON parser, envelope
 *    check) and the same adapter configuration (createAdapter, without the product's inbound client
 *    reuse: the framework as it comes), in a process of its own (bench/floor-server.ts);
 *  - product: the bot with its defaults (SQLite store as configured by default, job loop polling at the
 *    default interval, Teams rate limits), the Connector stub as Teams;
 *  - closed-loop keep-alive clients (a child process, bench/load-client.ts) at 1, 10 and 50 concurrent;
 *    product and floor rounds interleaved (P F P F per level), so both see the same machine load;
 *  - then, one vote at a time with the job loop driven by hand: store operations (an instrumented
 *    DocStore, test/helpers/counting-store.ts) and Connector calls (the stub's log) per vote, split into
 *    request path and job loop.
 *
 * The inbound rate limit is raised for both (the bench is one client address); everything else is default.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { INPUTS, VERBS } from '../src/cards/verbs';
import { SqliteDocStore } from '../src/store/sqlite/sqlite-docstore';
import { AsyncLocalStorage } from 'node:async_hooks';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { DocStore } from '../src/store/docstore';
import type { JobRunner } from '../src/jobs/runner';
import { CONV_CACHE_MS, CONV_PK } from '../src/store/conversation-refs';
import { countingStore, type StoreCounter } from '../test/helpers/counting-store';
import { sampleIntake, USERS } from '../test/helpers/fixtures';
import {
  channelActivity,
  executeInvoke,
  postSignedCase,
  sendActivity,
  settle,
  startTestHost,
  waitFor,
  type TestHost,
} from '../test/helpers/host';
import { TEST_STORE_KEY } from '../test/helpers/stores';
import type { LoadJob, LoadResult } from './load-client';
import { RAISED_INBOUND } from './inbound';
import { addPauses, machineIdleMs, machineStealMs, noPauses, PauseMeter, threadCpuUs, threadIds, type Pauses } from './pauses';

const LEVELS = (process.env.BENCH_LEVELS ?? '1,10,50').split(',').map(Number);
/** Requests per round at concurrency c: enough for a p99 (≥ 200), bounded so the whole section stays ~1 min. */
const perRound = (c: number): number => Number(process.env.BENCH_ROUND ?? 0) || (c === 1 ? 100 : c === 10 ? 200 : 300);
/**
 * Rounds per side and level. A round at 50 concurrent lasts about a second; on this shared 2-core VM
 * the ratio of two such rounds moved by ±0.3 between runs, six interleaved rounds by about half that.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const N_CASES = Number(process.env.BENCH_VOTE_CASES ?? 100);
const COUNT_VOTES = 10;
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 5000);
/** Three of the six expected organisations vote (re-votes overwrite), so a round never closes during the run. */
const VOTERS = [USERS.politie, USERS.rvdk, USERS.vt] as const;
const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const spread = (xs: number[]): string => [10, 25, 50, 75, 90, 99, 100].map((q) => f1(pct(xs, q))).join(' / ');
const f1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '–');
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

/**
 * The floor runs in a process of its own (bench/floor-server.ts): its figures are its own, with its own
 * heap and GC, and the product's background work (refreshes, checkpoints, GC of its larger heap) cannot
 * land in the floor's rounds, nor the floor's in the product's. Its CPU is read from that process.
 */
class FloorProcess {
  private readonly child: ChildProcess;
  private constructor(
    child: ChildProcess,
    readonly base: string,
  ) {
    this.child = child;
  }
  static start(): Promise<FloorProcess> {
    // With BENCH_PROFILE, the floor writes a CPU profile of its whole life (warm-up included) at exit.
    const prof = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.dirname(process.env.BENCH_PROFILE)}`] : [];
    const child = fork(path.join(__dirname, 'floor-server.ts'), [], { execArgv: ['--import', 'tsx', ...prof], stdio: 'inherit' });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('message', (m) => resolve(new FloorProcess(child, (m as { base: string }).base)));
    });
  }
  /** CPU time (user + system, µs) the floor process used so far, and its pauses since the last call. */
  sample(): Promise<Sample> {
    return new Promise((resolve) => {
      this.child.once('message', (m) => resolve(m as Sample));
      this.child.send({ cpu: true });
    });
  }
  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ stop: true });
    });
  }
}

class LoadClient {
  private readonly child: ChildProcess;
  constructor() {
    this.child = fork(path.join(__dirname, 'load-client.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    this.child.on('error', (e) => this.failed?.(e));
  }
  private failed: ((e: Error) => void) | undefined;
  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      this.failed = reject;
      this.child.once('message', (m) => resolve(m as LoadResult));
      this.child.send(job);
    });
  }
  stop(): void {
    this.child.send({ stop: true });
  }
}

interface Side {
  /** CPU time (user + system) of the serving process: less sensitive to a busy machine than latency. */
  cpuUs: number;
  /** Of which its main thread's, and its SQLite store thread's (the floor has none). */
  mainUs: number;
  storeUs: number;
  /** Calls that reached the Connector stub while the side's rounds ran (the product's card refreshes). */
  connectorCalls: number;
  lat: number[];
  errors: number;
  ms: number;
  n: number;
  bytes: number[];
  /** The serving process's GC and event-loop pauses during its rounds. */
  pauses: Pauses;
  /** Each round's own p99: one full GC (of either side) moves one round's, where it moves the pooled p99 (decisions §79). */
  roundP99s: number[];
  /** Each round's longest event-loop delay of the serving process, its full mark-sweeps, and the machine's steal time (ms) during it. */
  roundLoopMaxMs: number[];
  roundMajorGcs: number[];
  roundStealMs: number[];
  /** Each round's main-thread busy share (event-loop utilisation) and the machine's idle share of all its CPUs. */
  roundBusy: number[];
  roundIdle: number[];
  /** CPU (µs) over the rounds by thread id, where the sample reads it (the product with BENCH_THREADS=1). */
  threadUs: Map<string, number>;
}
const emptySide = (): Side => ({
  cpuUs: 0,
  mainUs: 0,
  storeUs: 0,
  connectorCalls: 0,
  lat: [],
  errors: 0,
  ms: 0,
  n: 0,
  bytes: [],
  pauses: noPauses(),
  roundP99s: [],
  roundLoopMaxMs: [],
  roundMajorGcs: [],
  roundStealMs: [],
  roundBusy: [],
  roundIdle: [],
  threadUs: new Map(),
});
/** A serving process's CPU time so far (user + system, µs) and its pauses since the last sample. */
interface Sample {
  cpuUs: number;
  mainUs: number;
  storeUs: number;
  pauses: Pauses;
  /** Each thread's CPU so far (µs), by thread id (BENCH_THREADS=1, this process only). */
  threads?: Map<string, number>;
}
/** One round; `sample` reads the serving process (this process for the product, the floor's own for the floor). */
async function measured(s: Side, sample: () => Promise<Sample>, run: () => Promise<LoadResult>): Promise<void> {
  const c0 = await sample(); // its pauses are the gap before the round: not counted
  const steal0 = machineStealMs();
  const idle0 = machineIdleMs();
  const r = await run();
  s.roundStealMs.push(machineStealMs() - steal0);
  s.roundIdle.push((machineIdleMs() - idle0) / (r.elapsedMs * cpus().length));
  const c1 = await sample();
  s.roundBusy.push(c1.pauses.loopBusyMs / c1.pauses.loopWallMs);
  s.roundLoopMaxMs.push(c1.pauses.loopMaxMs);
  s.roundMajorGcs.push(c1.pauses.gcMajorN);
  s.cpuUs += c1.cpuUs - c0.cpuUs;
  s.mainUs += c1.mainUs - c0.mainUs;
  s.storeUs += c1.storeUs - c0.storeUs;
  s.pauses = addPauses(s.pauses, c1.pauses);
  if (c0.threads && c1.threads)
    for (const [t, us] of c1.threads) s.threadUs.set(t, (s.threadUs.get(t) ?? 0) + us - (c0.threads.get(t) ?? 0));
  add(s, r);
}
const ownSample = (meter: PauseMeter, storeThread: readonly string[]) => (): Promise<Sample> => {
  const c = process.cpuUsage();
  // BENCH_THREADS=1: every thread's CPU, to see where "the others" go (V8's helpers: GC, the optimising compiler).
  const threads = process.env.BENCH_THREADS ? new Map(threadIds().map((t) => [t, threadCpuUs([t])])) : undefined;
  return Promise.resolve({
    cpuUs: c.user + c.system,
    mainUs: threadCpuUs(),
    storeUs: threadCpuUs(storeThread),
    pauses: meter.take(),
    ...(threads ? { threads } : {}),
  });
};
function add(s: Side, r: LoadResult): void {
  s.lat.push(...r.latencies);
  s.roundP99s.push(pct(r.latencies, 99));
  s.bytes.push(...r.bytes);
  s.errors += r.errors;
  s.ms += r.elapsedMs;
  s.n += r.latencies.length;
}

interface SideFigures {
  p50: number;
  p99: number;
  /** The median of the rounds' own p99s, and each round's. */
  roundP99: number;
  roundP99s: number[];
  roundLoopMaxMs: number[];
  roundMajorGcs: number[];
  roundStealMs: number[];
  roundBusy: number[];
  roundIdle: number[];
  threadUs: Map<string, number>;
  perSec: number;
  bytes: number;
  errors: number;
  /** Server CPU ms per request (the serving process: the product's includes its job loop and the Connector stub; the floor's is its own process). */
  cpuMs: number;
  /** Of which the main thread's and the store thread's (the rest: GC and compiler helpers, libuv). */
  mainMs: number;
  storeMs: number;
  /** Connector calls per request while the rounds ran (card refreshes; several votes on a case can share one). */
  connectorPerVote: number;
  pauses: Pauses;
}

export interface VoteFloorFigures {
  level: number;
  product: SideFigures;
  floor: SideFigures;
}

export async function benchVoteVsFloor(): Promise<VoteFloorFigures[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zsm-bench-vote-'));
  const before = new Set(threadIds());
  const inner = SqliteDocStore.open(path.join(dir, 'zsm.db'), TEST_STORE_KEY);
  const storeThread = threadIds().filter((tid) => !before.has(tid)); // the thread the store started
  const counted = attributedStore(inner);
  const rss0 = process.memoryUsage().rss;
  // The product's defaults, except the inbound rate limit (one client address here).
  const handOff: Record<string, string> = process.env.JOB_HAND_OFF ? { JOB_HAND_OFF: process.env.JOB_HAND_OFF } : {};
  const t = await startTestHost({
    db: counted.store,
    env: { JOB_POLL_MS: process.env.BENCH_JOB_POLL_MS ?? '500', ...RAISED_INBOUND, ...handOff },
  });
  attributeRunner(t.host.runner);
  const floor = await FloorProcess.start();
  const client = new LoadClient();
  const out: VoteFloorFigures[] = [];
  try {
    await sendActivity(
      t.base,
      channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
    );
    const caseIds: string[] = [];
    for (let i = 0; i < N_CASES; i++) {
      const res = await postSignedCase(t.base, sampleIntake({ externalId: `BENCH-VF-${i}` }));
      if (res.status !== 201) throw new Error(`intake answered ${res.status}`);
      caseIds.push(((await res.json()) as { caseId: string }).caseId);
    }
    await waitFor(
      'every case card posted',
      async () => {
        await t.host.runner.runOnce(); // BENCH_JOB_POLL_MS may have slowed the loop down
        return (await t.host.db.query('cardref', [])).length >= N_CASES || undefined;
      },
      120_000,
    );
    const rssCases = process.memoryUsage().rss;

    const productBodies = Array.from({ length: N_CASES * VOTERS.length }, (_, k) =>
      JSON.stringify(
        executeInvoke(t.stub.url, VOTERS[Math.floor(k / N_CASES) % VOTERS.length], VERBS.voteConcern, {
          caseId: caseIds[k % N_CASES],
          [INPUTS.voteReason]: `Zorgen over de thuissituatie (${k % 7})`,
          [INPUTS.voteAcute]: 'false',
        }),
      ),
    );
    const floorBodies = [JSON.stringify(executeInvoke(t.stub.url, USERS.politie, VERBS.voteConcern, { caseId: caseIds[0] }))];
    const productUrl = `${t.base}/api/messages`;
    const floorUrl = `${floor.base}/api/messages`;

    // Warm-up, not measured: the JIT and statement caches of both processes (the floor's process is
    // fresh, and a cold floor costs ~1.5× its warm CPU per request, which flattered the ratios). After
    // 1,500 votes V8 was still optimising the product's code on its helper threads (0.5–0.65 ms per vote
    // in the rounds, 0.18–0.32 after 5,000; decisions §79), so the rounds measured a process warming up.
    await client.run({ url: productUrl, bodies: productBodies, concurrency: 10, count: WARM_UP, expect: CARD_TYPE });
    await client.run({ url: floorUrl, bodies: floorBodies, concurrency: 10, count: WARM_UP, expect: CARD_TYPE });

    let rssPeak = process.memoryUsage().rss;
    const thread0 = inner.threadStats;
    const clients0 = t.host.inboundClientsBuilt();
    const profiler = await startProfiler();
    const meter = new PauseMeter();
    const dists: string[] = [];
    for (const c of LEVELS) {
      const p = emptySide();
      const f = emptySide();
      // The level's keep-alive connections, opened before its rounds (the servers close idle ones after
      // 5 s): no round pays for TCP connects, which cost some clients a ~1 s SYN retry.
      await client.run({ url: productUrl, bodies: productBodies, concurrency: c, count: 2 * c, expect: CARD_TYPE });
      await client.run({ url: floorUrl, bodies: floorBodies, concurrency: c, count: 2 * c, expect: CARD_TYPE });
      for (let r = 0; r < ROUNDS; r++) {
        await profiler?.resume();
        const calls0 = t.stub.calls.length;
        await measured(p, ownSample(meter, storeThread), () =>
          client.run({ url: productUrl, bodies: productBodies, concurrency: c, count: perRound(c), expect: CARD_TYPE }),
        );
        p.connectorCalls += t.stub.calls.length - calls0;
        await profiler?.pause();
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
        await measured(
          f,
          () => floor.sample(),
          () => client.run({ url: floorUrl, bodies: floorBodies, concurrency: c, count: perRound(c), expect: CARD_TYPE }),
        );
      }
      const fig = (s: Side) => ({
        p50: pct(s.lat, 50),
        p99: pct(s.lat, 99),
        roundP99: pct(s.roundP99s, 50),
        perSec: (s.n / s.ms) * 1000,
        bytes: pct(s.bytes, 50),
        errors: s.errors,
        cpuMs: s.cpuUs / 1000 / s.n,
        mainMs: s.mainUs / 1000 / s.n,
        storeMs: s.storeUs / 1000 / s.n,
        connectorPerVote: s.connectorCalls / s.n,
        pauses: s.pauses,
        roundP99s: s.roundP99s,
        roundLoopMaxMs: s.roundLoopMaxMs,
        roundMajorGcs: s.roundMajorGcs,
        roundStealMs: s.roundStealMs,
        roundBusy: s.roundBusy,
        roundIdle: s.roundIdle,
        threadUs: s.threadUs,
      });
      out.push({ level: c, product: fig(p), floor: fig(f) });
      dists.push(`   ${String(c).padStart(10)}  product ${spread(p.lat)}\n   ${''.padStart(10)}  floor   ${spread(f.lat)}`);
    }

    profiler?.save();
    meter.stop();
    const thread1 = inner.threadStats;
    const clients1 = t.host.inboundClientsBuilt();
    console.log(`   ${ROUNDS} product and ${ROUNDS} floor rounds per level, interleaved; ${N_CASES} cases, votes spread over them`);
    console.log(
      '   concurrent  product p50/p99 ms  floor p50/p99 ms  ratio p50  ratio p99  votes/s  floor/s  response bytes (product/floor)  CPU ms per vote (product/floor)  Connector calls per vote  errors',
    );
    for (const o of out) {
      console.log(
        `   ${String(o.level).padStart(10)}  ${`${f1(o.product.p50)} / ${f1(o.product.p99)}`.padStart(18)}  ${`${f1(o.floor.p50)} / ${f1(o.floor.p99)}`.padStart(16)}` +
          `  ${`${f2(o.product.p50 / o.floor.p50)}×`.padStart(9)}  ${`${f2(o.product.p99 / o.floor.p99)}×`.padStart(9)}` +
          `  ${f1(o.product.perSec).padStart(7)}  ${f1(o.floor.perSec).padStart(7)}  ${`${o.product.bytes} / ${o.floor.bytes}`.padStart(30)}` +
          `  ${`${f2(o.product.cpuMs)} / ${f2(o.floor.cpuMs)}`.padStart(31)}  ${f2(o.product.connectorPerVote).padStart(24)}  ${o.product.errors + o.floor.errors}`,
      );
    }
    console.log(
      '   latency spread, ms (p10 / p25 / p50 / p75 / p90 / p99 / max): a closed loop serves its clients unevenly when saturated',
    );
    for (const d of dists) console.log(d);
    console.log(
      "   p99 of each round, the rounds' median (product / floor, ratio): the tail without the one round a full GC hit (see each round's figures below)",
    );
    for (const o of out)
      console.log(
        `   ${String(o.level).padStart(10)}  ${f1(o.product.roundP99)} / ${f1(o.floor.roundP99)}  ${f2(o.product.roundP99 / o.floor.roundP99)}×` +
          `   (rounds' p99, product: ${o.product.roundP99s.map(f1).join(' ')}; floor: ${o.floor.roundP99s.map(f1).join(' ')})`,
      );
    console.log(
      "   each round's longest event-loop delay, ms / full mark-sweeps / the machine's steal time, ms (under load the delay is the queued votes' work, not a stall; steal is the hypervisor's share)",
    );
    const perRoundStalls = (s: SideFigures) =>
      s.roundLoopMaxMs.map((d, i) => `${f1(d)}/${s.roundMajorGcs[i] ?? '–'}/${f1(s.roundStealMs[i] ?? NaN)}`).join(' ');
    for (const o of out)
      console.log(
        `   ${String(o.level).padStart(10)}  product ${perRoundStalls(o.product)}\n   ${''.padStart(10)}  floor   ${perRoundStalls(o.floor)}`,
      );
    console.log(
      "   each round's main-thread busy share (event-loop utilisation) / the machine's idle share of its CPUs, %: a side bound by its main thread and its waits, not by the CPU, leaves the CPU idle",
    );
    const pc = (x: number): string => (Number.isFinite(x) ? String(Math.round(100 * x)) : '–');
    const perRoundBusy = (s: SideFigures) => s.roundBusy.map((b, i) => `${pc(b)}/${pc(s.roundIdle[i] ?? NaN)}`).join(' ');
    for (const o of out)
      console.log(
        `   ${String(o.level).padStart(10)}  product ${perRoundBusy(o.product)}\n   ${''.padStart(10)}  floor   ${perRoundBusy(o.floor)}`,
      );
    console.log(
      `   CPU ms per vote by thread (main thread / the SQLite store thread${storeThread.length === 1 ? '' : ' (not found)'} / the others: V8 GC and compiler helpers, libuv)`,
    );
    const byThread = (s: SideFigures) => `${f2(s.mainMs)} / ${f2(s.storeMs)} / ${f2(s.cpuMs - s.mainMs - s.storeMs)}`;
    for (const o of out) console.log(`   ${String(o.level).padStart(10)}  product ${byThread(o.product)}   floor ${byThread(o.floor)}`);
    if (process.env.BENCH_THREADS) {
      console.log(
        `   product, CPU ms per vote by thread id (offset from the main thread's; V8's helpers are the first few after it; store thread ${storeThread.map((t) => Number(t) - process.pid).join(',')})`,
      );
      for (const o of out) {
        const n = ROUNDS * perRound(o.level);
        const byId = [...o.product.threadUs].sort((a, b) => Number(a[0]) - Number(b[0]));
        console.log(
          `   ${String(o.level).padStart(10)}  ${byId.map(([t, us]) => `${Number(t) - process.pid}:${f2(us / 1000 / n)}`).join(' ')}`,
        );
      }
    }
    console.log(
      '   main-thread pauses during the rounds (GC ms per vote: young / other; full mark-sweeps; longest GC pause; longest event-loop delay, ms)',
    );
    const pz = (z: Pauses, n: number) =>
      `${f2(z.gcMinorMs / n)} / ${f2(z.gcMajorMs / n)}; ${z.gcMajorN}; ${f1(z.gcMaxMs)}; ${f1(z.loopMaxMs)}`;
    for (const o of out) {
      const n = ROUNDS * perRound(o.level);
      console.log(
        `   ${String(o.level).padStart(10)}  product ${pz(o.product.pauses, n)}\n   ${''.padStart(10)}  floor   ${pz(o.floor.pauses, n)}`,
      );
    }
    console.log(
      `   RSS (bench process: the product and the Connector stub): start ${mb(rss0)}, ${N_CASES} cases posted ${mb(rssCases)}, peak during rounds ${mb(rssPeak)}`,
    );
    if (thread0 && thread1) {
      // Includes the floor's rounds (the product idles then: its job loop only) and each level's connection warm-up.
      const d = (k: keyof typeof thread1) => thread1[k] - thread0[k];
      console.log(
        `   SQLite store thread over the levels (decisions §76): ${d('calls')} calls in ${d('messages')} messages (${f1(d('calls') / d('messages'))} per message), ` +
          `${d('writes')} writes in ${d('transactions')} transactions (${f1(d('writes') / d('transactions'))} per group commit)`,
      );
    }

    const votes = out.reduce((n, o) => n + ROUNDS * perRound(o.level), 0);
    console.log(
      `   inbound clients built over the levels' ${votes} product votes (src/teams/inbound-clients.ts; the floor keeps botbuilder's one per activity): ` +
        `Connector ${clients1.connectors - clients0.connectors}, user-token ${clients1.userTokens - clients0.userTokens}`,
    );

    await countPerVote(t, counted, caseIds);
  } finally {
    client.stop();
    await floor.stop();
    await t.stop();
    await inner.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/**
 * BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the product's rounds only (the floor's are left
 * out), for finding where a vote's time goes. BENCH_HEAP_PROFILE=<file.heapprofile>: a sampling profile of
 * what the product's rounds allocate (the objects the GC collected since included), for finding what
 * the young generation copies and promotes. The profilers cost CPU themselves: ratios of a profiled run
 * are not figures to report.
 */
async function startProfiler(): Promise<{ resume(): Promise<void>; pause(): Promise<void>; save(): void } | undefined> {
  const cpu = process.env.BENCH_PROFILE?.replace(/\.cpuprofile$/, '');
  const heap = process.env.BENCH_HEAP_PROFILE?.replace(/\.heapprofile$/, '');
  if (!cpu && !heap) return undefined;
  const session = new Session();
  session.connect();
  if (cpu) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
  }
  if (heap) await session.post('HeapProfiler.enable');
  let rounds = 0;
  let running = false;
  return {
    async resume() {
      if (cpu) await session.post('Profiler.start');
      if (heap)
        await session.post('HeapProfiler.startSampling', {
          samplingInterval: 4096,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
      running = true;
    },
    async pause() {
      if (!running) return;
      running = false;
      rounds++;
      if (cpu) writeFileSync(`${cpu}.${rounds}.cpuprofile`, JSON.stringify((await session.post('Profiler.stop')).profile)); // one file per product round
      if (heap) writeFileSync(`${heap}.${rounds}.heapprofile`, JSON.stringify((await session.post('HeapProfiler.stopSampling')).profile));
    },
    save() {
      session.disconnect();
      for (const [what, file, ext] of [
        ['CPU', cpu, 'cpuprofile'],
        ['allocation', heap, 'heapprofile'],
      ] as const)
        if (file) console.log(`   ${what} profiles of the product's ${rounds} rounds: ${file}.1…${rounds}.${ext}`);
    },
  };
}

/**
 * Store operations attributed by who made them: a job-loop pass (JobRunner.runOnce, wrapped in an
 * AsyncLocalStorage context with a counter of its own) or anything else (the request path). Passes
 * that ran no job (idle polls) are not counted; they are the loop's cost, not a vote's.
 */
interface Attribution {
  store: DocStore;
  /** Set while counting one vote: its case. */
  onlyCase?: string;
  request: StoreCounter;
  /**
   * Request-path reads of the shared conversation references (`_conv`): each process trusts what it holds
   * for CONV_CACHE_MS and re-reads it then, once a minute per reference, whatever the traffic. Counted
   * apart, so the per-vote figure is the vote's own; printed beside it.
   */
  convRefs: StoreCounter;
  jobs: Record<string, number>;
  /**
   * Only in the count phase. The rounds run on the plain store and runner: AsyncLocalStorage turns on
   * async hooks for the whole process (Node 20), a cost on every promise that the product does not have.
   */
  counting: boolean;
  passes: number;
  jobsRun: number;
}

/** The partition (case) a DocStore call touches; undefined for a query across partitions. */
function partitionOf(method: string, args: unknown[]): string | undefined {
  const first = args[0] as
    { pk?: unknown; caseId?: unknown; op?: unknown; doc?: { pk?: unknown }; entry?: { caseId?: unknown } }[] | string | undefined;
  if (typeof first === 'string') return method === 'query' ? undefined : first;
  if (Array.isArray(first)) {
    const op = first[0];
    return typeof op?.doc?.pk === 'string' ? op.doc.pk : typeof op?.entry?.caseId === 'string' ? op.entry.caseId : undefined;
  }
  const one = first as { pk?: unknown; caseId?: unknown } | undefined;
  return typeof one?.pk === 'string' ? one.pk : typeof one?.caseId === 'string' ? one.caseId : undefined;
}

function attributedStore(inner: DocStore): Attribution {
  const pass = new AsyncLocalStorage<StoreCounter>();
  const request = countingStore(inner);
  const convRefs = countingStore(inner);
  const a: Attribution = {
    request,
    convRefs,
    jobs: {},
    passes: 0,
    jobsRun: 0,
    counting: false,
    store: new Proxy(inner, {
      get(_target, prop) {
        if (!a.counting) return Reflect.get(inner, prop) as unknown; // the rounds: the plain store
        const c = pass.getStore();
        if (!c) {
          const req = Reflect.get(request.store, prop) as unknown;
          if (typeof req !== 'function') return req;
          const conv = Reflect.get(convRefs.store, prop) as (...args: unknown[]) => unknown;
          return (...args: unknown[]) =>
            partitionOf(String(prop), args) === CONV_PK
              ? conv.apply(convRefs.store, args)
              : (req as (...x: unknown[]) => unknown).apply(request.store, args);
        }
        const counted = Reflect.get(c.store, prop) as unknown;
        const plain = Reflect.get(inner, prop) as unknown;
        if (typeof counted !== 'function' || typeof plain !== 'function' || a.onlyCase === undefined) return counted;
        // While counting one vote, a pass's operations on other cases (timers of other cases that fell
        // due, e.g. reminders) are not this vote's: only ops on its case, or on no case (the poll), count.
        return (...args: unknown[]) => {
          const pk = partitionOf(String(prop), args);
          return (pk === undefined || pk === a.onlyCase ? counted : plain).apply(
            pk === undefined || pk === a.onlyCase ? c.store : inner,
            args,
          ) as unknown;
        };
      },
    }),
  };
  attributeRunner = (runner: JobRunner) => {
    // A hand-off (a command's refresh delivered by this process right after its commit) is the job
    // loop's work, though it starts on the request path: counted with the loop, as one pass.
    const handOff = runner.handOff.bind(runner);
    runner.handOff = (caseId, jobIds) => {
      if (!a.counting) return handOff(caseId, jobIds);
      const c = countingStore(inner);
      return pass.run(c, async () => {
        await handOff(caseId, jobIds);
        for (const [k, v] of Object.entries(c.take())) a.jobs[k] = (a.jobs[k] ?? 0) + v;
        a.passes++;
        a.jobsRun += jobIds.length;
      });
    };
    const runOnce = runner.runOnce.bind(runner);
    runner.runOnce = () => {
      if (!a.counting) return runOnce();
      const c = countingStore(inner);
      return pass.run(c, async () => {
        const ran = await runOnce();
        if (ran > 0) {
          for (const [k, v] of Object.entries(c.take())) a.jobs[k] = (a.jobs[k] ?? 0) + v;
          a.passes++;
          a.jobsRun += ran;
        }
        return ran;
      });
    };
  };
  return a;
}
let attributeRunner: (runner: JobRunner) => void = () => undefined;

/**
 * One vote at a time: what the request path did (from the invoke until its answer) and what the job
 * loop did for it (its passes until the card update reached "Teams" and a pass found nothing due).
 */
async function countPerVote(t: TestHost, a: Attribution, caseIds: string[]): Promise<void> {
  a.counting = true;
  await settle(t, 60_000);
  // The counting voter's first activity stores their Teams id (a get and a write, once per user): a
  // warm-up click, not counted, as every voter of the rounds above had one. Printed apart.
  a.request.reset();
  a.convRefs.reset();
  await sendActivity(t.base, executeInvoke(t.stub.url, USERS.reclassering, VERBS.refresh, { caseId: caseIds[0] }));
  const firstContact = { ...a.request.take() };
  for (const [k, v] of Object.entries(a.convRefs.take())) firstContact[k] = (firstContact[k] ?? 0) + v;
  await settle(t, 60_000);
  const req: Record<string, number> = {};
  const conv: Record<string, number> = {};
  const countStarted = Date.now();
  const jobs0 = { ...a.jobs };
  const jobsRun0 = a.jobsRun;
  let reqCalls = 0;
  let jobCalls = 0;
  const addTo = (acc: Record<string, number>, c: Record<string, number>) => {
    for (const [k, v] of Object.entries(c)) acc[k] = (acc[k] ?? 0) + v;
  };
  for (let i = 0; i < COUNT_VOTES; i++) {
    const caseId = caseIds[i % caseIds.length];
    a.onlyCase = caseId;
    const updates0 = t.stub.successful('update').length;
    a.request.reset();
    const calls0 = t.stub.calls.length; // the request path makes no Connector call of its own (answers in the invoke)
    const res = await sendActivity(
      t.base,
      executeInvoke(t.stub.url, USERS.reclassering, VERBS.voteConcern, {
        caseId,
        [INPUTS.voteReason]: 'Zorgen over de thuissituatie',
        [INPUTS.voteAcute]: 'false',
      }),
    );
    if ((res.body as { type?: string } | undefined)?.type !== CARD_TYPE)
      throw new Error('count phase: the vote was not answered with a card');
    addTo(req, a.request.take());
    addTo(conv, a.convRefs.take());
    const calls1 = t.stub.calls.length;
    reqCalls += calls1 - calls0;
    // The refresh reached "Teams", then the loop has nothing due any more.
    await waitFor('card update at the stub', () => t.stub.successful('update').length > updates0 || undefined, 60_000);
    await settle(t, 60_000);
    // Calls about this case only (its card's refresh data names it); other cases' timers may fire meanwhile.
    jobCalls += t.stub.calls.slice(calls1).filter((c) => JSON.stringify(c.body).includes(caseId)).length;
  }
  a.onlyCase = undefined;
  const job: Record<string, number> = {};
  for (const [k, v] of Object.entries(a.jobs)) if (v - (jobs0[k] ?? 0) > 0) job[k] = v - (jobs0[k] ?? 0);
  const per = (acc: Record<string, number>) =>
    Object.entries(acc)
      .sort()
      .map(([k, v]) => `${k} ${f1(v / COUNT_VOTES)}`)
      .join(', ');
  const sum = (acc: Record<string, number>) => Object.values(acc).reduce((x, y) => x + y, 0) / COUNT_VOTES;
  console.log(`   per vote (${COUNT_VOTES} votes one at a time; instrumented DocStore, Connector calls at the stub):`);
  const firstOps = Object.entries(firstContact)
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(`     (warm-up: the counting voter's first activity, a refresh view, not counted below: ${firstOps})`);
  console.log(`     request path: ${f1(sum(req))} store operations (${per(req)}); ${f1(reqCalls / COUNT_VOTES)} Connector calls`);
  const convTotal = Object.values(conv).reduce((x, y) => x + y, 0);
  console.log(
    `     besides, conversation-reference re-reads: ${convTotal} in these ${COUNT_VOTES} votes (${f1((Date.now() - countStarted) / 1000)} s; ` +
      `each reference is re-read at most once per ${CONV_CACHE_MS / 1000} s per process, whatever the traffic)`,
  );
  console.log(
    `     job loop:     ${f1(sum(job))} store operations (${per(job)}); ${f1(jobCalls / COUNT_VOTES)} Connector calls (passes ran ${f1((a.jobsRun - jobsRun0) / COUNT_VOTES)} jobs per vote, of any case)`,
  );
}
