/**
 * `npm start` as a new user runs it: scripts/start.ts as a child process (the bot with the example
 * roster and VT configuration, the local-dev secrets, and the Agents Playground with its built-in
 * default config), and `npm run sample-case` against it. Only the ports and the data directory differ,
 * so that the test never touches ./data or a developer's running instance.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { LOCAL_DEV_SECRETS } from '../../src/local-dev';
import { graceTimer } from '../../scripts/playground';
import { freePort, ROOT } from './harness';

export interface NpmStart {
  /** The Playground URL that `npm start` printed. */
  url: string;
  botUrl: string;
  dataDir: string;
  /** The local-dev store key (what `npm start` uses): for the store-reading helpers of views.ts. */
  storeKey: string;
  /** Everything `npm start` printed so far. */
  output(): string;
  /** Ctrl-C: SIGINT, as a user stops it; SIGKILL after a grace period. */
  stop(): Promise<void>;
}

const BANNER = /Open the Teams Playground in your browser:\s+(http:\/\/localhost:\d+)/;

export async function npmStart(dataDir: string, opts: { startTimeoutMs?: number } = {}): Promise<NpmStart> {
  const port = await freePort();
  const playgroundPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PLAYGROUND_PORT: String(playgroundPort),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  // Nothing of the developer's or the CI's environment may change what a new user gets.
  for (const k of ['ROSTER_FILE', 'VT_CONFIG_FILE', 'STORE', 'PLAYGROUND_CONFIG', 'INTERVENTIONS_FILE', ...Object.keys(LOCAL_DEV_SECRETS)])
    delete env[k];
  // `node --import tsx scripts/start.ts` = `npm start` in one process, so SIGINT reaches start.ts itself.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join('scripts', 'start.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let url: string | undefined;
  let announce: (() => void) | undefined;
  const announced = new Promise<void>((r) => (announce = r));
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line) continue;
      lines.push(line);
      if (lines.length > 600) lines.shift();
      const m = BANNER.exec(line);
      if (m && !url) {
        url = m[1];
        announce?.();
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGINT');
    if (await Promise.race([exited.then(() => true), graceTimer(20_000).then(() => false)])) return;
    child.kill('SIGKILL');
    await exited;
  };
  // Events, not a sleep: the banner line, or the process ending; the limit only guards a hang.
  const outcome = await Promise.race([
    announced.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    graceTimer(opts.startTimeoutMs ?? 180_000).then(() => 'timeout' as const),
  ]);
  if (outcome !== 'ready' || !url) {
    await stop();
    throw new Error(`npm start did not print the Playground URL (${outcome}). Its output:\n${lines.join('\n')}`);
  }
  return {
    url,
    botUrl: `http://127.0.0.1:${port}`,
    dataDir,
    storeKey: LOCAL_DEV_SECRETS.STORE_ENCRYPTION_KEY,
    output: () => lines.join('\n'),
    stop,
  };
}

/** `npm run sample-case` against that instance; resolves with what it printed (`201 {"caseId":…}`). */
export async function npmRunSampleCase(botPort: number): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(botPort) };
  for (const k of Object.keys(LOCAL_DEV_SECRETS)) delete env[k];
  const child = spawn('npm', ['run', '--silent', 'sample-case'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  return { code, out };
}
