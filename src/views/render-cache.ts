import { createHash } from 'node:crypto';
import { buildCaseCard } from '../cards/case-card';
import type { AdaptiveCard } from '../cards/types';
import type { CaseCardView } from '../cards/view';

/**
 * Render once (issue 11 item 4, docs/decisions.md §38): a card is rendered once per distinct view and
 * reused while it is in a small LRU. The key is a hash of the WHOLE view the card is built from (the
 * case as this viewer may see it, their organisation and role, the notice, what they typed) with "now"
 * cut to the minute (the card shows the time left in minutes). So a card is only ever reused for a view
 * that is equal in every field: two people of one organisation and role who open the same case version
 * share one render; a person of another organisation (other contributions withheld) never gets it.
 * Nothing personal is in the key itself (a hash), and the cache lives in this process only.
 */
export class RenderCache<V> {
  private readonly entries = new Map<string, V>();
  private hits = 0;
  private misses = 0;

  constructor(private readonly max: number) {}

  get(key: string, render: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      // least recently used first: move to the end
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const made = render();
    this.entries.set(key, made);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }

  stats(): { hits: number; misses: number; size: number } {
    return { hits: this.hits, misses: this.misses, size: this.entries.size };
  }
}

const MINUTE_MS = 60_000;

/** The key of a case card view: sha256 of the view with `now` cut to the minute. */
export function caseViewKey(view: CaseCardView): string {
  const minute = Math.floor(view.now.getTime() / MINUTE_MS);
  return createHash('sha256')
    .update(JSON.stringify({ ...view, now: minute }))
    .digest('base64url');
}

/** Personal case cards of this process (about 12–40 KB each: 200 of them stay under ~8 MB). */
export const caseCards = new RenderCache<AdaptiveCard>(200);

/**
 * The personal case card for a view: rendered once per distinct view, then reused. The answer to an
 * action (a view with a notice or the actor's typed draft) is built directly: its key would not come
 * back (the notice is part of it, and a vote or contribution makes a new case version), so hashing it
 * (a JSON of the whole view and a SHA-256 on every click) would only cost time and push reusable
 * refresh cards out of the cache.
 */
export function renderCaseCard(view: CaseCardView): AdaptiveCard {
  if (view.notice !== undefined || view.draft !== undefined) return buildCaseCard(view);
  return caseCards.get(caseViewKey(view), () => buildCaseCard(view));
}
