import { bindTemplate } from './bind';
import type { CardElement } from './types';

/**
 * A part of a card (a section of the case card, the details dialog, the Actieoverleg card): an
 * Adaptive Card template in `cards/parts/<name>.json` (a whole card, so it opens in the Designer)
 * whose body is spliced into the card that uses it. The view model is built in TypeScript (what to
 * show, densities, budgets); `null` in it leaves a property out (see bind.ts).
 */
export function renderPart(name: string, model: object): CardElement[] {
  return bindTemplate('cards', `parts/${name}`, model).body as CardElement[];
}

/** The single element a one-element part renders to. */
export function renderOne(name: string, model: object): CardElement {
  const [el] = renderPart(name, model);
  if (!el) throw new Error(`card part ${name} rendered no element`);
  return el;
}

/** The actions of a part whose body is one ActionSet (buttons that go into a card's own action row or another ActionSet). */
export function renderActions(name: string, model: object): CardElement[] {
  const el = renderOne(name, model);
  if (el.type !== 'ActionSet' || !Array.isArray(el.actions)) throw new Error(`card part ${name} is not one ActionSet`);
  return el.actions as CardElement[];
}
