/**
 * `npm start`: run the bot locally together with the Microsoft 365 Agents Playground (a local
 * Teams client), so a new developer can try it without a tenant, an app registration or a tunnel.
 *
 *   1. starts the bot (`tsx src/main.ts`) with safe local defaults and LOCAL_MODE=true (unauthenticated
 *      Playground traffic, on 127.0.0.1 only),
 *   2. waits until GET /healthz answers 200,
 *   3. starts the Playground against /api/messages,
 *   4. has the Playground install the app in its team's "General" channel, so the bot knows that
 *      channel (and the team) before anybody opens the page: the first case card is posted at once
 *      (docs/decisions.md §30), and prints where to open it,
 *   5. forwards Ctrl-C / SIGTERM to both and exits when either one stops.
 *
 * Environment (all optional): PORT (3978), PLAYGROUND_PORT (56150), PLAYGROUND_CONFIG (a Playground
 * config file; default config/playground.yml when it exists), BOT_START_TIMEOUT_MS (90000),
 * BOT_ENTRY (src/main.ts), plus everything src/config.ts reads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { LOCAL_DEV_SECRETS } from '../src/local-dev';
import { devEnv } from './dev-env';
import { installInConversation, playgroundTeam, startPlayground, waitForHttpOk, type Playground } from './playground';

const ROOT = resolve(__dirname, '..');

function portIsFree(port: number): Promise<boolean> {
  return new Promise((r) => {
    const srv = createServer();
    srv.once('error', () => r(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => r(true)));
  });
}

function say(msg: string): void {
  console.log(`[start] ${msg}`);
}

async function main(): Promise<void> {
  // The same defaults `npm run sample-case` signs with (scripts/dev-env.ts); your own env wins.
  const env = devEnv();
  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got '${String(env.PORT)}'`);
  if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} is already in use (another bot still running?). Stop that process or run with PORT=<other port> npm start.`,
    );
  }
  const mainFile = resolve(ROOT, process.env.BOT_ENTRY || join('src', 'main.ts'));
  if (!existsSync(mainFile)) throw new Error(`${mainFile} does not exist yet.`);
  mkdirSync(resolve(ROOT, env.DATA_DIR ?? './data'), { recursive: true });
  const devSecrets = Object.entries(LOCAL_DEV_SECRETS)
    .filter(([k, v]) => env[k] === v)
    .map(([k]) => k);

  say(
    `starting the bot on http://127.0.0.1:${port} (STORE=${String(env.STORE)}, DATA_DIR=${String(env.DATA_DIR)}, ROSTER_FILE=${String(env.ROSTER_FILE)})`,
  );
  if (devSecrets.length > 0)
    say(`using LOCAL-DEV-ONLY secrets for ${devSecrets.join(' / ')} (LOCAL_MODE=true; the bot refuses them in any other mode)`);

  // `node --import tsx` = `tsx src/main.ts` in one process, so our signals reach the bot itself.
  const bot: ChildProcess = spawn(process.execPath, ['--import', 'tsx', mainFile], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let botExit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const botExited = new Promise<void>((r) =>
    bot.on('exit', (code, signal) => {
      botExit = { code, signal };
      r();
    }),
  );
  bot.on('error', (e) => say(`could not start the bot: ${e.message}`));

  let playground: Playground | undefined;
  let shuttingDown = false;
  const shutdown = async (exitCode: number, why: string): Promise<never> => {
    if (shuttingDown) return new Promise<never>(() => undefined);
    shuttingDown = true;
    say(`${why}; stopping…`);
    const stopBot = async () => {
      if (botExit) return;
      bot.kill('SIGTERM');
      const done = await Promise.race([botExited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
      if (!done) bot.kill('SIGKILL');
    };
    await Promise.all([stopBot(), playground?.stop()]);
    process.exit(exitCode);
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => void shutdown(0, `received ${sig}`));
  }
  void botExited.then(() => {
    const how = botExit?.signal ? `signal ${botExit.signal}` : `code ${String(botExit?.code)}`;
    void shutdown(botExit?.code === 0 ? 0 : 1, `the bot exited (${how})`);
  });

  const timeoutMs = Number(process.env.BOT_START_TIMEOUT_MS ?? 90_000);
  try {
    await waitForHttpOk(`http://127.0.0.1:${port}/healthz`, timeoutMs, () => (botExit ? 'the bot exited' : undefined));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    await shutdown(1, `the bot did not become healthy (${reason}); see its output above`);
  }
  say('bot is healthy');

  const configFile =
    process.env.PLAYGROUND_CONFIG ||
    (existsSync(join(ROOT, 'config', 'playground.yml')) ? join(ROOT, 'config', 'playground.yml') : undefined);
  try {
    playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${port}/api/messages`,
      port: Number(process.env.PLAYGROUND_PORT ?? 56150),
      cwd: ROOT,
      configFile,
      logFile: join(ROOT, 'devTools', 'm365agentsplayground.log'), // devTools/ is git-ignored
    });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return shutdown(1, 'the Agents Playground did not start');
  }
  void playground.exited.then((code) => shutdown(code === 0 ? 0 : 1, `the Agents Playground exited (code ${String(code)})`));

  const url = playground.url;
  // The bot learns a channel from the installation event the Playground sends when someone opens
  // it. Send that event now for the team ("General" = the team id), so a case posted before the
  // page is opened is not held back (the Playground keeps it until the page connects).
  let channelHint = '';
  try {
    const team = await playgroundTeam(url);
    await installInConversation(url, team.id);
    say(`the app is installed in the Playground team "${team.name}" (channel General): case cards are posted at once`);
  } catch (e) {
    channelHint = '\n  (Open the channel "General" once: the bot learns the channel when it is opened there.)';
    say(`could not install the app in the Playground team (${e instanceof Error ? e.message : String(e)})`);
  }
  console.log(`
================================================================================
  ZSM HG bot is running.

  EN  Open the Teams Playground in your browser:  ${url}
      Open the team channel "General" (left, under "Teams Channel"). Post a
      message there that starts with @-mentioning the bot (type "@" and pick
      it). To post a sample case card into the channel, run in another
      terminal:   npm run sample-case
  NL  Open de Teams Playground in je browser:     ${url}
      Kies links onder "Teams Channel" het kanaal "General". Berichten aan de
      bot beginnen met een @-vermelding (typ "@" en kies de bot). Een
      voorbeeldcasus plaatsen kan in een tweede terminal met:   npm run sample-case

  Bot: http://127.0.0.1:${port}  (health: /healthz)   Playground log: ${playground.logFile}
  Stop with Ctrl-C. / Stoppen met Ctrl-C.${channelHint}
================================================================================
`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`[start] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
