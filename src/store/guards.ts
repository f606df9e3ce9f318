import { opPartition, type Condition, type QueryOptions, type WriteOp } from './docstore';

/** Guards shared by both adapters (field names end up inside SQL text, so they are whitelisted). */

/** A top-level field, or one level down (`closure.at`). */
const FIELD = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/;
const OPS: ReadonlySet<string> = new Set(['=', '<=', '<', '>=', '>']);

export function checkField(field: string): string {
  if (!FIELD.test(field)) throw new Error(`invalid field name ${JSON.stringify(field)}`);
  return field;
}

export function checkQuery(where: Condition[], options: QueryOptions): void {
  for (const c of where) {
    checkField(c.field);
    if (!OPS.has(c.op)) throw new Error(`invalid operator ${JSON.stringify(c.op)}`);
    const t = typeof c.value;
    if (t !== 'string' && t !== 'boolean' && !(t === 'number' && Number.isFinite(c.value))) throw new Error(`invalid value for ${c.field}`);
  }
  if (options.orderBy !== undefined) checkField(options.orderBy);
  const { limit } = options;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) throw new RangeError('limit must be a positive integer');
}

/** A commit may only touch one partition (that is all a Cosmos batch could ever do). */
export function checkOnePartition(ops: WriteOp[]): void {
  const pk = ops[0] ? opPartition(ops[0]) : undefined;
  if (ops.some((o) => opPartition(o) !== pk)) throw new Error('commit: all operations must target one partition');
}
