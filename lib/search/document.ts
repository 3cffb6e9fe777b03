import { foldText, isHan, type FoldedText } from './fold';
import type { BlockSyllables } from './pinyin-match';
import { blockSyllables, tonedSyllable } from './pinyin-match';
import { wordsIn, wordsOf } from './words';

/** A block as the index takes it: plain Chinese and English as a reader sees them. */
export interface SearchableBlock {
  id: string;
  type: string;
  zh: string;
  en?: string;
  status?: string;
  /** The glosses in the text's other target languages, by tag (English is `en`). */
  glosses?: Readonly<Record<string, string>>;
}

/** A gloss in a target language other than English, folded, with its words. */
export interface IndexedGloss {
  text: FoldedText;
  words: WordList;
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
  /** The other target languages' glosses, by tag. */
  glosses: Readonly<Record<string, IndexedGloss>>;
}

/** Pinyin by UTF-16 offset of a block's Chinese, as the reader's pinyin layer gives it. */
export type ReadingsOf = (zh: string) => readonly (string | undefined)[];

function wordList(folded: string, lang = 'en'): WordList {
  const words = lang === 'en' ? wordsOf(folded) : wordsIn(folded, lang);
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
  const glosses: Record<string, IndexedGloss> = {};
  for (const [lang, gloss] of Object.entries(block.glosses ?? {})) {
    if (!gloss) continue;
    const kept = reuse?.block.glosses?.[lang] === gloss ? reuse.glosses[lang] : undefined;
    if (kept) glosses[lang] = kept;
    else {
      const text = foldText(gloss);
      glosses[lang] = { text, words: wordList(text.text, lang) };
    }
  }
  return { ...input, zh, en, zhWords, enWords, syllables, glosses };
}

/**
 * Two syllables read one after the other, as one engine token: `syllablePair('mo', 'xing')` → `'mo+xing'`.
 * Pairs make a pinyin look-up selective: every paragraph has shi and de, few have mo+xing.
 */
export function syllablePair(first: string, second: string): string {
  return `${first}+${second}`;
}

/**
 * The engine token of a word of a gloss in a target language: English words as they are, the
 * others' prefixed by their language, so that one field holds every language and a French `pain`
 * is not an English `pain`. `glossToken('fr', 'chat')` → `'fr:chat'`.
 */
export function glossToken(lang: string, stem: string): string {
  return lang === 'en' ? stem : `${lang}:${stem}`;
}

/**
 * The tokens an engine indexes for a block: Han characters and Latin stems of the Chinese,
 * the stems of its glosses (English as they are, other languages prefixed, see glossToken), and
 * the syllables of the Chinese, without and with their tones, and every pair of adjacent ones.
 */
export function engineTokens(indexed: IndexedBlock): { zh: string[]; en: string[]; py: string[] } {
  const zh = [...indexed.zh.text].filter(isHan);
  zh.push(...indexed.zhWords.stems);
  const { syllables, tones, starts, ends } = indexed.syllables;
  const py = [...syllables, ...syllables.map((syllable, i) => tonedSyllable(syllable, tones[i] ?? 0))];
  for (let i = 1; i < syllables.length; i++) {
    if (starts[i] === ends[i - 1]) py.push(syllablePair(syllables[i - 1] ?? '', syllables[i] ?? ''));
  }
  const en = [...indexed.enWords.stems];
  for (const [lang, gloss] of Object.entries(indexed.glosses))
    for (const stem of gloss.words.stems) en.push(glossToken(lang, stem));
  return { zh, en, py };
}
