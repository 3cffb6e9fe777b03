import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { makeDataDir } from '@/lib/testing/data-dir';
import { MAX_TEXT_BYTES } from '@/lib/text/prepare';
import { addText, MAX_TEXT_BLOCKS, PREVIEW_BLOCKS, slugFromFileName } from './add';
import { saveGloss } from './edit';
import { loadText } from './load';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../text/fixtures/encodings/${name}`, import.meta.url)));

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterEach(() => data.dispose());

const read = (relative: string) => readFileSync(data.file(relative), 'utf8');

describe('slugFromFileName', () => {
  const cases = [
    { input: 'essay.md', expected: 'essay' },
    { input: '/tmp/Karpathy Interview.TXT', expected: 'karpathy-interview' },
    { input: 'café_notes.md', expected: 'cafe_notes' },
    { input: '访谈.md', expected: 'fang-tan' },
    { input: '红楼 梦 sample.txt', expected: 'hong-lou-meng-sample' },
    { input: '西游记 sample.txt', expected: 'xi-you-ji-sample' },
    { input: '红楼梦.txt', expected: 'hong-lou-meng' },
    { input: '绿色.md', expected: 'lu-se' },
    { input: 'Karpathy访谈2024.md', expected: 'karpathy-fang-tan-2024' },
    { input: `${'长'.repeat(40)}.txt`, expected: 'chang-'.repeat(13) + 'ch' },
    { input: '《》.txt', expected: undefined },
    { input: '、.txt', expected: undefined },
    { input: 'common.md', expected: undefined },
  ];
  it.each(cases)('$input → $expected', ({ input, expected }) => expect(slugFromFileName(input)).toBe(expected));
});

describe('addText', () => {
  it('writes a GB18030 file as UTF-8 Markdown with front matter, ids and an empty gloss file', async () => {
    const result = await addText({
      bytes: fixture('gb18030.md'),
      fileName: 'gb18030.md',
      slug: 'new-text',
      meta: { title: '测试', date: '2024-09-08' },
    });
    expect(result).toMatchObject({
      ok: true,
      slug: 'new-text',
      file: 'content/new-text.md',
      encoding: 'gb18030',
      action: 'created',
    });
    const source = read('content/new-text.md');
    expect(source.startsWith('---\ntitle: 测试\ndate: 2024-09-08\n---\n\n# 自动驾驶是 AGI\n\n前些天')).toBe(true);
    expect(source).not.toContain('\r');
    expect(JSON.parse(read('content/new-text.ids.json')).blocks).toHaveLength(3);
    expect(read('locales/en/new-text.json')).toBe('{}\n');
    const loaded = await loadText('new-text');
    expect(loaded?.ok && loaded.text.title.zh).toBe('测试');
    expect(loaded?.ok && loaded.text.ledgerOutOfDate).toBe(false);
    expect(loaded?.ok && loaded.text.blocks.map((b) => b.status)).toEqual(['untranslated', 'untranslated', 'untranslated']);
  });

  it('a dry run reports and writes nothing', async () => {
    const result = await addText({ bytes: fixture('big5.md'), fileName: 'big5.md', dryRun: true });
    expect(result).toMatchObject({ ok: true, slug: 'big5', action: 'checked', encoding: 'big5' });
    expect(result.ok && result.preview.map((p) => p.type)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(existsSync(data.file('content/big5.md'))).toBe(false);
    expect(existsSync(data.file('locales/en/big5.json'))).toBe(false);
  });

  const refusals = [
    {
      name: 'a short file in an unsure encoding',
      file: 'short-gb18030.txt',
      slug: 's1',
      kind: 'encoding',
      error: /could not be determined with confidence/,
    },
    { name: 'a binary file', file: 'binary.txt', slug: 's2', kind: 'encoding', error: /binary file/ },
    { name: 'a bad slug', file: 'utf8.md', slug: 'Bad Slug', kind: 'invalid', error: /cannot be a slug/ },
    {
      name: 'a file name with no slug in it',
      file: 'utf8.md',
      slug: undefined,
      fileName: '《》.md',
      kind: 'invalid',
      error: /No slug can be made from the file name "《》\.md": give a slug/,
    },
    { name: 'an existing slug', file: 'utf8.md', slug: 'karpathy-no-priors', kind: 'exists', error: /already exists/ },
  ];
  it.each(refusals)('refuses $name and writes nothing', async ({ file, slug, fileName, kind, error }) => {
    const before = read('content/karpathy-no-priors.txt');
    const result = await addText({ bytes: fixture(file), fileName: fileName ?? file, ...(slug ? { slug } : {}) });
    expect(result).toMatchObject({ ok: false, kind });
    expect(!result.ok && result.error).toMatch(error);
    if (slug) expect(existsSync(data.file(`content/${slug}.md`))).toBe(false);
    expect(read('content/karpathy-no-priors.txt')).toBe(before);
  });

  it('gives two files named in Chinese their own slugs in pinyin', async () => {
    const first = await addText({ bytes: fixture('utf8.md'), fileName: '红楼 梦 sample.txt' });
    const second = await addText({ bytes: fixture('utf8.md'), fileName: '西游记 sample.txt' });
    expect([first, second]).toMatchObject([
      { ok: true, slug: 'hong-lou-meng-sample' },
      { ok: true, slug: 'xi-you-ji-sample' },
    ]);
    expect(existsSync(data.file('content/xi-you-ji-sample.md'))).toBe(true);
  });

  it('refuses an encoding Chinese texts do not come in (latin1) and writes nothing', async () => {
    const result = await addText({ bytes: fixture('gb18030.md'), fileName: 'a.md', slug: 'mojibake', encoding: 'latin1' });
    expect(result).toMatchObject({ ok: false, kind: 'encoding' });
    expect(!result.ok && result.error).toMatch(/"latin1" is not one a Chinese text is read in; name one of utf-8, gb18030/);
    expect(existsSync(data.file('content/mojibake.md'))).toBe(false);
  });

  const unstorable = [
    {
      name: 'U+FFFF in UTF-8',
      bytes: Buffer.from('# 标题\n\n第一段。\n\n第二段\uFFFF。\n'),
      error: /line 5, column 4 holds U\+FFFF \(a noncharacter\)/,
    },
    { name: 'U+FFFE in UTF-8', bytes: Buffer.from('甲\uFFFE乙\n'), error: /line 1, column 2 holds U\+FFFE/ },
    {
      name: 'U+FDD0 in UTF-16 with BOM',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('你好\uFDD0\n', 'utf16le')]),
      error: /line 1, column 3 holds U\+FDD0/,
    },
    {
      name: 'U+FFFF in the title',
      bytes: Buffer.from('你好。\n'),
      meta: { title: '题\uFFFF' },
      error: /The title holds U\+FFFF/,
    },
  ];
  it.each(unstorable)('refuses $name, naming where, and writes nothing', async ({ bytes, meta, error }) => {
    const result = await addText({ bytes, fileName: 'odd.txt', slug: 'odd', ...(meta ? { meta } : {}) });
    expect(result).toMatchObject({ ok: false, kind: 'invalid', error: expect.stringMatching(error) });
    expect(existsSync(data.file('content/odd.md'))).toBe(false);
  });

  const dates = [
    { name: '--date 2024-13-45', text: '你好。\n', meta: { date: '2024-13-45' }, error: /there is no month 13/ },
    { name: '--date 2023-02-29', text: '你好。\n', meta: { date: '2023-02-29' }, error: /has 28 days/ },
    { name: 'a front-matter date 2024-04-31', text: '---\ndate: 2024-04-31\n---\n\n你好。\n', error: /has 30 days/ },
  ];
  it.each(dates)('refuses $name, saying why, and writes nothing', async ({ text, meta, error }) => {
    const result = await addText({ bytes: Buffer.from(text), fileName: 'dated.txt', slug: 'dated', ...(meta ? { meta } : {}) });
    expect(result).toMatchObject({ ok: false, kind: 'invalid', error: expect.stringMatching(error) });
    expect(existsSync(data.file('content/dated.md'))).toBe(false);
  });

  it('takes a real leap day', async () => {
    const result = await addText({
      bytes: Buffer.from('你好。\n'),
      fileName: 'leap.txt',
      meta: { date: '2024-02-29' },
      dryRun: true,
    });
    expect(result).toMatchObject({ ok: true, meta: { date: '2024-02-29' } });
  });

  it('refuses 200,000 one-character paragraphs (1.6 MB), naming the paragraph limit, and writes nothing', async () => {
    const lines = Buffer.from('字\n\n'.repeat(200_000));
    const result = await addText({ bytes: lines, fileName: 'lines.txt', slug: 'lines' });
    expect(result).toMatchObject({
      ok: false,
      kind: 'too-large',
      error: expect.stringContaining(`has 200000 paragraphs, headings and breaks; a text can have at most ${MAX_TEXT_BLOCKS}`),
    });
    expect(existsSync(data.file('content/lines.md'))).toBe(false);
  }, 30_000);

  it('a long text is reported in short: the first blocks, and how many more', async () => {
    const result = await addText({ bytes: Buffer.from('一段。\n\n'.repeat(1_000)), fileName: 'long.txt', dryRun: true });
    expect(result).toMatchObject({
      ok: true,
      summary: { blocks: { paragraph: 1_000 } },
      omitted: { preview: 1_000 - PREVIEW_BLOCKS },
    });
    expect(result.ok && result.preview).toHaveLength(PREVIEW_BLOCKS);
  });

  it('refuses more than 5 MB', async () => {
    const result = await addText({ bytes: new Uint8Array(MAX_TEXT_BYTES + 1), fileName: 'big.txt' });
    expect(result).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('replacing keeps ids, makes changed glosses stale, deletes no gloss and keeps the title', async () => {
    await addText({ bytes: fixture('utf8.md'), fileName: 'a.md', slug: 'twice', meta: { title: '第一版' } });
    const first = await loadText('twice');
    if (!first?.ok) throw new Error('not loaded');
    const [heading, p1, p2] = first.text.blocks;
    for (const block of [heading, p1, p2]) {
      const saved = await saveGloss({
        slug: 'twice',
        id: block!.id,
        text: `English of ${block!.id}`,
        baseRevision: glossRevision(block!.en),
        editor: 'ann',
      });
      expect(saved.ok).toBe(true);
    }
    const edited = read('content/twice.md').replace('专访视频', '专访节目');
    const result = await addText({
      bytes: Buffer.from(edited.replace(/^---[\s\S]*?---\n/, '')),
      fileName: 'a.md',
      slug: 'twice',
      replace: true,
    });
    expect(result).toMatchObject({ ok: true, action: 'replaced' });
    expect(result.ok && result.sync?.edited).toEqual([p2!.id]);
    const second = await loadText('twice');
    if (!second?.ok) throw new Error('not loaded');
    expect(second.text.title.zh).toBe('第一版');
    expect(second.text.blocks.map((b) => [b.id, b.status])).toEqual([
      [heading!.id, 'draft'],
      [p1!.id, 'draft'],
      [p2!.id, 'stale'],
    ]);
    expect(Object.keys(JSON.parse(read('locales/en/twice.json')))).toHaveLength(3);
  });
});
