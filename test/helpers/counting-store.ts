import type { DocStore } from '../../src/store/docstore';

/**
 * An instrumented DocStore: every call of a DocStore method is counted by name before it reaches the
 * real store (SQLite or Cosmos). Used by the bench and by tests that count store operations per click;
 * `take()` returns the counts since the last `take()` and starts over.
 */
export interface StoreCounter {
  readonly store: DocStore;
  counts(): Record<string, number>;
  /** Total operations since the last take/reset. */
  total(): number;
  take(): Record<string, number>;
  reset(): void;
}

export function countingStore(inner: DocStore): StoreCounter {
  let counts: Record<string, number> = {};
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function' || typeof prop !== 'string' || prop === 'close') return v;
      return (...args: unknown[]) => {
        counts[prop] = (counts[prop] ?? 0) + 1;
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    counts: () => ({ ...counts }),
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    take: () => {
      const c = counts;
      counts = {};
      return c;
    },
    reset: () => {
      counts = {};
    },
  };
}
