/** A query parameter as given, or undefined when absent or empty. */
export function queryValue(url: URL, name: string): string | undefined {
  const value = url.searchParams.get(name);
  return value === null || value.trim() === '' ? undefined : value;
}

/** A yes/no query flag: `1`, `true` or `yes`. */
export function queryFlag(url: URL, name: string): boolean {
  return ['1', 'true', 'yes'].includes((url.searchParams.get(name) ?? '').toLowerCase());
}
