import { renderTemplate, type TemplateFolder } from './template';
import type { AdaptiveCard } from './types';

/**
 * Drop every property whose bound value is `null`: a view model says "no colour", "no value" or "no
 * style" with `null`, and the card then carries no such property (Adaptive Cards has no null).
 */
function pruneNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = pruneNulls(v);
  return out;
}

/** Bind a view model to `folder/name.json` (see template.ts); `null` in the model means "leave the property out". */
export function bindTemplate<T extends object>(folder: TemplateFolder, name: string, model: T): AdaptiveCard {
  return pruneNulls(renderTemplate(folder, name, model)) as AdaptiveCard;
}
