import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ZipFile } from 'yazl';

/**
 * Builds the Teams app package: manifest.json with its placeholders filled in, plus the two icons,
 * zipped flat as Teams expects.   npx tsx scripts/package-manifest.ts  →  build/appPackage.zip
 *
 * Placeholders (`${{NAME}}` in manifest/manifest.json):
 *   BOT_ID       ← MICROSOFT_APP_ID (the bot's Entra app id / managed identity client id),
 *                  default 00000000-0000-0000-0000-000000000000 for local packaging only
 *   TEAMS_APP_ID ← TEAMS_APP_ID (the Agents Toolkit's teamsApp/create writes it), default BOT_ID
 *   BOT_DOMAIN   ← BOT_DOMAIN (public host name of the bot), default localhost
 *   APP_VERSION  ← "version" of package.json
 */
export const LOCAL_APP_ID = '00000000-0000-0000-0000-000000000000';
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

const ROOT = resolve(__dirname, '..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)[a-z0-9*]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
// A zip with fixed timestamps is byte-identical for the same inputs.
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');

export function manifestVars(env: NodeJS.ProcessEnv, appVersion: string): Record<string, string> {
  const botId = env.MICROSOFT_APP_ID?.trim() || LOCAL_APP_ID;
  if (!GUID.test(botId)) throw new Error('MICROSOFT_APP_ID must be a GUID (the Entra app id of the bot)');
  const domain = env.BOT_DOMAIN?.trim() || 'localhost';
  if (!HOST.test(domain)) throw new Error('BOT_DOMAIN must be a host name without scheme or path, e.g. zsm-hg-bot.azurewebsites.net');
  const teamsAppId = env.TEAMS_APP_ID?.trim() || botId;
  if (!GUID.test(teamsAppId)) throw new Error('TEAMS_APP_ID must be a GUID (the Teams app id)');
  return { BOT_ID: botId.toLowerCase(), TEAMS_APP_ID: teamsAppId.toLowerCase(), BOT_DOMAIN: domain, APP_VERSION: appVersion };
}

/** Replace every `${{NAME}}`; an unknown name is an error, so nothing unfilled reaches Teams. */
export function substitute(template: string, vars: Record<string, string>): string {
  return template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`manifest placeholder \${{${name}}} has no value`);
    // Values go into JSON strings: escape them as JSON would.
    return JSON.stringify(value).slice(1, -1);
  });
}

export function renderManifest(opts: { manifestDir?: string; env?: NodeJS.ProcessEnv } = {}): Record<string, unknown> {
  const dir = opts.manifestDir ?? join(ROOT, 'manifest');
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const text = substitute(readFileSync(join(dir, 'manifest.json'), 'utf8'), manifestVars(opts.env ?? process.env, version));
  return JSON.parse(text) as Record<string, unknown>;
}

export async function buildAppPackage(opts: { outFile?: string; manifestDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const dir = opts.manifestDir ?? join(ROOT, 'manifest');
  const outFile = opts.outFile ?? join(ROOT, 'build', 'appPackage.zip');
  const manifest = renderManifest({ manifestDir: dir, ...(opts.env ? { env: opts.env } : {}) });
  mkdirSync(dirname(outFile), { recursive: true });
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), 'manifest.json', { mtime: FIXED_MTIME });
  for (const icon of PACKAGE_FILES.slice(1)) zip.addBuffer(readFileSync(join(dir, icon)), icon, { mtime: FIXED_MTIME });
  zip.end();
  await new Promise<void>((done, fail) => {
    const out = createWriteStream(outFile);
    out.on('close', () => done());
    out.on('error', fail);
    zip.outputStream.on('error', fail).pipe(out);
  });
  return outFile;
}

if (require.main === module) {
  buildAppPackage()
    .then((file) => {
      const local = !process.env.MICROSOFT_APP_ID;
      process.stdout.write(`wrote ${file}${local ? ` (app id ${LOCAL_APP_ID}: set MICROSOFT_APP_ID for a real tenant)` : ''}\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`package failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
