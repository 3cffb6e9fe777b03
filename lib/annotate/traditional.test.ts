import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { toTraditional } from './chinese-script';
import { simplifiedForms, traditionalForms, traditionalWord } from './traditional';

describe('traditionalWord: words of the bundled article', () => {
  const cases = [
    { input: '发展', expected: '發展' },
    { input: '头发', expected: '頭髮' },
    { input: '发现', expected: '發現' },
    { input: '发布', expected: '發佈' },
    { input: '然后', expected: '然後' },
    { input: '之后', expected: '之後' },
    { input: '方面', expected: '方面' },
    { input: '只是', expected: '只是' },
    { input: '自动驾驶', expected: '自動駕駛' },
    { input: '赋能', expected: '賦能' },
    { input: '智能体', expected: '智能體' },
    { input: '特斯拉', expected: '特斯拉' },
    { input: '', expected: '' },
  ];
  test.each(cases)('$input → $expected', ({ input, expected }) => {
    expect(traditionalWord(input)).toBe(expected);
  });
});

describe('traditionalForms', () => {
  const cases = [
    {
      name: 'phrases convert by context: 头发 → 頭髮, 发展 → 發展',
      text: '头发和发展',
      words: [
        [0, 2],
        [2, 3],
        [3, 5],
      ] as [number, number][],
      expected: { words: { 头发: '頭髮', 发展: '發展' }, exceptions: [] },
    },
    {
      name: 'unchanged words are left out',
      text: '我是',
      words: [
        [0, 1],
        [1, 2],
      ] as [number, number][],
      expected: { words: {}, exceptions: [] },
    },
    {
      name: 'a single character reads by its context in the block (发 in 头发 alone is 發)',
      text: '理发',
      words: [
        [0, 1],
        [1, 2],
      ] as [number, number][],
      expected: { words: { 发: '發' }, exceptions: [[1, '髮']] },
    },
    {
      name: 'empty text or no words: nothing',
      text: '',
      words: [] as [number, number][],
      expected: { words: {}, exceptions: [] },
    },
  ];
  test.each(cases)('$name', ({ text, words, expected }) => {
    const result = traditionalForms(text, words);
    expect(Object.fromEntries(result.words)).toEqual(expected.words);
    expect(result.exceptions).toEqual(expected.exceptions);
  });

  test('every block of the bundled article keeps its length in traditional characters', () => {
    const ledger = JSON.parse(readFileSync(path.resolve(__dirname, '../../content/karpathy-no-priors.ids.json'), 'utf8')) as {
      blocks: { zh: string }[];
    };
    const changed = ledger.blocks.filter((b) => toTraditional(b.zh) !== b.zh);
    expect(changed.length).toBeGreaterThan(10);
    for (const block of ledger.blocks) expect(toTraditional(block.zh).length).toBe(block.zh.length);
  });
});

describe('simplifiedForms: a traditional text gets simplified forms, never another traditional one', () => {
  const cases = [
    {
      name: 'words convert character for character: 母親 → 母亲, 說 → 说',
      text: '母親說',
      words: [
        [0, 2],
        [2, 3],
      ] as [number, number][],
      expected: { words: { 母親: '母亲', 說: '说' }, exceptions: [] },
    },
    {
      name: '方纔 becomes 方才, the simplified form (not a traditional one)',
      text: '方纔上轎',
      words: [
        [0, 2],
        [2, 4],
      ] as [number, number][],
      expected: { words: { 方纔: '方才', 上轎: '上轿' }, exceptions: [] },
    },
    {
      name: 'a character reads by its context in the block (乾 alone is 干, in 乾隆 it stays)',
      text: '乾隆',
      words: [
        [0, 1],
        [1, 2],
      ] as [number, number][],
      expected: { words: { 乾: '干' }, exceptions: [[0, '乾']] },
    },
    {
      name: 'empty text or no words: nothing',
      text: '',
      words: [] as [number, number][],
      expected: { words: {}, exceptions: [] },
    },
  ];
  test.each(cases)('$name', ({ text, words, expected }) => {
    const result = simplifiedForms(text, words);
    expect(Object.fromEntries(result.words)).toEqual(expected.words);
    expect(result.exceptions).toEqual(expected.exceptions);
  });
});
