import { renderTemplate } from './template';
import type { CardElement } from './types';

/**
 * A part of a card (a section of the case card, the details dialog, the Actieoverleg card) laid out
 * as its own Adaptive Card template in `cards/parts/<name>.json` (opens in the Designer); the part
 * is that card's body, bound to a typed view model built in src. `null` in the model means "leave
 * the property out" (Adaptive Cards has no null), as in bind.ts.
 */
export function renderPart(name: string, model: object): CardElement[] {
  return pruneNulls(renderTemplate('cards', `parts/${name}`, model).body) as CardElement[];
}

function pruneNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = pruneNulls(v);
  return out;
}

/** The single element a one-element part renders to. */
export function renderOne(name: string, model: object): CardElement {
  const [el] = renderPart(name, model);
  if (!el) throw new Error(`card part ${name} rendered no element`);
  return el;
}
