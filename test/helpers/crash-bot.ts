import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBot, freePort, type BotHandle } from '../e2e/harness';
import type { ConnectorStub } from './connector-stub';
import { testRoster } from './fixtures';

/**
 * A real bot process for kill tests (SIGKILL while a channel post is in flight): the test roster, and a
 * short lease, poll and Teams timeout so a restart picks the job up at once. While `inFlight()` says so,
 * the stub answers every new post to `channelId` with `fault` ('hang': never taken; 'accept-hang': taken,
 * never answered).
 */
export async function startCrashBot(opts: {
  dataDir: string;
  stub: ConnectorStub;
  channelId: string;
  fault: 'hang' | 'accept-hang';
  inFlight: () => boolean;
}): Promise<BotHandle> {
  opts.stub.faults = {
    decide: (call) =>
      opts.inFlight() &&
      call.method === 'POST' &&
      !call.conversationId &&
      (call.body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id === opts.channelId
        ? opts.fault
        : undefined,
  };
  const rosterFile = join(opts.dataDir, 'roster.json');
  writeFileSync(rosterFile, JSON.stringify(testRoster()));
  return startBot({
    port: await freePort(),
    dataDir: opts.dataDir,
    env: {
      ROSTER_FILE: rosterFile,
      JOB_LEASE_MS: '2000',
      JOB_POLL_MS: '100',
      TEAMS_TIMEOUT_MS: '1000',
      // A marker of a post without an answer holds other attempts back this long (the dead instance might
      // still have heard Teams); the default 120 s would outlast the test.
      TEAMS_CREATE_SETTLE_MS: '3000',
      TEAMS_RATE_MAX_WAIT_MS: '500',
      LOG_LEVEL: 'warn',
    },
  });
}
