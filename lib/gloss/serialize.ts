/**
 * Writes a flat JSON object with keys in the given order, two-space indented, one key a line
 * and a final newline, so that changing one value changes one line of a git diff.
 * `(['b', 'a'], { a: '甲', b: '乙' })` → `'{\n  "b": "乙",\n  "a": "甲"\n}\n'`.
 * Keys not in `order` follow in their existing order; nothing is dropped.
 */
export function serializeOrdered<T>(order: readonly string[], values: Record<string, T>): string {
  const keys = [...order.filter((key) => Object.hasOwn(values, key))];
  const seen = new Set(keys);
  for (const key of Object.keys(values)) if (!seen.has(key)) keys.push(key);
  const body = keys.map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify(values[key])}`).join(',\n');
  return keys.length === 0 ? '{}\n' : `{\n${body}\n}\n`;
}
