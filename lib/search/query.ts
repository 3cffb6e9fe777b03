import { foldText, isHan } from './fold';
import { parsePinyin, type PinyinQuery } from './pinyin-match';
import { wordsOf } from './words';

/** The longest query read, in characters; longer ones are refused, never cut silently. */
export const MAX_QUERY_LENGTH = 200;
/** The most terms one query may hold (each is matched against every candidate block). */
export const MAX_TERMS = 12;

/** Where a query looks: the Chinese, the English, the pinyin of the Chinese, or all three. */
export const searchFields = ['zh', 'en', 'pinyin'] as const;
export type SearchField = (typeof searchFields)[number];

/** Whether a value names a search field. `isSearchField('pinyin')` → `true`. */
export function isSearchField(value: string): value is SearchField {
  return (searchFields as readonly string[]).includes(value);
}

/** One term of a query: a word or a quoted phrase, with every way it can match. */
export interface QueryTerm {
  /** As typed (without its quotes). */
  raw: string;
  phrase: boolean;
  /** Folded Chinese to find as a substring of the folded Chinese; only when the term has Han characters. */
  han?: string;
  /** The Han characters of `han`, for finding candidates. */
  chars: string[];
  /** Stems of the term's letters-and-digits words, matched as a run of consecutive words. */
  words: string[];
  /** The term folded, for reading its words in another target language (see words.ts wordsIn). */
  folded: string;
  /** The term read as pinyin, when it can be. */
  pinyin?: PinyinQuery;
}

export type ParsedQuery = { ok: true; terms: QueryTerm[] } | { ok: false; error: string };

/** Whether a bare term is pinyin with tones (`zheng1`, `zhì`): such terms side by side are one word. */
function isTonedPinyin(text: string): boolean {
  const pinyin = parsePinyin(text);
  return pinyin !== undefined && (pinyin.markTones.size > 0 || [...pinyin.breaks.values()].some((tone) => tone !== undefined));
}

function compile(raw: string, phrase: boolean): QueryTerm | undefined {
  const folded = foldText(raw.normalize('NFC')).text;
  const hasHan = [...folded].some(isHan);
  const words = wordsOf(folded).map((w) => w.stem);
  if (hasHan) {
    // Spaces between Chinese characters are not part of the text (自动 驾驶 is 自动驾驶).
    const han = folded
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
    const chars = [...new Set([...han].filter(isHan))];
    return { raw, phrase, han, chars, words, folded };
  }
  if (words.length === 0) return undefined;
  const pinyin = parsePinyin(raw);
  return { raw, phrase, chars: [], words, folded, ...(pinyin ? { pinyin } : {}) };
}

/** Splits a query into quoted phrases and bare terms; `undefined` when a quote is left open. */
function split(query: string): { text: string; phrase: boolean }[] | undefined {
  const parts: { text: string; phrase: boolean }[] = [];
  const quotes = /["“”「」『』]/u;
  let current = '';
  let inPhrase = false;
  const flush = () => {
    const text = current.trim();
    if (text) {
      if (inPhrase) parts.push({ text, phrase: true });
      else for (const word of text.split(/\s+/u)) parts.push({ text: word, phrase: false });
    }
    current = '';
  };
  for (const char of query) {
    if (quotes.test(char)) {
      flush();
      inPhrase = !inPhrase;
    } else current += char;
  }
  if (inPhrase) return undefined;
  flush();
  return parts;
}

/** Adjacent bare terms written as pinyin with tones are one word: `zheng1 liu2`, `zhì néng`. */
function joinTonedPinyin(parts: { text: string; phrase: boolean }[]): { text: string; phrase: boolean }[] {
  const out: { text: string; phrase: boolean }[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last && !part.phrase && !last.phrase && isTonedPinyin(part.text) && isTonedPinyin(last.text.split(' ').at(-1) ?? '')) {
      last.text = `${last.text} ${part.text}`;
    } else out.push({ ...part });
  }
  return out;
}

/**
 * Reads a search query: bare terms and "quoted phrases", all of which must match.
 * `parseQuery('智能 "distill models"')` → two terms, 智能 (Chinese) and the phrase distil model;
 * `parseQuery('')` → `{ ok: false, error: 'Type something to search for' }`.
 */
export function parseQuery(query: string): ParsedQuery {
  const text = query
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ')
    .trim();
  if (!text) return { ok: false, error: 'Type something to search for' };
  if ([...text].length > MAX_QUERY_LENGTH) {
    return { ok: false, error: `The query is too long: at most ${MAX_QUERY_LENGTH} characters` };
  }
  const parts = split(text);
  if (!parts) return { ok: false, error: 'A quoted phrase is not closed: add the closing quote' };
  const terms = joinTonedPinyin(parts).flatMap((part) => compile(part.text, part.phrase) ?? []);
  if (terms.length === 0)
    return { ok: false, error: 'Nothing to search for: the query has no letters, digits or Chinese characters' };
  if (terms.length > MAX_TERMS) return { ok: false, error: `Too many terms: at most ${MAX_TERMS}` };
  return { ok: true, terms };
}
