import { describe, expect, it } from 'vitest';
import { isImplicitHeading, parseText } from './parse';
import { splitSections, type SectionLimits } from './sections';

// Real lines from 红楼梦 and 西游记 as published in github:tennessine/corpus (CRLF, indented
// paragraphs, the full-width full stop ． for 。).
describe('isImplicitHeading on lines of 红楼梦 and 西游记', () => {
  const cases: [string, boolean][] = [
    ['第一回  甄士隐梦幻识通灵　贾雨村风尘怀闺秀', true],
    ['第一回 灵根育孕源流出 心性修持大道生', true],
    ['《红楼梦》曹雪芹', true],
    ['    无材可去补苍天，枉入红尘若许年．', false],
    ['    惯养娇生笑你痴，菱花空对雪澌澌．', false],
    ['    未卜三生愿，频添一段愁．', false],
    ['    争名夺利几时休？早起迟眠不自由！', false],
    ['    只愁衣食耽劳碌何怕阎君就取勾？', false],
    ['    混沌未分天地乱茫茫渺渺无人见。', false],
    ['    诗曰：', false],
    ['宝玉道：「这是怎么说」', false],
    ['他笑道：『罢了』', false],
    ['且听下回分解……', false],
    ['荒唐言．辛酸泪', false],
  ];
  it.each(cases)('%s → %s', (line, expected) => {
    expect(isImplicitHeading(line)).toBe(expected);
  });
});

/** A 回 as the corpus writes it: heading, a short line standing alone, a poem line, prose. */
const chapter = (heading: string, short: string) =>
  [
    heading,
    '',
    `    ${short}`,
    '',
    '    一局输赢料不真，香销茶尽尚逡巡．',
    '',
    `    却说封肃因听见公差传唤，忙出来陪笑启问．${'那些人只嚷．'.repeat(8)}`,
    '',
  ].join('\r\n');
const novel = [
  '《红楼梦》曹雪芹',
  '',
  chapter('第一回  甄士隐梦幻识通灵　贾雨村风尘怀闺秀', '诗云'),
  chapter('第二回  贾夫人仙逝扬州城　冷子兴演说荣国府', '其一'),
  chapter('第三回  贾雨村夤缘复旧职　林黛玉抛父进京都', '后一页'),
].join('\r\n');

describe('parseText on a text with classic chapter headings', () => {
  it('keeps the chapter headings and the title before them; short lines inside chapters are paragraphs', () => {
    const headings = parseText(novel)
      .blocks.filter((b) => b.type === 'heading')
      .map((b) => b.text);
    expect(headings).toEqual([
      '《红楼梦》曹雪芹',
      '第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀',
      '第二回 贾夫人仙逝扬州城 冷子兴演说荣国府',
      '第三回 贾雨村夤缘复旧职 林黛玉抛父进京都',
    ]);
    const paragraphs = parseText(novel).blocks.filter((b) => b.type === 'paragraph');
    expect(paragraphs.map((b) => b.text)).toContain('诗云');
  });

  it('leaves short lines as headings in a text without chapter headings', () => {
    const blocks = parseText('诗云\n\n一局输赢料不真，香销茶尽尚逡巡．\n\n其一\n\n正文．').blocks;
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
  });

  it('leaves written # headings alone', () => {
    const blocks = parseText('第一回\n\n正文．\n\n## 诗云\n\n诗句．\n\n第二回\n\n正文．').blocks;
    expect(blocks.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual(['第一回', '诗云', '第二回']);
  });

  it('gives one section per 回', () => {
    const limits: SectionLimits = { singlePageChars: 100, singlePageBlocks: 10, maxChars: 1000, maxBlocks: 100 };
    const blocks = parseText(novel).blocks.map((b, i) => ({ ...b, id: `b${i}` }));
    expect(splitSections(blocks, limits).map((s) => s.headings[s.headings.length - 1])).toEqual([
      '第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀',
      '第二回 贾夫人仙逝扬州城 冷子兴演说荣国府',
      '第三回 贾雨村夤缘复旧职 林黛玉抛父进京都',
    ]);
  });
});
