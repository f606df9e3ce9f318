/**
 * `npm test` runs this first (pretest): the e2e tests drive the Agents Playground in Chromium.
 * Playwright's own browser download cannot work offline, so we use Debian's `chromium` package.
 * Fast no-op when Chromium is present; otherwise installs it with apt-get, then checks it runs.
 * With it Debian's colour emoji font (`fonts-noto-color-emoji`): the cards use a few emoji (📅 the
 * Actieoverleg's moment, ⏰ a termijn that is near) that Teams draws but that headless Chromium shows
 * as a missing glyph without such a font. A missing font only spoils the gallery's screenshots, so when
 * it cannot be installed this warns and goes on.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** Debian's colour emoji font (package fonts-noto-color-emoji), as Chromium finds it through fontconfig. */
export const EMOJI_FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';
export const EMOJI_FONT_PACKAGE = 'fonts-noto-color-emoji';

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

/** Runs a command; throws with what went wrong. */
function run(cmd: string, args: string[]): void {
  console.log(`ensure-chromium: $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) throw new Error(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`'${cmd} ${args.join(' ')}' failed with exit code ${String(r.status)}.`);
}

/** How to run apt-get here: as root, through `sudo -n`, or not at all (the reason). */
function aptGet(): { cmd: string; pre: string[] } | { missing: string } {
  if (!isExecutable('/usr/bin/apt-get')) return { missing: 'apt-get is not available' };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) return { cmd: 'apt-get', pre: [] };
  if (isExecutable('/usr/bin/sudo')) return { cmd: 'sudo', pre: ['-n', 'apt-get'] };
  return { missing: 'not root and no sudo' };
}

function aptInstall(packages: string[]): void {
  const apt = aptGet();
  if ('missing' in apt) throw new Error(apt.missing);
  run(apt.cmd, [...apt.pre, 'update']);
  run(apt.cmd, [...apt.pre, 'install', '-y', ...packages]);
}

function install(target: string): void {
  if (target !== DEFAULT_CHROMIUM) {
    fail(`CHROMIUM_PATH=${target} does not exist or is not executable. Fix the path or unset CHROMIUM_PATH to use ${DEFAULT_CHROMIUM}.`);
  }
  const apt = aptGet();
  if ('missing' in apt) {
    fail(
      apt.missing === 'apt-get is not available'
        ? `Chromium is missing (${DEFAULT_CHROMIUM}) and apt-get is not available. Install Chromium yourself and set CHROMIUM_PATH to its binary.`
        : `Chromium is missing (${DEFAULT_CHROMIUM}). Install it as root: apt-get update && apt-get install -y chromium ${EMOJI_FONT_PACKAGE}`,
    );
  }
  console.log(`ensure-chromium: ${DEFAULT_CHROMIUM} not found; installing Debian's chromium package (needed by the e2e tests).`);
  try {
    aptInstall(['chromium', EMOJI_FONT_PACKAGE]);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}

/** The emoji font for the screenshots: installed when missing and possible, else a warning. */
export function ensureEmojiFont(): boolean {
  if (existsSync(EMOJI_FONT)) return true;
  const apt = aptGet();
  if ('missing' in apt) {
    console.warn(
      `ensure-chromium: ${EMOJI_FONT} is missing (${apt.missing}); emoji in the card screenshots show as missing glyphs. ` +
        `Install it as root: apt-get install -y ${EMOJI_FONT_PACKAGE}`,
    );
    return false;
  }
  console.log(`ensure-chromium: installing ${EMOJI_FONT_PACKAGE} (the emoji on the cards, in the e2e screenshots).`);
  try {
    aptInstall([EMOJI_FONT_PACKAGE]);
  } catch (e) {
    console.warn(
      `ensure-chromium: ${EMOJI_FONT_PACKAGE} could not be installed (${e instanceof Error ? e.message : String(e)}); going on.`,
    );
  }
  return existsSync(EMOJI_FONT);
}

export function ensureChromium(): string {
  const target = chromiumPath();
  if (!isExecutable(target)) install(target);
  const version = chromiumVersion(target);
  if (!version) fail(`${target} exists but '${target} --version' does not run. Reinstall it: apt-get install --reinstall -y chromium`);
  ensureEmojiFont();
  return version;
}

if (require.main === module) {
  const version = ensureChromium();
  console.log(`ensure-chromium: ok (${version})`);
}
