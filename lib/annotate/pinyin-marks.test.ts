import { describe, expect, test } from 'vitest';
import { toneless, toneMarked } from './pinyin-marks';

describe('toneMarked', () => {
  const cases = [
    { input: 'fu4 neng2', expected: 'fù néng' },
    { input: 'zi4 dong4 jia4 shi3', expected: 'zì dòng jià shǐ' },
    { input: 'le5', expected: 'le' },
    { input: 'liao3', expected: 'liǎo' },
    { input: 'Zhong1 guo2', expected: 'Zhōng guó' },
    { input: 'dou1', expected: 'dōu' },
    { input: 'gui4', expected: 'guì' },
    { input: 'liu2', expected: 'liú' },
    { input: 'xue2', expected: 'xué' },
    { input: 'huai4', expected: 'huài' },
    { input: 'lu:4', expected: 'lǜ' },
    { input: 'nu:3', expected: 'nǚ' },
    { input: 'lu:e4', expected: 'lüè' },
    { input: 'Lu:3', expected: 'Lǚ' },
    { input: 'lv4', expected: 'lǜ' },
    { input: 'e^2', expected: 'ế' },
    { input: 'ng2', expected: 'ńg' },
    { input: 'm2', expected: 'ḿ' },
    { input: 'hng4', expected: 'hǹg' },
    { input: 'qian2 bian5 r5', expected: 'qián bian r' },
    { input: 'B xing2 chao1 sheng1', expected: 'B xíng chāo shēng' },
    { input: 'w o r d', expected: 'w o r d' },
    { input: 'xx5', expected: 'xx' },
    { input: '', expected: '' },
  ];
  test.each(cases)('$input → $expected', ({ input, expected }) => {
    expect(toneMarked(input)).toBe(expected);
  });
});

describe('toneless', () => {
  const cases = [
    { input: 'Yí gè', expected: 'yi ge' },
    { input: 'lǜ', expected: 'lü' },
    { input: ' zhōng  guó ', expected: 'zhong guo' },
    { input: '', expected: '' },
  ];
  test.each(cases)('$input → $expected', ({ input, expected }) => {
    expect(toneless(input)).toBe(expected);
  });
});
