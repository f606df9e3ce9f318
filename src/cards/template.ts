import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import type { AdaptiveCard } from './types';

/**
 * Card and dialog layouts live as Adaptive Card templates (JSON that opens in the Adaptive Cards
 * Designer) in the top-level `cards/` and `dialogs/` folders; `src` builds a typed view model and
 * binds it here. Templates are parsed once per process and cached; binding never re-evaluates
 * `${…}` inside data values, so free text cannot inject template expressions.
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
const cache = new Map<string, Template>();

/** The raw template JSON (for schema tests and the Designer). */
export function templateJson(folder: TemplateFolder, name: string): unknown {
  root ??= projectRoot();
  return JSON.parse(readFileSync(path.join(root, folder, `${name}.json`), 'utf8')) as unknown;
}

/** Bind `data` (the view model) to the template `folder/name.json`. */
export function renderTemplate<T extends object>(folder: TemplateFolder, name: string, data: T): AdaptiveCard {
  const key = `${folder}/${name}`;
  let t = cache.get(key);
  if (!t) {
    t = new Template(templateJson(folder, name));
    cache.set(key, t);
  }
  return t.expand({ $root: data }) as AdaptiveCard;
}
