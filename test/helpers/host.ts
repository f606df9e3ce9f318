import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { startHost, type Host } from '../../src/host';
import { createLogger, type Logger } from '../../src/log';
import type { DocStore } from '../../src/store/docstore';
import type { Job } from '../../src/store/jobs';
import { POST_CARD_JOB_ID } from '../../src/app/intake-case';
import type { Clock } from '../../src/app/ports';
import type { RosterFileInput } from '../../src/domain/roster';
import { signBody } from '../../src/http/signature';
import { ConnectorStub } from './connector-stub';
import { TEST_STORE_KEY } from './stores';
import { caseCode } from '../../src/domain/case-code';
import { AO_CHANNEL, CHANNEL, sampleIntake, TENANT, testRoster, USERS } from './fixtures';
import type { JobHandOffPort } from '../../src/app/deps';

export const TEST_SECRET = 'test-intake-secret-0123456789abcdef0123';
export const TEST_PSEUDONYM_KEY = 'test-pseudonym-key-0123456789abcdef012';

export interface TestHost {
  host: Host;
  stub: ConnectorStub;
  base: string;
  dataDir: string;
  /**
   * JOB_LEASE_MS: the longest one job may run (config requires it to exceed the Teams timeout plus the
   * longest rate-limit wait). settle/settleUntil wait at least this long before calling the loop stalled.
   */
  jobLeaseMs: number;
  stop(): Promise<void>;
}

/** A real bot process (in-process): real HTTP server, real store, Connector stub as "Teams". */
export async function startTestHost(
  opts: {
    db?: DocStore;
    dataDir?: string;
    stub?: ConnectorStub;
    env?: Record<string, string>;
    roster?: RosterFileInput;
    clock?: Clock;
    /** Where the bot's logs go (default: the test log level, to stdout). */
    log?: Logger;
  } = {},
): Promise<TestHost> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'zsm-it-'));
  const rosterFile = path.join(dataDir, 'roster.json');
  writeFileSync(rosterFile, JSON.stringify(opts.roster ?? testRoster()));
  const stub = opts.stub ?? new ConnectorStub();
  if (!opts.stub) await stub.start();
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    ROSTER_FILE: rosterFile,
    INTAKE_HMAC_SECRET: TEST_SECRET,
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    STORE_ENCRYPTION_KEY: TEST_STORE_KEY,
    JOB_POLL_MS: '100',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Unauthenticated Playground-style traffic on 127.0.0.1 (the Connector stub is a loopback URL).
    LOCAL_MODE: 'true',
    ...opts.env,
  });
  const host = await startHost(config, {
    log: opts.log ?? createLogger(config.env.LOG_LEVEL),
    ...(opts.db ? { db: opts.db } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const base = `http://127.0.0.1:${host.port}`;
  return {
    host,
    stub,
    base,
    dataDir,
    jobLeaseMs: config.env.JOB_LEASE_MS,
    async stop() {
      await host.stop();
      if (!opts.stub) await stub.stop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postSignedCase(
  base: string,
  body: unknown,
  opts: { secret?: string; timestamp?: number; raw?: string } = {},
): Promise<Response> {
  const raw = opts.raw ?? JSON.stringify(body);
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${base}/api/cases`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-zsm-timestamp': String(ts),
      'x-zsm-signature': signBody(opts.secret ?? TEST_SECRET, ts, raw),
    },
    body: raw,
  });
}

let activitySeq = 0;

/** A Teams activity as the Connector would deliver it, from a user in the location channel. */
export function channelActivity(stubUrl: string, fromAad: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    id: `act-${++activitySeq}`,
    channelId: 'msteams',
    serviceUrl: stubUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${fromAad}`, aadObjectId: fromAad, name: 'Test gebruiker' },
    recipient: { id: '28:bot-id', name: 'ZSM HG' },
    conversation: { id: `${CHANNEL};messageid=1000`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2' }, channel: { id: CHANNEL } },
    ...extra,
  };
}

export async function sendActivity(base: string, activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text || undefined;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    // not JSON (e.g. the adapter's plain "Unauthorized"): keep the text
  }
  return { status: res.status, body };
}

/** An activity from a user's personal (1:1) chat with the bot, e.g. when the app is installed for them. */
export function personalActivity(stubUrl: string, aad: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'conversationUpdate',
    channelId: 'msteams',
    serviceUrl: stubUrl,
    from: { id: `29:${aad}`, aadObjectId: aad },
    recipient: { id: '28:bot-id' },
    conversation: { id: `a:personal-${aad}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    membersAdded: [{ id: '28:bot-id' }],
    ...extra,
  };
}

/** Action.Execute invoke (what Teams sends when a card button is pressed). */
export function executeInvoke(
  stubUrl: string,
  fromAad: string,
  verb: string,
  data: Record<string, unknown>,
  replyToId = '1000',
): Record<string, unknown> {
  return channelActivity(stubUrl, fromAad, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}

/** Wait until a condition holds (polling); fails with the label after the limit. */
export async function waitFor<T>(label: string, fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Let the job loop finish everything that is due (so document counts are stable before/after a step).
 * Follows progress, not a deadline: it fails only when `stallMs` pass without a job finishing or the
 * due set changing, and then names the jobs that are stuck (type, attempts, last error, lease).
 * The default stall is longer than one job may legitimately run (its lease: e.g. a Connector call
 * left unanswered until TEAMS_TIMEOUT_MS aborts it, then the job is retried), so only a real stall fails.
 */
const defaultStallMs = (t: TestHost): number => t.jobLeaseMs + 5_000;

export async function settle(t: TestHost, stallMs = defaultStallMs(t)): Promise<void> {
  await settleUntil(t, 'job loop to settle', async (due) => due === 0, stallMs);
}

/**
 * Drive the job loop until `check` holds (e.g. a card posted, a purge done; it gets the number of jobs
 * still due), failing only when the loop makes no progress for `stallMs` (like settle), never on a
 * wall-clock deadline tuned to an idle machine.
 */
export async function settleUntil(
  t: TestHost,
  label: string,
  check: (dueCount: number) => Promise<boolean>,
  stallMs = defaultStallMs(t),
): Promise<void> {
  const dueNow = () =>
    t.host.db.query<{ type: string; attempts: number; lastError?: string; leaseUntil?: string; leaseOwner?: string; rev?: number }>('job', [
      { field: 'status', op: '=', value: 'pending' },
      { field: 'dueAt', op: '<=', value: t.host.deps.clock.now().toISOString() },
    ]);
  let lastProgress = Date.now();
  let lastSeen = '';
  for (;;) {
    await t.host.runner.runOnce();
    const pending = await dueNow();
    if (await check(pending.length)) return;
    // A job retried at once over and over is not progress; a job finishing or requested anew is.
    const seen = pending.map((d) => `${d.id}:${d.body.rev ?? ''}`).join(',');
    if (seen !== lastSeen) lastProgress = Date.now();
    lastSeen = seen;
    if (Date.now() - lastProgress > stallMs) {
      const stuck = pending.map((d) => ({
        type: d.body.type,
        attempts: d.body.attempts,
        lastError: d.body.lastError,
        leaseUntil: d.body.leaseUntil,
        leaseOwner: d.body.leaseOwner,
      }));
      throw new Error(`${label}: the job loop made no progress for ${stallMs} ms; due jobs: ${JSON.stringify(stuck)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A clock the test moves by hand, for durable timers (due times are compared with this clock). */
export class ManualClock implements Clock {
  constructor(private t: number = Date.now()) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/**
 * Wait until the case card of `caseId` is posted (its card reference is stored), driving the job
 * loop. Follows the post job instead of a wall clock: when the job failed and was rescheduled (by
 * the host's clock — with a ManualClock that moment never comes by itself) or went dead, it throws
 * at once with the job's own error, instead of "timed out waiting for card ref" after the limit. The
 * limit (default 60 s) only guards against a hang.
 */
export async function waitForCardRef(t: TestHost, caseId: string, hangLimitMs = 60_000): Promise<void> {
  const end = Date.now() + hangLimitMs;
  for (;;) {
    await t.host.runner.runOnce();
    if (await t.host.deps.repo.getCardRef(caseId)) return;
    const job = (await t.host.db.get<Job>(caseId, POST_CARD_JOB_ID))?.body;
    if (job && job.status === 'dead') throw new Error(`the case card job went dead: ${job.lastError ?? 'no error kept'}`);
    if (job && job.status === 'pending' && job.attempts > 0 && job.dueAt > t.host.deps.clock.now().toISOString())
      throw new Error(
        `the case card job failed (${job.lastError ?? 'no error kept'}) and is rescheduled for ${job.dueAt} by the host's clock`,
      );
    if (Date.now() > end)
      throw new Error(`no card reference for ${caseId} after ${hangLimitMs} ms (post job: ${JSON.stringify(job ?? null)})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An Action.Execute invoke by `from` (answered 200); the invoke response's value (card or message) as JSON text. */
export async function invokeVerb(t: TestHost, from: string, verb: string, data: Record<string, unknown>): Promise<string> {
  const res = await sendActivity(t.base, executeInvoke(t.stub.url, from, verb, data));
  expect(res.status).toBe(200);
  return JSON.stringify((res.body as { type: string; value: unknown }).value);
}

/** A sample case taken in at the clock's "now" (signed with that time), once its card is posted. */
export async function newCaseAt(t: TestHost, clock: Clock): Promise<string> {
  const res = await postSignedCase(t.base, sampleIntake({ intakeAt: clock.now().toISOString() }), {
    timestamp: Math.floor(clock.now().getTime() / 1000),
  });
  expect(res.status).toBe(201);
  const { caseId } = (await res.json()) as { caseId: string };
  await waitForCardRef(t, caseId);
  return caseId;
}

/** The Actieoverleg posts of a case that Teams accepted (the Connector stub's successful creates in the AO channel). */
export function aoPostsOf(t: TestHost, caseId: string): ReturnType<ConnectorStub['successful']> {
  return t.stub
    .successful('create')
    .filter(
      (c) =>
        (c.body.channelData as { channel: { id: string } }).channel.id === AO_CHANNEL && JSON.stringify(c.body).includes(caseCode(caseId)),
    );
}

/**
 * The bot is added to the location's channel with these users in it (Teams' conversationUpdate, one per
 * user), so it knows their Teams ids and the channel's conversation reference. Default: every test user.
 */
export async function greetAllUsers(t: TestHost, users: readonly string[] = Object.values(USERS)): Promise<void> {
  for (const u of users)
    await sendActivity(t.base, channelActivity(t.stub.url, u, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }));
}

/**
 * For tests that count store operations per click: let the job loop finish what is due, then run it only
 * when the test drives it (`runner.runOnce()` or a hand-off by hand): no kicks, no polls (one pass now,
 * the next in an hour) and no hand-off of card refreshes. A counted click is then its request path alone.
 * Returns the host's hand-off port, for a test that starts a hand-off itself.
 */
export async function driveJobsByHand(t: TestHost): Promise<JobHandOffPort | undefined> {
  await settle(t);
  t.host.deps.kickJobs = () => undefined;
  const handOff = t.host.deps.handOff;
  t.host.deps.handOff = undefined;
  t.host.runner.setOptions({ pollMs: 3_600_000 });
  await t.host.runner.stop();
  t.host.runner.start();
  return handOff;
}
