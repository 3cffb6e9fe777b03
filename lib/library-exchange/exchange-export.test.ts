import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { exportXliff } from './exchange-export';

let data: ReturnType<typeof makeDataDir>;
beforeAll(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterAll(() => data.dispose());

describe('exportXliff glossary notes', () => {
  // The text's own glossary wins over the shared one (特拉斯 is Truss there, Tesla in this text).
  const cases = [
    { term: '特拉斯', expected: 'Glossary: 特拉斯 = Tesla', absent: 'Truss' },
    { term: '自动驾驶', expected: 'Glossary: 自动驾驶 = self-driving / autonomous driving', absent: undefined },
  ];
  it.each(cases)('notes $term by the merged glossary', async ({ expected, absent }) => {
    const result = await exportXliff('karpathy-no-priors', { version: '1.2' });
    if (!result.ok) throw new Error(result.error);
    expect(result.xml).toContain(expected);
    if (absent) expect(result.xml).not.toContain(absent);
  });
});

describe('exportXliff of one section', () => {
  const chapters = Array.from({ length: 8 }, (_, i) => `## 第${i + 1}章\n\n${`第${i + 1}章的一段文字。`.repeat(150)}\n`).join(
    '\n',
  );
  beforeAll(() => data.write('content/book.md', `---\ntitle: 一本书\n---\n\n${chapters}`));
  const unitIds = (xml: string) => [...xml.matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]);

  it.each([
    { name: 'by its number', section: 's3', chapter: '第3章', title: false },
    { name: 'the first, with the title', section: 's1', chapter: '第1章', title: true },
  ])('$name: that section’s blocks only', async ({ section, chapter, title }) => {
    const whole = await exportXliff('book');
    const part = await exportXliff('book', { section });
    if (!whole.ok || !part.ok) throw new Error('export failed');
    expect(part.units).toBeLessThan(whole.units);
    expect(part.xml).toContain(chapter);
    expect(part.xml).not.toContain(chapter === '第3章' ? '第4章' : '第2章');
    expect(unitIds(part.xml).includes('title')).toBe(title);
    // The same section by its name (the id of its first block, as in its URL).
    const named = await exportXliff('book', { section: unitIds(part.xml).find((id) => id !== 'title') ?? '' });
    expect(named.ok && unitIds(named.xml)).toEqual(unitIds(part.xml));
  });

  it.each(['s99', 'zzzzzz'])('an unknown section (%s) is refused, naming how sections are named', async (section) => {
    const result = await exportXliff('book', { section });
    expect(result).toMatchObject({ ok: false, kind: 'not-found', error: expect.stringMatching(/s1 to s\d+/) });
  });
});
