import { Expression, Options, SimpleObjectMemory } from 'adaptive-expressions';
import { GlobalSettings, Template } from 'adaptivecards-templating';

/**
 * A compiled form of an adaptivecards-templating template (issue 11 item 4, docs/decisions.md §47).
 *
 * The library parses a template's `${…}` expressions once, but evaluates them through
 * adaptive-expressions on every bind: each property access splits its path with a regular expression
 * and searches the object's keys case-insensitively, and every expression builds a fresh memory and
 * options object. That was about half of a case card's build time. Here the library's own prepared
 * template (the same parsed expression trees) is compiled once into closures:
 *
 *  - the walk over the template (`$data`, `$when`, `$index`, arrays flattened, a single result
 *    unwrapped, `null` items dropped) mirrors `Template.internalExpand` step for step;
 *  - property paths (`a.b.c`, `$root.x`, `$index`) are resolved from a pre-split path with the same
 *    rules as adaptive-expressions (keys case-insensitive, first match in key order; an unresolved
 *    path becomes the text `${path}` where the library substitutes it);
 *  - the functions our templates use (`exists`, `count`, `==`, `!=`, `>`, `!`, `&&`, `||`, `if`,
 *    `concat`, `string`) are evaluated with the library's semantics for the values they meet in
 *    practice (strings, numbers, booleans, null, arrays); for any other function, and for any value
 *    the fast path does not handle (an object compared with `==`, `string(5)` …), that expression is
 *    evaluated by adaptive-expressions itself, with a memory built as the library builds it.
 *
 * So the output is the library's output. `test/unit/cards/template-engine.test.ts` checks that on every
 * template with random models (and the library's own evaluation as the reference), and the golden test
 * checks whole cards byte for byte.
 */

/** An evaluation error (adaptive-expressions returns `{ value, error }`; `value` is kept, some callers read it). */
class Fail {
  constructor(
    readonly message: string,
    readonly value: unknown,
  ) {}
}

/** The binding context: the library's EvaluationContext ($data falls back to $root while unset). */
interface Ctx {
  readonly root: unknown;
  /** The raw `$data` (undefined until a `$data` sets it). */
  readonly data: unknown;
  readonly index: unknown;
}

/** Evaluate with or without the library's null substitution (`${path}` for an undefined path). */
type Eval = (ctx: Ctx, subst: boolean) => unknown;

type Node = (ctx: Ctx) => unknown;

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

/** The keys of the library's TemplateObjectMemory, in the order it sets them (paths resolve case-insensitively on them). */
const MEMORY_KEYS = ['_memory', '$root', '$data', '$index', '$host', '$_acTemplateVersion'] as const;

let templateVersion: unknown;
/** `$_acTemplateVersion` as the library computes it (from its package version). */
function versionJson(): unknown {
  templateVersion ??= new Template({ v: '${$_acTemplateVersion}' }).expand({ $root: {} }).v as unknown;
  return templateVersion;
}

function substitution(path: string): string {
  const custom = GlobalSettings.getUndefinedFieldValueSubstitutionString?.(path);
  return custom ? custom : '${' + path + '}';
}

/** The memory the library evaluates an expression against (its TemplateObjectMemory), for the fallback. */
class TemplateMemory {
  readonly _memory: SimpleObjectMemory;
  readonly $root: unknown;
  readonly $data: unknown;
  readonly $index: unknown;
  readonly $host: unknown = undefined;
  readonly $_acTemplateVersion: unknown;

  constructor(ctx: Ctx) {
    this._memory = new SimpleObjectMemory(this);
    this.$root = ctx.root;
    this.$data = ctx.data !== undefined ? ctx.data : ctx.root;
    this.$index = ctx.index;
    this.$_acTemplateVersion = versionJson();
  }

  getValue(path: string): unknown {
    const actualPath = path.length > 0 && path[0] !== '$' ? '$data.' + path : path;
    return this._memory.getValue(actualPath) as unknown;
  }

  setValue(path: string, input: unknown): void {
    this._memory.setValue(path, input);
  }

  version(): string {
    return this._memory.version();
  }
}

/** Evaluate `node` with adaptive-expressions itself, exactly as the library would. */
function viaLibrary(node: Expression): Eval {
  return (ctx, subst) => {
    const options = new Options();
    if (subst) options.nullSubstitution = substitution;
    const r = node.tryEvaluate(new TemplateMemory(ctx), options);
    return r.error ? new Fail(String(r.error), r.value) : r.value;
  };
}

/** InternalFunctionUtils.isLogicTrue */
function isLogicTrue(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  return v != null;
}

/** FunctionUtils.isNumber */
function isNumber(v: unknown): v is number {
  return typeof v === 'number' && !Number.isNaN(v);
}

/** A value the fast paths handle like the library: not an object, array, function or symbol. */
function isPlain(v: unknown): v is string | number | boolean | null | undefined {
  return v == null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * InternalFunctionUtils.accessProperty (the first key, in key order, equal ignoring case). `ascii`:
 * `lower` is plain ASCII, so a key of another length cannot match it (lower-casing changes the length
 * only of characters that do not lower-case to ASCII) and is passed over without being lower-cased.
 */
function accessProperty(instance: unknown, property: string, lower: string, ascii: boolean): unknown {
  if (!instance) return undefined;
  if (instance instanceof Map) {
    const m = instance as Map<unknown, unknown>;
    let value = m.get(property);
    if (value === undefined) {
      const prop = Array.from(m.keys()).find((k) => String(k).toLowerCase() === lower);
      if (prop !== undefined) value = m.get(prop);
    }
    return value;
  }
  const o = instance as Record<string, unknown>;
  for (const k in o) {
    if (!Object.hasOwn(o, k) || (ascii && k.length !== property.length)) continue;
    if (k === property || k.toLowerCase() === lower) return o[k];
  }
  return undefined;
}

/** A path of plain names (`a.b.c`, `$root.x`): the library's Accessor → tryAccumulatePath → getValue, pre-split. */
function compileAccessor(node: Expression): Eval | undefined {
  let path = '';
  let left: Expression | undefined = node;
  while (left !== undefined) {
    if (left.type !== 'Accessor') return undefined; // an element access (`a[0]`) or a call: the library evaluates it
    const name = left.children[0] as Expression & { value?: unknown };
    if (name.type !== 'Constant' || typeof name.value !== 'string') return undefined;
    path = name.value + '.' + path;
    left = left.children.length === 2 ? left.children[1] : undefined;
  }
  path = path.replace(/(\.*$)/g, '').replace(/(\.\[)/g, '[');
  if (path === '') return undefined;
  const actual = path[0] !== '$' ? '$data.' + path : path;
  const parts = actual
    .split(/[.[\]]+/)
    .filter((u) => u !== '')
    .map((u) => ((u.startsWith('"') && u.endsWith('"')) || (u.startsWith("'") && u.endsWith("'")) ? u.slice(1, u.length - 1) : u));
  const [head, ...rest] = parts;
  if (head === undefined) return undefined;
  const headLower = head.toLowerCase();
  const headKey = MEMORY_KEYS.find((k) => k.toLowerCase() === headLower);
  if (headKey === '_memory') return undefined;
  const steps = rest.map((p) => ({ name: p, lower: p.toLowerCase(), ascii: /^[\x00-\x7f]*$/.test(p), index: parseInt(p) }));
  const fullPath = path;
  return (ctx, subst) => {
    let cur: unknown =
      headKey === '$data'
        ? ctx.data !== undefined
          ? ctx.data
          : ctx.root
        : headKey === '$root'
          ? ctx.root
          : headKey === '$index'
            ? ctx.index
            : headKey === '$_acTemplateVersion'
              ? versionJson()
              : undefined; // $host, or no such key
    for (const s of steps) {
      if (!isNaN(s.index) && Array.isArray(cur)) {
        if (s.index >= 0 && s.index < cur.length) cur = cur[s.index] as unknown;
        else {
          cur = undefined; // accessIndex's error: getValue answers undefined
          break;
        }
      } else cur = accessProperty(cur, s.name, s.lower, s.ascii);
    }
    if (cur !== undefined) return cur;
    return subst ? substitution(fullPath) : undefined;
  };
}

const NOT_HANDLED = Symbol('not handled');

/** Compile an expression; anything not handled here is evaluated by adaptive-expressions. */
function compileExpr(node: Expression): Eval {
  const library = viaLibrary(node);
  const kids = node.children.map(compileExpr);
  const [a, b, c] = kids;
  /** A fast path that may say "not handled" for values it does not cover; then the library evaluates the node. */
  const guarded =
    (fast: (ctx: Ctx, subst: boolean) => unknown): Eval =>
    (ctx, subst) => {
      const v = fast(ctx, subst);
      return v === NOT_HANDLED ? library(ctx, subst) : v;
    };
  switch (node.type) {
    case 'Constant': {
      const value = (node as Expression & { value: unknown }).value;
      return () => value;
    }
    case 'Accessor':
      return compileAccessor(node) ?? library;
    case '==':
    case '!=': {
      if (!a || !b || kids.length !== 2) return library;
      const negate = node.type === '!=';
      // ComparisonEvaluator: children without substitution; an error makes the comparison false.
      return guarded((ctx) => {
        const x = a(ctx, false);
        if (x instanceof Fail) return false;
        const y = b(ctx, false);
        if (y instanceof Fail) return false;
        if (!isPlain(x) || !isPlain(y)) return NOT_HANDLED; // objects: lodash isEqual in the library
        let eq: boolean;
        if (x == null || y == null) eq = x == null && y == null;
        else if (isNumber(x) && isNumber(y) && Math.abs(x - y) < Number.EPSILON) eq = true;
        else eq = x === y;
        return negate ? !eq : eq;
      });
    }
    case '>': {
      if (!a || !b || kids.length !== 2) return library;
      return guarded((ctx) => {
        const x = a(ctx, false);
        if (x instanceof Fail || x == null) return false;
        const y = b(ctx, false);
        if (y instanceof Fail || y == null) return false;
        if ((isNumber(x) && isNumber(y)) || (typeof x === 'string' && typeof y === 'string')) return x > y;
        return NOT_HANDLED;
      });
    }
    case 'exists': {
      if (!a || kids.length !== 1) return library;
      return (ctx) => {
        const x = a(ctx, false);
        return !(x instanceof Fail) && x != null;
      };
    }
    case 'count': {
      if (!a || kids.length !== 1) return library;
      return guarded((ctx, subst) => {
        const x = a(ctx, subst);
        if (x instanceof Fail) return x;
        if (typeof x === 'string' || Array.isArray(x)) return x.length;
        return NOT_HANDLED;
      });
    }
    case '!': {
      if (!a || kids.length !== 1) return library;
      return (ctx) => {
        const x = a(ctx, false);
        return x instanceof Fail ? true : !isLogicTrue(x);
      };
    }
    case '&&':
      return (ctx) => {
        for (const k of kids) {
          const x = k(ctx, false);
          if (x instanceof Fail || !isLogicTrue(x)) return false;
        }
        return true;
      };
    case '||':
      return (ctx) => {
        // The library answers the last child's raw value when none is true (an error's value too).
        let last: unknown = false;
        for (const k of kids) {
          const x = k(ctx, false);
          if (x instanceof Fail) {
            last = x.value;
            continue;
          }
          if (isLogicTrue(x)) return true;
          last = x;
        }
        return last;
      };
    case 'if': {
      if (!a || !b || !c || kids.length !== 3) return library;
      return (ctx, subst) => {
        const cond = a(ctx, false);
        return !(cond instanceof Fail) && isLogicTrue(cond) ? b(ctx, subst) : c(ctx, subst);
      };
    }
    case 'concat':
      if (kids.length === 0) return library;
      return guarded((ctx, subst) => {
        const args: unknown[] = [];
        for (const k of kids) {
          const x = k(ctx, subst);
          if (x instanceof Fail) return x;
          if (!isPlain(x)) return NOT_HANDLED; // lists and objects: the library's rules
          args.push(x);
        }
        let soFar = args[0];
        const str = (v: unknown): string => (v == null ? '' : String(v));
        for (let i = 1; i < args.length; i++) {
          const y = args[i];
          soFar = soFar == null && y == null ? undefined : str(soFar) + str(y);
        }
        return soFar;
      });
    case 'string':
      if (!a || kids.length !== 1) return library;
      return guarded((ctx, subst) => {
        const x = a(ctx, subst);
        if (x instanceof Fail) return x;
        return typeof x === 'string' ? x : NOT_HANDLED; // numbers are formatted per locale by the library
      });
    default:
      return library;
  }
}

/**
 * An expression bound to a property or an item (`Template.internalTryEvaluateExpression` with
 * substitutions): an interpolated string (`concat` at the top) is joined piece by piece, a failed
 * piece standing as its own `${…}` text; any other failure is thrown, as the library throws.
 */
function compileTop(node: Expression): (ctx: Ctx) => unknown {
  if (node.type === 'concat') {
    const pieces = node.children.map((child) => ({ child, run: compileExpr(child) }));
    return (ctx) => {
      let result = '';
      for (const { child, run } of pieces) {
        let v: unknown;
        try {
          v = run(ctx, true);
        } catch (ex) {
          v = new Fail(String(ex), undefined);
        }
        if (v instanceof Fail) v = '${' + child.toString() + '}';
        result += (v as { toString(): string }).toString();
      }
      return result;
    };
  }
  const run = compileExpr(node);
  return (ctx) => {
    const v = run(ctx, true);
    if (v instanceof Fail) throw new Error(v.message);
    return v;
  };
}

/**
 * Drop every property whose bound value is `null`, and an empty `actions` list: a view model says "no
 * colour", "no value" or "no style" with `null`, and the card then carries no such property (Adaptive
 * Cards has no null). A copy: the model is never changed, nor shared with the card.
 */
export function pruneNulls(value: unknown): unknown {
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

/**
 * Compile a prepared template node (`Template.internalExpand`). `prune`: the result is what
 * `pruneNulls` makes of the library's, built in the same walk: objects the template builds leave their
 * null properties (and empty `actions`) out as they are made, and only a value bound from the model
 * that is an object or a list is copied by `pruneNulls`. So a bound part is not copied a second time.
 */
function compileNode(node: unknown, prune: boolean): Node {
  if (Array.isArray(node)) {
    const items = node.map((n) => compileNode(n, prune));
    return (ctx) => {
      const out: unknown[] = [];
      for (const item of items) {
        const v = item(ctx);
        if (v === null) continue;
        if (Array.isArray(v)) for (const x of v) out.push(x);
        else out.push(v);
      }
      return out;
    };
  }
  if (node instanceof Expression) {
    const run = compileTop(node);
    return prune ? (ctx) => pruneNulls(run(ctx)) : run;
  }
  if (typeof node !== 'object' || node === null) return () => node;

  const obj = node as Record<string, unknown>;
  const when = obj.$when;
  const dataExpr = obj.$data;
  const whenRun = when instanceof Expression ? compileExpr(when) : undefined;
  /** `$when` that is not an expression: a truthy one drops the object (with a warning in the library). */
  const dropAlways = !(when instanceof Expression) && Boolean(when);
  const dataRun = dataExpr instanceof Expression ? compileTop(dataExpr) : undefined;
  const props = Object.keys(obj)
    .filter((k) => !RESERVED.has(k))
    .map((k) => ({ key: k, run: compileNode(obj[k], prune), actions: k === 'actions' }));

  const expandOne = (ctx: Ctx): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const { key, run, actions } of props) {
      const v = run(ctx);
      if (v === undefined) continue;
      if (prune && (v === null || (actions && Array.isArray(v) && v.length === 0))) continue;
      out[key] = v;
    }
    return out;
  };

  return (ctx) => {
    let contexts: unknown[];
    let isArray = false;
    if (dataExpr === undefined) contexts = [undefined];
    else {
      const d = dataRun ? dataRun(ctx) : dataExpr;
      if (Array.isArray(d)) {
        contexts = d;
        isArray = true;
      } else contexts = [d];
    }
    const result: unknown[] = [];
    let data = ctx.data;
    let index = ctx.index;
    for (let i = 0; i < contexts.length; i++) {
      if (isArray) index = i;
      if (contexts[i] !== undefined) data = contexts[i];
      const itemCtx: Ctx = data === ctx.data && index === ctx.index ? ctx : { root: ctx.root, data, index };
      let drop = dropAlways;
      if (whenRun) {
        const w = whenRun(itemCtx, false);
        drop = !(!(w instanceof Fail) && typeof w === 'boolean' && w);
      }
      if (!drop) result.push(expandOne(itemCtx));
    }
    if (result.length === 0) return null;
    if (result.length === 1) return result[0];
    return result;
  };
}

/** A template compiled once; `expand` binds a view model as `Template.expand({ $root: data })` does. */
export class CompiledTemplate {
  private readonly run: Node;

  /** `opts.pruneNulls`: expand to what `pruneNulls` makes of the library's result (bind.ts), in one walk. */
  constructor(payload: unknown, opts: { pruneNulls?: boolean } = {}) {
    const prepared = (Template as unknown as { prepare(node: unknown): unknown }).prepare(payload);
    this.run = compileNode(prepared, opts.pruneNulls === true);
  }

  expand(root: unknown): unknown {
    return this.run({ root, data: undefined, index: undefined });
  }
}
