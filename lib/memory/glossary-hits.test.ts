import { describe, expect, it } from 'vitest';
import type { TermEntry } from '@/lib/annotate/types';
import { glossaryHits } from './glossary-hits';

const glossary: TermEntry[] = [
  { term: '融合', en: ['merge', 'merging'], forbidden: ['merger'], source: 'shared' },
  { term: '人形机器人', en: ['humanoid robot'], source: 'text' },
  { term: '卡帕西', en: ['Karpathy'], doNotTranslate: true },
];

describe('glossaryHits', () => {
  const cases = [
    { name: 'no terms', zh: '今天天气很好', gloss: 'Fine', expected: [] },
    { name: 'approved rendering used', zh: '人机融合', gloss: 'humans and machines merging', expected: [['融合', true, []]] },
    {
      name: 'forbidden rendering used',
      zh: '人机融合',
      gloss: 'a merger of man and machine',
      expected: [['融合', false, ['merger']]],
    },
    {
      name: 'forbidden plural beside an approved one',
      zh: '人机融合',
      gloss: 'mergers merge',
      expected: [['融合', true, ['merger']]],
    },
    { name: 'not yet translated', zh: '人形机器人', gloss: '', expected: [['人形机器人', false, []]] },
    { name: 'inflected rendering', zh: '两个人形机器人', gloss: 'two humanoid robots', expected: [['人形机器人', true, []]] },
    { name: 'a name kept as written, case matters', zh: '卡帕西说', gloss: 'karpathy said', expected: [['卡帕西', false, []]] },
    { name: 'a term twice is listed once', zh: '融合与融合', gloss: 'merge', expected: [['融合', true, []]] },
  ];
  for (const { name, zh, gloss, expected } of cases)
    it(name, () => expect(glossaryHits(zh, gloss, glossary).map((h) => [h.term, h.used, h.forbiddenUsed])).toEqual(expected));
});
