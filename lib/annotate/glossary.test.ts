import { describe, expect, it } from 'vitest';
import type { TermEntry } from './types';
import { findTerms, glossKeepsName, glossUsesTerm, lintGlossary, mergeGlossaries } from './glossary';

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
    {
      text: '机器人和人形机器人',
      expected: [
        ['机器人', 0, 3],
        ['人形机器人', 4, 9],
      ],
    },
    {
      text: '自动驾驶，自动驾驶',
      expected: [
        ['自动驾驶', 0, 4],
        ['自动驾驶', 5, 9],
      ],
    },
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
      { id: 'aaaaaa', term: '特拉斯', en: ['Tesla'], gloss: 'In fact the company also uses sensors', kind: 'missing' },
    ]);
  });

  const marked: TermEntry[] = [
    { term: '融合', en: ['merge', 'merging'], forbidden: ['merger'], source: 'shared' },
    { term: 'Eureka Labs', en: ['Eureka Labs'], doNotTranslate: true, source: 'text' },
  ];
  const cases: { name: string; zh: string; en: string; expected: { kind: string; used?: string[] }[] }[] = [
    { name: 'an approved rendering, no forbidden one', zh: '人机融合', en: 'humans and machines merging', expected: [] },
    {
      name: 'a forbidden rendering',
      zh: '人机融合',
      en: 'a merger of humans and machines',
      expected: [{ kind: 'missing' }, { kind: 'forbidden', used: ['merger'] }],
    },
    {
      name: 'a forbidden rendering beside an approved one',
      zh: '人机融合',
      en: 'they merge: a merger',
      expected: [{ kind: 'forbidden', used: ['merger'] }],
    },
    {
      name: 'a forbidden rendering, plural',
      zh: '融合',
      en: 'two mergers',
      expected: [{ kind: 'missing' }, { kind: 'forbidden', used: ['merger'] }],
    },
    { name: 'a forbidden word in a block without the term', zh: '公司合并', en: 'a merger of companies', expected: [] },
    { name: 'a name kept as written', zh: 'Eureka Labs 公司', en: 'the company Eureka Labs', expected: [] },
    { name: 'a name kept as written, possessive', zh: 'Eureka Labs 的产品', en: 'Eureka Labs’ product', expected: [] },
    {
      name: 'a name with its case changed',
      zh: 'Eureka Labs 公司',
      en: 'the company eureka labs',
      expected: [{ kind: 'missing' }],
    },
    { name: 'a name translated', zh: 'Eureka Labs 公司', en: 'the Eureka laboratory', expected: [{ kind: 'missing' }] },
  ];
  it.each(cases)('$name', ({ zh, en, expected }) => {
    const misses = lintGlossary([{ id: 'aaaaaa', zh, en }], marked);
    expect(misses.map((m) => ({ kind: m.kind, ...(m.used ? { used: m.used } : {}) }))).toEqual(expected);
  });

  it('names the glossary an entry comes from', () => {
    const [miss] = lintGlossary([{ id: 'aaaaaa', zh: 'Eureka Labs', en: 'Eureka' }], marked);
    expect(miss).toMatchObject({ term: 'Eureka Labs', source: 'text', kind: 'missing' });
  });
});

describe('glossKeepsName', () => {
  const cases = [
    { gloss: 'Eureka Labs is building', names: ['Eureka Labs'], expected: true },
    { gloss: 'at No Priors.', names: ['No Priors'], expected: true },
    { gloss: 'Llamas', names: ['Llama'], expected: true },
    { gloss: 'llama', names: ['Llama'], expected: false },
    { gloss: 'OLlama', names: ['Llama'], expected: false },
    { gloss: '', names: ['Llama'], expected: false },
  ];
  it.each(cases)('$gloss keeps $names → $expected', ({ gloss, names, expected }) => {
    expect(glossKeepsName(gloss, names)).toBe(expected);
  });
});

describe('mergeGlossaries', () => {
  const shared: TermEntry[] = [
    { term: '特拉斯', en: ['Truss'], note: 'Liz Truss' },
    { term: '新皮层', en: ['neocortex', 'new cortex'] },
    { term: '熵', en: ['entropy'] },
  ];
  const own: TermEntry[] = [
    { term: '新皮层', en: ['new cortex'], forbidden: ['neocortex'] },
    { term: '特拉斯', en: ['Tesla'] },
    { term: '测试包', en: ['test-time package'] },
  ];
  const cases: { name: string; shared: TermEntry[]; own: TermEntry[]; expected: [string, string, string | undefined][] }[] = [
    { name: 'no glossaries', shared: [], own: [], expected: [] },
    {
      name: 'only the shared one',
      shared,
      own: [],
      expected: [
        ['特拉斯', 'Truss', 'shared'],
        ['新皮层', 'neocortex', 'shared'],
        ['熵', 'entropy', 'shared'],
      ],
    },
    {
      name: 'only the text’s own',
      shared: [],
      own,
      expected: [
        ['新皮层', 'new cortex', 'text'],
        ['特拉斯', 'Tesla', 'text'],
        ['测试包', 'test-time package', 'text'],
      ],
    },
    {
      name: 'the text’s entries replace shared ones in place, and its new terms follow',
      shared,
      own,
      expected: [
        ['特拉斯', 'Tesla', 'text'],
        ['新皮层', 'new cortex', 'text'],
        ['熵', 'entropy', 'shared'],
        ['测试包', 'test-time package', 'text'],
      ],
    },
  ];
  it.each(cases)('$name', ({ shared: a, own: b, expected }) => {
    expect(mergeGlossaries(a, b).map((e) => [e.term, e.en[0], e.source])).toEqual(expected);
  });

  it('replaces a shared entry whole: its note does not leak into the override', () => {
    const merged = mergeGlossaries(shared, own);
    expect(merged.find((e) => e.term === '特拉斯')).toEqual({ term: '特拉斯', en: ['Tesla'], source: 'text' });
    expect(merged.find((e) => e.term === '新皮层')?.forbidden).toEqual(['neocortex']);
  });
});
