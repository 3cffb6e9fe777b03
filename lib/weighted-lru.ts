/**
 * The one bounded cache of the code: a least-recently-used map bounded by the total weight of its
 * entries. The weight is what the caller says: bytes (a cache of paragraphs whose sizes differ a
 * thousandfold) or 1 per entry (a cache bounded by count, `WeightedLru.ofCount(4)`). The newest
 * entry stays even when it alone is over the budget (the caller needs it now).
 * `new WeightedLru<string, T>(() => 64 * 2 ** 20)`, then `set(key, value, bytes)`, `get(key)`.
 */
export class WeightedLru<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private total = 0;

  /** `budget` is read at each insertion, so it may follow something that changes (the heap limit). */
  constructor(private readonly budget: () => number) {}

  /** A cache of at most `entries` entries (each weighs 1). */
  static ofCount<K, V>(entries: number | (() => number)): WeightedLru<K, V> {
    return new WeightedLru<K, V>(typeof entries === 'number' ? () => entries : entries);
  }

  /** The value of `key`, now the most recently used; undefined when it is not kept. */
  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  /** The value of `key` without making it the most recently used. */
  peek(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** Keeps `value` under `key` as the most recently used, dropping the oldest entries past the budget. */
  set(key: K, value: V, weight = 1): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.weight;
    }
    this.entries.set(key, { value, weight });
    this.total += weight;
    const budget = this.budget();
    while (this.total > budget && this.entries.size > 1) {
      const oldest = this.entries.entries().next().value;
      if (!oldest) break;
      this.entries.delete(oldest[0]);
      this.total -= oldest[1].weight;
    }
  }

  /** Forgets `key`; whether it was kept. */
  delete(key: K): boolean {
    const old = this.entries.get(key);
    if (!old) return false;
    this.entries.delete(key);
    this.total -= old.weight;
    return true;
  }

  /** The entries, oldest first, without changing their order. */
  *[Symbol.iterator](): IterableIterator<[K, V]> {
    for (const [key, { value }] of this.entries) yield [key, value];
  }

  /** How many entries are kept, and their total weight. */
  size(): { entries: number; weight: number } {
    return { entries: this.entries.size, weight: this.total };
  }

  keys(): K[] {
    return [...this.entries.keys()];
  }
}
