import 'server-only';
import { editWordList, type WordListChange } from '@/lib/annotate/word-list-edit';
import { parseWordList } from '@/lib/annotate/word-list';
import { writeWithChange, wordListPath } from '@/lib/store/annotation-files';
import { readWordListFile } from '@/lib/store/annotations';
import { withTextLock } from '@/lib/store/lock';
import { findSource, isSlug } from '@/lib/store/sources';
import { forgetTextWords } from './annotate-text';
import { revisionOf, storing, type AnnotationResult } from './annotation-result';

/** A text's word list as the terms route answers it: its terms (splits as `小镇|上`) and the file's revision. */
export interface StoredTerms {
  words: string[];
  revision: string;
}

/** The word list of a text now; undefined for no such text. */
export async function textTerms(slug: string): Promise<StoredTerms | undefined> {
  if (!isSlug(slug) || !(await findSource(slug))) return undefined;
  const text = await readWordListFile(`${slug}.terms`);
  return { words: parseWordList(text), revision: revisionOf(text) };
}

/**
 * Adds and removes terms of a text's `content/<slug>.terms` under its lock, keeping the file's
 * comments; with `baseRevision`, 409 when the file changed since. The text's segmentation follows
 * at its next page: the annotations are keyed by the word lists.
 * `editTerms({ slug: 'a', editor: 'ann', add: ['小镇'] })`.
 */
export async function editTerms(
  where: WordListChange & { slug: string; editor: string; baseRevision?: string | undefined },
): Promise<AnnotationResult<StoredTerms>> {
  if (!isSlug(where.slug) || !(await findSource(where.slug))) return { ok: false, kind: 'not-found', error: 'No such text' };
  return storing(() =>
    withTextLock(where.slug, async () => {
      const before = await readWordListFile(`${where.slug}.terms`);
      const revision = revisionOf(before);
      if (where.baseRevision !== undefined && where.baseRevision !== revision)
        return {
          ok: false,
          kind: 'conflict',
          error: 'The word list was changed by someone else since you read it',
          current: { words: parseWordList(before), revision },
        };
      const edited = editWordList(before, { add: where.add, remove: where.remove });
      if (!edited.ok) return { ok: false, kind: 'invalid', error: edited.error };
      if (edited.value.text === before) return { ok: true, value: { words: edited.value.words, revision } };
      await forgetTextWords(where.slug);
      await writeWithChange(
        wordListPath(where.slug),
        edited.value.text,
        {
          time: new Date().toISOString(),
          editor: where.editor,
          kind: 'terms',
          key: where.slug,
          before: null,
          after: { add: where.add ?? [], remove: where.remove ?? [] },
          revision: revisionOf(edited.value.text),
        },
        where.slug,
      );
      return { ok: true, value: { words: edited.value.words, revision: revisionOf(edited.value.text) } };
    }),
  );
}
