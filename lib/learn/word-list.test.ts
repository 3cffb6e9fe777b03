import { describe, expect, it } from 'vitest';
import {
  clozeOf,
  filterWords,
  parseWordList,
  removeWord,
  saveWord,
  sentenceAt,
  sortWords,
  toAnkiTsv,
  toCsv,
  type SavedWord,
  type WordContext,
} from './word-list';

const context = (over: Partial<WordContext> = {}): WordContext => ({
  sentence: '我去银行取钱。',
  english: 'I went to the bank.',
  slug: 'story',
  title: '故事',
  permalink: '/read/story#abc123',
  savedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});
const saved = (word: string, over: Partial<SavedWord> = {}, ctx: Partial<WordContext> = {}): SavedWord => ({
  word,
  pinyin: 'yín háng',
  senses: ['bank'],
  hsk: 2,
  contexts: [context(ctx)],
  ...over,
});

describe('sentenceAt', () => {
  const cases = [
    { paragraph: '我去银行。他在家。', at: 2, expected: '我去银行。' },
    { paragraph: '我去银行。他在家。', at: 6, expected: '他在家。' },
    { paragraph: '他说：“你好！”然后走了。', at: 0, expected: '他说：“你好！”' },
    { paragraph: '没有句号', at: 1, expected: '没有句号' },
    { paragraph: '', at: 0, expected: '' },
  ];
  for (const { paragraph, at, expected } of cases) {
    it(`${paragraph || '(empty)'} @${at} → ${expected || '(empty)'}`, () => expect(sentenceAt(paragraph, at)).toBe(expected));
  }
});

describe('saveWord', () => {
  it('puts a new word first', () => {
    const list = saveWord([saved('学习')], saved('银行'));
    expect(list.map((w) => w.word)).toEqual(['银行', '学习']);
  });

  it('keeps both contexts when the same word is saved from two places', () => {
    const first = saveWord([], saved('银行'));
    const second = saveWord(first, saved('银行', {}, { sentence: '银行关门了。', permalink: '/read/story#def456' }));
    expect(second).toHaveLength(1);
    expect(second[0]!.contexts.map((c) => c.sentence)).toEqual(['银行关门了。', '我去银行取钱。']);
  });

  it('saving the same place twice keeps one context', () => {
    const list = saveWord(saveWord([], saved('银行')), saved('银行'));
    expect(list[0]!.contexts).toHaveLength(1);
  });

  it('removes a word', () => {
    expect(removeWord([saved('银行'), saved('学习')], '银行').map((w) => w.word)).toEqual(['学习']);
  });
});

describe('parseWordList', () => {
  const cases = [
    { name: 'nothing stored', json: null, words: [] },
    { name: 'not JSON', json: '{', words: [] },
    { name: 'not a list', json: '{"a":1}', words: [] },
    { name: 'a good entry', json: JSON.stringify([saved('银行')]), words: ['银行'] },
    {
      name: 'a bad entry among good ones is dropped',
      json: JSON.stringify([saved('银行'), { word: '坏' }, saved('学习', { hsk: 1 })]),
      words: ['银行', '学习'],
    },
    {
      name: 'a permalink elsewhere is refused',
      json: JSON.stringify([saved('银行', {}, { permalink: 'javascript:alert(1)' })]),
      words: [],
    },
  ];
  for (const { name, json, words } of cases) {
    it(name, () => expect(parseWordList(json).map((w) => w.word)).toEqual(words));
  }
});

describe('sortWords and filterWords', () => {
  const list = [
    saved('银行', { hsk: 2 }, { savedAt: '2026-12-01T10:00:00.000Z', title: 'B' }),
    saved('炼丹', { hsk: null, pinyin: 'liàn dān', senses: ['alchemy'] }, { savedAt: '2026-12-03T10:00:00.000Z', title: 'A' }),
    saved('学习', { hsk: 1, pinyin: 'xué xí', senses: ['to study'] }, { savedAt: '2026-12-02T10:00:00.000Z', title: 'C' }),
  ];
  const orders = [
    { order: 'date' as const, expected: ['炼丹', '学习', '银行'] },
    { order: 'level' as const, expected: ['学习', '银行', '炼丹'] },
    { order: 'text' as const, expected: ['炼丹', '银行', '学习'] },
  ];
  for (const { order, expected } of orders) {
    it(`by ${order} → ${expected.join(' ')}`, () => expect(sortWords(list, order).map((w) => w.word)).toEqual(expected));
  }
  const searches = [
    { query: 'yinhang', expected: ['银行'] },
    { query: 'Xué', expected: ['学习'] },
    { query: 'alchemy', expected: ['炼丹'] },
    { query: '取钱', expected: ['银行', '炼丹', '学习'] },
    { query: ' ', expected: ['银行', '炼丹', '学习'] },
    { query: 'nothing', expected: [] },
  ];
  for (const { query, expected } of searches) {
    it(`search ${JSON.stringify(query)} → ${expected.join(' ') || 'none'}`, () =>
      expect(filterWords(list, query).map((w) => w.word)).toEqual(expected));
  }
});

describe('clozeOf', () => {
  const cases = [
    { sentence: '我去银行取钱。', word: '银行', expected: '我去{{c1::银行}}取钱。' },
    { sentence: '银行和银行', word: '银行', expected: '{{c1::银行}}和银行' },
    { sentence: '没有这个词。', word: '银行', expected: '{{c1::银行}}' },
    { sentence: '{{c2::x}} 银行', word: '银行', expected: '{ {c2: :x} } {{c1::银行}}' },
  ];
  for (const { sentence, word, expected } of cases) {
    it(`${sentence} / ${word} → ${expected}`, () => expect(clozeOf(sentence, word)).toBe(expected));
  }
});

describe('toAnkiTsv', () => {
  it('writes the header lines, then one row per word and context', () => {
    const list = saveWord([saved('银行')], saved('银行', {}, { sentence: '银行关门了。', permalink: '/read/story#def456' }));
    const lines = toAnkiTsv(list, 'https://example.org').trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '#separator:tab',
      '#html:false',
      '#columns:Cloze\tWord\tPinyin\tMeaning\tHSK\tEnglish\tSource',
    ]);
    expect(lines).toHaveLength(5);
    expect(lines[3]!.split('\t')).toEqual([
      '{{c1::银行}}关门了。',
      '银行',
      'yín háng',
      'bank',
      '2',
      'I went to the bank.',
      '故事 https://example.org/read/story#def456',
    ]);
  });

  const escapes = [
    { name: 'a tab in the English', english: 'a\tb', expected: 'a b' },
    { name: 'line breaks in the English', english: 'line one\r\nline two\nthree', expected: 'line one line two three' },
    { name: 'quotes stay as they are', english: 'He said "hi"', expected: 'He said "hi"' },
  ];
  for (const { name, english, expected } of escapes) {
    it(`replaces ${name}`, () => {
      const row = toAnkiTsv([saved('银行', {}, { english })])
        .trimEnd()
        .split('\n')[3]!;
      expect(row.split('\t')).toHaveLength(7);
      expect(row.split('\t')[5]).toBe(expected);
    });
  }

  it('an empty list is the header alone', () => expect(toAnkiTsv([]).trimEnd().split('\n')).toHaveLength(3));
});

describe('toCsv', () => {
  const cases = [
    { name: 'a plain field', english: 'I went', expected: 'I went' },
    { name: 'a comma', english: 'yes, I went', expected: '"yes, I went"' },
    { name: 'a quote', english: 'He said "hi"', expected: '"He said ""hi"""' },
    { name: 'a line break', english: 'one\ntwo', expected: '"one\ntwo"' },
    { name: 'a formula', english: '=HYPERLINK("x")', expected: '"\'=HYPERLINK(""x"")"' },
  ];
  for (const { name, english, expected } of cases) {
    it(`quotes ${name} (RFC 4180)`, () => {
      const csv = toCsv([saved('银行', {}, { english })]);
      expect(csv.startsWith('Cloze,Word,Pinyin,Meaning,HSK,English,Source\r\n')).toBe(true);
      expect(csv).toContain(`,2,${expected},故事 /read/story#abc123\r\n`);
    });
  }
});
