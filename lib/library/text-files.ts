import 'server-only';
import { stat } from 'node:fs/promises';
import { CACHE_BOUNDS } from '@/lib/cache-bounds';
import type { GlossFile, GlossStateFile } from '@/lib/gloss/types';
import type { DataFileError } from '@/lib/store/errors';
import { glossPath, glossStatePath, readGlosses, readGlossStateEntries } from '@/lib/store/glosses';
import { ledgerPath, readLedger, readSourceText, type SourceFile } from '@/lib/store/sources';
import { reconcileIds, type IdLedger, type Reconciliation } from '@/lib/text/ids';
import { parseText } from '@/lib/text/parse';
import type { ParsedText } from '@/lib/text/types';

/** The language glosses are written in. */
export const GLOSS_LANGUAGE = 'en';

/**
 * Everything a text is made of, read once: the parsed source, its id ledger and the ids it
 * reconciles to, and its glosses and states, read apart (a broken state file costs the statuses,
 * never the English). A file that could not be read is kept as the error it gave (`failure`,
 * `glossFailure`, `stateFailure`), for each reader to report in its own way.
 */
export type TextFiles =
  | {
      ok: true;
      source: SourceFile;
      parsed: ParsedText;
      ledger: IdLedger;
      ids: Reconciliation;
      glosses: GlossFile;
      /** The valid entries of the state file; `stateInvalid` names each entry that is not. */
      states: GlossStateFile;
      stateInvalid: DataFileError[];
      glossFailure?: unknown;
      stateFailure?: unknown;
    }
  | { ok: false; source: SourceFile; failure: unknown };

/** The Chinese title: the front matter's, else the first heading, else the slug. */
export function textTitle(files: Extract<TextFiles, { ok: true }>): string {
  return files.parsed.meta.title ?? files.ids.blocks.find((b) => b.type === 'heading')?.text ?? files.source.slug;
}

async function readFiles(source: SourceFile): Promise<TextFiles> {
  let raw: string;
  let ledger: IdLedger;
  try {
    raw = await readSourceText(source);
    ledger = await readLedger(source.slug);
  } catch (failure) {
    return { ok: false, source, failure };
  }
  const parsed = parseText(raw);
  const ids = reconcileIds(parsed.blocks, ledger);
  const [glosses, states] = await Promise.allSettled([
    readGlosses(source.slug, GLOSS_LANGUAGE),
    readGlossStateEntries(source.slug, GLOSS_LANGUAGE),
  ]);
  return {
    ok: true,
    source,
    parsed,
    ledger,
    ids,
    glosses: glosses.status === 'fulfilled' ? glosses.value : {},
    states: states.status === 'fulfilled' ? states.value.states : {},
    stateInvalid: states.status === 'fulfilled' ? states.value.invalid : [],
    ...(glosses.status === 'rejected' ? { glossFailure: glosses.reason as unknown } : {}),
    ...(states.status === 'rejected' ? { stateFailure: states.reason as unknown } : {}),
  };
}

interface CachedFiles {
  identity: string;
  files: Promise<TextFiles>;
}
const CACHE_KEY = Symbol.for('bilingual-reader.text-files');

/** Read texts by source path; pages, routes, saves and the command line in one process share it. */
function cache(): Map<string, CachedFiles> {
  const global = globalThis as typeof globalThis & { [CACHE_KEY]?: Map<string, CachedFiles> };
  global[CACHE_KEY] ??= new Map();
  return global[CACHE_KEY];
}

/** Path, size, inode and change times of each file ('-' for a missing one). */
async function fileIdentity(files: readonly string[]): Promise<string> {
  const parts = await Promise.all(
    files.map(async (file) => {
      try {
        const s = await stat(file, { bigint: true });
        return `${file}:${s.size}:${s.ino}:${s.mtimeNs}:${s.ctimeNs}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return `${file}:-`;
        throw error;
      }
    }),
  );
  return parts.join('|');
}

/**
 * The one read pipeline: reads a text's files (source → ids → glosses → states), parsed again
 * only when one of them changed on disk, whoever changed it (identity: path, size, inode, times).
 * At most CACHE_BOUNDS.loadedTexts texts are kept, the least recently used dropped first.
 * `readTextFiles(source)` → `{ ok: true, parsed, ids, glosses, states, … }`.
 */
export async function readTextFiles(source: SourceFile): Promise<TextFiles> {
  const paths = [
    source.absolutePath,
    ledgerPath(source.slug),
    glossPath(source.slug, GLOSS_LANGUAGE),
    glossStatePath(source.slug, GLOSS_LANGUAGE),
  ];
  const identity = await fileIdentity(paths);
  const entries = cache();
  const key = source.absolutePath;
  const hit = entries.get(key);
  entries.delete(key);
  if (hit && hit.identity === identity) {
    entries.set(key, hit);
    return hit.files;
  }
  const files = readFiles(source);
  entries.set(key, { identity, files });
  files.catch(() => entries.delete(key));
  while (entries.size > CACHE_BOUNDS.loadedTexts) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  return files;
}
