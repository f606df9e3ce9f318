import type * as AdaptiveCardsModule from 'adaptivecards';

/**
 * Validation with Microsoft's `adaptivecards` renderer library (parse + property validation), at
 * schema version 1.5. Its `lib/` build is extensionless ESM that Jest does not load; `dist/` is the
 * same code as one CommonJS bundle, and parsing needs no DOM.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

/** Properties the library drops on a round trip although they are fine: defaults, and Teams' own `msteams`. */
const DROPPED_OK: Record<string, unknown> = { style: 'compact', valueOn: 'true', valueOff: 'false' };

function droppedProperties(input: unknown, output: unknown, path: string, out: string[]): void {
  if (Array.isArray(input)) {
    input.forEach((item, i) => droppedProperties(item, Array.isArray(output) ? output[i] : undefined, `${path}[${i}]`, out));
    return;
  }
  if (input === null || typeof input !== 'object') return;
  const o = (output !== null && typeof output === 'object' ? output : {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (key in o) droppedProperties(value, o[key], `${path}.${key}`, out);
    else if (!(path === '' && key === 'msteams') && DROPPED_OK[key] !== value) out.push(`unknown property ${path}.${key}`);
  }
}

/**
 * Every problem the library reports: parse events (unknown types, invalid values, unsupported
 * version), validation failures (duplicate ids, required inputs without label or error message),
 * and properties it does not know (typos) — found by comparing the card with its re-serialisation.
 */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  droppedProperties(json, card.toJSON(new AC.SerializationContext(AC.Versions.v1_5)), '', problems);
  return problems;
}

export interface ExecuteInfo {
  verb: string;
  title: string;
  data: Record<string, unknown>;
  /** Ids of the inputs the renderer gathers for this action (its own form and its parent cards). */
  inputIds: string[];
}

/**
 * Every Action.Execute of a card as the `adaptivecards` renderer sees it: with the inputs it would
 * gather (the library's own `getReferencedInputs`) and the data the action declares. The invoke
 * data is that data with the gathered input values laid over it (see `invokeData`).
 */
export function executeActions(json: unknown): ExecuteInfo[] {
  const card = new AC.AdaptiveCard();
  card.parse(json, new AC.SerializationContext(AC.Versions.v1_5));
  const found: AdaptiveCardsModule.ExecuteAction[] = [];
  type Walkable = {
    getItemCount?: () => number;
    getItemAt?: (i: number) => unknown;
    getActionCount?: () => number;
    getActionAt?: (i: number) => unknown;
  };
  const walk = (o: unknown): void => {
    if (o instanceof AC.ExecuteAction) found.push(o);
    if (o instanceof AC.ShowCardAction) walk(o.card);
    const w = o as Walkable;
    if (typeof w.getItemCount === 'function') for (let i = 0; i < w.getItemCount(); i++) walk(w.getItemAt?.(i));
    if (typeof w.getActionCount === 'function') for (let i = 0; i < w.getActionCount(); i++) walk(w.getActionAt?.(i));
  };
  walk(card);
  return found.map((a) => ({
    verb: a.verb ?? '',
    title: a.title ?? '',
    data: (a.data ?? {}) as Record<string, unknown>,
    inputIds: Object.keys(a.getReferencedInputs() ?? {}).sort(),
  }));
}

/** What the renderer sends for an Execute: its data, then each gathered input's value on top. */
export function invokeData(action: ExecuteInfo, values: Record<string, string>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...action.data };
  for (const id of action.inputIds) if (values[id] !== undefined) data[id] = values[id];
  return data;
}
