import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Layering (issue 11 item 5, docs/decisions.md §37): `src/app` holds commands only. It never renders a
 * card (no value import from src/cards), never builds a Teams deep link, and never talks to the Teams
 * SDKs. Views (src/views) build what cards show; job handlers (src/jobs) render and send.
 *
 * One allowed exception, by name: the Outbound port (src/app/ports.ts) names the wire type of the card
 * it carries (`import type { AdaptiveCard } from '../cards/types'`): a type, no rendering.
 */
const ROOT = path.resolve(__dirname, '../../..');
const APP = path.join(ROOT, 'src', 'app');
const CARDS = path.join(ROOT, 'src', 'cards');

const ALLOWED: ReadonlyArray<{ file: string; spec: string; typeOnly: true }> = [
  { file: 'src/app/ports.ts', spec: '../cards/types', typeOnly: true },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

interface ImportLine {
  spec: string;
  typeOnly: boolean;
}

/** Every module specifier a source imports or re-exports (static and dynamic). */
export function importsOf(source: string): ImportLine[] {
  const out: ImportLine[] = [];
  const stat = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s*['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(stat)) out.push({ spec: m[3], typeOnly: !!m[2] });
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push({ spec: m[1], typeOnly: false });
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  for (const m of source.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

/** What breaks the rule in one file of src/app (relative path from the project root). */
export function violations(rel: string, source: string): string[] {
  const found: string[] = [];
  const dir = path.dirname(path.join(ROOT, rel));
  for (const imp of importsOf(source)) {
    if (/^(botbuilder|@microsoft\/teams-ai|adaptivecards)/.test(imp.spec)) found.push(`${rel}: imports ${imp.spec}`);
    if (!imp.spec.startsWith('.')) continue;
    const target = path.resolve(dir, imp.spec);
    if (target !== CARDS && !target.startsWith(CARDS + path.sep)) continue;
    const allowed = ALLOWED.some((a) => a.file === rel && a.spec === imp.spec && (!a.typeOnly || imp.typeOnly));
    if (!allowed) found.push(`${rel}: imports ${imp.spec} (src/cards)`);
  }
  if (/teams\.microsoft\.com\/l\//.test(source)) found.push(`${rel}: builds a Teams deep link`);
  if (/\bmessageLink\s*\(/.test(source)) found.push(`${rel}: builds a Teams deep link (messageLink)`);
  return found;
}

describe('src/app holds commands only (no rendering, no deep links)', () => {
  it('no file under src/app imports src/cards (but the port’s card type), the Teams SDKs, or builds a deep link', () => {
    const files = filesUnder(APP);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) => violations(path.relative(ROOT, f).split(path.sep).join('/'), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check sees what it must refuse (so it can fail)', () => {
    expect(violations('src/app/x.ts', "import { buildCaseCard } from '../cards/case-card';")).toHaveLength(1);
    expect(violations('src/app/course/x.ts', "import type { AgendaView } from '../../cards/view';")).toHaveLength(1);
    expect(violations('src/app/x.ts', "export { messageLink } from './../cards/links';")).toHaveLength(1);
    expect(violations('src/app/x.ts', "const m = await import('../cards/channel-card');")).toHaveLength(1);
    expect(violations('src/app/x.ts', 'const u = `https://teams.microsoft.com/l/message/${c}`;')).toHaveLength(1);
    expect(violations('src/app/x.ts', 'const u = messageLink(ref);')).toHaveLength(1);
    expect(violations('src/app/x.ts', "import { TurnContext } from 'botbuilder';")).toHaveLength(1);
    // The one exception is type-only and in the port file only.
    expect(violations('src/app/ports.ts', "import type { AdaptiveCard } from '../cards/types';")).toEqual([]);
    expect(violations('src/app/ports.ts', "import { AdaptiveCard } from '../cards/types';")).toHaveLength(1);
    expect(violations('src/app/deps.ts', "import type { AdaptiveCard } from '../cards/types';")).toHaveLength(1);
    // Commands may use the domain, the store and each other.
    expect(violations('src/app/x.ts', "import { decideVote } from '../domain/decisions';\nimport { x } from './y';")).toEqual([]);
  });
});
