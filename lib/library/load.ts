import 'server-only';
import { glossStatus } from '@/lib/gloss/status';
import { TITLE_KEY, type GlossFile, type GlossStateFile, type GlossStatus } from '@/lib/gloss/types';
import { DataFileError } from '@/lib/store/errors';
import { readGlosses, readGlossStateEntries } from '@/lib/store/glosses';
import { findSource, listSources, readLedger, readSourceText, type SourceFile } from '@/lib/store/sources';
import { EncodingError } from '@/lib/text/decode';
import { hashText } from '@/lib/text/hash';
import { reconcileIds, type RetiredEntry } from '@/lib/text/ids';
import { parseText } from '@/lib/text/parse';
import { isGlossable, type Block, type TextMeta } from '@/lib/text/types';

/** The language glosses are written in. */
export const GLOSS_LANGUAGE = 'en';

export interface BlockView extends Block {
  /** The English gloss; absent when untranslated. Breaks never have one. */
  en?: string;
  /** Absent on breaks, which have nothing to translate. */
  status?: GlossStatus;
  /** When stale: the Chinese the gloss was written for. */
  staleFrom?: string;
}

export interface TitleView {
  zh: string;
  en?: string;
  status: GlossStatus;
}

export interface Progress {
  glossed: number;
  total: number;
}

export interface TextView {
  slug: string;
  file: string;
  meta: TextMeta;
  title: TitleView;
  blocks: BlockView[];
  retired: RetiredEntry[];
  progress: Progress;
  /** Problems with the source that did not stop it from being read (e.g. bad front matter). */
  problems: string[];
  /** Why the English could not be loaded; the Chinese is still shown. */
  glossError?: string;
  /** Entries of the state file (or the whole file) that could not be read; their glosses show as drafts. */
  stateError?: string;
  /** The id ledger does not match the source: run `npm run sync` to record new ids. */
  ledgerOutOfDate: boolean;
}

/** A text that cannot be read at all (not UTF-8, unreadable id ledger). */
export interface BrokenText {
  slug: string;
  file: string;
  error: string;
}

export type LoadedText = { ok: true; text: TextView } | { ok: false; broken: BrokenText };

function describe(error: unknown): string {
  if (error instanceof DataFileError || error instanceof EncodingError) return error.message;
  throw error;
}

async function readGlossesSafely(slug: string): Promise<{ glosses: GlossFile; states: GlossStateFile; error?: string; stateError?: string }> {
  // Read apart: a broken state file costs the statuses, never the English.
  const [glosses, states] = await Promise.allSettled([readGlosses(slug, GLOSS_LANGUAGE), readGlossStateEntries(slug, GLOSS_LANGUAGE)]);
  const stateProblems =
    states.status === 'rejected' ? [describe(states.reason)] : states.value.invalid.map((problem) => describe(problem));
  return {
    glosses: glosses.status === 'fulfilled' ? glosses.value : {},
    states: states.status === 'fulfilled' ? states.value.states : {},
    ...(glosses.status === 'rejected' ? { error: describe(glosses.reason) } : {}),
    ...(stateProblems.length > 0 ? { stateError: `${stateProblems.join('; ')} (those statuses are shown as draft)` } : {}),
  };
}

async function loadSource(source: SourceFile): Promise<LoadedText> {
  let raw: string;
  let ledger;
  try {
    raw = await readSourceText(source);
    ledger = await readLedger(source.slug);
  } catch (error) {
    return { ok: false, broken: { slug: source.slug, file: source.file, error: describe(error) } };
  }
  const parsed = parseText(raw);
  const ids = reconcileIds(parsed.blocks, ledger);
  const { glosses, states, error, stateError } = await readGlossesSafely(source.slug);

  const blocks: BlockView[] = ids.blocks.map((block) => {
    if (!isGlossable(block.type)) return { ...block };
    const en = glosses[block.id];
    const status = glossStatus(en, states[block.id], block.hash);
    const staleFrom = status === 'stale' ? states[block.id]?.zh : undefined;
    return { ...block, ...(en ? { en } : {}), status, ...(staleFrom !== undefined ? { staleFrom } : {}) };
  });
  const titleZh = parsed.meta.title ?? blocks.find((b) => b.type === 'heading')?.text ?? source.slug;
  const titleEn = glosses[TITLE_KEY];
  const title: TitleView = {
    zh: titleZh,
    ...(titleEn ? { en: titleEn } : {}),
    status: glossStatus(titleEn, states[TITLE_KEY], hashText(titleZh)),
  };
  const glossable = blocks.filter((b) => isGlossable(b.type));
  return {
    ok: true,
    text: {
      slug: source.slug,
      file: source.file,
      meta: parsed.meta,
      title,
      blocks,
      retired: ids.ledger.retired,
      progress: { glossed: glossable.filter((b) => b.en).length, total: glossable.length },
      problems: parsed.problems.map((p) => `${source.file}:${p.line}: ${p.message}`),
      ...(error ? { glossError: error } : {}),
      ...(stateError ? { stateError } : {}),
      ledgerOutOfDate: ids.changed,
    },
  };
}

/** Loads one text with ids and glosses; `undefined` for an unknown slug. `loadText('karpathy-no-priors')`. */
export async function loadText(slug: string): Promise<LoadedText | undefined> {
  const source = await findSource(slug);
  return source ? loadSource(source) : undefined;
}

/** Loads every text in `content/`, in slug order. */
export async function loadLibrary(): Promise<LoadedText[]> {
  const { sources } = await listSources();
  return Promise.all(sources.map(loadSource));
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
