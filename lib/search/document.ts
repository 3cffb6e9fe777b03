import { foldText, isHan, type FoldedText } from './fold';
import type { BlockSyllables } from './pinyin-match';
import { blockSyllables, tonedSyllable } from './pinyin-match';
import { wordsOf } from './words';

/** A block as the index takes it: plain Chinese and English as a reader sees them. */
export interface SearchableBlock {
  id: string;
  type: string;
  zh: string;
  en?: string;
  status?: string;
}

/** Words of a folded text, compactly: stems, and start and end offsets two by two. */
export interface WordList {
  stems: string[];
  spans: Uint32Array;
}

/** A block with everything matching needs, computed once when it is indexed. */
export interface IndexedBlock {
  key: number;
  slug: string;
  /** Position in its text, for ordering results of equal rank. */
  order: number;
  block: SearchableBlock;
  zh: FoldedText;
  en: FoldedText;
  zhWords: WordList;
  enWords: WordList;
  syllables: BlockSyllables;
}

/** Pinyin by UTF-16 offset of a block's Chinese, as the reader's pinyin layer gives it. */
export type ReadingsOf = (zh: string) => readonly (string | undefined)[];

function wordList(folded: string): WordList {
  const words = wordsOf(folded);
  const spans = new Uint32Array(words.length * 2);
  words.forEach((word, i) => {
    spans[i * 2] = word.start;
    spans[i * 2 + 1] = word.end;
  });
  return { stems: words.map((w) => w.stem), spans };
}

/**
 * Prepares one block for the index. The Chinese keeps what an earlier version of the block
 * computed when it is unchanged (`reuse`), since its pinyin is the costly part.
 * `indexBlock({ id: 'a1', type: 'paragraph', zh: '蒸馏', en: 'Distilled' }, …)` → folded 蒸馏 / distilled, syllables zheng liu, stems [distil].
 */
export function indexBlock(
  input: { key: number; slug: string; order: number; block: SearchableBlock },
  readingsOf: ReadingsOf,
  reuse?: IndexedBlock,
): IndexedBlock {
  const { block } = input;
  const sameZh = reuse && reuse.block.zh === block.zh;
  const zh = sameZh ? reuse.zh : foldText(block.zh);
  const zhWords = sameZh ? reuse.zhWords : wordList(zh.text);
  const syllables = sameZh ? reuse.syllables : blockSyllables(block.zh, readingsOf(block.zh));
  const sameEn = reuse && reuse.block.en === block.en;
  const en = sameEn ? reuse.en : foldText(block.en ?? '');
  const enWords = sameEn ? reuse.enWords : wordList(en.text);
  return { ...input, zh, en, zhWords, enWords, syllables };
}

/**
 * Two syllables read one after the other, as one engine token: `syllablePair('mo', 'xing')` → `'mo+xing'`.
 * Pairs make a pinyin look-up selective: every paragraph has shi and de, few have mo+xing.
 */
export function syllablePair(first: string, second: string): string {
  return `${first}+${second}`;
}

/**
 * The tokens an engine indexes for a block: Han characters and Latin stems of the Chinese,
 * English stems, and the syllables of the Chinese, without and with their tones, and every pair
 * of adjacent ones.
 */
export function engineTokens(indexed: IndexedBlock): { zh: string[]; en: string[]; py: string[] } {
  const zh = [...indexed.zh.text].filter(isHan);
  zh.push(...indexed.zhWords.stems);
  const { syllables, tones, starts, ends } = indexed.syllables;
  const py = [...syllables, ...syllables.map((syllable, i) => tonedSyllable(syllable, tones[i] ?? 0))];
  for (let i = 1; i < syllables.length; i++) {
    if (starts[i] === ends[i - 1]) py.push(syllablePair(syllables[i - 1] ?? '', syllables[i] ?? ''));
  }
  return { zh, en: indexed.enWords.stems, py };
}
