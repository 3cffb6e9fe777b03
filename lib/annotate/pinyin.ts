import 'server-only';
import { customPinyin, pinyin } from 'pinyin-pro';

/**
 * The pinyin adapter: the only module that imports pinyin-pro.
 *
 * A polyphone's reading depends on the words around it (alone, 了 is liǎo; in 创立了一家 it is le),
 * so a block is converted whole, never word by word.
 *
 * Segmentation is pinyin-pro's minimum-tokenization algorithm, not its default max-probability
 * one: in 3.29.4 the latter resets its underflow exponent at every character it cannot place in a
 * word, so in long blocks some words lose to single characters (我认为任何 read rèn wèi, 各自处理
 * read chù) and adding a custom word could flip a reading elsewhere in the block (但只是 became
 * zhī once 只使用 was added). Minimum tokenization counts instead of multiplying, so it has no
 * such artefacts, and on the seed it is right wherever the two differ.
 *
 * Tone sandhi of 一 and 不 is pinyin-pro's default and is kept (一家 yì jiā, 不是 bú shì).
 */

/**
 * Corrections for readings pinyin-pro gets wrong in our texts, whole words or phrases only (a
 * single character here would override every context). Each one is covered by a case in
 * pinyin.test.ts; add the case first, then the entry.
 */
const CORRECTIONS: Readonly<Record<string, string>> = {
  认为: 'rèn wéi',
  名为: 'míng wéi',
  颇为: 'pō wéi',
  重构: 'chóng gòu',
  差得多: 'chà de duō',
  残差: 'cán chā',
  只使用: 'zhǐ shǐ yòng',
  只需: 'zhǐ xū',
  教过: 'jiāo guò',
  更好地: 'gèng hǎo de',
  很好地: 'hěn hǎo de',
  主要是: 'zhǔ yào shì',
};

// pinyin-pro keeps custom words in module state; registering them again is harmless.
customPinyin(CORRECTIONS);

const HAN = /\p{Script=Han}/u;
const HAN_CHAR = /^\p{Script=Han}$/u;

/** pinyin-pro's `TokenizationAlgorithm.MinTokenization` (a const enum, so not importable by value). */
const MIN_TOKENIZATION = 3;

/**
 * The reading of every UTF-16 position of a block: index i holds the tone-marked syllable of the
 * Han character starting at i, undefined elsewhere (Latin, digits, punctuation, the second half
 * of a surrogate pair, Han characters pinyin-pro does not know).
 * `pinyinByOffset('用AI赋能')` → `[ 'yòng', undefined, undefined, 'fù', 'néng' ]`.
 */
export function pinyinByOffset(text: string): (string | undefined)[] {
  const byOffset = new Array<string | undefined>(text.length).fill(undefined);
  if (!HAN.test(text)) return byOffset;
  const items = pinyin(text, { type: 'all', toneType: 'symbol', segmentit: MIN_TOKENIZATION });
  // Items are located by `origin`, not counted: an astral character is one item (two UTF-16
  // units), and pinyin-pro may group runs of non-Chinese characters or drop what it cannot read.
  let pos = 0;
  for (const item of items) {
    const at = text.startsWith(item.origin, pos) ? pos : text.indexOf(item.origin, pos);
    if (at < 0 || item.origin === '') continue;
    if (item.isZh && item.pinyin !== '' && HAN_CHAR.test(item.origin)) {
      byOffset[at] = item.pinyin;
    }
    pos = at + item.origin.length;
  }
  return byOffset;
}

/**
 * The reading of the span `[start, end)` of a block, its syllables joined with spaces; `''` when the
 * span holds no Han character. For 自动驾驶 in `'他谈到了自动驾驶'`:
 * `readingOf(pinyinByOffset(text), 4, 8)` → `'zì dòng jià shǐ'`.
 */
export function readingOf(byOffset: readonly (string | undefined)[], start: number, end: number): string {
  const syllables: string[] = [];
  for (let i = Math.max(0, start); i < Math.min(end, byOffset.length); i++) {
    const syllable = byOffset[i];
    if (syllable !== undefined) syllables.push(syllable);
  }
  return syllables.join(' ');
}

/**
 * The reading of a word or phrase on its own, without the block around it (use `pinyinByOffset`
 * on the whole block when there is one): `pinyinOf('赋能')` → `'fù néng'`, `pinyinOf('AI')` → `''`.
 */
export function pinyinOf(text: string): string {
  return readingOf(pinyinByOffset(text), 0, text.length);
}
