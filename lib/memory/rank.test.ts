import { describe, expect, it } from 'vitest';
import { InMemoryMemoryIndex, type MemoryUnit } from './memory-index';
import { findMatches } from './rank';

const para = '卡帕西在播客中说，人工智能的下一个阶段不是更大的模型，而是能够在真实世界里可靠地完成任务的智能体。';

function unit(slug: string, id: string, zh: string, status: MemoryUnit['status'] = 'draft', gloss = `${slug}/${id}`): MemoryUnit {
  return { slug, id, zh, gloss, status };
}

function indexOf(units: MemoryUnit[]) {
  const index = new InMemoryMemoryIndex();
  for (const u of units) index.addUnit(u);
  return index;
}

describe('findMatches', () => {
  const cases = [
    {
      name: 'a near copy is found, the paragraph itself is not',
      units: [unit('a', 'self', para), unit('b', 'near', para.replace('更大的模型', '更多的数据'))],
      expected: ['b/near'],
    },
    {
      name: 'reviewed ranks above draft at equal similarity',
      units: [unit('a', 'd', para.replace('说', '讲'), 'draft'), unit('b', 'r', para.replace('说', '谈'), 'reviewed')],
      expected: ['b/r', 'a/d'],
    },
    {
      name: 'higher similarity wins over status',
      units: [
        unit('a', 'd', para.replace('说', '讲'), 'draft'),
        unit('b', 'r', para.replace('说，人工', '讲，机器'), 'reviewed'),
      ],
      expected: ['a/d', 'b/r'],
    },
    {
      name: 'a text ranks above an imported memory at equal similarity',
      units: [
        unit('tmx:omegat', '1', para.replace('说', '讲'), 'reviewed'),
        unit('z', 'x', para.replace('说', '谈'), 'reviewed'),
      ],
      expected: ['z/x', 'tmx:omegat/1'],
    },
    {
      name: 'unrelated paragraphs below 50 % are not shown',
      units: [unit('a', 'u', '今天早上下了一场大雨，街上的行人都打着伞匆匆走过，公交车站挤满了等车的学生。')],
      expected: [],
    },
    {
      name: 'a paragraph sharing words but half as long is below 50 %',
      units: [unit('a', 'h', para.slice(0, 20))],
      expected: [],
    },
    {
      name: 'untranslated paragraphs are not matches',
      units: [unit('a', 'e', para.replace('说', '讲'), 'draft', '')],
      expected: [],
    },
    {
      name: 'at most five',
      units: [...'一二三四五六七'].map((c, i) => unit('a', `n${i}`, para.replace('说', c))),
      expected: ['a/n0', 'a/n1', 'a/n2', 'a/n3', 'a/n4'],
    },
    {
      name: 'the same pair twice is shown once',
      units: [
        unit('a', '1', para.replace('说', '讲'), 'reviewed', 'Same'),
        unit('tmx:m', '9', para.replace('说', '讲'), 'reviewed', 'Same'),
      ],
      expected: ['a/1'],
    },
    {
      // Five drafts sharing more bigrams are measured first; the reviewed one, at the same score,
      // must still be measured (its bound reaches the fifth score) and rank above them.
      name: 'a reviewed match found after five drafts of the same score still ranks first',
      units: [
        ...[...'一二三四五'].map((c, i) => unit('a', `d${i}`, `${para.slice(0, -1)}${c}`)),
        unit('z', 'r', para.replace('说', '讲'), 'reviewed'),
      ],
      expected: ['z/r', 'a/d0', 'a/d1', 'a/d2', 'a/d3'],
    },
    {
      name: 'a near copy is found when the paragraph adds text no paragraph has',
      units: [unit('b', 'half', para), unit('c', 'other', '今天早上下了一场大雨，街上的行人都打着伞匆匆走过。')],
      query: `${para}${Array.from({ length: [...para].length }, (_, i) => String.fromCharCode(0x9f00 + i)).join('')}`,
      expected: ['b/half'],
    },
  ];
  for (const { name, units, expected, query } of cases as {
    name: string;
    units: MemoryUnit[];
    expected: string[];
    query?: string;
  }[])
    it(name, () => {
      const found = findMatches(indexOf(units), query ?? para, { slug: 'a', id: 'self' });
      expect(found.map((m) => `${m.unit.slug}/${m.unit.id}`)).toEqual(expected);
      for (const m of found) expect(m.score).toBeGreaterThanOrEqual(50);
    });

  it('marks the changed span of the match', () => {
    const [match] = findMatches(indexOf([unit('b', 'n', para.replace('更大的模型', '更多的数据'))]), para);
    expect(match?.diff.map(([s, e]) => match.unit.zh.slice(s, e)).join('')).toBe('多的数据');
  });

  it('a removed text no longer matches; an updated paragraph matches as it is now', () => {
    const index = indexOf([unit('b', 'n', para.replace('说', '讲')), unit('c', 'm', para.replace('说', '谈'))]);
    index.removeText('b');
    index.addUnit(unit('c', 'm', '完全不同的一句话，没有任何相同的内容可言。'));
    expect(findMatches(index, para)).toEqual([]);
    expect(index.size().units).toBe(1);
  });
});
