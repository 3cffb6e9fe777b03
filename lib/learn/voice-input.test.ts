import { describe, expect, it } from 'vitest';
import { pinyinByOffset } from '@/lib/annotate/pinyin';
import { givenReadingTokens, numberedSyllable, selectionTokens, voiceInput } from './voice-input';

describe('numberedSyllable', () => {
  const cases = [
    { input: 'yín', expected: 'yin2' },
    { input: 'háng', expected: 'hang2' },
    { input: 'zhōng', expected: 'zhong1' },
    { input: 'hǎo', expected: 'hao3' },
    { input: 'lǜ', expected: 'lv4' },
    { input: 'nǚ', expected: 'nv3' },
    { input: 'lü', expected: 'lv5' },
    { input: 'le', expected: 'le5' },
    { input: 'Běi', expected: 'bei3' },
    { input: '', expected: '' },
    { input: '1', expected: '' },
  ];
  for (const { input, expected } of cases)
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => expect(numberedSyllable(input)).toBe(expected));
});

describe('voiceInput', () => {
  const cases = [
    { name: 'empty', tokens: [], expected: '' },
    {
      name: 'words and a full stop',
      tokens: [
        { text: '银行', chinese: true, pinyin: 'yín háng' },
        { text: '。', chinese: false },
      ],
      expected: 'yin2 hang2.',
    },
    {
      name: 'comma pause, Latin kept, stray symbols dropped',
      tokens: [
        { text: '用', chinese: true, pinyin: 'yòng' },
        { text: 'AI', chinese: false },
        { text: '，', chinese: false },
        { text: '#', chinese: false },
        { text: '赋能', chinese: true, pinyin: 'fù néng' },
        { text: '！', chinese: false },
      ],
      expected: 'yong4 AI, fu4 neng2.',
    },
    {
      name: 'leading punctuation dropped',
      tokens: [
        { text: '“', chinese: false },
        { text: '好', chinese: true, pinyin: 'hǎo' },
      ],
      expected: 'hao3',
    },
    {
      name: 'a Chinese word without pinyin is skipped',
      tokens: [
        { text: '𠀀', chinese: true },
        { text: '我', chinese: true, pinyin: 'wǒ' },
      ],
      expected: 'wo3',
    },
  ];
  for (const { name, tokens, expected } of cases) it(name, () => expect(voiceInput(tokens)).toBe(expected));
});

// The reading fed to the voice comes from the reader's pinyin in context: polyphones follow the word.
describe('voice input for polyphones, through the reader’s pinyin', () => {
  const cases = [
    { text: '我去银行', expected: 'wo3 qu4 yin2 hang2' },
    { text: '他行走', expected: 'ta1 xing2 zou3' },
    { text: '他创立了一家公司。', expected: 'ta1 chuang4 li4 le5 yi4 jia1 gong1 si1.' },
    { text: '孩子长大了', expected: 'hai2 zi5 zhang3 da4 le5' },
    { text: '这很长', expected: 'zhe4 hen3 chang2' },
    { text: '重要的事', expected: 'zhong4 yao4 de5 shi4' },
    { text: '重新开始', expected: 'chong2 xin1 kai1 shi3' },
    { text: '音乐让我快乐', expected: 'yin1 yue4 rang4 wo3 kuai4 le4' },
    { text: '绿色', expected: 'lv4 se4' },
    { text: '2024年的GPT', expected: '2024 nian2 de5 GPT' },
  ];
  for (const { text, expected } of cases) {
    it(`${text} → ${expected}`, () => expect(voiceInput(selectionTokens(text, pinyinByOffset(text)))).toBe(expected));
  }
});

// The popover's word is read as the reader shows it in its sentence, not as the word alone.
describe('givenReadingTokens', () => {
  const cases = [
    { text: '行', pinyin: 'háng', expected: 'hang2' },
    { text: '银行', pinyin: 'yín háng', expected: 'yin2 hang2' },
    { text: '了', pinyin: 'le', expected: 'le5' },
    { text: '绿', pinyin: 'lǜ', expected: 'lv4' },
    { text: '银行', pinyin: 'yín', expected: undefined },
    { text: '银行', pinyin: 'yín háng xíng', expected: undefined },
    { text: '银行', pinyin: 'yín h4ng', expected: undefined },
    { text: 'AI', pinyin: 'a', expected: undefined },
  ];
  for (const { text, pinyin, expected } of cases) {
    it(`${text} ${pinyin} → ${String(expected)}`, () => {
      const tokens = givenReadingTokens(text, pinyin);
      expect(tokens && voiceInput(tokens)).toBe(expected);
    });
  }
});
