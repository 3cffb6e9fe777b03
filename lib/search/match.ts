import type { IndexedBlock, WordList } from './document';
import { originalSpan, type FoldedText } from './fold';
import { findPinyin, joinPinyin } from './pinyin-match';
import type { QueryTerm, SearchField } from './query';

export type Span = [number, number];

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

/** Where one term matches in a block, in the fields allowed; both lists empty when it does not. */
export function matchTerm(indexed: IndexedBlock, term: QueryTerm, field?: SearchField): { zh: Span[]; en: Span[] } {
  const zh: Span[] = [];
  const en: Span[] = [];
  if (term.han !== undefined) {
    if (!field || field === 'zh') zh.push(...findSubstring(indexed.zh, term.han));
    return { zh, en };
  }
  if (!field || field === 'zh') zh.push(...findWords(indexed.zh, indexed.zhWords, term.words));
  if (!field || field === 'en') en.push(...findWords(indexed.en, indexed.enWords, term.words));
  if (term.pinyin && (!field || field === 'pinyin')) zh.push(...findPinyin(indexed.syllables, term.pinyin));
  return { zh, en };
}

/** Whether a term occurs in a block (in the fields allowed). `termOccurs(block of 人工智能, term 智能)` → `true`. */
export function termOccurs(indexed: IndexedBlock, term: QueryTerm, field?: SearchField): boolean {
  if (term.han !== undefined) return (!field || field === 'zh') && indexed.zh.text.includes(term.han);
  const found = matchTerm(indexed, term, field);
  return found.zh.length > 0 || found.en.length > 0;
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
export function holdsWholePhrase(indexed: IndexedBlock, terms: readonly QueryTerm[], field?: SearchField): boolean {
  if (terms.length < 2) return false;
  if (terms.every((t) => t.han !== undefined)) {
    return (!field || field === 'zh') && indexed.zh.text.includes(terms.map((t) => t.han).join(''));
  }
  if (terms.some((t) => t.han !== undefined)) return false;
  const stems = terms.flatMap((t) => t.words);
  const inZh = (!field || field === 'zh') && findWords(indexed.zh, indexed.zhWords, stems).length > 0;
  const inEn = (!field || field === 'en') && findWords(indexed.en, indexed.enWords, stems).length > 0;
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
 * Where every term matched in a block, merged, in the Chinese and the English.
 * For 自动驾驶 特斯拉 in 特斯拉的自动驾驶: `{ zh: [[0, 3], [4, 8]], en: [] }`.
 */
export function highlights(indexed: IndexedBlock, terms: readonly QueryTerm[], field?: SearchField): { zh: Span[]; en: Span[] } {
  const zh: Span[] = [];
  const en: Span[] = [];
  for (const term of terms) {
    const found = matchTerm(indexed, term, field);
    zh.push(...found.zh);
    en.push(...found.en);
  }
  return { zh: mergeSpans(zh), en: mergeSpans(en) };
}
