/**
 * Start and stop the Microsoft 365 Agents Playground (the local Teams client) as a child process.
 * Used by `npm start` (scripts/start.ts) and by the e2e tests (test/e2e/harness.ts).
 * Facts behind the choices below: docs/playground-notes.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Port for the Playground UI. When taken, the Playground silently picks another one; we report the real one. */
  port?: number;
  /** Working directory of the Playground; it reads `.m365agentsplayground.yml` from here unless `configFile` is given. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** A Playground config file (users, aadObjectId, tenant, team and channel ids). Default: the Playground's own lookup. */
  configFile?: string;
  /** Where the Playground writes its log. Default: a file in the OS temp dir (never in the repo). */
  logFile?: string;
  /** Give up when the Playground is not listening and serving after this long. Default 60 s. */
  startTimeoutMs?: number;
  /** Called with every line the Playground prints (stdout and stderr). */
  onLine?: (line: string) => void;
}

export interface Playground {
  /** Open this in a browser. */
  url: string;
  port: number;
  logFile: string;
  pid: number;
  /** Everything the Playground printed so far (last ~200 lines). */
  output(): string;
  /** Resolves with the exit code when the process has ended for any reason. */
  exited: Promise<number | null>;
  /** SIGINT (it flushes and exits in ~2 s), SIGKILL after a grace period. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

const LISTENING = /Listening on (\d+)/;

/** A TCP port that was free a moment ago (bound to port 0 and released). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolvePort(port) : reject(new Error('could not get a free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** A timer that does not keep the process (or Jest) alive: for timeouts raced against other events. */
export const graceTimer = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** Poll `url` until it answers 200, the deadline passes, or `abort()` returns a reason to stop waiting. */
export async function waitForHttpOk(url: string, timeoutMs: number, abort?: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const reason = abort?.();
    if (reason) throw new Error(`stopped waiting for ${url}: ${reason}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

function playgroundCli(): string {
  // Run cli.js with our own node instead of node_modules/.bin (a shell shim on some systems),
  // so the pid we signal is the Playground itself.
  return require.resolve('@microsoft/m365agentsplayground/cli.js');
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log file)';
  }
}

/** Wait for a child to exit, at most `ms`; true when it has exited. */
function waitExit(child: ChildProcess, exited: Promise<number | null>, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return Promise.race([exited.then(() => true), graceTimer(ms).then(() => false)]);
}

export async function startPlayground(opts: PlaygroundOptions): Promise<Playground> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const logFile = resolve(opts.logFile ?? join(tmpdir(), `m365agentsplayground-${process.pid}-${Date.now()}.log`));
  mkdirSync(dirname(logFile), { recursive: true });
  const args = [playgroundCli(), '-e', opts.botEndpoint, '-c', 'msteams', '--disable-telemetry'];
  if (opts.port !== undefined) args.push('-p', String(opts.port));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    TEAMSAPPTESTER_BROWSER: 'none', // otherwise it tries to open a browser
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile, // keep ./devTools/… out of the working tree
  };
  if (opts.configFile) {
    const cfg = resolve(opts.configFile);
    if (!existsSync(cfg)) throw new Error(`Playground config file not found: ${cfg}`);
    env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = cfg;
  }

  // stdin stays an open pipe for the whole run: one observed run exited when its stdin closed.
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let listenedPort: number | undefined;
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      opts.onLine?.(line);
      const m = LISTENING.exec(line);
      if (m && listenedPort === undefined) listenedPort = Number(m[1]);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let spawnError: Error | undefined;
  child.on('error', (e) => (spawnError = e));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    child.stdin?.destroy();
  });

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 5000): Promise<void> => {
    stopping ??= (async () => {
      if (hasExited) return;
      child.kill('SIGINT');
      if (await waitExit(child, exited, graceMs)) return;
      child.kill('SIGKILL');
      await waitExit(child, exited, 5000);
    })();
    return stopping;
  };

  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  const failure = (why: string) =>
    new Error(
      `The Agents Playground did not start: ${why}.\n--- its output ---\n${lines.slice(-20).join('\n')}\n` +
        `--- its log (${logFile}) ---\n${tail(logFile)}`,
    );
  try {
    while (listenedPort === undefined) {
      if (spawnError) throw failure(`could not spawn it (${spawnError.message})`);
      if (hasExited) throw failure(`it exited with code ${String(child.exitCode)}`);
      if (Date.now() > deadline) throw failure(`no "Listening on <port>" line within ${timeoutMs / 1000} s`);
      await sleep(50);
    }
    // It prints "Listening" before it reads its config; a bad config makes it exit right after,
    // with the reason only in the log file. Its /_debug routes are mounted only after the config
    // loaded, so wait for the ping. (Not /_internal/v1/config: that one blocks until the bot answers.)
    await waitForHttpOk(`http://127.0.0.1:${listenedPort}/_debug/ping`, Math.max(1000, deadline - Date.now()), () =>
      hasExited ? `it exited with code ${String(child.exitCode)}` : undefined,
    ).catch((e: unknown) => {
      throw failure(e instanceof Error ? e.message : String(e));
    });
  } catch (e) {
    await stop(2000);
    throw e;
  }

  const port = listenedPort;
  return {
    url: `http://localhost:${port}`,
    port,
    logFile,
    pid: child.pid ?? -1,
    output: () => lines.join('\n'),
    exited,
    stop,
  };
}

/**
 * The Playground's (first) team as its own UI reports it: the team id (which is also the conversation
 * id of its "General" channel), its name and channels. Read from `/_internal/v1/config`
 * (`config.teams[]`), which answers once the bot endpoint is up: call this after the bot is healthy.
 */
export async function playgroundTeam(
  url: string,
  timeoutMs = 30_000,
): Promise<{ id: string; name: string; channels: { id: string; name: string }[] }> {
  const res = await fetch(`${url}/_internal/v1/config`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${url}/_internal/v1/config answered ${res.status}`);
  const body = (await res.json()) as { config?: { teams?: unknown } };
  const teams = Array.isArray(body.config?.teams) ? (body.config.teams as { id?: unknown; name?: unknown; channels?: unknown }[]) : [];
  const team = teams[0];
  if (typeof team?.id !== 'string' || typeof team.name !== 'string') throw new Error(`${url}/_internal/v1/config has no team`);
  const channels = Array.isArray(team.channels)
    ? (team.channels as { id?: unknown; name?: unknown }[]).flatMap((c) =>
        typeof c.id === 'string' && typeof c.name === 'string' ? [{ id: c.id, name: c.name }] : [],
      )
    : [];
  return { id: team.id, name: team.name, channels };
}

/**
 * Make the Playground install the app in a conversation now (what its UI does when a user opens
 * that channel): it sends the bot `installationUpdate` and `conversationUpdate` for it, so the bot
 * learns the channel's conversation reference before anybody has opened the page. Used by
 * `npm start` for the team's General channel (docs/decisions.md §30).
 */
export async function installInConversation(url: string, conversationId: string, timeoutMs = 30_000): Promise<void> {
  const res = await fetch(`${url}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`the Playground refused to install the app in ${conversationId} (HTTP ${res.status})`);
}
