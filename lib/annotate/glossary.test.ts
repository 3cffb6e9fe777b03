import { describe, expect, it } from 'vitest';
import { findTerms, glossUsesTerm, lintGlossary } from './glossary';

const glossary = [
  { term: '人形机器人', en: ['humanoid robot'] },
  { term: '机器人', en: ['robot'] },
  { term: '自动驾驶', en: ['self-driving', 'autonomous driving'] },
  { term: '规模扩展律', en: ['scaling law'] },
  { term: '特拉斯', en: ['Tesla'] },
  { term: '赋能', en: ['empower'] },
  { term: '熵', en: ['entropy'] },
];

describe('findTerms', () => {
  const cases = [
    { text: '', expected: [] },
    { text: '没有术语。', expected: [] },
    { text: '人形机器人公司', expected: [['人形机器人', 0, 5]] },
    { text: '机器人和人形机器人', expected: [['机器人', 0, 3], ['人形机器人', 4, 9]] },
    { text: '自动驾驶，自动驾驶', expected: [['自动驾驶', 0, 4], ['自动驾驶', 5, 9]] },
  ];
  it.each(cases)('$text', ({ text, expected }) => {
    expect(findTerms(text, glossary).map((m) => [m.term, m.start, m.end])).toEqual(expected);
  });
});

describe('glossUsesTerm', () => {
  const cases = [
    { gloss: 'Humanoid robots are coming.', renderings: ['humanoid robot'], expected: true },
    { gloss: 'the scaling laws', renderings: ['scaling law'], expected: true },
    { gloss: 'It empowers people.', renderings: ['empower'], expected: true },
    { gloss: 'empowering humans', renderings: ['empower'], expected: true },
    { gloss: 'self driving cars', renderings: ['self-driving'], expected: true },
    { gloss: 'Self-Driving', renderings: ['self-driving'], expected: true },
    { gloss: 'The entropies', renderings: ['entropy'], expected: true },
    { gloss: 'Teslas', renderings: ['Tesla'], expected: true },
    { gloss: 'not your keys, not your coins', renderings: ['key'], expected: true },
    { gloss: 'robotics', renderings: ['robot'], expected: false },
    { gloss: 'the car maker', renderings: ['Tesla'], expected: false },
    { gloss: 'disempower', renderings: ['empower'], expected: false },
    { gloss: '', renderings: ['x'], expected: false },
  ];
  it.each(cases)('$gloss ~ $renderings → $expected', ({ gloss, renderings, expected }) => {
    expect(glossUsesTerm(gloss, renderings)).toBe(expected);
  });
});

describe('lintGlossary', () => {
  it('warns when a gloss lacks every approved rendering, naming block, term and gloss', () => {
    const blocks = [
      { id: 'aaaaaa', zh: '其实特拉斯也会使用传感器', en: 'In fact the company also uses sensors' },
      { id: 'bbbbbb', zh: '人形机器人', en: 'Humanoid robots' },
      { id: 'cccccc', zh: '自动驾驶', en: 'Autonomous driving' },
      { id: 'dddddd', zh: '赋能', en: undefined },
    ];
    expect(lintGlossary(blocks, glossary)).toEqual([
      { id: 'aaaaaa', term: '特拉斯', en: ['Tesla'], gloss: 'In fact the company also uses sensors' },
    ]);
  });
});
