import 'server-only';
import { mergeGlossaries } from '@/lib/annotate/glossary';
import { loadDictionary, lookupWordSync, readableSense } from '@/lib/annotate/dictionary';
import type { TermEntry } from '@/lib/annotate/types';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { loadText } from '@/lib/library/load';
import { blockLink } from '@/lib/reading/permalink';
import { readGlossary, readTextGlossary } from '@/lib/store/annotations';
import { plainText } from '@/lib/text/inline';
import { concordance, type ConcordanceLine } from './concordance';
import { termsIn } from './glossary-hits';
import { currentMemory } from './library-memory';
import { findMatches } from './rank';
import { sentenceMatches, type SentenceMatches } from './sentence-queries';
import { lastChangeOf } from './text-changes';
import type { DiffSpan } from './similarity';

/** One match as the API gives it. */
export interface MatchAnswer {
  score: number;
  zh: string;
  gloss: string;
  slug: string;
  id: string;
  status: 'draft' | 'reviewed';
  /** The text's title, or the imported memory's name. */
  origin: string;
  originKind: 'text' | 'memory';
  /** The paragraph's permalink (texts only). */
  url?: string;
  /** Who last changed the translation and when (texts: from the history, for editors; memories: as the TMX says). */
  by?: string;
  time?: string;
  diff: DiffSpan[];
}

export type MatchesResult =
  | { ok: true; zh: string; matches: MatchAnswer[]; sentences: SentenceMatches[]; glossary: TermEntry[] }
  | { ok: false; kind: 'unknown-text' | 'unknown-paragraph'; error: string };

/**
 * The translation memory's best matches for one paragraph, then for each of its sentences (from
 * aligned sentence pairs), with the glossary entries its Chinese holds. `memoryMatches({ slug: 'karpathy-no-priors', id: 'c4pzjo', lang: 'en' }, { editor: true })`
 * → `{ ok: true, matches: [{ score: 87, origin: '…', … }], glossary: [...] }`.
 */
export async function memoryMatches(
  request: { slug: string; id: string; lang: TargetLanguage },
  viewer: { editor: boolean },
): Promise<MatchesResult> {
  const loaded = await loadText(request.slug, { lang: request.lang });
  if (!loaded?.ok) return { ok: false, kind: 'unknown-text', error: `Unknown text: ${request.slug}` };
  const block = loaded.text.blocks.find((b) => b.id === request.id);
  if (!block) return { ok: false, kind: 'unknown-paragraph', error: `No paragraph ${request.id} in ${request.slug}` };
  const zh = plainText(block.text);
  const memory = await currentMemory(request.lang);
  const found = findMatches(memory.index, zh, { slug: request.slug, id: request.id });
  const matches: MatchAnswer[] = [];
  for (const { score, unit, diff } of found) {
    const imported = memory.origin(unit.slug, unit.id);
    const common = { score, zh: unit.zh, gloss: unit.gloss, slug: unit.slug, id: unit.id, status: unit.status, diff };
    if (imported) {
      matches.push({
        ...common,
        origin: imported.name,
        originKind: 'memory',
        ...(imported.by ? { by: imported.by } : {}),
        ...(imported.date ? { time: imported.date } : {}),
      });
      continue;
    }
    const text = unit.slug === request.slug ? loaded : await loadText(unit.slug, { lang: request.lang });
    const title = text?.ok ? text.text.title.zh : unit.slug;
    const last = viewer.editor && text?.ok ? await lastChangeOf(text.text, unit.id, request.lang) : undefined;
    matches.push({
      ...common,
      origin: title,
      originKind: 'text',
      url: blockLink(unit.slug, unit.id),
      ...(last ? { by: last.by, time: last.time } : {}),
    });
  }
  const titleOf = async (slug: string) => {
    const text = slug === request.slug ? loaded : await loadText(slug, { lang: request.lang });
    return text?.ok ? text.text.title.zh : slug;
  };
  const sentences = await sentenceMatches(request, zh, { heading: block.type === 'heading', shown: matches, titleOf });
  const [shared, own] = await Promise.all([readGlossary(request.lang), readTextGlossary(request.slug, request.lang)]);
  return { ok: true, zh, matches, sentences, glossary: termsIn(zh, mergeGlossaries(shared, own)) };
}

/** How a Chinese term may be rendered: its shared glossary renderings (approved and forbidden), then its dictionary senses. */
async function renderingsFinder(lang: TargetLanguage): Promise<(term: string) => string[]> {
  const glossary = await readGlossary(lang);
  if (lang === 'en') await loadDictionary();
  return (term) => {
    const entry = glossary.find((e) => e.term === term);
    const senses =
      lang === 'en'
        ? (lookupWordSync(term)?.senses ?? [])
            .map((s) => readableSense(s))
            .filter((s): s is string => s !== undefined)
            .flatMap((s) => s.split(/[;,]/))
            .map((s) =>
              s
                .replace(/\(.*?\)/g, '')
                .replace(/^to /, '')
                .trim(),
            )
            .filter((s) => s.length > 1)
        : [];
    return [...(entry?.en ?? []), ...(entry?.forbidden ?? []), ...senses];
  };
}

/** A concordance line as the API gives it, with its permalink. */
export type ConcordanceAnswer = Omit<ConcordanceLine, 'rendering'> & { rendering: string; url?: string; origin?: string };

/**
 * Every place a word or phrase occurs across the library's translations (and imported memories),
 * grouped by rendering. `libraryConcordance({ q: '特斯拉', lang: 'en', limit: 20, offset: 0 })`
 * → `{ total, renderings: [{ text: 'Tesla', count: 31 }], results: […], next }`.
 */
export async function libraryConcordance(request: { q: string; lang: TargetLanguage; limit: number; offset: number }) {
  const memory = await currentMemory(request.lang);
  const page = concordance(memory.index, request.q, await renderingsFinder(request.lang), request);
  const results: ConcordanceAnswer[] = page.results.map((line) => {
    const imported = memory.origin(line.slug, line.id);
    return imported ? { ...line, origin: imported.name } : { ...line, url: blockLink(line.slug, line.id) };
  });
  return { ...page, results };
}
