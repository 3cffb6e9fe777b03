import { describe, expect, it } from 'vitest';
import { contentsTargets, type ContentsBlock } from './contents-links';

const block = (id: string, type: ContentsBlock['type'], text: string): ContentsBlock => ({ id, type, text });

describe('contentsTargets', () => {
  const cases: { name: string; blocks: ContentsBlock[]; expected: [string, string][] }[] = [
    { name: 'no blocks', blocks: [], expected: [] },
    {
      name: 'entries before their chapters, spaces of another width',
      blocks: [
        block('t1', 'list-item', '第一回 說楔子'),
        block('t2', 'list-item', '第二回 王孝廉'),
        block('h1', 'heading', '第一回　說楔子'),
        block('p1', 'paragraph', '人生南北多歧路。'),
        block('h2', 'heading', '第二回　王孝廉'),
      ],
      expected: [
        ['t1', 'h1'],
        ['t2', 'h2'],
      ],
    },
    {
      name: 'contents at the end point back',
      blocks: [block('h1', 'heading', '第一回 甲'), block('p', 'paragraph', '话说。'), block('t1', 'list-item', '第一回 甲')],
      expected: [['t1', 'h1']],
    },
    {
      name: 'a list item that names no chapter, and a heading that is not a chapter heading',
      blocks: [block('l', 'list-item', '苹果'), block('t', 'list-item', '自动驾驶'), block('h', 'heading', '自动驾驶')],
      expected: [],
    },
  ];
  it.each(cases)('$name', ({ blocks, expected }) => expect([...contentsTargets(blocks)]).toEqual(expected));
});
