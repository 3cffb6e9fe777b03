import { appendFileSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalLine, type JournalOp } from '@/lib/gloss/journal';
import { glossRevision } from '@/lib/gloss/validate';
import { makeDataDir } from '@/lib/testing/data-dir';
import { appendJournal, journalPath, readJournal, removeJournal } from './journal';

const op = (key: string, text: string): JournalOp => ({ key, gloss: { before: glossRevision(undefined), text } });
const keys = (ops: JournalOp[]) => ops.map((o) => o.key);

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir();
});
afterEach(() => data.dispose());

const file = () => journalPath('demo', 'en');

describe('readJournal', () => {
  it('reads nothing when there is no journal', async () => {
    expect(await readJournal('demo', 'en')).toEqual({ ops: [], bytes: 0, continued: false });
  });

  it('reads on from a mark only what was appended since', async () => {
    await appendJournal('demo', 'en', [op('a', 'A')]);
    const first = await readJournal('demo', 'en');
    expect(keys(first.ops)).toEqual(['a']);
    await appendJournal('demo', 'en', [op('b', 'B'), op('c', 'C')]);
    const next = await readJournal('demo', 'en', first.mark);
    expect(next).toMatchObject({ continued: true, bytes: statSync(file()).size });
    expect(keys(next.ops)).toEqual(['b', 'c']);
    const none = await readJournal('demo', 'en', next.mark);
    expect(none).toMatchObject({ continued: true, ops: [] });
  });

  const restarts: { name: string; change: () => Promise<void> | void; expected: string[] }[] = [
    {
      name: 'a new journal after a fold removed the old one',
      change: async () => {
        await removeJournal('demo', 'en');
        await appendJournal('demo', 'en', [op('x', 'X'), op('y', 'Y'), op('z', 'Z')]);
      },
      expected: ['x', 'y', 'z'],
    },
    {
      name: 'a last line taken back (a failed write) and another written in its place',
      change: async () => {
        const size = statSync(file()).size;
        truncateSync(file(), size - journalLine([op('b', 'B')]).length);
        await appendJournal('demo', 'en', [op('q', 'Q')]);
        await appendJournal('demo', 'en', [op('r', 'R')]);
      },
      expected: ['a', 'q', 'r'],
    },
  ];

  it.each(restarts)('reads the whole journal again after $name', async ({ change, expected }) => {
    await appendJournal('demo', 'en', [op('a', 'A')]);
    await appendJournal('demo', 'en', [op('b', 'B')]);
    const mark = (await readJournal('demo', 'en')).mark;
    await change();
    const read = await readJournal('demo', 'en', mark);
    expect(read.continued).toBe(false);
    expect(keys(read.ops)).toEqual(expected);
  });

  it('leaves a line still being written for the next read', async () => {
    await appendJournal('demo', 'en', [op('a', 'A')]);
    const line = journalLine([op('b', 'B')]);
    appendFileSync(file(), line.slice(0, 10));
    const partial = await readJournal('demo', 'en');
    expect(keys(partial.ops)).toEqual(['a']);
    appendFileSync(file(), line.slice(10));
    const whole = await readJournal('demo', 'en', partial.mark);
    expect(whole.continued).toBe(true);
    expect(keys(whole.ops)).toEqual(['b']);
  });

  it('reads a journal without a name line whole, every time', async () => {
    writeFileSync(file(), journalLine([op('a', 'A')]));
    const read = await readJournal('demo', 'en');
    expect(keys(read.ops)).toEqual(['a']);
    expect(read.mark).toBeUndefined();
  });

  it('starts a journal after a torn line on a fresh line', async () => {
    await appendJournal('demo', 'en', [op('a', 'A')]);
    appendFileSync(file(), '{"ops":[{"key":"torn"');
    await appendJournal('demo', 'en', [op('b', 'B')]);
    expect(keys((await readJournal('demo', 'en')).ops)).toEqual(['a', 'b']);
  });
});
