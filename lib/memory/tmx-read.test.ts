import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeTmx } from '@/lib/exchange/tmx';
import { readTmx } from './tmx-read';

const tu = (zh: string, en: string, lang = 'en') =>
  `<tu><tuv xml:lang="zh-CN"><seg>${zh}</seg></tuv><tuv xml:lang="${lang}"><seg>${en}</seg></tuv></tu>`;
const tmx = (body: string, srclang = 'zh-CN') =>
  `<?xml version="1.0"?><tmx version="1.4"><header srclang="${srclang}"/><body>${body}</body></tmx>`;

describe('readTmx', () => {
  const cases = [
    { name: 'one pair', input: tmx(tu('你好', 'Hello')), expected: { pairs: [['你好', 'Hello']], skipped: 0, duplicates: 0 } },
    { name: 'empty file', input: '', error: 'empty' },
    { name: 'no units', input: tmx(''), error: 'no translation units' },
    { name: 'malformed XML', input: '<tmx version="1.4"><body><tu>', error: 'Not well-formed' },
    { name: 'another root', input: '<xliff version="1.2"/>', error: 'Not a TMX file' },
    { name: 'source language not Chinese', input: tmx(tu('Bonjour', 'Hello'), 'fr-FR'), error: 'not Chinese' },
    { name: 'wrong target language only', input: tmx(tu('你好', 'Bonjour', 'fr')), error: 'No unit has both Chinese and en' },
    {
      name: 'a unit in another language is skipped',
      input: tmx(tu('你好', 'Bonjour', 'fr') + tu('谢谢', 'Thanks', 'en-GB')),
      expected: { pairs: [['谢谢', 'Thanks']], skipped: 1, duplicates: 0 },
    },
    {
      name: 'duplicate pairs kept once',
      input: tmx(tu('你好', 'Hello') + tu('你好', 'Hello') + tu('你好', 'Hi')),
      expected: {
        pairs: [
          ['你好', 'Hello'],
          ['你好', 'Hi'],
        ],
        skipped: 0,
        duplicates: 1,
      },
    },
    {
      name: 'entities and character references',
      input: tmx(tu('A&amp;B&#x4E2D;&lt;', 'A&amp;B &quot;mid&quot;')),
      expected: { pairs: [['A&B中<', 'A&B "mid"']], skipped: 0, duplicates: 0 },
    },
    { name: 'an undeclared entity is refused', input: tmx(tu('&foo;', 'x')), error: 'Not well-formed' },
    {
      name: 'inline codes dropped, highlighted text kept',
      input: tmx(tu('<bpt i="1">&lt;b&gt;</bpt>粗体<ept i="1">&lt;/b&gt;</ept>', '<hi>bold</hi> text')),
      expected: { pairs: [['粗体', 'bold text']], skipped: 0, duplicates: 0 },
    },
    { name: '30 MB is refused', input: tmx(tu('你好', 'x'.repeat(30 * 1024 * 1024))), error: 'larger than 20 MB' },
    { name: 'deep nesting is refused', input: tmx(`${'<hi>'.repeat(40)}${'</hi>'.repeat(40)}`), error: 'deep' },
  ];
  for (const c of cases)
    it(c.name, () => {
      const read = readTmx(c.input, 'en');
      if (c.error) {
        expect(read.ok).toBe(false);
        if (!read.ok) expect(read.error).toContain(c.error);
      } else {
        expect(read.ok).toBe(true);
        if (read.ok)
          expect({ pairs: read.pairs.map((p) => [p.zh, p.gloss]), skipped: read.skipped, duplicates: read.duplicates }).toEqual(
            c.expected,
          );
      }
    });

  it('reads an OmegaT project_save.tmx with who and when', () => {
    const read = readTmx(readFileSync(path.join(__dirname, 'fixtures/omegat-project_save.tmx'), 'utf8'), 'en');
    expect(read).toMatchObject({
      ok: true,
      pairs: [
        { zh: '强化学习很糟糕，但其他方法更糟糕。', status: 'reviewed', by: 'wang', date: '2026-11-20T10:15:00Z' },
        { zh: '模型坍缩是一个<真实>的问题 & 需要注意。', gloss: 'Model collapse is a <real> problem & needs care.', by: 'li' },
      ],
    });
  });

  it('reads back a TMX this app exports, statuses kept', () => {
    const text = serializeTmx([
      { id: 'a/1', source: '你好', target: 'Hello', status: 'reviewed' },
      { id: 'a/2', source: '再见', target: 'Bye', status: 'draft' },
    ]);
    const read = readTmx(text, 'en');
    expect(read.ok && read.pairs.map((p) => [p.zh, p.status])).toEqual([
      ['你好', 'reviewed'],
      ['再见', 'draft'],
    ]);
  });
});
