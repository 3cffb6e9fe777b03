import 'server-only';
import path from 'node:path';
import { countOutcomes, planImport, type CurrentUnit, type ImportOutcome, type UnitPlan } from '@/lib/exchange/plan';
import { checkFileLanguages, describeLanguage } from '@/lib/exchange/languages';
import type { ImportedFile } from '@/lib/exchange/types';
import { DEFAULT_TARGET_LANGUAGE, type TargetLanguage } from '@/lib/i18n/target-language';
import { parseXliff } from '@/lib/exchange/xliff-read';
import { TITLE_KEY, type GlossStateFile } from '@/lib/gloss/types';
import { glossRevision } from '@/lib/gloss/validate';
import { DataFileError, StoreWriteError } from '@/lib/store/errors';
import { commitGlossChange, readGlosses, readGlossStates } from '@/lib/store/glosses';
import type { HistoryEntry } from '@/lib/store/history';
import { withTextLock } from '@/lib/store/lock';
import { textHasLanguage } from '@/lib/store/languages';
import { isSlug } from '@/lib/store/paths';
import { hashText } from '@/lib/text/hash';
import { isGlossable } from '@/lib/text/types';
import { randomBytes } from 'node:crypto';
import { foldComments } from '@/lib/comments/comments';
import { commentsFromNotes } from '@/lib/comments/from-notes';
import { appendCommentEvents, readCommentEvents } from '@/lib/store/comments';
import { loadText, type TextView } from '@/lib/library/load';

/**
 * The largest XLIFF file an import reads, in bytes: 32 MB, room for a whole long book (the app's
 * own XLIFF of a 34,100-block novel is 8.9 MB). Other uploads keep their own limits.
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** What a refused oversized import says, with the limit. */
export function importTooLargeMessage(bytes?: number): string {
  const limit = `${MAX_IMPORT_BYTES / (1024 * 1024)} MB`;
  return bytes === undefined
    ? `The file is larger than the ${limit} an XLIFF import can have`
    : `The file is ${bytes} bytes; an XLIFF import can have at most ${MAX_IMPORT_BYTES} bytes (${limit})`;
}

export interface ImportRequest {
  /** The file's bytes (UTF-8 or UTF-16 with BOM, as XML allows). */
  bytes: Uint8Array;
  /** Its name, recorded in the history of every change it makes. */
  fileName: string;
  editor: string;
  /** The text the file must be for (the page it was uploaded on); without it, the file's `original`. */
  slug?: string;
  /** The target language the glosses go into (a canonical tag), English by default; the file's must match it. */
  lang?: TargetLanguage;
  dryRun?: boolean;
  force?: boolean;
}

export interface ImportReport {
  slug: string;
  lang: TargetLanguage;
  file: string;
  version: ImportedFile['version'];
  dryRun: boolean;
  counts: Record<ImportOutcome, number>;
  units: UnitPlan[];
  /** Notes of the file taken in as comments (new ones only; a note already there as a comment is not doubled). */
  comments: number;
}

export type ImportFailure = {
  kind: 'invalid' | 'not-found' | 'wrong-text' | 'wrong-language' | 'broken-file' | 'too-large' | 'store';
  error: string;
};
export type ImportResult = ({ ok: true } & ImportReport) | ({ ok: false } & ImportFailure);

function decodeXml(bytes: Uint8Array): string | undefined {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function currentUnits(text: TextView): Map<string, CurrentUnit> {
  const units = new Map<string, CurrentUnit>();
  units.set(TITLE_KEY, { source: text.title.zh, ...(text.title.en ? { gloss: text.title.en } : {}) });
  for (const block of text.blocks) {
    if (isGlossable(block.type)) units.set(block.id, { source: block.text, ...(block.en ? { gloss: block.en } : {}) });
  }
  return units;
}

/**
 * Imports an XLIFF file (1.2 or 2.0, from this app or a CAT tool) into one text's glosses in one
 * target language (`lang`, English by default: the file's target language must be it, and the
 * text must have it). Plans
 * every unit against the text as it is now (see planImport) and, unless `dryRun`, writes the
 * applied ones in one step under the text's lock: the gloss and state files rewritten atomically,
 * one history entry per change naming the file (and one more for a unit marked reviewed), so
 * History and Revert work on them. Nothing is written when no unit applies or the file is refused.
 */
export async function importXliff(request: ImportRequest): Promise<ImportResult> {
  if (request.bytes.byteLength > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      kind: 'too-large',
      error: importTooLargeMessage(request.bytes.byteLength),
    };
  }
  const xml = decodeXml(request.bytes);
  if (xml === undefined) return { ok: false, kind: 'invalid', error: `${request.fileName} is not UTF-8 or UTF-16 text` };
  const parsed = parseXliff(xml);
  if (!parsed.ok) {
    // Too many units or elements is a size limit (413); nesting too deep, a malformed file (422).
    const kind = parsed.limit === 'units' || parsed.limit === 'elements' ? 'too-large' : 'invalid';
    return { ok: false, kind, error: `${request.fileName}: ${parsed.error}` };
  }
  const file = parsed.file;
  const lang = request.lang ?? DEFAULT_TARGET_LANGUAGE;
  const languages = checkFileLanguages(file, lang);
  if (languages) return { ok: false, kind: 'wrong-language', error: `${request.fileName}: ${languages}` };
  const slug = request.slug ?? file.original;
  if (!slug)
    return {
      ok: false,
      kind: 'invalid',
      error: `${request.fileName} does not say which text it is for (no "original" on <file>); name the text`,
    };
  // The slug names files and the lock: anything else in a file's "original" is refused before any path is built.
  if (!isSlug(slug))
    return {
      ok: false,
      kind: 'invalid',
      error: `${request.fileName}: ${JSON.stringify(slug)} is not a text’s name (lower-case letters, digits, - and _); nothing was imported`,
    };
  if (file.original !== undefined && file.original !== slug) {
    return {
      ok: false,
      kind: 'wrong-text',
      error: `${request.fileName} is an XLIFF of the text "${file.original}", not of "${slug}"; nothing was imported`,
    };
  }
  if (file.units.length === 0) return { ok: false, kind: 'invalid', error: `${request.fileName} has no translation units` };

  const fileName = path.basename(request.fileName);
  try {
    return await withTextLock(slug, () => applyUnits(slug, file, fileName, request));
  } catch (error) {
    if (error instanceof StoreWriteError) return { ok: false, kind: 'store', error: `${error.message}; nothing was imported` };
    throw error;
  }
}

/** Plans the units against the text as it is now and writes the applied ones; the caller holds the text's lock. */
async function applyUnits(slug: string, file: ImportedFile, fileName: string, request: ImportRequest): Promise<ImportResult> {
  const lang = request.lang ?? DEFAULT_TARGET_LANGUAGE;
  const loaded = await loadText(slug, { lang });
  if (!loaded) return { ok: false, kind: 'not-found', error: `No text "${slug}"` };
  // An import never creates a language: it is added on purpose (npm run language -- add).
  if (!(await textHasLanguage(slug, lang)))
    return {
      ok: false,
      kind: 'not-found',
      error: `"${slug}" has no ${describeLanguage(lang)} translation (add it first: npm run language -- add ${slug} ${lang}); nothing was imported`,
    };
  if (!loaded.ok) return { ok: false, kind: 'broken-file', error: loaded.broken.error };
  const text = loaded.text;
  if (text.glossError)
    return { ok: false, kind: 'broken-file', error: `${text.glossError}. Fix the file before importing; nothing was written.` };
  const sources = currentUnits(text);
  const plans = planImport(file.units, sources, new Set(text.retired.map((r) => r.id)), { force: request.force === true });
  const paragraphs = new Map([...sources].map(([id, unit]) => [id, { zh: unit.source, gloss: unit.gloss ?? '' }]));
  const { events: comments } = commentsFromNotes(
    foldComments(await readCommentEvents(slug, lang)),
    file.units,
    paragraphs,
    request.editor,
    () => randomBytes(6).toString('base64url'),
  );
  const report: ImportReport = {
    slug,
    lang,
    file: fileName,
    version: file.version,
    dryRun: request.dryRun === true,
    counts: countOutcomes(plans),
    units: plans,
    comments: comments.length,
  };
  const applied = plans.filter((plan) => plan.outcome === 'applied');
  if (request.dryRun || (applied.length === 0 && comments.length === 0)) return { ok: true, ...report };
  // The comments go first and are taken back out if the glosses then fail: all or nothing.
  const added = comments.length > 0 ? await appendCommentEvents(slug, lang, comments) : undefined;
  if (applied.length === 0) return { ok: true, ...report };

  let glosses, states;
  try {
    [glosses, states] = await Promise.all([readGlosses(slug, lang), readGlossStates(slug, lang)]);
  } catch (error) {
    await added?.undo();
    if (error instanceof DataFileError) return { ok: false, kind: 'broken-file', error: error.message };
    throw error;
  }
  const nextStates: GlossStateFile = { ...states };
  const history: HistoryEntry[] = [];
  const time = new Date().toISOString();
  const editor = `${request.editor} (import ${fileName})`;
  for (const plan of applied) {
    const zh = sources.get(plan.id)?.source ?? '';
    const after = plan.incoming ?? '';
    const status = plan.status ?? 'draft';
    const revision = glossRevision(after);
    glosses[plan.id] = after;
    // Reviewed holds for the revision it was recorded against (see glossStateSchema).
    nextStates[plan.id] = { hash: hashText(zh), zh, status, ...(status === 'reviewed' ? { revision } : {}) };
    history.push({ time, editor, id: plan.id, kind: 'gloss', before: plan.current || null, after, revision });
    if (status === 'reviewed')
      history.push({ time, editor, id: plan.id, kind: 'status', before: 'draft', after: 'reviewed', revision });
  }
  const order = [TITLE_KEY, ...text.blocks.filter((b) => isGlossable(b.type)).map((b) => b.id), ...text.retired.map((r) => r.id)];
  // One all-or-nothing write: both files and every history entry, or nothing.
  try {
    await commitGlossChange(slug, lang, { order, glosses, states: nextStates, history });
  } catch (error) {
    await added?.undo();
    throw error;
  }
  return { ok: true, ...report };
}
