/**
 * `npm run bench`: figures only, no assertions. About 3 minutes on 2 idle cores; every section says
 * how long it took. `BENCH_SECTIONS=vote,durability` runs only those (names in SECTIONS below).
 *
 *   vote        the vote invoke against the bare teams-ai floor in one run (bench/vote-floor.ts):
 *               p50/p99 at 1, 10 and 50 concurrent closed-loop keep-alive clients, ratios, votes/s,
 *               response bytes, RSS, store operations and Connector calls per vote (request path vs job loop)
 *   cards       case card build time and size (typical and large case, the card tests' fixtures)
 *   time        time formatting before (luxon per call) and after (cached Intl) (bench/time-format.ts)
 *   durability  SQLite commit: FULL vs NORMAL vs group fsync vs a worker prototype (bench/durability.ts)
 *   sqlite      intake and vote throughput on SQLite, no Teams rate limit; vote → card at "Teams"
 *   cosmos      the same on the Cosmos emulator for a smaller N, as a ratio against SQLite at that N
 *   throttled   vote → card at "Teams" with Teams' per-thread limits on one busy channel
 *   escalation  vote (acuut onveilig) → Actieoverleg card
 *   timers      durable timer lateness and lease takeover
 *
 * Environment: BENCH_SECTIONS, BENCH_LEVELS (1,10,50), BENCH_ROUNDS (2), BENCH_ROUND (requests per round),
 * BENCH_VOTE_CASES (100), BENCH_COMMITS (600), BENCH_CASES (100), BENCH_VOTES (300), BENCH_COSMOS_CASES (40),
 * BENCH_COSMOS_VOTES (100), BENCH_TEMPLATE_ENGINE (compiled | library: bind cards with adaptivecards-templating itself),
 * BENCH_WARM_UP (5000 votes per side before the vote rounds), BENCH_JOB_POLL_MS (500), BENCH_PROFILE (a CPU profile
 * of the product's vote rounds, to a file prefix), BENCH_HEAP_PROFILE (a sampling allocation profile of them),
 * BENCH_THREADS (print the product's CPU per vote by thread id).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { benchAgenda } from './agenda';
import { benchEscalation } from './escalation';
import { benchReport } from './report';
import { benchTimers } from './timers';
import { benchVoteVsFloor } from './vote-floor';
import { benchTimeFormat } from './time-format';
import { benchDurability } from './durability';
import os from 'node:os';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCaseCard } from '../src/cards/case-card';
import { cardBytes } from '../src/cards/budget';
import { INPUTS, VERBS } from '../src/cards/verbs';
import { useTemplateEngine, type TemplateEngine } from '../src/cards/template';
import type { CaseCardView } from '../src/cards/view';
import { loadConfig } from '../src/config';
import { startHost, type Host } from '../src/host';
import { createLogger } from '../src/log';
import type { DocStore } from '../src/store/docstore';
import { createAdapter } from '../src/teams/adapter';
import { TeamsOutbound } from '../src/teams/outbound';
import { SlidingWindowLimiter, type RateLimiter } from '../src/teams/rate-limit';
import { ConnectorStub, type ConnectorCall } from '../test/helpers/connector-stub';
import { sampleIntake, testRoster, USERS } from '../test/helpers/fixtures';
import { TEST_STORE_KEY } from '../test/helpers/stores';
import { channelActivity, executeInvoke, postSignedCase, sendActivity, TEST_PSEUDONYM_KEY, TEST_SECRET } from '../test/helpers/host';
import { closeSharedCosmosServer, makeDocStore } from '../test/helpers/stores';
import { largeView, typicalView } from '../test/unit/cards/fixtures';

const N_CASES = Number(process.env.BENCH_CASES ?? 100);
const N_VOTES = Number(process.env.BENCH_VOTES ?? 300);
const C_CASES = Number(process.env.BENCH_COSMOS_CASES ?? 40);
const C_VOTES = Number(process.env.BENCH_COSMOS_VOTES ?? 100);
const CONCURRENCY = 8;
/** Three organisations vote on each case, so no vote overwrites another (each stays visible). */
const VOTERS = [USERS.politie, USERS.rvdk, USERS.vt] as const;

const noLimit: RateLimiter = { acquire: async () => undefined, pause: () => undefined };

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const f1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '–');

async function pool<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

async function until(fn: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fn()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// a. cards

function benchCards(): void {
  console.log('   case      engine    builds  p50 ms  p95 ms  builds/s  bytes (UTF-16, as Teams counts)  UTF-8 bytes');
  const cases: [string, CaseCardView][] = [
    ['typical', typicalView()],
    ['large', largeView()],
  ];
  // The same card bound by adaptivecards-templating itself and by the compiled templates (byte-identical output).
  const engines: TemplateEngine[] = ['library', 'compiled'];
  for (const [name, view] of cases)
    for (const engine of engines) {
      useTemplateEngine(engine);
      for (let i = 0; i < 200; i++) buildCaseCard(view); // warm-up
      const times: number[] = [];
      const n = name === 'large' ? 1000 : 3000;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        buildCaseCard(view);
        times.push(performance.now() - s);
      }
      const total = performance.now() - t0;
      const card = buildCaseCard(view);
      console.log(
        `   ${name.padEnd(8)}  ${engine.padEnd(8)}  ${String(n).padStart(6)}  ${f2(pct(times, 50)).padStart(6)}  ${f2(pct(times, 95)).padStart(6)}  ${f1((n / total) * 1000).padStart(8)}  ${String(cardBytes(card)).padStart(31)}  ${String(Buffer.byteLength(JSON.stringify(card))).padStart(11)}`,
      );
    }
  useTemplateEngine(benchEngine);
}

/** BENCH_TEMPLATE_ENGINE=library binds every card with adaptivecards-templating itself (the figures before §47). */
const benchEngine: TemplateEngine = process.env.BENCH_TEMPLATE_ENGINE === 'library' ? 'library' : 'compiled';

// ---------------------------------------------------------------------------------------------
// b–d. the bot in-process

interface BenchHost {
  host: Host;
  stub: ConnectorStub;
  base: string;
  /**
   * First moment (performance.now) "Teams" got a channel card of a case showing at least n votes, keyed
   * `<caseId>#<n>`. The channel message carries no vote reasons (need-to-know), only the count.
   */
  seen: Map<string, number>;
  stop(): Promise<void>;
}

async function startBenchHost(opts: { db?: DocStore; limiter: RateLimiter }): Promise<BenchHost> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zsm-bench-'));
  const rosterFile = path.join(dataDir, 'roster.json');
  writeFileSync(rosterFile, JSON.stringify(testRoster()));
  const stub = new ConnectorStub();
  await stub.start();
  const seen = new Map<string, number>();
  // Every request reaches the fault hook first: note when a case's card first shows n votes.
  stub.faults = {
    decide(call: ConnectorCall) {
      const t = performance.now();
      const json = JSON.stringify(call.body);
      const caseId = /\\"caseId\\":\\"([0-9a-f]+)\\"|"caseId":"([0-9a-f]+)"/.exec(json);
      const count = /(\d+) van \d+ gestemd/.exec(json);
      const id = caseId?.[1] ?? caseId?.[2];
      if (id && count) for (let n = 1; n <= Number(count[1]); n++) if (!seen.has(`${id}#${n}`)) seen.set(`${id}#${n}`, t);
      return undefined;
    },
  };
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    ROSTER_FILE: rosterFile,
    INTAKE_HMAC_SECRET: TEST_SECRET,
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    STORE_ENCRYPTION_KEY: TEST_STORE_KEY,
    JOB_POLL_MS: '50',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    LOCAL_MODE: 'true',
    RATE_LIMIT_MESSAGES: '1000000',
    RATE_LIMIT_INTAKE: '1000000',
  });
  const log = createLogger(config.env.LOG_LEVEL);
  // The outbound reads conversation references from the host's store, which exists only once the host runs.
  const late: { host?: Host } = {};
  const outbound = new TeamsOutbound(
    createAdapter(config.env),
    '',
    { getConversationRef: (k) => (late.host as Host).deps.repo.getConversationRef(k) },
    { limiter: opts.limiter, log, serviceUrls: config.serviceUrls },
  );
  const h = await startHost(config, { log, outbound, ...(opts.db ? { db: opts.db } : {}) });
  late.host = h;
  const base = `http://127.0.0.1:${h.port}`;
  await sendActivity(base, channelActivity(stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }));
  return {
    host: h,
    stub,
    base,
    seen,
    async stop() {
      await h.stop();
      await stub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Figures {
  cases: number;
  votes: number;
  intakePerSec: number;
  intakeP50: number;
  postsPerSec: number;
  votesPerSec: number;
  voteP50: number;
  voteP95: number;
  voteErrors: number;
  visibleP50: number;
  visibleP95: number;
  notVisible: number;
  updates: number;
}

/** Intake nCases, wait for their cards, then cast nVotes (CONCURRENCY at a time, or one per paceMs). */
async function scenario(h: BenchHost, tag: string, nCases: number, nVotes: number, paceMs = 0): Promise<Figures> {
  const intakeLat: number[] = [];
  const t0 = performance.now();
  const caseIds = await pool(
    Array.from({ length: nCases }, (_, i) => i),
    CONCURRENCY,
    async (i) => {
      const s = performance.now();
      const res = await postSignedCase(h.base, sampleIntake({ externalId: `BENCH-${tag}-${i}` }));
      intakeLat.push(performance.now() - s);
      if (res.status !== 201) throw new Error(`intake answered ${res.status}`);
      return ((await res.json()) as { caseId: string }).caseId;
    },
  );
  const intakeMs = performance.now() - t0;
  await until(async () => (await h.host.db.query('cardref', [])).length >= nCases, 60_000);
  const postedMs = performance.now() - t0;
  const updatesBefore = h.stub.successful('update').length;

  const sent = new Map<string, number>();
  const voteLat: number[] = [];
  let voteErrors = 0;
  const votes = Array.from({ length: nVotes }, (_, k) => ({
    k,
    caseIdx: k % nCases,
    voter: VOTERS[Math.floor(k / nCases) % VOTERS.length],
  }));
  const castOne = async (v: (typeof votes)[number]): Promise<void> => {
    const reason = `bench-${v.caseIdx}-${v.k}`;
    const s = performance.now();
    // The j-th vote on a case (votes on one case are nCases apart, so in order) is visible once its card shows j votes.
    sent.set(`${caseIds[v.caseIdx]}#${Math.floor(v.k / nCases) + 1}`, s);
    const res = await sendActivity(
      h.base,
      executeInvoke(h.stub.url, v.voter, VERBS.voteConcern, {
        caseId: caseIds[v.caseIdx],
        [INPUTS.voteReason]: reason,
        [INPUTS.voteAcute]: 'false',
      }),
    );
    voteLat.push(performance.now() - s);
    if (res.status !== 200 || (res.body as { type?: string } | undefined)?.type !== 'application/vnd.microsoft.card.adaptive') voteErrors++;
  };
  const v0 = performance.now();
  if (paceMs > 0) {
    const inFlight: Promise<void>[] = [];
    for (const v of votes) {
      inFlight.push(castOne(v));
      await new Promise((r) => setTimeout(r, paceMs));
    }
    await Promise.all(inFlight);
  } else {
    await pool(votes, CONCURRENCY, castOne);
  }
  const votesMs = performance.now() - v0;
  await until(() => [...sent.keys()].every((r) => h.seen.has(r)), 60_000);
  const visible = [...sent].filter(([r]) => h.seen.has(r)).map(([r, s]) => (h.seen.get(r) as number) - s);
  return {
    cases: nCases,
    votes: nVotes,
    intakePerSec: (nCases / intakeMs) * 1000,
    intakeP50: pct(intakeLat, 50),
    postsPerSec: (nCases / postedMs) * 1000,
    votesPerSec: (nVotes / votesMs) * 1000,
    voteP50: pct(voteLat, 50),
    voteP95: pct(voteLat, 95),
    voteErrors,
    visibleP50: pct(visible, 50),
    visibleP95: pct(visible, 95),
    notVisible: nVotes - visible.length,
    updates: h.stub.successful('update').length - updatesBefore,
  };
}

function printFigures(label: string, f: Figures): void {
  console.log(
    `   ${label.padEnd(22)} ${String(f.cases).padStart(5)} ${String(f.votes).padStart(5)}  ${f1(f.intakePerSec).padStart(9)}  ${f1(f.postsPerSec).padStart(8)}  ${f1(f.votesPerSec).padStart(7)}  ${f1(f.voteP50).padStart(7)}  ${f1(f.voteP95).padStart(7)}  ${f1(f.visibleP50).padStart(10)}  ${f1(f.visibleP95).padStart(10)}  ${String(f.updates).padStart(7)}  ${f.voteErrors + f.notVisible > 0 ? `errors ${f.voteErrors}, not visible ${f.notVisible}` : ''}`,
  );
}

const HEADER =
  '   run                    cases votes  intake/s  posts/s  votes/s  vote p50  vote p95  visible p50  visible p95  updates\n' +
  '                                                                      (ms, HTTP invoke)   (ms, vote → card at "Teams")';

async function run(
  store: 'sqlite' | 'cosmos',
  tag: string,
  nCases: number,
  nVotes: number,
  limiter: RateLimiter,
  paceMs = 0,
): Promise<Figures> {
  const made = store === 'cosmos' ? await makeDocStore('cosmos') : undefined;
  const h = await startBenchHost({ limiter, ...(made ? { db: made.db } : {}) });
  try {
    return await scenario(h, tag, nCases, nVotes, paceMs);
  } finally {
    await h.stop();
    await made?.cleanup();
  }
}

/** One part of the bench; `BENCH_SECTIONS=vote,cards` runs only those (default: all, in this order). */
interface Section {
  name: string;
  title: string;
  run(): Promise<void>;
}

const SECTIONS: Section[] = [
  {
    name: 'vote',
    title: 'vote invoke vs the bare teams-ai floor (SQLite, defaults; closed-loop keep-alive clients)',
    run: async () => {
      await benchVoteVsFloor();
    },
  },
  { name: 'cards', title: 'a. case card: build time and size', run: async () => benchCards() },
  { name: 'time', title: 'time formatting (Europe/Amsterdam, nl)', run: async () => benchTimeFormat() },
  {
    name: 'durability',
    title: 'SQLite commit: FULL vs NORMAL vs group fsync, inline vs on the store thread (group commit)',
    run: benchDurability,
  },
  {
    name: 'sqlite',
    title: 'b. + d. the bot on SQLite, no rate limit (our own cost)',
    run: async () => {
      console.log(HEADER);
      printFigures('sqlite', await run('sqlite', 'sq', N_CASES, N_VOTES, noLimit));
    },
  },
  {
    name: 'cosmos',
    title: 'c. Cosmos emulator vs SQLite at the same, smaller N (same run)',
    run: async () => {
      console.log(HEADER);
      const sqliteSmall = await run('sqlite', 'sqs', C_CASES, C_VOTES, noLimit);
      printFigures('sqlite', sqliteSmall);
      const cosmos = await run('cosmos', 'cos', C_CASES, C_VOTES, noLimit);
      printFigures('cosmos emulator', cosmos);
      await closeSharedCosmosServer();
      const ratio = (a: number, b: number): string => `${f2(a / b)}×`;
      console.log(
        `   cosmos / sqlite: intake/s ${ratio(cosmos.intakePerSec, sqliteSmall.intakePerSec)}, votes/s ${ratio(cosmos.votesPerSec, sqliteSmall.votesPerSec)}, ` +
          `vote p50 ${ratio(cosmos.voteP50, sqliteSmall.voteP50)}, vote p95 ${ratio(cosmos.voteP95, sqliteSmall.voteP95)}, ` +
          `visible p50 ${ratio(cosmos.visibleP50, sqliteSmall.visibleP50)}, visible p95 ${ratio(cosmos.visibleP95, sqliteSmall.visibleP95)}`,
      );
      console.log('   (the emulator is @vercel/cosmosdb-server in this process: a relative figure, not Azure latency)');
    },
  },
  {
    name: 'throttled',
    title: 'd. vote → card at "Teams" with Teams\' per-thread limits (7/1 s, 8/2 s, 60/30 s), one busy channel',
    run: async () => {
      console.log('   10 cases, then 30 votes, one every 100 ms');
      console.log(HEADER);
      const limiter = new SlidingWindowLimiter();
      printFigures('sqlite, Teams limits', await run('sqlite', 'thr', 10, 30, limiter, 100));
      console.log(`   limiter: ${JSON.stringify(limiter.stats)}`);
    },
  },
  { name: 'escalation', title: 'f. escalation to the Actieoverleg (SQLite, Connector stub)', run: () => benchEscalation() },
  { name: 'timers', title: 'e. durable timers (job loop on SQLite)', run: benchTimers },
  {
    name: 'agenda',
    title: 'agenda at 1 k, 10 k and 100 k cases (SQLite; BENCH_AGENDA_SIZES)',
    run: async () => {
      const sizes = (process.env.BENCH_AGENDA_SIZES ?? '1000,10000,100000').split(',').map(Number);
      await benchAgenda({ sizes, runs: Number(process.env.BENCH_AGENDA_RUNS ?? 30) });
    },
  },
  {
    // 100 k report rows take minutes to seed on 2 cores: BENCH_REPORT_SIZES=1000,10000 for a quick run.
    name: 'report',
    title: 'rapportage at 1 k, 10 k and 100 k cases (SQLite; BENCH_REPORT_SIZES)',
    run: async () => {
      const sizes = (process.env.BENCH_REPORT_SIZES ?? '1000,10000,100000').split(',').map(Number);
      await benchReport(sizes.filter((n) => Number.isInteger(n) && n > 0));
    },
  },
];

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `zsm-hg-bot bench — node ${process.version}, ${new Date().toISOString()}, ${os.cpus().length} CPUs (shared: figures are relative within this run)`,
  );
  useTemplateEngine(benchEngine);
  console.log(
    `card templates bound by: ${benchEngine === 'library' ? 'adaptivecards-templating (BENCH_TEMPLATE_ENGINE=library)' : 'the compiled templates'}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const only = process.env.BENCH_SECTIONS?.split(',').map((s) => s.trim());
  for (const s of SECTIONS) {
    if (only && !only.includes(s.name)) continue;
    console.log(`\n[${s.name}] ${s.title}`);
    const t0 = performance.now();
    await s.run();
    console.log(
      `   (${f1((performance.now() - t0) / 1000)} s; load average after it ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
    );
  }
  console.log(`\ntotal ${f1((performance.now() - started) / 1000)} s, RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
