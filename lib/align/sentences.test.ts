import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';
import type { AlignLanguage } from './types';

const cases: { name: string; lang: AlignLanguage; input: string; expected: string[]; heading?: boolean }[] = [
  { name: 'empty text', lang: 'zh', input: '', expected: [] },
  { name: 'blank text', lang: 'en', input: '  \n ', expected: [] },
  {
    name: 'Chinese full stops, ! and ?',
    lang: 'zh',
    input: '他来了。你好！真的吗？',
    expected: ['他来了。', '你好！', '真的吗？'],
  },
  {
    name: 'a closing quote stays with its sentence',
    lang: 'zh',
    input: '他说：「我确实认为我们已经实现了 AGI。」因为现在在旧金山。',
    expected: ['他说：「我确实认为我们已经实现了 AGI。」', '因为现在在旧金山。'],
  },
  {
    name: 'curly quotes and 』',
    lang: 'zh',
    input: '她说“好。”然后走了。『完。』再见。',
    expected: ['她说“好。”', '然后走了。', '『完。』', '再见。'],
  },
  {
    name: 'an opening quote goes to the next sentence',
    lang: 'zh',
    input: '部署到只使用视觉信号的系统中。「我认为这是一个睿智的策略。」',
    expected: ['部署到只使用视觉信号的系统中。', '「我认为这是一个睿智的策略。」'],
  },
  {
    name: 'a closing bracket stays',
    lang: 'zh',
    input: '（但请注意，课程还没上线。）感谢阅读！',
    expected: ['（但请注意，课程还没上线。）', '感谢阅读！'],
  },
  {
    name: 'a title in 《》 is not split',
    lang: 'zh',
    input: '就像电影《变形金刚。》中那样。好。',
    expected: ['就像电影《变形金刚。》中那样。', '好。'],
  },
  {
    name: 'an ellipsis …… ends a sentence before more text',
    lang: 'zh',
    input: 'AI 会成为人类新的大脑皮层……这些观点引起了讨论。',
    expected: ['AI 会成为人类新的大脑皮层……', '这些观点引起了讨论。'],
  },
  {
    name: 'three dots end a sentence too',
    lang: 'zh',
    input: '它几乎就已经是完美的了，但...特斯拉不同。',
    expected: ['它几乎就已经是完美的了，但...', '特斯拉不同。'],
  },
  { name: 'a stammer before …… does not', lang: 'zh', input: '我……我不知道。', expected: ['我……我不知道。'] },
  { name: 'an ellipsis at the end', lang: 'zh', input: '为其软件系统提供全...', expected: ['为其软件系统提供全...'] },
  {
    name: 'decimals and percentages',
    lang: 'zh',
    input: '由 0.001% 的数据和 99.999% 的信息构成。下一句。',
    expected: ['由 0.001% 的数据和 99.999% 的信息构成。', '下一句。'],
  },
  {
    name: 'Latin inside Chinese',
    lang: 'zh',
    input: '他用 GPT-4. 然后用 v2.0 版。Waymo vs 特斯拉。',
    expected: ['他用 GPT-4. 然后用 v2.0 版。', 'Waymo vs 特斯拉。'],
  },
  {
    name: 'a heading is one sentence',
    lang: 'zh',
    input: '自动驾驶是 AGI。以及 Waymo',
    heading: true,
    expected: ['自动驾驶是 AGI。以及 Waymo'],
  },
  {
    name: 'an English heading with vs.',
    lang: 'en',
    input: 'Self-driving is AGI; Waymo vs. Tesla',
    expected: ['Self-driving is AGI; Waymo vs. Tesla'],
  },
  {
    name: 'English abbreviations: Mr., Dr., e.g., i.e., vs.',
    lang: 'en',
    input: 'Mr. Smith met Dr. Jones. He left, e.g. by car, i.e. fast. Tesla vs. Waymo is old.',
    expected: ['Mr. Smith met Dr. Jones.', 'He left, e.g. by car, i.e. fast.', 'Tesla vs. Waymo is old.'],
  },
  {
    name: 'U.S. and etc. inside and at the end of a sentence',
    lang: 'en',
    input: 'They work in the U.S. and abroad. Cars, robots etc. are here. It ended etc. Then more.',
    expected: ['They work in the U.S. and abroad.', 'Cars, robots etc. are here.', 'It ended etc.', 'Then more.'],
  },
  {
    name: 'English decimals',
    lang: 'en',
    input: 'It was 3.5 times faster. It cost $1.2 billion.',
    expected: ['It was 3.5 times faster.', 'It cost $1.2 billion.'],
  },
  {
    name: 'English quotes and ellipses',
    lang: 'en',
    input:
      '“I think this is a smart strategy,” he said. It was perfect, but... Then it failed. A new cortex for humans… These views… and more.',
    expected: [
      '“I think this is a smart strategy,” he said.',
      'It was perfect, but...',
      'Then it failed.',
      'A new cortex for humans…',
      'These views… and more.',
    ],
  },
];

describe('splitSentences', () => {
  for (const { name, lang, input, expected, heading } of cases) {
    it(name, () => {
      const sentences = splitSentences(input, lang, { heading });
      expect(sentences.map((s) => s.text)).toEqual(expected);
      for (const s of sentences) expect(input.slice(s.start, s.end)).toBe(s.text);
    });
  }

  it('splits a long block (past the pieces ICU is given) as it splits its parts', () => {
    const unit = '他说：「好。」然后走了。《变形金刚。》很好看……我们都喜欢。';
    const long = unit.repeat(400);
    const sentences = splitSentences(long, 'zh');
    expect(sentences.map((s) => s.text)).toEqual(
      Array.from({ length: 400 }, () => splitSentences(unit, 'zh').map((s) => s.text)).flat(),
    );
    for (const s of sentences) expect(long.slice(s.start, s.end)).toBe(s.text);
  });
});
