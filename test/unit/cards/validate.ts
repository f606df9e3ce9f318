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
