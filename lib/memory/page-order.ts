/**
 * The items from `offset` to `offset + limit` in `compare`'s order (a stable sort's), without
 * sorting them all when the page is near the start: only the first `offset + limit` are kept in
 * order as the items go by. `pageInOrder([5, 1, 4, 2, 3], (a, b) => a - b, 1, 2)` → `[2, 3]`.
 */
export function pageInOrder<T>(items: readonly T[], compare: (a: T, b: T) => number, offset: number, limit: number): T[] {
  const end = offset + limit;
  if (end <= 0 || items.length === 0) return [];
  // Deep in the list a sort is cheaper than keeping a long buffer in order.
  if (end * 8 >= items.length) return [...items].sort(compare).slice(offset, end);
  const kept: T[] = [];
  for (const item of items) {
    // An item equal to the last kept one comes after it, as in a stable sort.
    if (kept.length === end && compare(item, kept[end - 1]!) >= 0) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(kept[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, item);
    if (kept.length > end) kept.pop();
  }
  return kept.slice(offset, end);
}
