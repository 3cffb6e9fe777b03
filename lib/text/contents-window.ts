/** How many sections a section page's table of contents lists in full, and how many on each side of the current one past that. */
export const CONTENTS_LIMITS = { inline: 60, around: 12 } as const;

/**
 * The entries of a table of contents of `total` sections that a section page lists, so that its
 * weight does not grow with the text: every section up to `inline`; past that the first, the
 * `around` sections on each side of the current one, and the last, with `null` where entries are
 * left out (a gap of one entry is shown instead). The whole list has a page of its own.
 * `contentsWindow(500, 40)` → `[0, null, 28, 29, …, 52, null, 499]`.
 */
export function contentsWindow(
  total: number,
  current: number,
  { inline, around }: { inline: number; around: number } = CONTENTS_LIMITS,
): (number | null)[] {
  if (total <= inline) return Array.from({ length: total }, (_, i) => i);
  const here = Math.min(Math.max(current, 0), total - 1);
  const from = Math.max(0, here - around);
  const to = Math.min(total - 1, here + around);
  const entries: (number | null)[] = [];
  if (from > 0) {
    entries.push(0);
    if (from === 2) entries.push(1);
    else if (from > 2) entries.push(null);
  }
  for (let i = from; i <= to; i += 1) entries.push(i);
  if (to < total - 1) {
    if (to === total - 3) entries.push(total - 2);
    else if (to < total - 3) entries.push(null);
    entries.push(total - 1);
  }
  return entries;
}
