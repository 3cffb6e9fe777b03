import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { glossFileSchema, glossStateFileSchema, type GlossFile, type GlossStateFile } from '@/lib/gloss/types';
import { serializeOrdered } from '@/lib/gloss/serialize';
import { readJsonFile, writeTextFile } from './json';
import { displayPath, localeDir } from './paths';

export function glossPath(slug: string, lng: string): string {
  return path.join(localeDir(lng), `${slug}.json`);
}

export function glossStatePath(slug: string, lng: string): string {
  return path.join(localeDir(lng), `${slug}.state.json`);
}

/** Reads `locales/<lng>/<slug>.json`; `{}` when the text has no glosses yet. Throws DataFileError when malformed. */
export async function readGlosses(slug: string, lng: string): Promise<GlossFile> {
  return (await readJsonFile(glossPath(slug, lng), glossFileSchema)) ?? {};
}

/** Reads `locales/<lng>/<slug>.state.json`; `{}` when absent. Throws DataFileError when malformed. */
export async function readGlossStates(slug: string, lng: string): Promise<GlossStateFile> {
  return (await readJsonFile(glossStatePath(slug, lng), glossStateFileSchema)) ?? {};
}

/** Writes a whole gloss file and its state file, keys in document order. */
export async function writeGlossFiles(
  slug: string,
  lng: string,
  order: readonly string[],
  glosses: GlossFile,
  states: GlossStateFile,
): Promise<void> {
  await writeTextFile(glossPath(slug, lng), serializeOrdered(order, glosses));
  await writeTextFile(glossStatePath(slug, lng), serializeOrdered(order, states));
}

const uiStringsSchema = z.record(z.string(), z.string());

/** Reads the interface strings of one UI language (`locales/<lng>/common.json`). */
export async function readUiStrings(lng: string): Promise<Record<string, string>> {
  const file = path.join(localeDir(lng), 'common.json');
  const strings = await readJsonFile(file, uiStringsSchema);
  if (!strings) throw new Error(`${displayPath(file)} is missing`);
  return strings;
}
