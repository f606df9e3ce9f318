/**
 * Card size accounting. Teams counts a bot message's size in UTF-16 (2 bytes per code unit), so
 * we measure that way: it is never smaller than the UTF-8 size, so one budget covers both.
 */
export function cardBytes(value: unknown): number {
  return JSON.stringify(value).length * 2;
}

export interface BudgetResult<T> {
  taken: T[];
  /** How many items did not fit (the tail of the list). */
  omitted: number;
  bytes: number;
}

/**
 * Take items in order (callers pass the most important first) while they fit in the budget.
 * Stops at the first item that does not fit, so what is left out is always the tail ("N oudere").
 */
export function takeWithinBudget<T>(
  items: readonly T[],
  budgetBytes: number,
  size: (item: T) => number,
  maxItems: number = Number.POSITIVE_INFINITY,
): BudgetResult<T> {
  const taken: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (taken.length >= maxItems) break;
    const s = size(item) + 2; // the separating comma (2 bytes in UTF-16)
    if (bytes + s > budgetBytes) break;
    taken.push(item);
    bytes += s;
  }
  return { taken, omitted: items.length - taken.length, bytes };
}
