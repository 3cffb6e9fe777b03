import 'server-only';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentDir, dataRoot } from './paths';

/**
 * What a cached page was made from, as a string that changes whenever those data files change on
 * disk, whoever changed them (a save, `git pull`, a hand edit, a restore): the name, size, inode
 * and change times of each file. The page cache (cache-handler.cjs) serves a page only while its
 * fingerprint is unchanged.
 *
 * A reading page (`/<ui>/read/<slug>/…`) depends on its text's files and the shared ones; when
 * the app gives the digest of the glosses the page shows, that digest stands for the text's gloss
 * files, so a save in one section of a book leaves the other sections' pages cached. Any other
 * page depends on every file.
 *
 * No synchronous call, and no directory read per lookup: a folder's listing is kept while the
 * folder itself is unchanged (adding, removing or renaming a file changes it), and only the files
 * a page depends on are looked at.
 */
export async function dataFingerprint(pathname: string, digest?: string): Promise<string> {
  const slug = readingPageSlug(pathname);
  const root = dataRoot();
  const localeRoot = path.join(root, 'locales');
  const dirs = [contentDir(), ...(await listFolder(localeRoot)).map((lng) => path.join(localeRoot, lng))];
  const parts = [root, digest ? `digest:${digest}` : 'files'];
  const listings = await Promise.all(dirs.map(async (dir) => ({ dir, names: await listFolder(dir) })));
  const files = listings.flatMap(({ dir, names }) =>
    names.filter((name) => dependsOn(name, slug, digest !== undefined)).map((name) => `${dir}/${name}`),
  );
  const identities = await Promise.all(files.map(fileIdentity));
  for (let i = 0; i < files.length; i++) parts.push(`${files[i]}:${identities[i]}`);
  return parts.join('|');
}

/** `/en/read/hong-lou/s/a5h2d1` → `'hong-lou'`; undefined for a page that is not a text's. */
export function readingPageSlug(pathname: string): string | undefined {
  return /^\/[a-z]{2}\/read\/([a-z0-9][a-z0-9_-]*)(?:\/|$)/.exec(pathname)?.[1];
}

/** Whether a page of `slug` (or, without one, any page) depends on the data file `name`. */
export function dependsOn(name: string, slug: string | undefined, hasDigest: boolean): boolean {
  if (name.includes('.tmp') || name.endsWith('.history.jsonl') || name.startsWith('.')) return false;
  if (!slug) return true;
  if (hasDigest && isGlossData(name, slug)) return false;
  return name.startsWith(`${slug}.`) || name.startsWith('_') || name === 'glossary.json' || name === 'common.json';
}

/**
 * The text's own gloss data: what the digest of a reading page stands for. The sentence
 * alignment and its journal go with it: a save re-aligns its paragraph (a line appended to
 * `<slug>.align.journal.jsonl`, now and then folded into `<slug>.align.json`), and that
 * paragraph's section is made again for its new gloss anyway; a link fixed by hand shows when
 * the page is next revalidated (at most a minute).
 */
const GLOSS_DATA_SUFFIXES = ['.json', '.state.json', '.journal.jsonl', '.align.json', '.align.journal.jsonl'];

function isGlossData(name: string, slug: string): boolean {
  return GLOSS_DATA_SUFFIXES.some((suffix) => name === `${slug}${suffix}`);
}

/** The digest a page wrote into its HTML (`data-page-digest`) when it was made; undefined if none. */
export function digestInHtml(html: unknown): string | undefined {
  if (html === undefined || html === null) return undefined;
  const text = typeof html === 'string' ? html : Buffer.isBuffer(html) ? html.toString('utf8') : String(html);
  return /data-page-digest="([0-9a-f]{64})"/.exec(text)?.[1];
}

/**
 * A folder's listing is trusted while the folder's own identity is unchanged, except within two
 * seconds of its last change: file systems stamp times coarsely, so a file added in the same tick
 * as an earlier listing could leave the folder's times as they were.
 */
const SETTLED_MS = 2_000;
const listings = new Map<string, { identity: string; names: string[] }>();

async function listFolder(dir: string): Promise<string[]> {
  const info = await stat(dir, { bigint: true }).catch(() => undefined);
  if (!info?.isDirectory()) {
    listings.delete(dir);
    return [];
  }
  const identity = `${info.ino}:${info.mtimeNs}:${info.ctimeNs}`;
  const known = listings.get(dir);
  const settled = Date.now() - Number(info.mtimeNs / 1_000_000n) > SETTLED_MS;
  if (known && known.identity === identity && settled) return known.names;
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  if (settled) listings.set(dir, { identity, names });
  else listings.delete(dir);
  return names;
}

async function fileIdentity(file: string): Promise<string> {
  const info = await stat(file, { bigint: true }).catch(() => undefined);
  return info ? `${info.size}:${info.ino}:${info.mtimeNs}:${info.ctimeNs}` : '-';
}
