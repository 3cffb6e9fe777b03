import 'server-only';
import { anchorQuote, checkNoteBody, nextNoteId } from '@/lib/annotate/note-edit';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { entryFileText, writeWithChange } from '@/lib/store/annotation-files';
import { notesPath, readNoteEntries } from '@/lib/store/annotations';
import { withTextLock } from '@/lib/store/lock';
import { findSource, isSlug } from '@/lib/store/sources';
import { isGlossable } from '@/lib/text/types';
import { revisionOf, storing, type AnnotationResult } from './annotation-result';
import { describeFailure } from './load';
import { readTextFiles } from './text-files';

/** A note as stored, with its id and revision: what the notes routes answer. */
export interface StoredNote {
  id: string;
  block: string;
  quote: string;
  occurrence: number;
  enQuote?: string;
  body: string;
  revision: string;
}

type NoteEntry = Omit<StoredNote, 'id' | 'revision'>;

interface Where {
  slug: string;
  lang: TargetLanguage;
  editor: string;
}

function stored(id: string, entry: NoteEntry): StoredNote {
  return { id, ...entry, revision: revisionOf(entry) };
}

/** A paragraph's Chinese and its gloss in `lang`, or why there is none. */
async function paragraph(where: Where, block: string): Promise<AnnotationResult<{ zh: string; gloss: string | undefined }>> {
  const source = isSlug(where.slug) ? await findSource(where.slug) : undefined;
  if (!source) return { ok: false, kind: 'not-found', error: 'No such text' };
  const files = await readTextFiles(source, where.lang);
  if (!files.ok) return { ok: false, kind: 'invalid', error: describeFailure(files.failure) };
  const zh = files.ids.blocks.find((b) => b.id === block && isGlossable(b.type))?.text;
  if (zh === undefined) return { ok: false, kind: 'not-found', error: 'No such paragraph in this text' };
  return { ok: true, value: { zh, gloss: files.current(block).gloss } };
}

async function write(where: Where, entries: Record<string, NoteEntry>, key: string, before: unknown, after: NoteEntry | null) {
  await writeWithChange(
    notesPath(where.slug, where.lang),
    entryFileText(entries),
    {
      time: new Date().toISOString(),
      editor: where.editor,
      kind: 'note',
      lang: where.lang,
      key,
      before: before ?? null,
      after,
      revision: after ? revisionOf(after) : '',
    },
    where.slug,
  );
}

/**
 * Adds a translator's note on a selected passage of a paragraph's Chinese or its gloss (see
 * anchorQuote), under the text's lock. `addNote({ slug, lang: 'en', editor: 'ann', block: 'c4pzjo', quote: '特拉斯', body: '…' })`.
 */
export async function addNote(
  where: Where & { block: string; quote: string; body: string; occurrence?: number | undefined },
): Promise<AnnotationResult<StoredNote>> {
  const body = checkNoteBody(where.body);
  if (!body.ok) return { ok: false, kind: 'invalid', error: body.error };
  return storing(() =>
    withTextLock(where.slug, async () => {
      const found = await paragraph(where, where.block);
      if (!found.ok) return found;
      const anchor = anchorQuote(where.quote, found.value.zh, found.value.gloss, where.occurrence);
      if (!anchor.ok) return { ok: false, kind: 'invalid', error: anchor.error };
      const entries: Record<string, NoteEntry> = await readNoteEntries(where.slug, where.lang);
      const id = nextNoteId(Object.keys(entries));
      const entry: NoteEntry = { block: where.block, ...anchor.value, body: body.value };
      await write(where, { ...entries, [id]: entry }, id, null, entry);
      return { ok: true, value: stored(id, entry) };
    }),
  );
}

/** The note `id` as stored now, or the refusal when it is not there or has changed since `baseRevision`. */
function current(entries: Record<string, NoteEntry>, id: string, baseRevision: string): AnnotationResult<NoteEntry> {
  const entry = Object.hasOwn(entries, id) ? entries[id] : undefined;
  if (!entry) return { ok: false, kind: 'not-found', error: 'No such note in this text' };
  if (revisionOf(entry) !== baseRevision)
    return {
      ok: false,
      kind: 'conflict',
      error: 'The note was changed by someone else since you opened it',
      current: stored(id, entry),
    };
  return { ok: true, value: entry };
}

/** Changes a note's text, and its passage when a new quote is given; 409 when it changed since `baseRevision`. */
export async function changeNote(
  where: Where & {
    id: string;
    baseRevision: string;
    body?: string | undefined;
    quote?: string | undefined;
    occurrence?: number | undefined;
  },
): Promise<AnnotationResult<StoredNote>> {
  const body = where.body === undefined ? undefined : checkNoteBody(where.body);
  if (body && !body.ok) return { ok: false, kind: 'invalid', error: body.error };
  return storing(() =>
    withTextLock(where.slug, async () => {
      const entries: Record<string, NoteEntry> = await readNoteEntries(where.slug, where.lang);
      const before = current(entries, where.id, where.baseRevision);
      if (!before.ok) return before;
      let anchor = {
        quote: before.value.quote,
        occurrence: before.value.occurrence,
        ...(before.value.enQuote ? { enQuote: before.value.enQuote } : {}),
      };
      if (where.quote !== undefined) {
        const found = await paragraph(where, before.value.block);
        if (!found.ok) return found;
        const placed = anchorQuote(where.quote, found.value.zh, found.value.gloss, where.occurrence);
        if (!placed.ok) return { ok: false, kind: 'invalid', error: placed.error };
        anchor = placed.value;
      }
      const entry: NoteEntry = { block: before.value.block, ...anchor, body: body?.value ?? before.value.body };
      await write(where, { ...entries, [where.id]: entry }, where.id, before.value, entry);
      return { ok: true, value: stored(where.id, entry) };
    }),
  );
}

/** Removes a note; 409 when it changed since `baseRevision`. Answers the note as it was. */
export async function removeNote(where: Where & { id: string; baseRevision: string }): Promise<AnnotationResult<StoredNote>> {
  return storing(() =>
    withTextLock(where.slug, async () => {
      const entries: Record<string, NoteEntry> = await readNoteEntries(where.slug, where.lang);
      const before = current(entries, where.id, where.baseRevision);
      if (!before.ok) return before;
      const rest = Object.fromEntries(Object.entries(entries).filter(([key]) => key !== where.id));
      await write(where, rest, where.id, before.value, null);
      return { ok: true, value: stored(where.id, before.value) };
    }),
  );
}

/** The notes of a text in `lang` as stored, each with its id and revision, in file order. */
export async function listNotes(slug: string, lang: TargetLanguage): Promise<StoredNote[]> {
  const entries: Record<string, NoteEntry> = await readNoteEntries(slug, lang);
  return Object.entries(entries).map(([id, entry]) => stored(id, entry));
}
