import { describe, expect, test } from 'vitest';
import { toZhuyin, zhuyinSyllable } from './zhuyin';

describe('zhuyinSyllable', () => {
  const cases = [
    // Tones: the first has no sign, the neutral tone's dot comes first.
    { input: 'mā', expected: 'ㄇㄚ' },
    { input: 'má', expected: 'ㄇㄚˊ' },
    { input: 'mǎ', expected: 'ㄇㄚˇ' },
    { input: 'mà', expected: 'ㄇㄚˋ' },
    { input: 'ma', expected: '˙ㄇㄚ' },
    { input: 'le', expected: '˙ㄌㄜ' },
    { input: 'de', expected: '˙ㄉㄜ' },
    // Initials alone (the empty rime).
    { input: 'zhī', expected: 'ㄓ' },
    { input: 'chī', expected: 'ㄔ' },
    { input: 'shǐ', expected: 'ㄕˇ' },
    { input: 'rì', expected: 'ㄖˋ' },
    { input: 'zì', expected: 'ㄗˋ' },
    { input: 'cì', expected: 'ㄘˋ' },
    { input: 'sī', expected: 'ㄙ' },
    // ü: written ü after n and l, u after j, q, x and y.
    { input: 'lǜ', expected: 'ㄌㄩˋ' },
    { input: 'nǚ', expected: 'ㄋㄩˇ' },
    { input: 'lüè', expected: 'ㄌㄩㄝˋ' },
    { input: 'jù', expected: 'ㄐㄩˋ' },
    { input: 'qù', expected: 'ㄑㄩˋ' },
    { input: 'xué', expected: 'ㄒㄩㄝˊ' },
    { input: 'juān', expected: 'ㄐㄩㄢ' },
    { input: 'jūn', expected: 'ㄐㄩㄣ' },
    { input: 'xiōng', expected: 'ㄒㄩㄥ' },
    { input: 'yú', expected: 'ㄩˊ' },
    { input: 'yuè', expected: 'ㄩㄝˋ' },
    { input: 'yuǎn', expected: 'ㄩㄢˇ' },
    { input: 'yún', expected: 'ㄩㄣˊ' },
    { input: 'yòng', expected: 'ㄩㄥˋ' },
    // y and w spellings.
    { input: 'yī', expected: 'ㄧ' },
    { input: 'yě', expected: 'ㄧㄝˇ' },
    { input: 'yào', expected: 'ㄧㄠˋ' },
    { input: 'yǒu', expected: 'ㄧㄡˇ' },
    { input: 'yán', expected: 'ㄧㄢˊ' },
    { input: 'yīn', expected: 'ㄧㄣ' },
    { input: 'yīng', expected: 'ㄧㄥ' },
    { input: 'yáng', expected: 'ㄧㄤˊ' },
    { input: 'wǔ', expected: 'ㄨˇ' },
    { input: 'wǒ', expected: 'ㄨㄛˇ' },
    { input: 'wèi', expected: 'ㄨㄟˋ' },
    { input: 'wén', expected: 'ㄨㄣˊ' },
    { input: 'wàng', expected: 'ㄨㄤˋ' },
    { input: 'wēng', expected: 'ㄨㄥ' },
    // Abbreviated finals.
    { input: 'liù', expected: 'ㄌㄧㄡˋ' },
    { input: 'guì', expected: 'ㄍㄨㄟˋ' },
    { input: 'lùn', expected: 'ㄌㄨㄣˋ' },
    // Other finals.
    { input: 'zhōng', expected: 'ㄓㄨㄥ' },
    { input: 'guó', expected: 'ㄍㄨㄛˊ' },
    { input: 'dòng', expected: 'ㄉㄨㄥˋ' },
    { input: 'jià', expected: 'ㄐㄧㄚˋ' },
    { input: 'shuāng', expected: 'ㄕㄨㄤ' },
    { input: 'bō', expected: 'ㄅㄛ' },
    { input: 'fù', expected: 'ㄈㄨˋ' },
    { input: 'néng', expected: 'ㄋㄥˊ' },
    { input: 'ài', expected: 'ㄞˋ' },
    { input: 'ōu', expected: 'ㄡ' },
    { input: 'ér', expected: 'ㄦˊ' },
    { input: 'èr', expected: 'ㄦˋ' },
    { input: 'Zhōng', expected: 'ㄓㄨㄥ' },
    // Erhua.
    { input: 'huār', expected: 'ㄏㄨㄚㄦ' },
    { input: 'diǎnr', expected: 'ㄉㄧㄢˇㄦ' },
    { input: 'r', expected: 'ㄦ' },
    // Not pinyin: unchanged.
    { input: 'AI', expected: 'AI' },
    { input: 'xyz', expected: 'xyz' },
    { input: '', expected: '' },
  ];
  test.each(cases)('$input → $expected', ({ input, expected }) => {
    expect(zhuyinSyllable(input)).toBe(expected);
  });
});

describe('toZhuyin', () => {
  const cases = [
    { input: 'zì dòng jià shǐ', expected: 'ㄗˋ ㄉㄨㄥˋ ㄐㄧㄚˋ ㄕˇ' },
    { input: 'fù néng', expected: 'ㄈㄨˋ ㄋㄥˊ' },
    { input: 'yǒu le', expected: 'ㄧㄡˇ ˙ㄌㄜ' },
    { input: '', expected: '' },
  ];
  test.each(cases)('$input → $expected', ({ input, expected }) => {
    expect(toZhuyin(input)).toBe(expected);
  });
});
