/**
 * `npm test` runs this first (pretest): the e2e tests drive the Agents Playground in Chromium.
 * Playwright's own browser download cannot work offline, so we use Debian's `chromium` package.
 * Fast no-op when Chromium is present; otherwise installs it with apt-get, then checks it runs.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium binary the tests use: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `chromium --version` output, or undefined when it does not run. */
export function chromiumVersion(file: string): string | undefined {
  const r = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) return undefined;
  const line = r.stdout.split('\n').find((l) => /chrom/i.test(l));
  return (line ?? r.stdout).trim() || undefined;
}

function fail(message: string): never {
  console.error(`\nensure-chromium: ${message}\n`);
  process.exit(1);
}

function run(cmd: string, args: string[]): void {
  console.log(`ensure-chromium: $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`'${cmd} ${args.join(' ')}' failed with exit code ${String(r.status)}.`);
}

function install(target: string): void {
  if (target !== DEFAULT_CHROMIUM) {
    fail(`CHROMIUM_PATH=${target} does not exist or is not executable. Fix the path or unset CHROMIUM_PATH to use ${DEFAULT_CHROMIUM}.`);
  }
  if (!isExecutable('/usr/bin/apt-get')) {
    fail(
      `Chromium is missing (${DEFAULT_CHROMIUM}) and apt-get is not available. Install Chromium yourself and set CHROMIUM_PATH to its binary.`,
    );
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !isRoot && isExecutable('/usr/bin/sudo');
  if (!isRoot && !sudo) {
    fail(`Chromium is missing (${DEFAULT_CHROMIUM}). Install it as root: apt-get update && apt-get install -y chromium`);
  }
  console.log(`ensure-chromium: ${DEFAULT_CHROMIUM} not found; installing Debian's chromium package (needed by the e2e tests).`);
  const prefix = sudo ? ['sudo', '-n'] : [];
  const [cmd, ...rest] = [...prefix, 'apt-get'];
  run(cmd, [...rest, 'update']);
  run(cmd, [...rest, 'install', '-y', 'chromium']);
}

export function ensureChromium(): string {
  const target = chromiumPath();
  if (!isExecutable(target)) install(target);
  const version = chromiumVersion(target);
  if (!version) fail(`${target} exists but '${target} --version' does not run. Reinstall it: apt-get install --reinstall -y chromium`);
  return version;
}

if (require.main === module) {
  const version = ensureChromium();
  console.log(`ensure-chromium: ok (${version})`);
}
