import { serializeOrdered } from '@/lib/gloss/serialize';
import {
  mergeAppendOnly,
  mergeConflictFiles,
  mergeGlosses,
  mergeRecords,
  mergeStates,
  type ConflictFile,
  type GlossMergeContext,
} from './merge';

/**
 * What a library file is, from its path in the data folder, for merging.
 * `fileKind('locales/en/a.state.json')` → `{ kind: 'states', slug: 'a', lang: 'en' }`.
 */
export type FileKind =
  | { kind: 'glosses' | 'states' | 'conflicts' | 'history' | 'records'; slug: string; lang: string }
  | { kind: 'content'; slug: string }
  | { kind: 'other' };

export function fileKind(relative: string): FileKind {
  const locale = /^locales\/([A-Za-z0-9-]+)\/([a-z0-9][a-z0-9_-]*)((?:\.[a-z]+)*\.jsonl?)$/.exec(relative);
  if (locale) {
    const [, lang = '', slug = '', suffix] = locale;
    if (suffix === '.json') return { kind: 'glosses', slug, lang };
    if (suffix === '.state.json') return { kind: 'states', slug, lang };
    if (suffix === '.conflicts.json') return { kind: 'conflicts', slug, lang };
    // Event logs that are only appended to (history, suggestions, comments) merge line by line.
    if (suffix === '.history.jsonl' || suffix === '.suggestions.jsonl' || suffix === '.comments.jsonl')
      return { kind: 'history', slug, lang };
    if (suffix?.endsWith('.json')) return { kind: 'records', slug, lang };
    return { kind: 'other' };
  }
  const content = /^content\/([a-z0-9][a-z0-9_-]*)\.[a-z.]+$/.exec(relative);
  if (content) return { kind: 'content', slug: content[1] ?? '' };
  return { kind: 'other' };
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function strings(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The result of merging one file: its text (`undefined`: removed), and the gloss keys that clashed. */
export interface MergedFile {
  text: string | undefined;
  clashed: string[];
  /** New conflict entries, for the text's conflict file (gloss files only). */
  conflicts?: ConflictFile;
  /** Both sides changed a file that cannot be merged by key: ours was kept. */
  keptOurs?: boolean;
}

/**
 * Merges the three versions of a library file both sides changed (`undefined`: absent on that
 * side), by what the file is: glosses and records by key, states by key with draft before
 * reviewed, conflicts by key and version, history line by line. A file that cannot be parsed
 * on some side, or a source, keeps our version and says so.
 */
export function mergeFileVersions(
  relative: string,
  base: string | undefined,
  ours: string | undefined,
  theirs: string | undefined,
  context: GlossMergeContext,
): MergedFile {
  if (ours === theirs) return { text: ours, clashed: [] };
  if (ours === base) return { text: theirs, clashed: [] };
  if (theirs === base) return { text: ours, clashed: [] };
  const kind = fileKind(relative);
  if (kind.kind === 'history') return { text: mergeAppendOnly(base ?? '', ours ?? '', theirs ?? ''), clashed: [] };
  if (kind.kind === 'content' || kind.kind === 'other') return { text: ours, clashed: [], keptOurs: true };
  const [b, o, t] = [parseObject(base), parseObject(ours), parseObject(theirs)];
  if (!b || !o || !t) return { text: ours, clashed: [], keptOurs: true };
  // A file removed on one side and changed on the other is kept, with the change.
  const keep = (record: Record<string, unknown>) => serializeOrdered([], record);
  switch (kind.kind) {
    case 'glosses': {
      const merged = mergeGlosses(strings(b), strings(o), strings(t), {}, context);
      return { text: keep(merged.glosses), clashed: merged.clashed, conflicts: merged.conflicts };
    }
    case 'states':
      return {
        text: keep(
          mergeStates(
            b as Record<string, { status: string }>,
            o as Record<string, { status: string }>,
            t as Record<string, { status: string }>,
          ),
        ),
        clashed: [],
      };
    case 'conflicts':
      return { text: keep(mergeConflictFiles(b as ConflictFile, o as ConflictFile, t as ConflictFile)), clashed: [] };
    case 'records':
      return { text: keep(mergeRecords(b, o, t, (clash) => clash.ours ?? clash.theirs).merged), clashed: [] };
  }
}
