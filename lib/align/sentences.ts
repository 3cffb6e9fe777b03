import type { AlignLanguage, Sentence } from './types';

/**
 * Sentences by Intl.Segmenter (ICU's sentence rules), corrected where they fail on our texts:
 * English abbreviations and initials, a lower-case or numeric continuation, titles in 《》,
 * Chinese ellipses that end a sentence, and Latin full stops inside Chinese.
 */

const SEGMENTERS = {
  zh: new Intl.Segmenter('zh', { granularity: 'sentence' }),
  en: new Intl.Segmenter('en', { granularity: 'sentence' }),
} as const;

// Abbreviations after which a sentence never ends (the next word belongs to the same sentence).
const NEVER_FINAL = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'vs',
  'v',
  'e.g',
  'i.e',
  'cf',
  'no',
  'fig',
  'approx',
  'ca',
]);
// Abbreviations that may end a sentence: joined only when a lower-case word or a digit follows.
const MAYBE_FINAL = new Set([
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'a.m',
  'p.m',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'jan',
  'feb',
  'aug',
  'sept',
  'oct',
  'nov',
  'dec',
]);
const LAST_WORD = /(?:^|[\s("'“‘（「])((?:\p{L}\.)+\p{L}?|\p{L}+)\.$/u;
const STARTS_LOWER_OR_DIGIT = /^["'“‘(]*[\p{Ll}\p{N}]/u;
const INITIAL = /(?:^|\s)\p{Lu}\.$/u;
const OPEN_TITLE = /[《〈]/u;
const CLOSE_TITLE = /[》〉]/u;
// A Chinese ellipsis (…… or …, or three dots) followed by more text: a sentence ends there,
// unless what came before it is a stammer of a few characters (我……我不知道).
const ZH_ELLIPSIS = /(?:…+|\.{3,}|。{3,})(?=\s*[\p{Script=Han}\p{L}\p{N}「『“‘《（(])/gu;
const MIN_BEFORE_ELLIPSIS = 4;
const EN_ELLIPSIS = /…["”’)]?\s+(?=["“‘(]?\p{Lu})/gu;
const LATIN_STOP_BEFORE_LATIN = /\.\s*$/u;
const STARTS_HAN = /^["'“‘「『（(]*\p{Script=Han}/u;

/**
 * Splits a paragraph into sentences with their offsets; a heading is one sentence.
 * `splitSentences('他说：「好。」然后走了。', 'zh')` → `他说：「好。」` (0–7), `然后走了。` (7–12); `''` → `[]`.
 */
export function splitSentences(text: string, lang: AlignLanguage, options: { heading?: boolean } = {}): Sentence[] {
  if (options.heading) return trimmed(text, 0, text.length);
  const cuts = icuCuts(text, lang);
  if (lang === 'zh') for (const cut of ellipsisCuts(text)) cuts.add(cut);
  // ICU ends an English sentence at "... And" but not at "… And".
  if (lang === 'en') for (const match of text.matchAll(EN_ELLIPSIS)) cuts.add(match.index + match[0].length);
  const depth = titleDepths(text);
  const kept = [...new Set([...cuts].map((cut) => beforeOpeners(text, cut)))]
    .sort((a, b) => a - b)
    .filter((cut) => keepCut(text, cut, lang, depth));
  const sentences: Sentence[] = [];
  let from = 0;
  for (const cut of [...kept, text.length]) {
    sentences.push(...trimmed(text, from, cut));
    from = cut;
  }
  return sentences;
}

// ICU's segmenter slows down more than linearly past about 10,000 characters (Node 20: 0.5 s for
// 44,000, 38 s for 88,000), so a long block is given to it in pieces cut after a sentence end.
const PIECE = 4000;
const PIECE_END = /[。！？!?\n][」』”’）)\]]*|\.\s/gu;

/** ICU's sentence boundaries inside the text (not 0 or its length). */
function icuCuts(text: string, lang: AlignLanguage): Set<number> {
  const cuts = new Set<number>();
  for (let from = 0; from < text.length;) {
    let to = text.length;
    if (text.length - from > PIECE) {
      to = from + PIECE;
      let last = -1;
      for (const match of text.slice(from + PIECE / 2, to).matchAll(PIECE_END)) last = match.index + match[0].length;
      if (last > 0) to = from + PIECE / 2 + last;
      cuts.add(to);
    }
    for (const { index } of SEGMENTERS[lang].segment(text.slice(from, to))) if (index > 0) cuts.add(from + index);
    from = to;
  }
  return cuts;
}

function ellipsisCuts(text: string): number[] {
  const cuts: number[] = [];
  for (const match of text.matchAll(ZH_ELLIPSIS)) {
    // A stammer: a sentence end (or the text's start) among the few characters before it.
    const before = text.slice(Math.max(match.index - MIN_BEFORE_ELLIPSIS, 0), match.index);
    if (before.length < MIN_BEFORE_ELLIPSIS || /[。！？!?…]/u.test(before)) continue;
    let end = match.index + match[0].length;
    while (end < text.length && /\s/u.test(text[end] ?? '')) end += 1;
    cuts.push(end);
  }
  return cuts;
}

// How far before and after a boundary its rules look: enough for any abbreviation, and linear on long blocks.
const WINDOW = 64;

/** Whether a boundary ICU (or the ellipsis rule) proposed is a real one. */
function keepCut(text: string, cut: number, lang: AlignLanguage, depth: Int32Array): boolean {
  const before = text.slice(Math.max(cut - WINDOW, 0), cut).trimEnd();
  const after = text.slice(cut, cut + WINDOW).trimStart();
  if (after === '') return false;
  // A full stop inside a title (《变形金刚。》) ends no sentence, nor does the title's closing mark.
  let titleEnd = cut;
  while (titleEnd > 0 && /[\s》〉]/u.test(text[titleEnd - 1] ?? '')) titleEnd -= 1;
  if ((depth[titleEnd] ?? 0) > 0) return false;
  if (before.endsWith('.') && !before.endsWith('..')) {
    const word = LAST_WORD.exec(before)?.[1]?.toLowerCase();
    if (word !== undefined && NEVER_FINAL.has(word)) return false;
    if (STARTS_LOWER_OR_DIGIT.test(after)) return false;
    if (word !== undefined && MAYBE_FINAL.has(word) && !/^["'“‘(]*\p{Lu}\p{Ll}/u.test(after)) return false;
    if (INITIAL.test(before) && lang === 'en') return false;
  }
  // In Chinese, a Latin full stop ends a sentence only when English follows it (a quoted
  // English sentence); `GPT-4. 然后` or `v2.0 版` go on.
  if (lang === 'zh' && LATIN_STOP_BEFORE_LATIN.test(before) && STARTS_HAN.test(after)) {
    return /(?:\.{3}|…)$/u.test(before) && before.replace(/[.…]+$/u, '').length >= MIN_BEFORE_ELLIPSIS;
  }
  return true;
}

const OPENER = /[「『“‘（(《〈【\[]/u;

/** A boundary moved before the opening quotes or brackets ICU left at a sentence's end (`。「我认为` → `。` | `「我认为`). */
function beforeOpeners(text: string, cut: number): number {
  let at = cut;
  while (at > 0 && (OPENER.test(text[at - 1] ?? '') || /\s/u.test(text[at - 1] ?? ''))) at -= 1;
  return at > 0 && OPENER.test(text.slice(at, cut)) ? at : cut;
}

/** For each offset, how many 《 or 〈 opened before it are still open there. */
function titleDepths(text: string): Int32Array {
  const depth = new Int32Array(text.length + 1);
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at] ?? '';
    depth[at + 1] = Math.max((depth[at] ?? 0) + (OPEN_TITLE.test(char) ? 1 : CLOSE_TITLE.test(char) ? -1 : 0), 0);
  }
  return depth;
}

/** The stretch from–to without its surrounding whitespace, as one sentence (none if blank). */
function trimmed(text: string, from: number, to: number): Sentence[] {
  let start = from;
  let end = to;
  while (start < end && /\s/u.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  return start < end ? [{ start, end, text: text.slice(start, end) }] : [];
}
