import 'server-only';
import path from 'node:path';
import { glossStatus, hasGloss } from '@/lib/gloss/status';
import { TITLE_KEY } from '@/lib/gloss/types';
import { DataFileError } from '@/lib/store/errors';
import { findSource, listSources, type SourceFile } from '@/lib/store/sources';
import { EncodingError } from '@/lib/text/decode';
import { hashText } from '@/lib/text/hash';
import { isGlossable, type Block } from '@/lib/text/types';
import type { BlockView, Progress, TextView, TitleView } from '@/lib/gloss/view';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { GLOSS_LANGUAGE, readTextFiles, textTitle, type TextFiles } from './text-files';

export { GLOSS_LANGUAGE };
export type { BlockView, Progress, TextView, TitleView };

/** A text that cannot be read at all (not UTF-8, unreadable id ledger). */
export interface BrokenText {
  slug: string;
  file: string;
  error: string;
}

export type LoadedText = { ok: true; text: TextView } | { ok: false; broken: BrokenText };

/** What went wrong reading a file, as people are told it; anything but a data or encoding error is rethrown. */
export function describeFailure(error: unknown): string {
  if (error instanceof DataFileError || error instanceof EncodingError) return error.message;
  throw error;
}

function buildView(files: TextFiles): LoadedText {
  const { source } = files;
  if (!files.ok) return { ok: false, broken: { slug: source.slug, file: source.file, error: describeFailure(files.failure) } };
  const { parsed, ids, glosses, states } = files;
  // A broken gloss file shows the Chinese alone (and saves are refused); a broken state file, or
  // a bad entry in it, costs those statuses only, never the English.
  const error = files.glossFailure === undefined ? undefined : describeFailure(files.glossFailure);
  const stateProblems =
    files.stateFailure !== undefined
      ? [describeFailure(files.stateFailure)]
      : files.stateInvalid.map((problem) => describeFailure(problem));
  const stateError = stateProblems.length > 0 ? `${stateProblems.join('; ')} (those statuses are shown as draft)` : undefined;

  const blocks: BlockView[] = ids.blocks.map((block) => {
    if (!isGlossable(block.type)) return { ...block };
    const en = glosses[block.id];
    const status = glossStatus(en, states[block.id], block.hash);
    const staleFrom = status === 'stale' ? states[block.id]?.zh : undefined;
    const conflict = Object.hasOwn(files.conflicts, block.id) ? files.conflicts[block.id] : undefined;
    return {
      ...block,
      ...(hasGloss(en) ? { en } : {}),
      status,
      ...(staleFrom !== undefined ? { staleFrom } : {}),
      ...(conflict ? { conflict } : {}),
    };
  });
  const titleZh = textTitle(files);
  const titleEn = glosses[TITLE_KEY];
  const title: TitleView = {
    zh: titleZh,
    ...(hasGloss(titleEn) ? { en: titleEn } : {}),
    status: glossStatus(titleEn, states[TITLE_KEY], hashText(titleZh)),
    ...(Object.hasOwn(files.conflicts, TITLE_KEY) ? { conflict: files.conflicts[TITLE_KEY] } : {}),
  };
  const glossable = blocks.filter((b) => isGlossable(b.type));
  return {
    ok: true,
    text: {
      slug: source.slug,
      file: source.file,
      lang: files.lang,
      meta: parsed.meta,
      title,
      blocks,
      retired: ids.ledger.retired,
      progress: { glossed: glossable.filter((b) => hasGloss(b.en)).length, total: glossable.length },
      problems: parsed.problems.map((p) => `${source.file}:${p.line}: ${p.message}`),
      ...(error ? { glossError: error } : {}),
      ...(stateError ? { stateError } : {}),
      ledgerOutOfDate: ids.changed,
    },
  };
}

/**
 * The gloss keys of a text in document order: the title, the live blocks, then the retired
 * ones. Gloss and state files are written in this order. `glossKeyOrder(['a1', 'b2'], ['z9'])` → `['title', 'a1', 'b2', 'z9']`.
 */
export function glossKeyOrder(blocks: readonly Pick<Block, 'id' | 'type'>[], retired: readonly { id: string }[]): string[] {
  return [TITLE_KEY, ...blocks.filter((b) => isGlossable(b.type)).map((b) => b.id), ...retired.map((r) => r.id)];
}

/** The key order of a loaded text (see glossKeyOrder). */
export function textKeyOrder(text: TextView): string[] {
  return glossKeyOrder(text.blocks, text.retired);
}

const viewsByFiles = new WeakMap<TextFiles, LoadedText>();

/** The view of a text read through the read pipeline; made once per version of its files. */
function viewOf(files: TextFiles): LoadedText {
  let view = viewsByFiles.get(files);
  if (!view) {
    view = buildView(files);
    viewsByFiles.set(files, view);
  }
  return view;
}

async function readText(source: SourceFile, lang: TargetLanguage = GLOSS_LANGUAGE): Promise<LoadedText> {
  return viewOf(await readTextFiles(source, lang));
}

/**
 * Loads one text with ids and the glosses of one language (English by default); `undefined` for
 * an unknown slug. A language the text does not have loads as all untranslated: ask
 * textLanguages first where that matters. `loadText('karpathy-no-priors', { lang: 'fr' })`.
 */
export async function loadText(slug: string, options: { lang?: TargetLanguage } = {}): Promise<LoadedText | undefined> {
  const source = await findSource(slug);
  return source ? readText(source, options.lang) : undefined;
}

/** Loads every text in `content/`, in slug order. */
export async function loadLibrary(): Promise<LoadedText[]> {
  const { sources, skipped } = await listSources();
  const texts = await Promise.all(sources.map((source) => readText(source)));
  // Files in content/ that cannot be texts (a name that is not a slug, a link, a second file for
  // one slug) are listed as what they are, so a file dropped in is never silently missing.
  const unservable = skipped.map(({ file, reason }): LoadedText => ({
    ok: false,
    broken: { slug: path.basename(file, path.extname(file)), file, error: `${file} cannot be served: ${reason}` },
  }));
  return [...texts, ...unservable];
}

/**
 * Where a retired id now lives: the block it was merged into (following chains), or
 * undefined when its text is gone. `('old123', text)` → `'new456'`.
 */
export function resolveRetiredId(text: TextView, id: string): string | undefined {
  const live = new Set(text.blocks.map((b) => b.id));
  const seen = new Set<string>();
  let current: string | undefined = id;
  while (current && !live.has(current) && !seen.has(current)) {
    seen.add(current);
    const here: string = current;
    current = text.retired.find((entry) => entry.id === here)?.mergedInto;
  }
  return current && live.has(current) ? current : undefined;
}
