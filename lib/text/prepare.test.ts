import { describe, expect, it } from 'vitest';
import { parseText } from './parse';
import { LONG_RUN_CHARS, normalizeText, prepareText } from './prepare';
import type { TextMeta } from './types';

describe('normalizeText', () => {
  const cases = [
    { name: 'BOM removed', input: '\uFEFF甲', expected: '甲\n' },
    { name: 'CRLF and CR become LF', input: '甲\r\n乙\r丙', expected: '甲\n乙\n丙\n' },
    { name: 'decomposed characters are composed (NFC)', input: 'cafe\u0301', expected: 'café\n' },
    { name: 'control characters removed, tabs kept', input: '甲\u0007\t乙\u0085', expected: '甲\t乙\n' },
    { name: 'trailing blank lines become one newline', input: '甲\n\n\n', expected: '甲\n' },
  ];
  it.each(cases)('$name', ({ input, expected }) => expect(normalizeText(input)).toBe(expected));
});

describe('prepareText', () => {
  it('writes front matter from the given fields and keeps the body', () => {
    const prepared = prepareText('# 题\r\n\r\n正文。', { title: '标题', author: '某人', date: '2024-09-08' });
    expect(prepared).toMatchObject({
      ok: true,
      source: '---\ntitle: 标题\ndate: 2024-09-08\nauthor: 某人\n---\n\n# 题\n\n正文。\n',
    });
  });

  it('given fields win over the file’s front matter, others are kept', () => {
    const prepared = prepareText('---\ntitle: 旧\nauthor: 甲\n---\n\n正文。\n', { title: '新' });
    expect(prepared.ok && prepared.meta).toEqual({ title: '新', author: '甲' });
    expect(prepared.ok && prepared.source.startsWith('---\ntitle: 新\nauthor: 甲\n---\n\n正文。')).toBe(true);
  });

  it.each(['Karpathy: “AGI” #1', "it's 'quoted'", '- a list?', 'yes', '2024-09-08', '{ x: 1 }'])(
    'a title that YAML could misread reads back as written: %s',
    (title) => {
      const prepared = prepareText('正文。', { title });
      if (!prepared.ok) throw new Error(prepared.error);
      expect(parseText(prepared.source).meta.title).toBe(title);
    },
  );

  it('counts blocks by type and characters', () => {
    const prepared = prepareText('# 题\n\n第一段。\n\n- 项目\n\n---\n\n第二段 AI。\n');
    expect(prepared.ok && prepared.summary).toEqual({
      layout: { found: 'blank', used: 'blank', reason: 'blank lines separate the paragraphs' },
      blocks: { heading: 1, paragraph: 2, 'list-item': 1, break: 1 },
      characters: 1 + 4 + 2 + 7,
      han: 1 + 3 + 2 + 3,
      oddities: [],
    });
  });

  const refusals = [
    { name: 'an empty text', input: '', given: {}, error: /empty/ },
    { name: 'front matter only', input: '---\ntitle: 题\n---\n\n', given: {}, error: /empty/ },
    { name: 'breaks only', input: '---\n\n***\n', given: {}, error: /only breaks/ },
    { name: 'a date that is not a date', input: '正文。', given: { date: 'yesterday' }, error: /date must look like/ },
    { name: 'a title over two lines', input: '正文。', given: { title: 'a\nb' }, error: /one line/ },
    { name: 'a very long author', input: '正文。', given: { author: '某'.repeat(201) }, error: /at most 200/ },
  ];
  it.each(refusals)('refuses $name', ({ input, given, error }) => {
    const prepared = prepareText(input, given);
    expect(prepared.ok).toBe(false);
    expect(!prepared.ok && prepared.error).toMatch(error);
  });

  const oddities = [
    { name: 'a long run without punctuation', input: `${'字'.repeat(LONG_RUN_CHARS + 5)}。`, kind: 'long-run', line: 1 },
    {
      name: 'a short line taken as a heading',
      input: '第一段。\n\n自动驾驶是 AGI\n\n第二段。',
      kind: 'implicit-heading',
      line: 3,
    },
    { name: 'no Chinese at all', input: 'Only English here.', kind: 'no-chinese', line: 1 },
  ];
  it.each(oddities)('reports $name', ({ input, kind, line }) => {
    const prepared = prepareText(input);
    expect(prepared.ok && prepared.summary.oddities).toEqual([expect.objectContaining({ kind, line })]);
  });

  // 红楼梦 as uploaded (tennessine/corpus): 第一回 on line 4 of the file.
  const novel =
    '《红楼梦》曹雪芹\r\n\r\n\r\n第一回  甄士隐梦幻识通灵\r\n\r\n    此开卷第一回也．作者自云．\r\n\r\n第二回  贾夫人仙逝扬州城\r\n';
  const lineCases: { name: string; input: string; given: TextMeta; lines: number[] }[] = [
    { name: 'no fields given', input: novel, given: {}, lines: [1, 4, 6, 8] },
    { name: 'a title and an author given', input: novel, given: { title: '红楼梦', author: '曹雪芹' }, lines: [1, 4, 6, 8] },
    { name: 'leading blank lines', input: `\n\n${novel}`, given: { title: '红楼梦' }, lines: [3, 6, 8, 10] },
    {
      name: 'front matter of its own, replaced by the fields given',
      input: `---\ntitle: 旧\n---\n\n${novel}`,
      given: { title: '红楼梦', author: '曹雪芹', date: '1791' },
      lines: [5, 8, 10, 12],
    },
  ];
  it.each(lineCases)('gives block lines of the file as given: $name', ({ input, given, lines }) => {
    const prepared = prepareText(input, given);
    expect(prepared.ok && prepared.blocks.map((b) => b.line)).toEqual(lines);
  });

  it('gives oddity lines of the file as given', () => {
    const prepared = prepareText('\n正文。\n\n自动驾驶是 AGI\n\n第二段。', { title: '题', author: '某', date: '2024' });
    expect(prepared.ok && prepared.summary.oddities).toEqual([expect.objectContaining({ kind: 'implicit-heading', line: 4 })]);
  });

  it('a chapter heading in a classic form is not reported as implicit', () => {
    const prepared = prepareText('《红楼梦》\n\n第一回  甄士隐梦幻识通灵\n\n正文．\n\n第二回  贾夫人仙逝扬州城\n\n正文．');
    expect(prepared.ok && prepared.summary.oddities.map((o) => o.line)).toEqual([1]);
  });

  it('a # heading is not reported as implicit', () => {
    const prepared = prepareText('# 自动驾驶\n\n正文。');
    expect(prepared.ok && prepared.summary.oddities).toEqual([]);
  });
});
