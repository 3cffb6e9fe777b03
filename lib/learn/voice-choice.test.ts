import { describe, expect, it } from 'vitest';
import { chooseChineseVoice, isChineseVoice, speakableText, type VoiceInfo } from './voice-choice';

const voice = (name: string, lang: string, localService = true): VoiceInfo => ({ name, lang, localService });

describe('isChineseVoice', () => {
  const cases: [string, boolean][] = [
    ['zh-CN', true],
    ['zh_CN', true],
    ['zh-TW', true],
    ['zh', true],
    ['cmn-Hans-CN', true],
    ['zh-HK', false],
    ['yue-HK', false],
    ['zh-yue', false],
    ['en-US', false],
    ['ja-JP', false],
    ['', false],
  ];
  for (const [lang, expected] of cases)
    it(`${lang || '(empty)'} → ${expected}`, () => expect(isChineseVoice({ lang })).toBe(expected));
});

describe('chooseChineseVoice', () => {
  const cases: { name: string; voices: VoiceInfo[]; expected: string | undefined }[] = [
    { name: 'no voices (the list is empty until voiceschanged)', voices: [], expected: undefined },
    { name: 'no Chinese voice', voices: [voice('Alex', 'en-US'), voice('Kyoko', 'ja-JP')], expected: undefined },
    { name: 'only Cantonese', voices: [voice('Sin-ji', 'zh-HK')], expected: undefined },
    { name: 'the one Chinese voice', voices: [voice('Alex', 'en-US'), voice('Mei-Jia', 'zh-TW')], expected: 'Mei-Jia' },
    {
      name: 'mainland before Taiwan',
      voices: [voice('Mei-Jia', 'zh-TW'), voice('Ting-Ting', 'zh-CN'), voice('Sin-ji', 'zh-HK')],
      expected: 'Ting-Ting',
    },
    {
      name: 'a device voice before a network one',
      voices: [voice('Google 普通话', 'zh-CN', false), voice('Mei-Jia', 'zh-TW', true)],
      expected: 'Mei-Jia',
    },
    {
      name: 'the first of equals',
      voices: [voice('A', 'zh-CN'), voice('B', 'zh-CN')],
      expected: 'A',
    },
    { name: 'plain zh after a region', voices: [voice('Z', 'zh'), voice('T', 'zh-TW')], expected: 'T' },
  ];
  for (const { name, voices, expected } of cases) it(name, () => expect(chooseChineseVoice(voices)?.name).toBe(expected));
});

describe('speakableText', () => {
  const cases: [string, string][] = [
    ['  我去银行。 ', '我去银行。'],
    ['我\n去\t银行', '我 去 银行'],
    ['', ''],
  ];
  for (const [input, expected] of cases) it(JSON.stringify(input), () => expect(speakableText(input)).toBe(expected));
});
