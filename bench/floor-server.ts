/**
 * The floor of bench/vote-floor.ts, as a child process: a bare teams-ai `Application` with one card
 * verb that answers a fixed card, behind the product's express stack (createHttpApp: helmet, inbound
 * rate limit, JSON parser, envelope check) and the product's adapter configuration (createAdapter:
 * botbuilder's CloudAdapter as configured, without the product's inbound client reuse,
 * src/teams/inbound-clients.ts, so it builds a Connector client per activity as the framework does). The test host it
 * starts is only there for createHttpApp's dependencies (logger, a store for /readyz); it stays idle.
 *
 * Protocol (IPC): the child sends `{ base }` once listening; `{ cpu: true }` is answered with
 * `{ cpuUs, mainUs, storeUs, pauses }` (this process's user + system CPU so far, its main thread's, 0 for a store thread it does not have; its GC and event-loop pauses since the
 * last such question, bench/pauses.ts); `{ stop: true }` ends it.
 */
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Application, TurnState } from '@microsoft/teams-ai';
import { VERBS } from '../src/cards/verbs';
import { loadConfig } from '../src/config';
import { createHttpApp } from '../src/http/server';
import { SqliteDocStore } from '../src/store/sqlite/sqlite-docstore';
import { createAdapter } from '../src/teams/adapter';
import { startTestHost } from '../test/helpers/host';
import { TEST_STORE_KEY } from '../test/helpers/stores';
import { RAISED_INBOUND } from './inbound';
import { PauseMeter, threadCpuUs } from './pauses';

/** A fixed card of about the size of a minimal Teams answer (~0.25 KB). */
const FIXED_CARD = {
  type: 'AdaptiveCard' as const,
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Stem ontvangen', wrap: true, weight: 'Bolder' }],
  actions: [{ type: 'Action.Execute', title: 'Openen', verb: 'open', data: { caseId: 'x' } }],
};

async function main(): Promise<void> {
  const t = await startTestHost({ db: SqliteDocStore.open(':memory:', TEST_STORE_KEY), env: { JOB_POLL_MS: '60000' } });
  const config = loadConfig({
    PORT: '0',
    INTAKE_HMAC_SECRET: 'floor-intake-secret-0123456789abcdef0123',
    PSEUDONYM_KEY: 'floor-pseudonym-key-0123456789abcdef01',
    STORE_ENCRYPTION_KEY: TEST_STORE_KEY,
    LOCAL_MODE: 'true',
    LOG_LEVEL: 'silent',
    ROSTER_FILE: path.join(t.dataDir, 'roster.json'),
    ...RAISED_INBOUND,
  });
  const adapter = createAdapter(config.env);
  const app = new Application<TurnState>({
    adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    turnStateFactory: () => new TurnState(),
  });
  app.adaptiveCards.actionExecute(VERBS.voteConcern, async () => FIXED_CARD);
  const http = createHttpApp({
    deps: t.host.deps,
    db: t.host.db,
    messages: async (req, res) => {
      await adapter.process(req, res, async (context) => {
        await app.run(context);
      });
    },
    intake: { secret: config.env.INTAKE_HMAC_SECRET, maxSkewSeconds: config.env.INTAKE_MAX_SKEW_SECONDS },
    rateLimits: {
      windowMs: config.env.RATE_LIMIT_WINDOW_MS,
      intake: config.env.RATE_LIMIT_INTAKE,
      messages: config.env.RATE_LIMIT_MESSAGES,
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = http.listen(0, '127.0.0.1', () => resolve(s));
  });
  const pauses = new PauseMeter();
  process.on('message', (m: { cpu?: boolean; stop?: boolean }) => {
    if (m.cpu) {
      const c = process.cpuUsage();
      process.send?.({ cpuUs: c.user + c.system, mainUs: threadCpuUs(), storeUs: 0, pauses: pauses.take() });
    }
    if (m.stop) {
      server.closeAllConnections();
      server.close(() => void t.stop().then(() => process.exit(0)));
    }
  });
  process.send?.({ base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

void main().catch((e: unknown) => {
  console.error('floor server failed', e);
  process.exit(1);
});
