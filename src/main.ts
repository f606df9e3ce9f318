import { ConfigError, loadConfig } from './config';
import { startHost } from './host';

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
  const host = await startHost(config);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    host.deps.log.info({ signal }, 'shutting down');
    host.stop().then(
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
