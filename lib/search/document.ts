import { foldText, isHan, type FoldedText } from './fold';
import type { BlockSyllables } from './pinyin-match';
import { blockSyllables } from './pinyin-match';
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

/** The tokens an engine indexes for a block: Han characters and Latin stems of the Chinese, English stems, syllables. */
export function engineTokens(indexed: IndexedBlock): { zh: string[]; en: string[]; py: string[] } {
  const zh = [...indexed.zh.text].filter(isHan);
  zh.push(...indexed.zhWords.stems);
  return { zh, en: indexed.enWords.stems, py: indexed.syllables.syllables };
}
