import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alignBlock, type AlignmentEntry } from '@/lib/align/block';
import { makeDataDir } from '@/lib/testing/data-dir';
import { alignmentJournalLines, alignmentJournalPath, parseAlignmentJournal } from './alignment-journal';
import { alignmentPath, appendAlignments, foldAlignments, readAlignments, writeAlignments } from './alignments';

const entry = (zh: string, en: string): AlignmentEntry => alignBlock(undefined, zh, en).entry;
const A1 = entry('他来了。', 'He came.');
const A2 = entry('他来了。他走了。', 'He came. He left.');
const B1 = entry('我们走吧。', 'Let us go.');
const C1 = entry('天黑了。', 'It got dark.');

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir();
});
afterEach(() => data.dispose());

const journal = () => alignmentJournalPath('demo', 'en');
const file = () => alignmentPath('demo', 'en');
const read = async () => Object.fromEntries(await readAlignments('demo', 'en'));

describe('parseAlignmentJournal', () => {
  const line = (id: string, e: AlignmentEntry | null) => alignmentJournalLines([[id, e]]);
  const cases: { name: string; text: string; ids: (string | null)[][]; skipped: number }[] = [
    { name: 'an empty journal', text: '', ids: [], skipped: 0 },
    {
      name: 'two changes, in order',
      text: line('a1', A1) + line('b1', null),
      ids: [
        ['a1', 'entry'],
        ['b1', null],
      ],
      skipped: 0,
    },
    {
      name: 'a torn last line (no newline yet) is not read',
      text: line('a1', A1) + line('b1', B1).slice(0, 30),
      ids: [['a1', 'entry']],
      skipped: 0,
    },
    {
      name: 'a damaged line is skipped, the next read',
      text: `{"id":"a1","ent\n${line('b1', B1)}`,
      ids: [['b1', 'entry']],
      skipped: 1,
    },
    { name: 'a line that is not a block id', text: '{"id":"../x","entry":null}\n', ids: [], skipped: 1 },
    { name: 'an entry of the wrong shape', text: '{"id":"a1","entry":{"zhHash":"zz"}}\n', ids: [], skipped: 1 },
    { name: 'blank lines are nothing', text: `\n${line('a1', null)}\n`, ids: [['a1', null]], skipped: 0 },
  ];
  it.each(cases)('$name', ({ text, ids, skipped }) => {
    const parsed = parseAlignmentJournal(text);
    expect(parsed.changes.map(([id, e]) => [id, e ? 'entry' : null])).toEqual(ids);
    expect(parsed.skipped).toBe(skipped);
  });

  it('reads back what it wrote', () => {
    expect(parseAlignmentJournal(line('a1', A2)).changes).toEqual([['a1', A2]]);
  });
});

describe('the alignment journal', () => {
  it('replays the changes over the file, the last one of a block winning, without rewriting the file', async () => {
    await writeAlignments(
      'demo',
      'en',
      new Map([
        ['a1', A1],
        ['b1', B1],
      ]),
    );
    const written = statSync(file());
    expect(existsSync(journal())).toBe(false);
    await appendAlignments('demo', 'en', [['a1', A2]]);
    await appendAlignments('demo', 'en', [
      ['c1', C1],
      ['b1', null],
    ]);
    expect(await read()).toEqual({ a1: A2, c1: C1 });
    expect(statSync(file()).ino).toBe(written.ino);
    expect(statSync(file()).mtimeMs).toBe(written.mtimeMs);
    // One line a changed block: the size of the change, not of the file.
    expect(readFileSync(journal(), 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('a save writes the size of its change: a line, not the file', async () => {
    const many = new Map(Array.from({ length: 2_000 }, (_, i) => [`b${i}`, B1] as const));
    await writeAlignments('demo', 'en', many);
    const sizes = await appendAlignments('demo', 'en', [['b7', A2]]);
    expect(sizes.fileBytes).toBe(statSync(file()).size);
    expect(sizes.journalBytes).toBe(alignmentJournalLines([['b7', A2]]).length);
    expect(sizes.journalBytes * 100).toBeLessThan(sizes.fileBytes);
    expect((await readAlignments('demo', 'en')).get('b7')).toEqual(A2);
  });

  it('folds the journal into the file and removes it; the entries read stay the same', async () => {
    await writeAlignments('demo', 'en', new Map([['a1', A1]]));
    await appendAlignments('demo', 'en', [
      ['b1', B1],
      ['a1', A2],
    ]);
    const before = await read();
    expect(await foldAlignments('demo', 'en')).toBe(true);
    expect(existsSync(journal())).toBe(false);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ version: 1, blocks: { a1: {}, b1: {} } });
    expect(await read()).toEqual(before);
    expect(await foldAlignments('demo', 'en')).toBe(false);
  });

  it('makes the file from the journal alone when there was none', async () => {
    await appendAlignments('demo', 'en', [['a1', A1]]);
    expect(existsSync(file())).toBe(false);
    expect(await read()).toEqual({ a1: A1 });
    await foldAlignments('demo', 'en');
    expect(await read()).toEqual({ a1: A1 });
    expect(existsSync(file())).toBe(true);
  });

  it('skips a line torn by a crash, and the next change starts on a line of its own', async () => {
    await writeAlignments('demo', 'en', new Map([['a1', A1]]));
    await appendAlignments('demo', 'en', [['b1', B1]]);
    appendFileSync(journal(), alignmentJournalLines([['a1', null]]).slice(0, 12));
    expect(await read()).toEqual({ a1: A1, b1: B1 });
    await appendAlignments('demo', 'en', [['c1', C1]]);
    expect(await read()).toEqual({ a1: A1, b1: B1, c1: C1 });
    expect(parseAlignmentJournal(readFileSync(journal(), 'utf8')).skipped).toBe(1);
  });

  it('sees a change another process appended, and a file rewritten by hand', async () => {
    await writeAlignments('demo', 'en', new Map([['a1', A1]]));
    expect(await read()).toEqual({ a1: A1 });
    appendFileSync(journal(), alignmentJournalLines([['b1', B1]]));
    expect(await read()).toEqual({ a1: A1, b1: B1 });
    writeFileSync(file(), '{ "version": 1, "blocks": {} }\n');
    expect(await read()).toEqual({ b1: B1 });
  });

  it('a whole rewrite replaces what the journal held', async () => {
    await appendAlignments('demo', 'en', [['a1', A1]]);
    await writeAlignments('demo', 'en', new Map([['b1', B1]]));
    expect(existsSync(journal())).toBe(false);
    expect(await read()).toEqual({ b1: B1 });
  });
});
