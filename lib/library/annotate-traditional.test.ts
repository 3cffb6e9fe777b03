import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupWord } from '@/lib/annotate/dictionary';
import { alignedSimplified } from '@/lib/annotate/source-script';
import { makeDataDir } from '@/lib/testing/data-dir';
import { annotateBlock, annotateText, type TextAnnotation } from './annotate-text';
import { loadText, type TextView } from './load';
import { lexiconFor, rowAnnotations } from '@/lib/reading/page-lexicon';

// Sentences of 儒林外史 chapter 1 (lib/annotate/fixtures/rulin-waishi-1-2.trad.txt).
const PARAGRAPHS = [
  '這人姓王名冕，在諸暨縣鄉村裡住。七歲上死了父親，他母親做些針指，供給他到村學堂裡去讀書。',
  '王冕道：「娘說的是。我在學堂裡坐著，心裡也悶；不如往他家放牛，倒快活些。」',
  '那鬍子說道：「聽見前日出京時，皇上親自送出城外，危老先生再三打躬辭了，方纔上轎回去。」',
  '次早，傳齊轎夫，也不用全副執事。鄉裡人聽見鑼響，一個個扶老攜幼，挨擠了看。',
  '將來讀書人既有此一條榮身之路，你又有現成飯喫，他們見了。',
];

let data: ReturnType<typeof makeDataDir>;
let text: TextView;
let annotation: TextAnnotation;

beforeAll(async () => {
  data = makeDataDir({ copyRepoData: true });
  const loaded = await loadText('karpathy-no-priors');
  if (!loaded?.ok) throw new Error('seed did not load');
  const [first] = loaded.text.blocks.filter((b) => b.type === 'paragraph');
  if (!first) throw new Error('seed has no paragraph');
  const blocks = PARAGRAPHS.map((zh, i) => ({ ...first, id: `trad0${i}`, text: zh }));
  text = { ...loaded.text, blocks };
  annotation = await annotateText(text);
}, 180_000);
afterAll(() => data.dispose());

describe('characters a traditional text lacked entries for', () => {
  it.each(['親', '將', '來', '讀', '書', '說', '這', '們', '見', '飯'])('%s has senses of its own', async (char) => {
    const entry = await lookupWord(char, undefined, alignedSimplified(char));
    expect(entry?.senses.length).toBeGreaterThan(0);
    expect(entry?.parts).toBeUndefined();
    // Looked up as if simplified (the index keyed by simplified headwords) it has none: the case above can fail.
    expect((await lookupWord(char))?.senses ?? []).toEqual([]);
  });
});

describe('a character takes the entries written its way', () => {
  it.each([
    { char: '乾', pinyin: 'gān', simplified: '干', has: 'dry', lacks: 'to do' },
    { char: '乾', pinyin: 'qián', simplified: '乾', has: 'Eight Trigrams', lacks: 'to do' },
    { char: '干', pinyin: 'gān', simplified: '干', has: 'heavenly stems', lacks: 'to work' },
    { char: '著', pinyin: 'zhe', simplified: '着', has: 'aspect particle', lacks: 'to wear' },
  ])('$char ($pinyin) has “$has”, not “$lacks”', async ({ char, pinyin, simplified, has, lacks }) => {
    const senses = (await lookupWord(char, pinyin, simplified))?.senses.join('; ') ?? '';
    expect(senses).toContain(has);
    expect(senses).not.toContain(lacks);
  });
});

describe('words of a traditional text', () => {
  it.each([
    { word: '母親', simplified: '母亲', sense: 'mother' },
    { word: '讀書', simplified: '读书', sense: 'to study' },
    { word: '將來', simplified: '将来', sense: 'in the future' },
    { word: '轎夫', simplified: '轿夫', sense: 'palanquin' },
  ])('$word is one word with its senses ($sense)', async ({ word, simplified, sense }) => {
    const block = annotateBlock(PARAGRAPHS.join(''), { words: [], glossary: [], script: 'trad' });
    expect(block.tokens.map((t) => t.text)).toContain(word);
    const entry = await lookupWord(word, undefined, simplified);
    expect(entry?.senses.join('; ')).toContain(sense);
    expect(entry?.traditional).toBeUndefined();
  });

  it('tokens keep the text as written and rebuild each block exactly', () => {
    expect(annotation.script).toBe('trad');
    for (const [i, zh] of PARAGRAPHS.entries()) {
      const tokens = annotation.blocks[`trad0${i}`]!.tokens;
      expect(tokens.map((t) => t.text).join('')).toBe(zh);
      for (const token of tokens) expect(zh.slice(token.start, token.end)).toBe(token.text);
    }
    const long = Object.values(annotation.blocks).flatMap((b) => b.tokens.filter((t) => [...t.text].length >= 4));
    expect(long.map((t) => t.text)).not.toContain('鄉裡人聽見鑼響');
    expect(long.map((t) => t.text)).not.toContain('傳齊轎夫');
  });

  it('the popover keeps the headword traditional, with its simplified form beside it, and no other traditional form', () => {
    const lexicon = lexiconFor(annotation, Object.keys(annotation.blocks));
    expect(lexicon.script).toBe('trad');
    expect(lexicon.words['母親']?.senses.join('; ')).toContain('mother');
    expect(lexicon.simplified?.['母親']).toBe('母亲');
    expect(lexicon.simplified?.['方纔']).toBe('方才');
    // A traditional text is never "converted" to another traditional form (方纔 → 方才 by opencc's s2t).
    expect(lexicon.traditional).toBeUndefined();
    expect(Object.keys(lexicon.words).every((word) => !['母亲', '读书', '说'].includes(word))).toBe(true);
    const row = rowAnnotations(annotation.blocks.trad00!);
    expect(row.zh.traditional).toBeUndefined();
  });

  it('Chinese named in the senses is written in the text’s script, with its simplified form for ?script=simp', () => {
    const lexicon = lexiconFor(annotation, Object.keys(annotation.blocks));
    const named = Object.values(lexicon.words).flatMap((entry) =>
      entry.senses.flatMap((sense) => sense.match(/\p{Script=Han}+/gu) ?? []),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((run) => alignedSimplified(run) !== run).length).toBeGreaterThan(0);
    for (const run of named) if (alignedSimplified(run) !== run) expect(lexicon.popoverForms?.[run]).toBe(alignedSimplified(run));
  });
});

describe('lexiconFor: HSK levels of a traditional text', () => {
  const cases = [
    { word: '讀書', expected: [1, 0] },
    { word: '父親', expected: [3, 4] },
    { word: '學堂', expected: [7, 0] },
    { word: '諸暨', expected: undefined },
    { word: '鄉村', expected: [5, 0] },
  ];
  it.each(cases)('$word → $expected', async ({ word, expected }) => {
    const { readHskData } = await import('@/lib/store/hsk-data');
    const lexicon = lexiconFor(annotation, Object.keys(annotation.blocks), await readHskData());
    const tokens = Object.values(annotation.blocks).flatMap((b) => b.tokens.map((t) => t.text));
    expect(tokens).toContain(word);
    expect(lexicon.hsk?.[word]).toEqual(expected);
  });

  it('gives a word the lists lack the level of its parts, through its simplified form (七歲: 七 1, 岁 1)', async () => {
    const { readHskData } = await import('@/lib/store/hsk-data');
    const lexicon = lexiconFor(annotation, Object.keys(annotation.blocks), await readHskData());
    expect(lexicon.hsk?.['七歲']).toBeUndefined();
    expect(lexicon.hskParts?.['七歲']).toBe(1);
    expect(lexicon.hskParts?.['諸暨']).toBeUndefined();
  });

  it('ships no levels without the lists', () => {
    expect(lexiconFor(annotation, Object.keys(annotation.blocks)).hsk).toBeUndefined();
  });
});
