/**
 * Three-way merges of a text's data files by key, as git sync needs them when two servers changed
 * one text: glosses (`<slug>.json`), states (`<slug>.state.json`), conflicts and history. Pure:
 * the caller reads the three versions (base, ours, theirs) and writes the result.
 */

/** One side's version of a paragraph kept by a conflict: its text, who wrote it, its revision. */
export interface ConflictVersion {
  text: string;
  author: string;
  revision: string;
}

/** A paragraph changed differently on two servers: every version, until a reviewer saves one. */
export interface ConflictEntry {
  versions: ConflictVersion[];
}

export type ConflictFile = Record<string, ConflictEntry>;

/** A key whose value both sides changed, each differently (`undefined` for a deletion). */
export interface Clash<V> {
  key: string;
  ours: V | undefined;
  theirs: V | undefined;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function valueOf<V>(record: Record<string, V>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Merges three versions of a flat record key by key: a key changed (added, edited, deleted) on
 * one side only takes that change, a key changed alike on both takes it once, and a key changed
 * differently on both is a clash, settled by `settle` (`undefined` leaves the key out). Keys keep
 * our order, theirs new keys follow in their order.
 * `mergeRecords({ a: '甲' }, { a: '乙' }, { a: '甲', b: '丙' }, …)` → `{ merged: { a: '乙', b: '丙' }, clashes: [] }`.
 */
export function mergeRecords<V>(
  base: Record<string, V>,
  ours: Record<string, V>,
  theirs: Record<string, V>,
  settle: (clash: Clash<V>) => V | undefined,
): { merged: Record<string, V>; clashes: Clash<V>[] } {
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)])];
  const merged: Record<string, V> = {};
  const clashes: Clash<V>[] = [];
  for (const key of keys) {
    const b = valueOf(base, key);
    const o = valueOf(ours, key);
    const t = valueOf(theirs, key);
    let value: V | undefined;
    if (same(o, t)) value = o;
    else if (same(o, b)) value = t;
    else if (same(t, b)) value = o;
    else {
      const clash = { key, ours: o, theirs: t };
      clashes.push(clash);
      value = settle(clash);
    }
    if (value !== undefined) Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { merged, clashes };
}

/** Who wrote each side's version of a key, and how a revision is computed (the caller's glossRevision). */
export interface GlossMergeContext {
  authorOf: (side: 'ours' | 'theirs', key: string) => string;
  revisionOf: (text: string) => string;
}

/**
 * Merges three versions of a gloss file. A paragraph changed differently on both sides keeps our
 * text in the file (what this server's readers saw) and becomes a conflict holding both versions
 * with author and revision (a deletion is the empty text). Conflicts already recorded for a key
 * gain the new versions. `mergeGlosses({ p1: 'A' }, { p1: 'B' }, { p1: 'C' }, {}, ctx)` → glosses
 * `{ p1: 'B' }`, conflicts `{ p1: { versions: [B by ours, C by theirs] } }`.
 */
export function mergeGlosses(
  base: Record<string, string>,
  ours: Record<string, string>,
  theirs: Record<string, string>,
  conflicts: ConflictFile,
  context: GlossMergeContext,
): { glosses: Record<string, string>; conflicts: ConflictFile; clashed: string[] } {
  const { merged, clashes } = mergeRecords(base, ours, theirs, (clash) => clash.ours ?? clash.theirs);
  const next: ConflictFile = { ...conflicts };
  for (const clash of clashes) {
    const versions = [
      version(clash.ours ?? '', context.authorOf('ours', clash.key), context),
      version(clash.theirs ?? '', context.authorOf('theirs', clash.key), context),
    ];
    next[clash.key] = { versions: unionVersions(valueOf(conflicts, clash.key)?.versions ?? [], versions) };
  }
  return { glosses: merged, conflicts: next, clashed: clashes.map((c) => c.key) };
}

function version(text: string, author: string, context: GlossMergeContext): ConflictVersion {
  return { text, author, revision: context.revisionOf(text) };
}

/** Versions in order, each revision once (the first author to write it is kept). */
export function unionVersions(...lists: ConflictVersion[][]): ConflictVersion[] {
  const seen = new Set<string>();
  const out: ConflictVersion[] = [];
  for (const v of lists.flat()) {
    if (seen.has(v.revision)) continue;
    seen.add(v.revision);
    out.push(v);
  }
  return out;
}

/** A state as the merge sees it: only its status and recorded revision matter for the choice. */
interface StateLike {
  status: string;
  revision?: string;
}

/**
 * Merges three versions of a state file. When both sides recorded different states for a key,
 * a draft wins over reviewed (a review is never claimed on a merge), then ours; a state
 * removed on one side and changed on the other is kept. A reviewed state whose revision is not
 * the merged gloss's counts as draft anyway (see glossStatus).
 */
export function mergeStates<S extends StateLike>(
  base: Record<string, S>,
  ours: Record<string, S>,
  theirs: Record<string, S>,
): Record<string, S> {
  return mergeRecords(base, ours, theirs, ({ ours: o, theirs: t }) => {
    if (o === undefined || t === undefined) return o ?? t;
    if (t.status === 'draft' && o.status !== 'draft') return t;
    return o;
  }).merged;
}

/**
 * Merges three versions of a conflict file: a conflict resolved on one side (its key removed)
 * and untouched on the other is resolved; a conflict resolved on one side and added to on the
 * other stays, with every version; versions added on both sides are united.
 */
export function mergeConflictFiles(base: ConflictFile, ours: ConflictFile, theirs: ConflictFile): ConflictFile {
  return mergeRecords(base, ours, theirs, ({ ours: o, theirs: t }) => ({
    versions: unionVersions(o?.versions ?? [], t?.versions ?? []),
  })).merged;
}

/**
 * Merges three versions of an append-only file of lines (a history): the base's lines, then the
 * lines only ours added, then the lines only theirs added. `mergeAppendOnly('a\n', 'a\nb\n', 'a\nc\n')` → `'a\nb\nc\n'`.
 */
export function mergeAppendOnly(base: string, ours: string, theirs: string): string {
  const lines = (text: string) => text.split('\n').filter((line) => line.length > 0);
  const seen = new Set(lines(base));
  const out = lines(base);
  for (const line of [...lines(ours), ...lines(theirs)]) {
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/**
 * The last editor of a key among the history lines one side added since the base (JSON lines
 * with `id` and `editor`); undefined when that side's history does not name one.
 * `lastEditor('{"id":"p1","editor":"ann"}\n', '', 'p1')` → `'ann'`.
 */
export function lastEditor(sideHistory: string, baseHistory: string, key: string): string | undefined {
  const before = new Set(baseHistory.split('\n'));
  let editor: string | undefined;
  for (const line of sideHistory.split('\n')) {
    if (line.length === 0 || before.has(line)) continue;
    try {
      const entry: unknown = JSON.parse(line);
      if (typeof entry !== 'object' || entry === null) continue;
      const { id, editor: who } = entry as { id?: unknown; editor?: unknown };
      if (id === key && typeof who === 'string') editor = who;
    } catch {
      // A torn line (a crash mid-append) names no one.
    }
  }
  return editor;
}
