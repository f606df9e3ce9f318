import { z } from 'zod';
import { ConfigError, loadConfig } from './config';
import { startTelemetry } from './telemetry';

/**
 * A stop that takes longer than this (a Teams call that never answers) ends the process anyway; the
 * job it held is taken over by another instance when its lease runs out. Below App Service's stop
 * limit (WEBSITES_CONTAINER_STOP_TIME_LIMIT, set in infra/).
 */
const SHUTDOWN_GRACE_MS = 25_000;

/** Entry point: refuses to start on invalid configuration and says which variable is wrong. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`zsm-hg-bot: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  // Telemetry first, then the HTTP stack (imported lazily), so that its instrumentation can hook in.
  const sampling = z.coerce
    .number()
    .min(0)
    .max(1)
    .default(1)
    .safeParse(process.env.TELEMETRY_SAMPLING_RATIO || undefined);
  if (!sampling.success) {
    process.stderr.write('zsm-hg-bot: invalid configuration:\n  - TELEMETRY_SAMPLING_RATIO: must be a number from 0 to 1\n');
    process.exit(2);
  }
  const telemetry = await startTelemetry(process.env.APPLICATIONINSIGHTS_CONNECTION_STRING, {
    cloudRole: 'zsm-hg-bot',
    samplingRatio: sampling.data,
  });
  const { startHost } = await import('./host');
  const host = await startHost(config, { traced: telemetry.enabled });
  if (telemetry.enabled) host.deps.log.info('telemetry: exporting to Application Insights');
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    host.deps.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      host.deps.log.error({ graceMs: SHUTDOWN_GRACE_MS }, 'shutdown took too long; exiting with jobs still leased');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    host
      .stop()
      .then(async () => {
        host.deps.log.info('stopped');
        // Flush telemetry, but an unreachable ingestion endpoint must not hold the exit.
        await Promise.race([telemetry.shutdown().catch(() => undefined), new Promise((r) => setTimeout(r, 5000).unref())]);
      })
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  // A store that the key does not open is a configuration error (exit 2 like one); the file is left untouched.
  if (e instanceof Error && e.name === 'StoreKeyError') {
    process.stderr.write(`zsm-hg-bot: cannot open the store: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`zsm-hg-bot: failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
