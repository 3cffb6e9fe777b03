import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { appendHistory, historyPath, readHistory, type HistoryEntry } from './history';

const SLUG = 'sample';
let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir();
});
afterEach(() => data.dispose());

const FILE = `locales/en/${SLUG}.history.jsonl`;

function entry(n: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    time: new Date(Date.UTC(2024, 8, 8, 12, 0, n)).toISOString(),
    editor: 'ann',
    id: 'c4pzjo',
    kind: 'gloss',
    before: n === 0 ? null : `Text ${n - 1}`,
    after: `Text ${n}`,
    revision: `00000000000${n % 10}`,
    ...overrides,
  };
}

describe('appendHistory and readHistory', () => {
  it('keeps the file in locales/<lng>/<slug>.history.jsonl', () => {
    expect(historyPath(SLUG, 'en')).toBe(data.file(FILE));
  });

  const rounds: { name: string; entries: HistoryEntry[] }[] = [
    { name: 'one entry', entries: [entry(0)] },
    { name: 'three entries, oldest first', entries: [entry(0), entry(1), entry(2)] },
    {
      name: 'a status change and a cleared gloss',
      entries: [
        entry(0),
        entry(1, { kind: 'status', before: 'draft', after: 'reviewed' }),
        entry(2, { before: 'Text 1', after: null }),
      ],
    },
    {
      name: 'texts with newlines, quotes, U+2028 and Chinese',
      entries: [entry(0, { after: 'line one\nline "two"\u2028three 中文', editor: 'Zoë' })],
    },
  ];

  it.each(rounds)('reads back $name as written, one JSON object a line', async ({ entries }) => {
    for (const e of entries) await appendHistory(SLUG, 'en', e);
    expect(await readHistory(SLUG, 'en')).toEqual(entries);
    const text = readFileSync(data.file(FILE), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(entries.length);
    expect(lines.map((line) => JSON.parse(line))).toEqual(entries);
  });

  it('reads a missing file as no history, without creating it', async () => {
    expect(await readHistory(SLUG, 'en')).toEqual([]);
    expect(existsSync(data.file(FILE))).toBe(false);
  });

  it('keeps the histories of different texts and languages apart', async () => {
    await appendHistory(SLUG, 'en', entry(0));
    await appendHistory('other', 'en', entry(1));
    data.write('locales/zh/.keep', '');
    await appendHistory(SLUG, 'zh', entry(2));
    expect(await readHistory(SLUG, 'en')).toEqual([entry(0)]);
    expect(await readHistory('other', 'en')).toEqual([entry(1)]);
    expect(await readHistory(SLUG, 'zh')).toEqual([entry(2)]);
  });

  it('keeps every one of 100 concurrent appends as a whole line', async () => {
    const entries = Array.from({ length: 100 }, (_, i) => entry(i, { after: `${'x'.repeat(i * 40)} ${i}` }));
    await Promise.all(entries.map((e) => appendHistory(SLUG, 'en', e)));
    const read = await readHistory(SLUG, 'en');
    expect(read).toHaveLength(100);
    expect(new Set(read.map((e) => e.after))).toEqual(new Set(entries.map((e) => e.after)));
    const lines = readFileSync(data.file(FILE), 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(100);
  });
});

describe('readHistory on a damaged file', () => {
  const damaged: { name: string; tail: string }[] = [
    { name: 'a torn last line (half an entry, no newline)', tail: JSON.stringify(entry(9)).slice(0, 40) },
    { name: 'a torn last line cut right after its brace', tail: '{' },
    { name: 'a line that is JSON but not an entry', tail: '{"time":"x"}\n' },
    { name: 'a line that is not JSON at all', tail: 'garbage\n' },
    { name: 'blank lines', tail: '\n\n  \n' },
  ];

  it.each(damaged)('skips $name and reads the earlier entries', async ({ tail }) => {
    await appendHistory(SLUG, 'en', entry(0));
    await appendHistory(SLUG, 'en', entry(1));
    appendFileSync(data.file(FILE), tail);
    expect(await readHistory(SLUG, 'en')).toEqual([entry(0), entry(1)]);
  });

  // After a torn last line (a crash mid-write), the next entry starts on a line of its own.
  it('still reads an entry appended after a torn last line', async () => {
    await appendHistory(SLUG, 'en', entry(0));
    appendFileSync(data.file(FILE), JSON.stringify(entry(1)).slice(0, 40));
    await appendHistory(SLUG, 'en', entry(2));
    expect(await readHistory(SLUG, 'en')).toEqual([entry(0), entry(2)]);
  });
});
