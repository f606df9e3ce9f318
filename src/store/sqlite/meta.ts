import type { DocKind } from '../docstore';

/**
 * The fields of each kind that an index covers (schema v6, docs/decisions.md §75). The store keeps them
 * in the `meta` column, a small JSON object beside `body`, and the indexes are built on `meta`, not on
 * `body`. An UPDATE that leaves `meta` out of its SET list leaves those indexes alone: a vote rewrites the
 * case body (round, counts) but none of its indexed fields, so it no longer rewrites four index entries.
 * Queries on these fields read `meta`; any other field is read from `body`.
 */
export const META_FIELDS: Partial<Record<DocKind, readonly string[]>> = {
  job: ['status', 'dueAt'],
  inforequest: ['toOrg', 'status', 'askedAt'],
  case: ['status', 'closure.at', 'intakeAt', 'id', 'locationId'],
  personidx: ['intakeAt'],
  vtconsult: ['regionId', 'state.askedAt'],
  reportrow: ['locationId', 'intakeAt'],
};

export function isMetaField(kind: DocKind, field: string): boolean {
  return META_FIELDS[kind]?.includes(field) ?? false;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The `meta` JSON of a document: its indexed fields as they are in the body (same nesting, same JSON
 * types; a field the body lacks is absent here too, so `json_type` answers alike on both). Null for a
 * kind without indexes.
 */
export function metaOf(kind: DocKind, body: unknown): string | null {
  const fields = META_FIELDS[kind];
  if (!fields) return null;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const parts = field.split('.');
    let v: unknown = body;
    for (const p of parts) v = isObject(v) && Object.hasOwn(v, p) ? v[p] : undefined;
    if (v === undefined) continue;
    let at = out;
    for (const p of parts.slice(0, -1)) {
      if (!isObject(at[p])) at[p] = {};
      at = at[p] as Record<string, unknown>;
    }
    at[parts[parts.length - 1]] = v;
  }
  return JSON.stringify(out);
}
