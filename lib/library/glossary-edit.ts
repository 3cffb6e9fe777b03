import 'server-only';
import { checkTerm, checkTermEntry, type StoredTermEntry, type TermEntryInput } from '@/lib/annotate/glossary-edit';
import { lintGlossary, mergeGlossaries, type GlossaryMiss } from '@/lib/annotate/glossary';
import type { GlossarySource } from '@/lib/annotate/types';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { entryFileText, hasLocaleFolder, withSharedGlossaryLock, writeWithChange } from '@/lib/store/annotation-files';
import { readGlossaryEntries, sharedGlossaryPath, textGlossaryPath } from '@/lib/store/annotations';
import { withTextLock } from '@/lib/store/lock';
import { findSource, isSlug } from '@/lib/store/sources';
import { isGlossable } from '@/lib/text/types';
import { revisionOf, storing, type AnnotationResult } from './annotation-result';
import { loadText } from './load';

/** A glossary entry as the glossary routes answer it: the term, where it is kept, what is stored, its revision. */
export type StoredTerm = StoredTermEntry & { term: string; source: GlossarySource; revision: string };

/** Which glossary: a text's own, or the shared one (`slug` undefined). */
interface Scope {
  slug?: string | undefined;
  lang: TargetLanguage;
  editor: string;
}

function fileOf(scope: Scope): string {
  return scope.slug === undefined ? sharedGlossaryPath(scope.lang) : textGlossaryPath(scope.slug, scope.lang);
}

function stored(term: string, entry: StoredTermEntry, source: GlossarySource): StoredTerm {
  return { term, ...entry, source, revision: revisionOf(entry) };
}

/** Runs a change under the lock of the glossary it changes, after checking the text exists. */
async function locked<T>(scope: Scope, task: () => Promise<AnnotationResult<T>>): Promise<AnnotationResult<T>> {
  if (scope.slug === undefined) {
    if (!(await hasLocaleFolder(scope.lang)))
      return {
        ok: false,
        kind: 'not-found',
        error: `No text has a ${scope.lang} translation, so there is no shared glossary for it`,
      };
    return storing(() => withSharedGlossaryLock(task));
  }
  const slug = scope.slug;
  if (!isSlug(slug) || !(await findSource(slug))) return { ok: false, kind: 'not-found', error: 'No such text' };
  return storing(() => withTextLock(slug, task));
}

/**
 * Adds or changes a glossary entry. A new term takes no `baseRevision`; a change to an existing
 * one needs the revision it was read at, else 409 with what is stored now (as for a term added
 * meanwhile, or one removed since). `putTerm({ lang: 'en', editor: 'ann', slug: 'a', term: '融合', input: { en: ['merge'] } })`.
 */
export async function putTerm(
  scope: Scope & { term: string; input: TermEntryInput; baseRevision?: string | undefined },
): Promise<AnnotationResult<StoredTerm>> {
  const term = checkTerm(scope.term);
  if (!term.ok) return { ok: false, kind: 'invalid', error: term.error };
  const entry = checkTermEntry(scope.input);
  if (!entry.ok) return { ok: false, kind: 'invalid', error: entry.error };
  const source: GlossarySource = scope.slug === undefined ? 'shared' : 'text';
  return locked(scope, async () => {
    const entries: Record<string, StoredTermEntry> = await readGlossaryEntries(fileOf(scope));
    const before = Object.hasOwn(entries, term.value) ? entries[term.value] : undefined;
    if (before && revisionOf(before) !== scope.baseRevision)
      return {
        ok: false,
        kind: 'conflict',
        error:
          scope.baseRevision === undefined
            ? `The glossary already has ${term.value}: change that entry instead`
            : `${term.value} was changed by someone else since you opened it`,
        current: stored(term.value, before, source),
      };
    if (!before && scope.baseRevision !== undefined)
      return {
        ok: false,
        kind: 'conflict',
        error: `${term.value} was removed by someone else since you opened it`,
        current: null,
      };
    await writeWithChange(
      fileOf(scope),
      entryFileText({ ...entries, [term.value]: entry.value }),
      {
        time: new Date().toISOString(),
        editor: scope.editor,
        kind: 'glossary',
        lang: scope.lang,
        key: term.value,
        before: before ?? null,
        after: entry.value,
        revision: revisionOf(entry.value),
      },
      scope.slug,
    );
    return { ok: true, value: stored(term.value, entry.value, source) };
  });
}

/** Removes a glossary entry; 409 when it changed since `baseRevision`. Answers the entry as it was. */
export async function removeTerm(scope: Scope & { term: string; baseRevision: string }): Promise<AnnotationResult<StoredTerm>> {
  const term = checkTerm(scope.term);
  if (!term.ok) return { ok: false, kind: 'invalid', error: term.error };
  const source: GlossarySource = scope.slug === undefined ? 'shared' : 'text';
  return locked(scope, async () => {
    const entries: Record<string, StoredTermEntry> = await readGlossaryEntries(fileOf(scope));
    const before = Object.hasOwn(entries, term.value) ? entries[term.value] : undefined;
    if (!before) return { ok: false, kind: 'not-found', error: `The glossary has no ${term.value}` };
    if (revisionOf(before) !== scope.baseRevision)
      return {
        ok: false,
        kind: 'conflict',
        error: `${term.value} was changed by someone else since you opened it`,
        current: stored(term.value, before, source),
      };
    const rest = Object.fromEntries(Object.entries(entries).filter(([key]) => key !== term.value));
    await writeWithChange(
      fileOf(scope),
      entryFileText(rest),
      {
        time: new Date().toISOString(),
        editor: scope.editor,
        kind: 'glossary',
        lang: scope.lang,
        key: term.value,
        before,
        after: null,
        revision: '',
      },
      scope.slug,
    );
    return { ok: true, value: stored(term.value, before, source) };
  });
}

/**
 * A text's glossary as its panel shows it: the shared entries and the text's own (each with its
 * source and revision; a text's entry that replaces a shared one is listed once, as the text's),
 * and the lint's findings on the text's glosses in `lang`, run now. Undefined for no such text.
 */
export async function textGlossary(
  slug: string,
  lang: TargetLanguage,
): Promise<{ entries: StoredTerm[]; findings: GlossaryMiss[] } | undefined> {
  const loaded = await loadText(slug, { lang });
  if (!loaded?.ok) return undefined;
  const [shared, own] = await Promise.all([
    readGlossaryEntries(sharedGlossaryPath(lang)),
    readGlossaryEntries(textGlossaryPath(slug, lang)),
  ]);
  const asTerms = (entries: Record<string, StoredTermEntry>) =>
    Object.entries(entries).map(([term, entry]) => ({ term, en: entry.en ?? [term], ...entry }));
  const merged = mergeGlossaries(asTerms(shared), asTerms(own));
  const entries = merged.map((entry) => {
    const kept = entry.source === 'text' ? own[entry.term] : shared[entry.term];
    return stored(entry.term, kept ?? {}, entry.source ?? 'shared');
  });
  const blocks = loaded.text.blocks
    .filter((block) => isGlossable(block.type))
    .map((block) => ({ id: block.id, zh: block.text, ...(block.en !== undefined ? { en: block.en } : {}) }));
  return { entries, findings: lintGlossary(blocks, merged) };
}
