import { cardBytes, takeWithinBudget } from './budget';
import { renderTemplate, type TemplateFolder } from './template';
import type { AdaptiveCard } from './types';

/**
 * Bind a view model to `folder/name.json` (see template.ts); `null` in the model means "leave the
 * property out" (template-engine.ts `pruneNulls`: an empty `actions` list goes too).
 */
export function bindTemplate<T extends object>(folder: TemplateFolder, name: string, model: T): AdaptiveCard {
  return renderTemplate(folder, name, model, { pruneNulls: true });
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

/**
 * The card with as many list items (taken as a prefix) as fit in `maxBytes`, where `render(k)`
 * renders the first k of `n`. Items are measured as rendered (the body elements a card with none
 * does not have) on a growing prefix, so a long list is not rendered whole: binding costs about a
 * millisecond per item. The result is checked and, should a count note have grown, stepped down.
 */
export function cardWithin(render: (k: number) => AdaptiveCard, n: number, maxBytes: number): AdaptiveCard {
  const none = render(0);
  const room = maxBytes - cardBytes(none);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  let k = Math.min(n, 8);
  for (;;) {
    const card = render(k);
    if (k === n && cardBytes(card) <= maxBytes) return card;
    let start = 0;
    while (start < none.body.length && same(none.body[start], card.body[start])) start++;
    const items = card.body.slice(start, start + card.body.length - none.body.length);
    const fit = takeWithinBudget(items, room, cardBytes);
    if (fit.taken.length < k || k === n) return stepDown(render, fit.taken.length, maxBytes, none);
    // All k fit: guess how many more will, from their average size, and try that many.
    const average = Math.max(1, fit.bytes / k);
    k = Math.min(n, k + Math.ceil((room - fit.bytes) / average) + 1);
  }
}

function stepDown(render: (k: number) => AdaptiveCard, from: number, maxBytes: number, none: AdaptiveCard): AdaptiveCard {
  for (let k = from; k > 0; k--) {
    const card = render(k);
    if (cardBytes(card) <= maxBytes) return card;
  }
  return none;
}
