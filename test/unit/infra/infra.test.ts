/**
 * The Bicep templates as far as this machine can check them. No Bicep compiler can be installed here
 * (none on the npm or Debian registries), so the templates are NOT compiled or deployed by this test:
 * it parses their `param`/`output` declarations and module calls and holds them against
 * m365agents.yml, the env files, the parameter files, the manifest and src/config.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '..', '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

interface Param {
  name: string;
  type: string;
  required: boolean;
}

/** Top-level `param name type [= default]` declarations (decorators on the lines above are skipped). */
export function bicepParams(src: string): Param[] {
  return [...src.matchAll(/^param\s+(\w+)\s+(\w+)(\s*=\s*.+)?$/gm)].map((m) => ({ name: m[1], type: m[2], required: !m[3] }));
}

export function bicepOutputs(src: string): string[] {
  return [...src.matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((m) => m[1]);
}

/** The body between the `{` at `start` and its matching `}` (strings hold only balanced `${…}`). */
function block(src: string, start: number): string {
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) return src.slice(start + 1, i);
  }
  throw new Error('unbalanced braces');
}

/** Keys at the top level of an object body. */
function topKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of body.split('\n')) {
    const m = /^\s*'?([\w-]+)'?\s*:/.exec(line);
    if (depth === 0 && m) keys.push(m[1]);
    for (const ch of line) depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
  }
  return keys;
}

/** `module x 'path' = { params: { … } }` calls: the file and the parameter names passed. */
export function moduleCalls(src: string): { name: string; path: string; params: string[] }[] {
  return [...src.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=\s*\{/gm)].map((m) => {
    const body = block(src, (m.index ?? 0) + m[0].length - 1);
    const at = body.indexOf('params:');
    const params = at < 0 ? [] : topKeys(block(body, body.indexOf('{', at)));
    return { name: m[1], path: m[2], params };
  });
}

/** `KEY=value` lines of an env file. */
function envFile(p: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(join(ROOT, p))) return out;
  for (const line of read(p).split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]))];

const main = read('infra/main.bicep');
const yml = read('m365agents.yml');
const localYml = read('m365agents.local.yml');
const manifest = read('manifest/manifest.json');
/** Set by the Toolkit itself (or asked for when empty). */
const BUILT_IN = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];
/** Values steps write into the env file (writeToEnvironmentFile), in any yml. */
const written = (text: string) => [...text.matchAll(/^\s+\w+:\s+([A-Z][A-Z0-9_]+)\s*$/gm)].map((m) => m[1]);
const cloudEnvs = readdirSync(join(ROOT, 'env'))
  .map((f) => /^\.env\.(\w+)$/.exec(f)?.[1])
  .filter((e): e is string => e !== undefined && e !== 'local');

describe('infra/main.bicep and its modules', () => {
  it('every module exists, gets only parameters it declares and every one it requires', () => {
    const calls = moduleCalls(main);
    expect(calls.map((c) => c.name).sort()).toEqual(['alerts', 'bot', 'cosmos', 'keyVault', 'monitoring', 'web']);
    for (const call of calls) {
      const file = join('infra', call.path);
      expect(existsSync(join(ROOT, file))).toBe(true);
      const declared = bicepParams(read(file));
      const names = declared.map((p) => p.name);
      expect({ module: call.name, undeclared: call.params.filter((p) => !names.includes(p)) }).toEqual({
        module: call.name,
        undeclared: [],
      });
      const missing = declared.filter((d) => d.required && !call.params.includes(d.name)).map((d) => d.name);
      expect({ module: call.name, missing }).toEqual({ module: call.name, missing: [] });
    }
  });

  it('the web app settings are variables the bot reads (src/config.ts) or the platform uses', () => {
    const web = moduleCalls(main).find((c) => c.name === 'web');
    expect(web).toBeDefined();
    const body = block(main, main.indexOf('{', main.indexOf('appSettings:')));
    const config = read('src/config.ts') + read('src/main.ts');
    const PLATFORM = ['AZURE_CLIENT_ID', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'WEBSITES_CONTAINER_STOP_TIME_LIMIT'];
    const keys = topKeys(body);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !PLATFORM.includes(key) && !config.includes(key))).toEqual([]);
    // Secrets come from Key Vault, never as plain values.
    expect(body).toMatch(/INTAKE_HMAC_SECRET: '@Microsoft\.KeyVault\(SecretUri=/);
    expect(body).toMatch(/PSEUDONYM_KEY: '@Microsoft\.KeyVault\(SecretUri=/);
    expect(body).not.toMatch(/COSMOS_KEY|MICROSOFT_APP_PASSWORD/);
  });

  it('declares what the issue asks for', () => {
    const web = read('infra/modules/web.bicep');
    const cosmos = read('infra/modules/cosmos.bicep');
    const bot = read('infra/modules/bot.bicep');
    expect(web).toMatch(/httpsOnly: true/);
    expect(web).toMatch(/minTlsVersion: '1\.2'/);
    expect(web).toMatch(/healthCheckPath: '\/readyz'/);
    expect(web).toMatch(/linuxFxVersion: 'NODE\|20-lts'/);
    expect(bicepParams(main).find((p) => p.name === 'instanceCount')).toBeDefined();
    expect(main).toMatch(/@minValue\(2\)\s*\n@maxValue\(\d+\)\s*\nparam instanceCount int/);
    expect(cosmos).toMatch(/paths: \['\/caseId'\]/);
    expect(cosmos).toMatch(/defaultTtl: -1/);
    expect(cosmos).toMatch(/disableLocalAuth: true/);
    expect(cosmos).toMatch(/sqlRoleAssignments/);
    expect(bot).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect([...bot.matchAll(/channelName: '(\w+)'/g)].map((m) => m[1])).toEqual(['MsTeamsChannel']);
    expect(read('infra/modules/keyvault.bicep')).toMatch(/enableRbacAuthorization: true/);
  });

  it('the app type the bot is registered with is one the bot accepts', () => {
    expect(read('src/config.ts')).toMatch(/MICROSOFT_APP_TYPE: z\.enum\(\[[^\]]*'UserAssignedMSI'/);
    expect(main).toMatch(/MICROSOFT_APP_TYPE: 'UserAssignedMSI'/);
  });
});

interface Step {
  uses: string;
  with?: Record<string, unknown>;
}

describe('m365agents.yml against infra/ and env/', () => {
  it('is valid YAML with the provision and deploy steps of a Toolkit project, in order, on files that exist', () => {
    const doc = parse(yml) as { provision: Step[]; deploy: Step[]; environmentFolderPath: string };
    expect(doc.environmentFolderPath).toBe('./env');
    expect(doc.provision.map((s) => s.uses)).toEqual([
      'teamsApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    const arm = doc.provision[1].with as { templates: { path: string }[] };
    expect(arm.templates.map((t) => t.path)).toEqual(['./infra/main.bicep']);
    for (const s of [...doc.provision, ...doc.deploy]) {
      const manifestPath = s.with?.manifestPath;
      if (typeof manifestPath === 'string') expect(existsSync(join(ROOT, manifestPath))).toBe(true);
    }
    expect(doc.deploy.map((s) => s.uses)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(doc.deploy[1].with?.args).toBe('run build');
    expect(doc.deploy[2].with).toMatchObject({ resourceId: '${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}', ignoreFile: './.webappignore' });
    expect(existsSync(join(ROOT, '.webappignore'))).toBe(true);
    // The web app starts what `npm run build` produces.
    expect(read('infra/modules/web.bicep')).toMatch(/appCommandLine: 'node dist\/src\/main\.js'/);
    expect(read('tsconfig.json')).toMatch(/"outDir": "dist"/);
    const local = parse(localYml) as { deploy: Step[]; provision?: Step[] };
    expect(local.provision).toBeUndefined();
  });

  it('deploys infra/main.bicep with a parameters file per cloud environment', () => {
    expect(yml).toMatch(/- path: \.\/infra\/main\.bicep/);
    expect(yml).toMatch(/parameters: \.\/infra\/main\.parameters\.\$\{\{TEAMSFX_ENV\}\}\.json/);
    expect(cloudEnvs.sort()).toEqual(['dev', 'prod']);
    expect(cloudEnvs.filter((e) => !existsSync(join(ROOT, `infra/main.parameters.${e}.json`)))).toEqual([]);
  });

  it.each(cloudEnvs)('parameters file of %s: declared parameters only, every required one, placeholders defined', (e) => {
    const file = `infra/main.parameters.${e}.json`;
    const given = Object.keys((JSON.parse(read(file)) as { parameters: Record<string, unknown> }).parameters);
    const params = bicepParams(main);
    expect(given.filter((g) => !params.some((p) => p.name === g))).toEqual([]);
    expect(params.filter((p) => p.required && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
    const env = { ...envFile(`env/.env.${e}`), ...envFile(`env/.env.${e}.user.example`) };
    expect(placeholders(read(file)).filter((v) => !(v in env))).toEqual([]);
  });

  it('every variable the yml and the manifest read exists: built in, written by a step, a Bicep output, or in the env file', () => {
    const outputs = bicepOutputs(main);
    const steps = written(yml);
    for (const e of cloudEnvs) {
      const env = envFile(`env/.env.${e}`);
      const unknown = [...placeholders(yml), ...placeholders(manifest)].filter(
        (v) => !(BUILT_IN.includes(v) || steps.includes(v) || outputs.includes(v) || v in env),
      );
      expect({ env: e, unknown }).toEqual({ env: e, unknown: [] });
    }
  });

  it('the outputs it reads are declared, and arm/deploy has a home for each output in the env files', () => {
    const outputs = bicepOutputs(main);
    expect(placeholders(yml).filter((v) => /RESOURCE_ID$/.test(v))).toEqual(['BOT_AZURE_APP_SERVICE_RESOURCE_ID']);
    expect(outputs).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']));
    for (const e of cloudEnvs)
      expect({ env: e, unlisted: outputs.filter((o) => !(o in envFile(`env/.env.${e}`))) }).toEqual({ env: e, unlisted: [] });
  });

  it('the local flow needs no Azure: its variables are all in env/.env.local', () => {
    const env = envFile('env/.env.local');
    expect([...placeholders(localYml), ...placeholders(manifest)].filter((v) => !(v in env) && v !== 'TEAMSFX_ENV')).toEqual([]);
    expect(localYml).not.toMatch(/arm\/deploy|azureAppService/);
  });
});
