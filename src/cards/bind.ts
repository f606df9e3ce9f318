import { renderTemplate, type TemplateFolder } from './template';
import type { AdaptiveCard } from './types';

/**
 * Drop every property whose bound value is `null`: a view model says "no colour", "no value" or "no
 * style" with `null`, and the card then carries no such property (Adaptive Cards has no null). An
 * empty `actions` list goes too.
 */
function pruneNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // An action row whose every action was left out by `$when` is no action row.
    if (v === null || (k === 'actions' && Array.isArray(v) && v.length === 0)) continue;
    out[k] = pruneNulls(v);
  }
  return out;
}

/** Bind a view model to `folder/name.json` (see template.ts); `null` in the model means "leave the property out". */
export function bindTemplate<T extends object>(folder: TemplateFolder, name: string, model: T): AdaptiveCard {
  return pruneNulls(renderTemplate(folder, name, model)) as AdaptiveCard;
}

/**
 * The largest `k` in 0..n for which `fits(k)` holds, for a `fits` that holds up to some k and not
 * after (a list taken as a prefix: the most important first). Binary search: a card with long lists
 * is rendered about log2(n) times, and each try is measured as the real card is.
 */
export function largestFitting(n: number, fits: (k: number) => boolean): number {
  if (n === 0 || fits(n)) return n; // the usual case: everything fits, one try
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
