import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { GlossarySource, NoteSource, TermEntry } from '@/lib/annotate/types';
import { readJsonFile } from './json';
import { contentDir, displayPath, localeDir, textFilePath } from './paths';

const noteSchema = z.object({
  block: z.string().regex(/^[a-z][a-z0-9]{5}$/),
  quote: z.string().min(1),
  occurrence: z.number().int().min(1).default(1),
  enQuote: z.string().optional(),
  body: z.string().min(1),
});
const notesFileSchema = z.record(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), noteSchema);

export function notesPath(slug: string, lng: string): string {
  return textFilePath(localeDir(lng), slug, '.notes.json');
}

/** Reads `locales/<lng>/<slug>.notes.json` (note id → anchor and body), in file order; `[]` when absent. */
export async function readNotes(slug: string, lng: string): Promise<NoteSource[]> {
  const notes = (await readJsonFile(notesPath(slug, lng), notesFileSchema)) ?? {};
  return Object.entries(notes).map(([id, note]) => ({ id, ...note }));
}

const termSchema = z
  .object({
    en: z.array(z.string().min(1)).min(1).optional(),
    note: z.string().optional(),
    doNotTranslate: z.literal(true).optional(),
    forbidden: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((entry) => entry.en !== undefined || entry.doNotTranslate, {
    message: 'needs "en" (approved renderings) unless "doNotTranslate" is true',
  });
const glossarySchema = z.record(z.string().min(1), termSchema);

/** A glossary file's entries as written (term → entry), in file order; `{}` when absent. */
export async function readGlossaryEntries(file: string): Promise<z.infer<typeof glossarySchema>> {
  return (await readJsonFile(file, glossarySchema)) ?? {};
}

/** A notes file's entries as written (note id → anchor and body), in file order; `{}` when absent. */
export async function readNoteEntries(slug: string, lng: string): Promise<z.infer<typeof notesFileSchema>> {
  return (await readJsonFile(notesPath(slug, lng), notesFileSchema)) ?? {};
}

/** The shared glossary, for every text. */
export function sharedGlossaryPath(lng: string): string {
  return path.join(localeDir(lng), 'glossary.json');
}

/** A text's own glossary, whose entries add to or replace the shared ones for that text. */
export function textGlossaryPath(slug: string, lng: string): string {
  return textFilePath(localeDir(lng), slug, '.glossary.json');
}

async function readGlossaryFile(file: string, source: GlossarySource): Promise<TermEntry[]> {
  const glossary = (await readJsonFile(file, glossarySchema)) ?? {};
  return Object.entries(glossary).map(([term, { en, ...rest }]) => ({ term, en: en ?? [term], ...rest, source }));
}

/** Reads the shared glossary `locales/<lng>/glossary.json` (Chinese term → approved renderings); `[]` when absent. */
export async function readGlossary(lng: string): Promise<TermEntry[]> {
  return readGlossaryFile(sharedGlossaryPath(lng), 'shared');
}

/** Reads a text's own glossary `locales/<lng>/<slug>.glossary.json`; `[]` when absent. */
export async function readTextGlossary(slug: string, lng: string): Promise<TermEntry[]> {
  return readGlossaryFile(textGlossaryPath(slug, lng), 'text');
}

/** The text of a word-list file in `content/` (`_shared.terms`, `<slug>.terms`); '' when absent. */
export async function readWordListFile(name: string): Promise<string> {
  const file = path.join(contentDir(), name);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new Error(`${displayPath(file)} cannot be read`, { cause: error });
  }
}
