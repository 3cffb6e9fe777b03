/**
 * A list of ids for a terminal line: the first few and how many more.
 * `listFew(['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7'])` → `'a1, b2, c3, d4, e5 and 2 more'`.
 */
export function listFew(ids: readonly string[], shown = 5): string {
  if (ids.length <= shown + 1) return ids.join(', ');
  return `${ids.slice(0, shown).join(', ')} and ${ids.length - shown} more`;
}

export interface ListedProblem {
  code: string;
  file: string;
  slug?: string;
  id?: string;
}

/**
 * Lines for people from a list of problems: each on its own line while a kind of problem in one
 * file is rare (up to `each`), else one line with the count, the first few ids and one example.
 * `summarizeProblems('warning', problems, format)` → `['warning: locales/en/novel.json: 2083 untranslated (a1, b2, … and 2078 more); e.g. …']`.
 */
export function summarizeProblems<P extends ListedProblem>(
  kind: string,
  problems: readonly P[],
  format: (problem: P) => string,
  each = 3,
): string[] {
  const groups = new Map<string, P[]>();
  for (const problem of problems) {
    const key = `${problem.file}\u0000${problem.code}`;
    // Appended in place: copying the group per problem made `npm run check` quadratic (30 s for 30,000).
    const group = groups.get(key);
    if (group) group.push(problem);
    else groups.set(key, [problem]);
  }
  const lines: string[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    if (group.length <= each) {
      for (const problem of group) lines.push(`${kind}: ${format(problem)}`);
      continue;
    }
    const ids: string[] = [];
    for (const p of group) if (p.id) ids.push(p.id);
    lines.push(
      `${kind}: ${first.file}: ${group.length} ${first.code}${ids.length ? ` (${listFew(ids)})` : ''}; e.g. ${format(first)}`,
    );
  }
  return lines;
}
