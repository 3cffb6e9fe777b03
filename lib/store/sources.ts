import 'server-only';
import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { decodeSource } from '@/lib/text/decode';
import { emptyLedger, type IdLedger } from '@/lib/text/ids';
import { serializeLedger } from '@/lib/text/ledger';
import { DataFileError } from './errors';
import { readJsonFile, writeTextFile } from './json';
import { contentDir, displayPath, isSlug, textFilePath } from './paths';

/** File name endings that make a file in `content/` a text. */
export const sourceExtensions = ['.md', '.markdown', '.txt'] as const;

export { isSlug };

export interface SourceFile {
  slug: string;
  /** Path shown to people, e.g. `content/karpathy-no-priors.txt`. */
  file: string;
  absolutePath: string;
}

export interface SourceListing {
  sources: SourceFile[];
  /** Files that look like texts but cannot be served, with the reason. */
  skipped: { file: string; reason: string; twin?: { slug: string; file: string } }[];
}

/** Lists the texts in `content/`, sorted by slug. */
export async function listSources(): Promise<SourceListing> {
  const dir = contentDir();
  let names: string[];
  const links = new Set<string>();
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.map((entry) => entry.name);
    for (const entry of entries) if (entry.isSymbolicLink()) links.add(entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { sources: [], skipped: [] };
    throw error;
  }
  const sources: SourceFile[] = [];
  const skipped: SourceListing['skipped'] = [];
  const bySlug = new Map<string, SourceFile>();
  for (const name of names.sort()) {
    const ext = path.extname(name).toLowerCase();
    if (!(sourceExtensions as readonly string[]).includes(ext)) continue;
    const absolutePath = path.join(dir, name);
    const file = displayPath(absolutePath);
    const slug = path.basename(name, path.extname(name));
    if (links.has(name)) {
      // A link could publish any file on the machine; texts live in content/ itself.
      skipped.push({ file, reason: 'it is a symbolic link; put the file itself in content/' });
      continue;
    }
    if (!isSlug(slug)) {
      skipped.push({
        file,
        reason:
          'its name must be lower-case letters, digits, "-" or "_" (it becomes the URL): rename it, or add it with npm run add, which makes a name from a Chinese one',
      });
      continue;
    }
    const twin = bySlug.get(slug);
    if (twin) {
      skipped.push({ file, reason: `slug "${slug}" is already taken by ${twin.file}`, twin: { slug, file: twin.file } });
      continue;
    }
    const source = { slug, file, absolutePath };
    bySlug.set(slug, source);
    sources.push(source);
  }
  return { sources, skipped };
}

/** Finds one text's source file; `undefined` for an unknown or malformed slug (never a path outside `content/`). */
export async function findSource(slug: string): Promise<SourceFile | undefined> {
  if (!isSlug(slug)) return undefined;
  const { sources } = await listSources();
  return sources.find((source) => source.slug === slug);
}

/** Reads a source as text; throws EncodingError (naming the file) when it is not UTF-8. */
export async function readSourceText(source: SourceFile): Promise<string> {
  let bytes: Buffer;
  try {
    const handle = await open(source.absolutePath, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      throw new DataFileError(source.file, 'is a symbolic link; texts live in content/ itself', undefined, { cause: error });
    throw error;
  }
  return decodeSource(bytes, source.file);
}

/** Ids used more than once in a ledger (among its blocks and retired entries); `[]` for a sound one. */
export function duplicateLedgerIds(ledger: IdLedger): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { id } of [...ledger.blocks, ...ledger.retired]) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

const ledgerEntrySchema = z.object({ id: z.string(), hash: z.string(), zh: z.string() });
const ledgerSchema = z.object({
  blocks: z.array(ledgerEntrySchema),
  retired: z.array(ledgerEntrySchema.extend({ mergedInto: z.string().optional() })),
});

/** `content/<slug>.ids.json`, absolute. */
export function ledgerPath(slug: string): string {
  return textFilePath(contentDir(), slug, '.ids.json');
}

/** Reads `content/<slug>.ids.json`, the record of the text's block ids; empty when there is none yet. */
export async function readLedger(slug: string): Promise<IdLedger> {
  return (await readJsonFile(ledgerPath(slug), ledgerSchema)) ?? emptyLedger;
}

/** Writes the id ledger (only `npm run sync` does this). */
export async function writeLedger(slug: string, ledger: IdLedger): Promise<void> {
  await writeTextFile(ledgerPath(slug), serializeLedger(ledger));
}
