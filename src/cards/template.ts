import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import { CompiledTemplate, pruneNulls } from './template-engine';
import type { AdaptiveCard } from './types';

/**
 * Card and dialog layouts live as Adaptive Card templates (JSON that opens in the Adaptive Cards
 * Designer) in the top-level `cards/` and `dialogs/` folders; `src` builds a typed view model and
 * binds it here. Templates are read and compiled once per process (template-engine.ts: the
 * adaptivecards-templating semantics, compiled to closures); binding never re-evaluates `${…}`
 * inside data values, so free text cannot inject template expressions.
 */
export type TemplateFolder = 'cards' | 'dialogs';

/** The project root: the nearest folder up from here that holds `package.json` and `cards/` (works from src and dist). */
function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'cards'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('card templates folder not found');
    dir = up;
  }
}

let root: string | undefined;
const compiled = new Map<string, CompiledTemplate>();
const library = new Map<string, Template>();

/** Which engine binds: the compiled one (default), or adaptivecards-templating itself (the reference, for tests and the bench). */
export type TemplateEngine = 'compiled' | 'library';
let engine: TemplateEngine = 'compiled';

/** Switch the engine (tests compare the two on whole cards; the bench measures both). */
export function useTemplateEngine(next: TemplateEngine): void {
  engine = next;
}

/** The raw template JSON (for schema tests and the Designer). */
export function templateJson(folder: TemplateFolder, name: string): unknown {
  root ??= projectRoot();
  return JSON.parse(readFileSync(path.join(root, folder, `${name}.json`), 'utf8')) as unknown;
}

/** Bind `data` (the view model) to the template `folder/name.json` with adaptivecards-templating itself. */
export function renderTemplateWithLibrary<T extends object>(folder: TemplateFolder, name: string, data: T): AdaptiveCard {
  const key = `${folder}/${name}`;
  let t = library.get(key);
  if (!t) {
    t = new Template(templateJson(folder, name));
    library.set(key, t);
  }
  return t.expand({ $root: data }) as AdaptiveCard;
}

/**
 * Bind `data` (the view model) to the template `folder/name.json`. `opts.pruneNulls`: the card without
 * the properties bound to `null` (template-engine.ts `pruneNulls`), built so by the compiled engine.
 */
export function renderTemplate<T extends object>(
  folder: TemplateFolder,
  name: string,
  data: T,
  opts: { pruneNulls?: boolean } = {},
): AdaptiveCard {
  const prune = opts.pruneNulls === true;
  if (engine === 'library') {
    const card = renderTemplateWithLibrary(folder, name, data);
    return prune ? (pruneNulls(card) as AdaptiveCard) : card;
  }
  const key = `${folder}/${name}${prune ? '#pruned' : ''}`;
  let t = compiled.get(key);
  if (!t) {
    t = new CompiledTemplate(templateJson(folder, name), { pruneNulls: prune });
    compiled.set(key, t);
  }
  return t.expand(data) as AdaptiveCard;
}
