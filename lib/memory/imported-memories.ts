import 'server-only';
import path from 'node:path';
import { DEFAULT_TARGET_LANGUAGE, parseTargetLanguage } from '@/lib/i18n/target-language';
import { listMemoryNames, readMemory, removeMemory, writeMemory } from '@/lib/store/memories';
import { isSlug } from '@/lib/store/paths';
import { MAX_TMX_BYTES, readTmx } from './tmx-read';

export type ImportResult =
  | { ok: true; name: string; pairs: number; skipped: number; duplicates: number }
  | { ok: false; kind: 'invalid' | 'exists' | 'too-large'; error: string };

/** A memory's name from its file name: `project_save.tmx` → `project-save`. */
export function memoryNameOf(file: string): string {
  return path
    .basename(file)
    .replace(/\.tmx$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 80);
}

/**
 * Imports a TMX file's bytes as a read-only reference memory named `name` (from the file name when
 * not given), for one target language: read and checked whole first, then stored in one atomic
 * write, so a refused file leaves nothing behind. `importMemory(bytes, { file: 'project_save.tmx' })`
 * → `{ ok: true, name: 'project-save', pairs: 2, skipped: 0, duplicates: 0 }`.
 */
export async function importMemory(
  bytes: Uint8Array,
  options: { file: string; name?: string; lang?: string; replace?: boolean },
): Promise<ImportResult> {
  const name = options.name ?? memoryNameOf(options.file);
  if (!isSlug(name))
    return {
      ok: false,
      kind: 'invalid',
      error: `${JSON.stringify(name)} is not a memory name: lower-case letters, digits, - and _ (give one with --name)`,
    };
  const lang = parseTargetLanguage(options.lang ?? DEFAULT_TARGET_LANGUAGE);
  if (!lang.ok) return { ok: false, kind: 'invalid', error: lang.error };
  if (bytes.length > MAX_TMX_BYTES)
    return {
      ok: false,
      kind: 'too-large',
      error: `The file is larger than ${MAX_TMX_BYTES / 1024 / 1024} MB, the most a memory import takes; split it`,
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, kind: 'invalid', error: 'The file is not UTF-8 text (TMX files are written in UTF-8)' };
  }
  const read = readTmx(text, lang.lang);
  if (!read.ok) return { ok: false, kind: 'invalid', error: read.error };
  const written = await writeMemory(
    {
      name,
      lang: lang.lang,
      file: path.basename(options.file).slice(0, 300),
      imported: new Date().toISOString(),
      pairs: read.pairs,
    },
    { replace: options.replace === true },
  );
  if (!written)
    return { ok: false, kind: 'exists', error: `A memory named ${name} exists: remove it first, or give another --name` };
  return { ok: true, name, pairs: read.pairs.length, skipped: read.skipped, duplicates: read.duplicates };
}

/** The imported memories: name, language, pairs, source file and date. */
export async function listMemories(): Promise<{ name: string; lang: string; pairs: number; file: string; imported: string }[]> {
  const out = [];
  for (const name of await listMemoryNames()) {
    const memory = await readMemory(name);
    if (memory) out.push({ name, lang: memory.lang, pairs: memory.pairs.length, file: memory.file, imported: memory.imported });
  }
  return out;
}

/** Removes an imported memory by name. */
export async function deleteMemory(name: string): Promise<{ ok: true } | { ok: false; error: string }> {
  if (!isSlug(name)) return { ok: false, error: `${JSON.stringify(name)} is not a memory name` };
  return (await removeMemory(name)) ? { ok: true } : { ok: false, error: `No memory named ${name} (npm run tm -- list)` };
}
