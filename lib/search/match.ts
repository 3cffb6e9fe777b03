import type { IndexedBlock, WordList } from './document';
import { originalSpan, type FoldedText } from './fold';
import { findPinyin, joinPinyin } from './pinyin-match';
import type { QueryTerm, SearchField } from './query';
import { isUnspaced, wordsIn } from './words';

export type Span = [number, number];

/** Where a search looks: one field or all, and the target languages whose glosses it reads. */
export interface SearchScope {
  field?: SearchField;
  /** Target languages searched besides the Chinese (English is `en`); English alone when absent. */
  langs?: readonly string[];
}

/** The languages a scope reads. */
export function scopeLanguages(scope: SearchScope): readonly string[] {
  return scope.langs ?? ['en'];
}

/** Where one term matched: spans of the Chinese and of each target language's gloss (English is `en`). */
export interface TermSpans {
  zh: Span[];
  glosses: Record<string, Span[]>;
}

const stemsByTerm = new WeakMap<QueryTerm, Map<string, string[]>>();

/**
 * The stems a term is looked for as in a target language's gloss: English as the query read it;
 * another language's by its own stemmer; a language written without spaces letter by letter, and
 * there Chinese characters too. Empty when the term cannot occur in that language (Chinese
 * characters in French). `termStems(chats, 'fr')` → `['chat']`.
 */
export function termStems(term: QueryTerm, lang: string): string[] {
  if (lang === 'en') return term.han !== undefined ? [] : term.words;
  let byLang = stemsByTerm.get(term);
  if (!byLang) stemsByTerm.set(term, (byLang = new Map()));
  let stems = byLang.get(lang);
  if (!stems) {
    stems = term.han !== undefined && !isUnspaced(lang) ? [] : wordsIn(term.folded, lang).map((w) => w.stem);
    byLang.set(lang, stems);
  }
  return stems;
}

/** Where a folded substring occurs, as spans of the original text. */
function findSubstring(folded: FoldedText, needle: string): Span[] {
  const spans: Span[] = [];
  if (!needle) return spans;
  for (let at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at + needle.length)) {
    spans.push(originalSpan(folded, at, at + needle.length));
  }
  return spans;
}

/** Where a run of stems occurs as consecutive words, as spans of the original text. */
function findWords(folded: FoldedText, words: WordList, stems: readonly string[]): Span[] {
  const spans: Span[] = [];
  const n = stems.length;
  if (n === 0) return spans;
  outer: for (let i = 0; i + n <= words.stems.length; i++) {
    for (let k = 0; k < n; k++) if (words.stems[i + k] !== stems[k]) continue outer;
    spans.push(originalSpan(folded, words.spans[i * 2] ?? 0, words.spans[(i + n - 1) * 2 + 1] ?? 0));
    i += n - 1;
  }
  return spans;
}

/** Where a run of stems occurs in one target language's gloss of a block. */
function findInGloss(indexed: IndexedBlock, lang: string, stems: readonly string[]): Span[] {
  if (lang === 'en') return findWords(indexed.en, indexed.enWords, stems);
  const gloss = indexed.glosses[lang];
  return gloss ? findWords(gloss.text, gloss.words, stems) : [];
}

/** Where one term matches in a block, in the fields and languages of the scope; every list empty when it does not. */
export function matchTerm(indexed: IndexedBlock, term: QueryTerm, scope: SearchScope = {}): TermSpans {
  const { field } = scope;
  const zh: Span[] = [];
  const glosses: Record<string, Span[]> = {};
  if (term.han !== undefined) {
    if (!field || field === 'zh') zh.push(...findSubstring(indexed.zh, term.han));
  } else {
    if (!field || field === 'zh') zh.push(...findWords(indexed.zh, indexed.zhWords, term.words));
    if (term.pinyin && (!field || field === 'pinyin')) zh.push(...findPinyin(indexed.syllables, term.pinyin));
  }
  if (!field || field === 'en') {
    for (const lang of scopeLanguages(scope)) {
      const stems = termStems(term, lang);
      const spans = stems.length > 0 ? findInGloss(indexed, lang, stems) : [];
      if (spans.length > 0) glosses[lang] = spans;
    }
  }
  return { zh, glosses };
}

/** Whether a term occurs in a block (in the scope). `termOccurs(block of 人工智能, term 智能)` → `true`. */
export function termOccurs(indexed: IndexedBlock, term: QueryTerm, scope: SearchScope = {}): boolean {
  if (term.han !== undefined && (!scope.field || scope.field === 'zh') && indexed.zh.text.includes(term.han)) return true;
  const found = matchTerm(indexed, term, scope);
  return found.zh.length > 0 || Object.keys(found.glosses).length > 0;
}

/** Overlapping or touching spans merged, in order. `mergeSpans([[4, 6], [0, 2], [1, 3]])` → `[[0, 3], [4, 6]]`. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  for (const [start, end] of sorted) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/**
 * Whether the terms appear together as one phrase, in order: 自动 驾驶 as 自动驾驶, distill models as
 * the two words side by side, zheng liu as the reading of two characters side by side. Such a block ranks above one that holds the terms apart.
 */
export function holdsWholePhrase(indexed: IndexedBlock, terms: readonly QueryTerm[], scope: SearchScope = {}): boolean {
  const { field } = scope;
  if (terms.length < 2) return false;
  if (terms.every((t) => t.han !== undefined)) {
    return (!field || field === 'zh') && indexed.zh.text.includes(terms.map((t) => t.han).join(''));
  }
  if (terms.some((t) => t.han !== undefined)) return false;
  const stems = terms.flatMap((t) => t.words);
  const inZh = (!field || field === 'zh') && findWords(indexed.zh, indexed.zhWords, stems).length > 0;
  const inEn =
    (!field || field === 'en') &&
    scopeLanguages(scope).some((lang) => {
      const run = terms.flatMap((t) => termStems(t, lang));
      return run.length > 0 && findInGloss(indexed, lang, run).length > 0;
    });
  const pinyin = terms.flatMap((t) => (t.pinyin ? [t.pinyin] : []));
  const inPinyin =
    (!field || field === 'pinyin') &&
    pinyin.length === terms.length &&
    findPinyin(indexed.syllables, joinPinyin(pinyin)).length > 0;
  return inZh || inEn || inPinyin;
}

/** How much the whole phrase counts, next to the per-term weights. */
export const PHRASE_BONUS = 100;

/**
 * Where every term matched in a block, merged, in the Chinese and in each language's gloss.
 * For 自动驾驶 特斯拉 in 特斯拉的自动驾驶: `{ zh: [[0, 3], [4, 8]], glosses: {} }`.
 */
export function highlights(indexed: IndexedBlock, terms: readonly QueryTerm[], scope: SearchScope = {}): TermSpans {
  const zh: Span[] = [];
  const glosses: Record<string, Span[]> = {};
  for (const term of terms) {
    const found = matchTerm(indexed, term, scope);
    zh.push(...found.zh);
    for (const [lang, spans] of Object.entries(found.glosses)) (glosses[lang] ??= []).push(...spans);
  }
  for (const lang of Object.keys(glosses)) glosses[lang] = mergeSpans(glosses[lang] ?? []);
  return { zh: mergeSpans(zh), glosses };
}
