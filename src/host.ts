import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type https from 'node:https';
import path from 'node:path';
import { deliverCardJob } from './jobs/deliver-card';
import { loadCaseBundle } from './store/case-bundle';
import { meetingReminderJob } from './app/aftercare/meeting';
import { outcomeFeedbackJob } from './app/aftercare/outcome';
import { adviceFollowUpJob, feedbackJob, refreshAdviceJob, sendAdviceJob } from './jobs/advice-jobs';
import { questionReminderJob } from './jobs/question-reminder-job';
import { vtBackupJob, vtExpireJob, vtReminderJob, vtSendJob, vtSummaryJob } from './jobs/vt-jobs';
import { vtAskAtIntakeJob } from './app/vt/intake-question';
import {
  agendaReminderJob,
  escalationCheckJob,
  missingVotesJob,
  postActieoverlegJob,
  refreshActieoverlegJob,
  termijnReminderJob,
} from './jobs/course-timers';
import type { AppDeps } from './app/deps';
import { Directory } from './app/directory';
import { createHasher } from './app/hasher';
import { systemClock, type Clock, type Outbound } from './app/ports';
import { retentionPolicy, type Config } from './config';
import { ensureRetentionSweep, retentionSweep } from './app/privacy/purge';
import { purgeCaseJob } from './jobs/purge-job';
import { createCsvLinks } from './app/report/csv-link';
import { returningNoteJob } from './jobs/returning-note-job';
import { closingFeedbackJob, followUpReminderJob } from './jobs/closing-jobs';
import { createHttpApp } from './http/server';
import { JobRunner } from './jobs/runner';
import { createLogger, type Logger } from './log';
import type { DocStore } from './store/docstore';
import { openDocStore } from './store/index';
import { CaseQueries } from './store/queries';
import { Repository } from './store/repository';
import { createAdapter } from './teams/adapter';
import { reuseInboundClients } from './teams/inbound-clients';
import { createBot } from './teams/bot';
import { TeamsOutbound } from './teams/outbound';
import { SlidingWindowLimiter } from './teams/rate-limit';
import { countEvent, EVENTS, tracedDocStore } from './telemetry';

/** How long a shutdown waits for open HTTP requests (invokes) before it cuts the connections. */
const HTTP_DRAIN_MS = 10_000;

export interface Host {
  port: number;
  deps: AppDeps;
  runner: JobRunner;
  db: DocStore;
  /** Connector and user-token clients built for inbound turns so far (src/teams/inbound-clients.ts). */
  inboundClientsBuilt(): { connectors: number; userTokens: number };
  stop(): Promise<void>;
}

/** Wire the process: store → use cases → Teams + HTTP → job loop. Used by main.ts and by tests. */
export async function startHost(
  config: Config,
  overrides: {
    clock?: Clock;
    log?: Logger;
    outbound?: Outbound;
    db?: DocStore;
    cosmosAgent?: https.Agent;
    /** Telemetry is exported (main.ts started it): add store spans. */
    traced?: boolean;
  } = {},
): Promise<Host> {
  const { env } = config;
  const log = overrides.log ?? createLogger(env.LOG_LEVEL);
  const opened =
    overrides.db ??
    (await openDocStore(
      env.STORE === 'cosmos'
        ? {
            store: 'cosmos',
            endpoint: env.COSMOS_ENDPOINT as string,
            ...(env.COSMOS_KEY ? { key: env.COSMOS_KEY } : {}),
            databaseId: env.COSMOS_DATABASE,
            containerId: env.COSMOS_CONTAINER,
            ...(env.COSMOS_AUDIT_CONTAINER ? { auditContainerId: env.COSMOS_AUDIT_CONTAINER } : {}),
            ...(overrides.cosmosAgent ? { agent: overrides.cosmosAgent } : {}),
          }
        : { store: 'sqlite', file: path.join(env.DATA_DIR, 'zsm.db'), key: env.STORE_ENCRYPTION_KEY as string },
    ));
  const db = overrides.traced ? tracedDocStore(opened) : opened;
  const repo = new Repository(db);
  const deps: AppDeps = {
    repo,
    queries: new CaseQueries(db),
    directory: new Directory(config.roster, config.vt, config.palette),
    clock: overrides.clock ?? systemClock,
    hasher: createHasher(env.PSEUDONYM_KEY),
    log,
    // The runner is created below; kicks only happen once requests are served.
    kickJobs: () => runner.kick(),
  };
  const adapter = createAdapter(env);
  // One Connector and user-token client per service URL for inbound turns, not one per activity.
  const inboundClients = reuseInboundClients(adapter);
  // The rapportage CSV export: signed links to this process's own HTTP route (only with a public address).
  const reportCsv = env.PUBLIC_BASE_URL ? createCsvLinks(env.PUBLIC_BASE_URL, env.INTAKE_HMAC_SECRET) : undefined;
  const bot = createBot(deps, adapter, {
    ...(reportCsv ? { reportCsv } : {}),
    ...(env.MICROSOFT_APP_ID ? { botAppId: env.MICROSOFT_APP_ID } : {}),
    allowedTenants: env.ALLOWED_TENANT_IDS,
    serviceUrls: config.serviceUrls,
  });
  const outbound =
    overrides.outbound ??
    new TeamsOutbound(adapter, env.MICROSOFT_APP_ID ?? '', repo, {
      log,
      timeoutMs: env.TEAMS_TIMEOUT_MS,
      createSettleMs: env.TEAMS_CREATE_SETTLE_MS,
      limiter: new SlidingWindowLimiter({ windows: env.TEAMS_RATE_LIMITS, maxWaitMs: env.TEAMS_RATE_MAX_WAIT_MS }),
      serviceUrls: config.serviceUrls,
      localMode: config.localMode,
      postMarks: repo.postMarks,
    });
  const retention = retentionPolicy(env);
  const runner: JobRunner = new JobRunner(
    repo,
    {
      postCard: (job, loaded) => deliverCardJob(deps, outbound, job, loaded),
      refreshCard: (job, loaded) => deliverCardJob(deps, outbound, job, loaded),
      termijnPassed: (job) => deliverCardJob(deps, outbound, { ...job, type: 'refreshCard' }),
      postActieoverleg: (job) => postActieoverlegJob(deps, outbound, job),
      refreshActieoverleg: (job) => refreshActieoverlegJob(deps, outbound, job),
      escalationCheck: (job) => escalationCheckJob(deps, job),
      missingVotes: (job) => missingVotesJob(deps, outbound, job, 'first'),
      deputyReminder: (job) => missingVotesJob(deps, outbound, job, 'deputy'),
      termijnReminder: (job) => termijnReminderJob(deps, outbound, job),
      agendaReminder: (job) => agendaReminderJob(deps, outbound, job),
      vtSend: (job) => vtSendJob(deps, outbound, job),
      vtReminder: (job) => vtReminderJob(deps, outbound, job),
      vtBackup: (job) => vtBackupJob(deps, outbound, job),
      vtExpire: (job) => vtExpireJob(deps, outbound, job),
      vtSummary: (job) => vtSummaryJob(deps, outbound, job),
      vtAskAtIntake: (job) => vtAskAtIntakeJob(deps, job),
      sendAdvice: (job) => sendAdviceJob(deps, outbound, job),
      refreshAdvice: (job) => refreshAdviceJob(deps, outbound, job),
      feedback: (job) => feedbackJob(deps, outbound, job),
      adviceFollowUp: (job) => adviceFollowUpJob(deps, outbound, job),
      retentionSweep: async () => {
        await retentionSweep(deps, retention);
      },
      purgeCase: (job) => purgeCaseJob(deps, outbound, job),
      meetingReminder: (job) => meetingReminderJob(deps, outbound, job),
      aoOutcomeFeedback: (job) => outcomeFeedbackJob(deps, outbound, job),
      returningNote: (job) => returningNoteJob(deps, outbound, job),
      questionReminder: (job) => questionReminderJob(deps, outbound, job),
      closingFeedback: (job) => closingFeedbackJob(deps, outbound, job),
      followUpReminder: (job) => followUpReminderJob(deps, outbound, job),
    },
    deps.clock,
    log,
    {
      pollMs: env.JOB_POLL_MS,
      leaseMs: env.JOB_LEASE_MS,
      maxAttempts: env.JOB_MAX_ATTEMPTS,
      backoff: { baseMs: env.JOB_BACKOFF_BASE_MS, maxMs: env.JOB_BACKOFF_MAX_MS },
    },
    (caseId) => loadCaseBundle(db, caseId),
  );
  // A command's card refresh is delivered by this process right after its commit (docs/decisions.md §38).
  if (env.JOB_HAND_OFF)
    deps.handOff = {
      owner: runner.owner,
      leaseMs: env.JOB_LEASE_MS,
      types: new Set(['refreshCard']),
      run: (caseId, jobIds) => void runner.handOff(caseId, jobIds),
    };
  const http = createHttpApp({
    deps,
    db,
    messages: async (req, res) => {
      await adapter.process(req, res, async (context) => {
        await bot.run(context);
      });
      // The adapter answers 401 itself when the Bot Framework token is missing or invalid.
      if (res.statusCode === 401 || res.statusCode === 403) {
        countEvent(EVENTS.turnRefused, { why: 'authentication' });
        log.warn({ status: res.statusCode, event: EVENTS.turnRefused, why: 'authentication' }, 'turn refused');
      }
    },
    ready: () => !stopping && runner.alive(),
    intake: { secret: env.INTAKE_HMAC_SECRET, maxSkewSeconds: env.INTAKE_MAX_SKEW_SECONDS },
    rateLimits: { windowMs: env.RATE_LIMIT_WINDOW_MS, intake: env.RATE_LIMIT_INTAKE, messages: env.RATE_LIMIT_MESSAGES },
    trustProxy: env.TRUST_PROXY,
    ...(reportCsv ? { reportCsv } : {}),
  });
  let stopping = false;
  const server: Server = await new Promise((resolve) => {
    const s = http.listen(env.PORT, env.HOST, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  // The retention sweep is a recurring durable timer: each run inserts the next slot's job.
  await ensureRetentionSweep(deps, retention);
  runner.start();
  if (config.openMode) {
    log.warn(
      { port, host: env.HOST },
      'LOCAL_MODE: no MICROSOFT_APP_ID configured, /api/messages accepts UNAUTHENTICATED requests on this loopback host only',
    );
  } else {
    log.info({ port, tenants: env.ALLOWED_TENANT_IDS.length }, 'Bot Framework authentication on; tenant allowlist active');
  }
  log.info({ port, store: db.name }, 'zsm-hg-bot listening');
  return {
    port,
    deps,
    runner,
    db,
    inboundClientsBuilt: () => inboundClients.built,
    /**
     * Graceful stop (SIGTERM): /readyz turns 503, no new jobs are claimed, the running job finishes
     * (its Connector call completes, the job is marked done), open requests (invokes) are answered,
     * leases this worker still holds are released for the other instances, then the store closes.
     */
    async stop() {
      stopping = true;
      // The listener stays open while the running job finishes, so the load balancer's health probe
      // sees 503 and moves traffic to the other instances; requests that still arrive are served.
      await runner.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drain = setTimeout(() => server.closeAllConnections?.(), HTTP_DRAIN_MS);
      await closed.finally(() => clearTimeout(drain));
      server.closeAllConnections?.();
      try {
        const released = await repo.releaseLeasesOf(runner.owner);
        if (released > 0) log.warn({ released }, 'released job leases at shutdown');
      } catch (e) {
        log.warn({ err: e instanceof Error ? e.name : 'error' }, 'could not release job leases at shutdown; they expire by themselves');
      }
      if (!overrides.db) await db.close();
    },
  };
}
