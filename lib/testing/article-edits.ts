import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import type { SavedStatus } from '@/lib/gloss/types';
import { saveGloss, setGlossStatus, type EditResult } from '@/lib/library/edit';
import { loadText, type BlockView } from '@/lib/library/load';
import { makeDataDir } from './data-dir';
import { storedGlosses } from './stored-glosses';

/** Helpers for the tests of lib/library/edit.ts: edits of the bundled article in a copy of the data. */

export const SLUG = 'karpathy-no-priors';
export const GLOSS = `locales/en/${SLUG}.json`;
export const STATE = `locales/en/${SLUG}.state.json`;
export const HISTORY = `locales/en/${SLUG}.history.jsonl`;
export const SOURCE = `content/${SLUG}.txt`;

let current: ReturnType<typeof makeDataDir> | undefined;

/** Gives each test of the calling file a fresh copy of the repository's data (see dataDir). */
export function copyRepoDataForEachTest(): void {
  beforeEach(() => {
    current = makeDataDir({ copyRepoData: true });
  });
  afterEach(() => current?.dispose());
}

/** The current test's copy of the dataDir(). */
export function dataDir(): ReturnType<typeof makeDataDir> {
  if (!current) throw new Error('call copyRepoDataForEachTest() in the test file first');
  return current;
}

export const read = (relative: string) => readFileSync(dataDir().file(relative), 'utf8');
/** The glosses and states as stored: the files with the journal replayed (see storedGlosses). */
export const glosses = () => storedGlosses(dataDir().root, SLUG).glosses;
export const states = () => storedGlosses(dataDir().root, SLUG).states;
export const historyLines = () => (existsSync(dataDir().file(HISTORY)) ? read(HISTORY).split('\n').filter(Boolean) : []);

export async function load() {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error(`${SLUG} did not load`);
  return loaded.text;
}

export async function glossable(): Promise<BlockView[]> {
  return (await load()).blocks.filter((b) => b.type !== 'break');
}

export async function blockById(id: string) {
  const block = (await load()).blocks.find((b) => b.id === id);
  if (!block) throw new Error(`no block ${id}`);
  return block;
}

/** The current revision of a gloss, read from the file as an editor would have it. */
export const revisionOf = (id: string) => glossRevision(glosses()[id]);

export function save(id: string, text: string, options: { base?: string; editor?: string; clear?: boolean } = {}) {
  return saveGloss({
    slug: SLUG,
    id,
    text,
    baseRevision: options.base ?? revisionOf(id),
    editor: options.editor ?? 'ann',
    ...(options.clear === undefined ? {} : { clear: options.clear }),
  });
}

export function mark(id: string, status: SavedStatus, options: { base?: string; editor?: string } = {}) {
  return setGlossStatus({
    slug: SLUG,
    id,
    status,
    baseRevision: options.base ?? revisionOf(id),
    editor: options.editor ?? 'ann',
  });
}

export function expectOk(result: EditResult): asserts result is Extract<EditResult, { ok: true }> {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

/** Every file under the data folder with its bytes, to show that nothing was written. */
export function snapshot(root = dataDir().root): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(root);
  return files;
}

/** Replaces a phrase in the Chinese source, making the paragraph that holds it stale. */
export function editChinese(from: string, to: string) {
  const source = read(SOURCE);
  expect(source).toContain(from);
  dataDir().write(SOURCE, source.replace(from, to));
}

/** The keys of the lines that differ between two versions of a flat JSON file of the same length. */
export function changedKeys(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) =>
    (line === b[i] ? [] : [JSON.parse(`{${b[i]!.replace(/,$/, '')}}`) as Record<string, unknown>]).flatMap((o) => Object.keys(o)),
  );
}

/** The house format: `{`, one `  "key": value` line per key, `}`, final newline. */
export function expectCanonical(text: string) {
  const lines = text.split('\n');
  expect(lines[0]).toBe('{');
  expect(lines.slice(-2)).toEqual(['}', '']);
  for (const [i, line] of lines.slice(1, -2).entries()) {
    expect(line).toMatch(/^ {2}"[^"]+": \S/);
    expect(line.endsWith(',')).toBe(i < lines.length - 4);
  }
}
