// Checks for values read back from the browser's storage (word list, reading progress). These
// modules run on every reading page, so they check by hand instead of with zod (its small build
// still weighed about 22 KB gzip in the first load); stored-value.test.ts holds them to the zod
// schemas they replace.

/** RFC 3339 date and time in UTC with seconds, as `z.iso.datetime()` takes it (leap days included). */
const ISO_DATE_TIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;

/** `isIsoDateTime('2026-01-01T00:00:00.000Z')` → true; `isIsoDateTime('2026-02-30T00:00:00Z')` → false. */
export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value);
}

/** A string of `min`–`max` UTF-16 units that matches `pattern` when one is given. `isText('银行', 1, 32)` → true. */
export function isText(value: unknown, min: number, max: number, pattern?: RegExp): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max && (!pattern || pattern.test(value));
}

/** A finite number in `min`–`max`; `integer` asks for a whole one. `isNumberIn(0.5, 0, 1)` → true. */
export function isNumberIn(value: unknown, min: number, max: number, integer = false): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isSafeInteger(value))
  );
}

/** A plain object (not null, not an array) whose fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The items of an array of `min`–`max` items, each read by `read`, or undefined when it is not
 * such an array or one item is refused. `readArray(['a'], 1, 8, (v) => (typeof v === 'string' ? v : undefined))` → `['a']`.
 */
export function readArray<T>(value: unknown, min: number, max: number, read: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value) || value.length < min || value.length > max) return undefined;
  const items: T[] = [];
  for (const item of value as unknown[]) {
    const read1 = read(item);
    if (read1 === undefined) return undefined;
    items.push(read1);
  }
  return items;
}
