import { alignSentences, usableAnchors, type AlignOptions } from './align';
import { splitSentences } from './sentences';
import type { AlignedLink, Sentence, SentenceLink } from './types';

/**
 * The alignment stored for a paragraph pair, and how it survives edits of either side: links
 * whose sentences are unchanged are kept, the rest is aligned again between them, and a link a
 * person made whose sentence changed is kept in place, marked stale, for that person to confirm.
 */

/** A sentence as stored: its offsets in the text it was aligned on and a short hash of its text. */
export interface StoredSentence {
  start: number;
  end: number;
  hash: string;
}

export interface StoredLink extends SentenceLink {
  /** Drawn or confirmed by a person. */
  manual?: true;
  /** A manual link one of whose sentences has changed since. */
  stale?: true;
  /** An automatic link with a small margin over the next best choice. */
  unsure?: true;
  /** The aligner's confidence in an automatic link, 0.5–1 to three places (a manual link has none: it is 1). */
  confidence?: number;
}

export interface StoredAlignment {
  zh: StoredSentence[];
  en: StoredSentence[];
  links: StoredLink[];
}

/** What `realignParagraph` did. */
export interface Realignment {
  alignment: StoredAlignment;
  /** Links kept because their sentences are unchanged. */
  kept: number;
  /** Manual links whose sentences changed, kept and marked stale. */
  stale: number;
  /** Manual links with no sentence left on either side, dropped. */
  dropped: number;
}

/**
 * A short hash of a sentence's text (FNV-1a, 32 bits, of its NFC form), the same in the browser
 * and on the server. `sentenceHash('他来了。')` → 8 hex digits.
 */
export function sentenceHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    hash ^= code;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function storedSentences(sentences: readonly Sentence[]): StoredSentence[] {
  return sentences.map(({ start, end, text }) => ({ start, end, hash: sentenceHash(text) }));
}

function storedLink(link: AlignedLink): StoredLink {
  const stored: StoredLink = { zh: link.zh, en: link.en };
  if (link.unsure) stored.unsure = true;
  if (!link.manual) stored.confidence = Math.round(link.confidence * 1000) / 1000;
  return stored;
}

/** Options of a paragraph's alignment: the aligner's, and whether the Chinese is a heading. */
export interface ParagraphOptions extends Omit<AlignOptions, 'anchors'> {
  heading?: boolean;
}

/**
 * Splits and aligns a paragraph pair from scratch, ready to store.
 * `alignParagraph('他来了。他走了。', 'He came. He left.')` → two sentences a side, links 0–0 and 1–1.
 */
export function alignParagraph(zhText: string, enText: string, options: ParagraphOptions = {}): StoredAlignment {
  const zh = splitSentences(zhText, 'zh', { heading: options.heading });
  const en = splitSentences(enText, 'en', { heading: options.heading });
  const links = alignSentences(
    zh.map((s) => s.text),
    en.map((s) => s.text),
    options,
  );
  return { zh: storedSentences(zh), en: storedSentences(en), links: links.map(storedLink) };
}

/**
 * Where each old sentence is in the new list, by equal hashes in the same order (a longest
 * common subsequence), or -1. `(['a', 'b', 'c'], ['a', 'x', 'c'])` → `[0, -1, 2]`.
 */
export function matchSentences(before: readonly string[], after: readonly string[]): number[] {
  const n = before.length;
  const m = after.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      table[i * width + j] =
        before[i] === after[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const matched = new Array<number>(n).fill(-1);
  for (let i = 0, j = 0; i < n && j < m;) {
    if (before[i] === after[j]) {
      matched[i] = j;
      i += 1;
      j += 1;
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return matched;
}

/**
 * Where a changed sentence now is: the new sentence at the same place between the nearest
 * unchanged neighbours, when the stretch between them still has one; else -1.
 */
function placeOf(index: number, matched: readonly number[], newCount: number): number {
  let before = index - 1;
  while (before >= 0 && (matched[before] ?? -1) < 0) before -= 1;
  let after = index + 1;
  while (after < matched.length && (matched[after] ?? -1) < 0) after += 1;
  const from = before >= 0 ? (matched[before] ?? -1) + 1 : 0;
  const to = after < matched.length ? (matched[after] ?? newCount) : newCount;
  const at = from + (index - before - 1);
  return at < to ? at : -1;
}

/**
 * The alignment of the new texts of a paragraph pair, from the one stored for the old texts:
 * links whose sentences are all unchanged are kept (moved to the sentences' new indexes), a
 * manual link whose sentence changed stays at the changed sentence's place and is marked stale,
 * and every other sentence is aligned again, only between the kept links.
 * With nothing edited the stored alignment comes back as it was.
 */
export function realignParagraph(
  stored: StoredAlignment,
  zhText: string,
  enText: string,
  options: ParagraphOptions = {},
): Realignment {
  const zh = splitSentences(zhText, 'zh', { heading: options.heading });
  const en = splitSentences(enText, 'en', { heading: options.heading });
  const zhMatched = matchSentences(
    stored.zh.map((s) => s.hash),
    zh.map((s) => sentenceHash(s.text)),
  );
  const enMatched = matchSentences(
    stored.en.map((s) => s.hash),
    en.map((s) => sentenceHash(s.text)),
  );
  const fixed: StoredLink[] = [];
  let dropped = 0;
  for (const link of stored.links) {
    const newZh = link.zh.map((i) => zhMatched[i] ?? -1);
    const newEn = link.en.map((j) => enMatched[j] ?? -1);
    const unchanged = !newZh.includes(-1) && !newEn.includes(-1);
    if (unchanged) {
      fixed.push({ ...link, zh: newZh, en: newEn });
      continue;
    }
    if (!link.manual) continue;
    // Not moved elsewhere: the changed sentence's own place, or nothing on that side.
    const placedZh = link.zh
      .map((i, k) => ((newZh[k] ?? -1) >= 0 ? (newZh[k] ?? -1) : placeOf(i, zhMatched, zh.length)))
      .filter((i) => i >= 0);
    const placedEn = link.en
      .map((j, k) => ((newEn[k] ?? -1) >= 0 ? (newEn[k] ?? -1) : placeOf(j, enMatched, en.length)))
      .filter((j) => j >= 0);
    if (placedZh.length === 0 && placedEn.length === 0) {
      dropped += 1;
      continue;
    }
    fixed.push({ zh: placedZh, en: placedEn, manual: true, stale: true });
  }
  const anchors = usableAnchors(fixed, zh.length, en.length);
  const byPlace = new Map(fixed.map((link) => [placeKey(link), link]));
  // A stale link whose place another kept link took is dropped too.
  dropped += fixed.length - anchors.length;
  const stale = anchors.filter((link) => 'stale' in link).length;
  const kept = anchors.length - stale;
  const links = alignSentences(
    zh.map((s) => s.text),
    en.map((s) => s.text),
    { ...options, anchors },
  ).map((link): StoredLink => (link.manual ? (byPlace.get(placeKey(link)) ?? storedLink(link)) : storedLink(link)));
  return { alignment: { zh: storedSentences(zh), en: storedSentences(en), links }, kept, stale, dropped };
}

function placeKey(link: SentenceLink): string {
  return `${link.zh.join(',')}|${link.en.join(',')}`;
}
