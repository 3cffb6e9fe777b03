import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearLearnerWords, getLearnerProgress, getLearnerWords, mergeLearnerProgress, mergeLearnerWords } from './learner-sync';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const bank = (id: string, savedAt: string) => ({
  word: '银行',
  pinyin: 'yín háng',
  senses: [],
  hsk: 2,
  contexts: [{ sentence: '我去银行。', english: '', slug: 'essay', title: 'Essay', permalink: `/read/essay#${id}`, savedAt }],
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'learner-'));
  process.env.BILINGUAL_DATA_DIR = dir;
});
afterEach(async () => {
  delete process.env.BILINGUAL_DATA_DIR;
  await rm(dir, { recursive: true, force: true });
});

describe('learner data kept per account', () => {
  it('starts empty, keeps progress per account, and names no file after the account', async () => {
    expect(await getLearnerProgress('Rita')).toEqual({});
    await mergeLearnerProgress('Rita', { essay: { id: 'aaaaaa', share: 0.5, at: at(1) } });
    expect(await getLearnerProgress('Rita')).toEqual({ essay: { id: 'aaaaaa', share: 0.5, at: at(1) } });
    expect(await getLearnerProgress('../Rita')).toEqual({});
    const files = await readdir(path.join(dir, 'learners'));
    expect(files.some((f) => f.includes('Rita'))).toBe(false);
  });

  it('concurrent merges from two devices lose nothing', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        mergeLearnerProgress('Rita', { [`text${i}`]: { id: 'aaaaaa', share: 0.1, at: at(i) } }),
      ),
    );
    expect(Object.keys(await getLearnerProgress('Rita'))).toHaveLength(12);
    await Promise.all([
      mergeLearnerWords('Rita', { words: [bank('aaaaaa', at(0))], removed: [] }),
      mergeLearnerWords('Rita', { words: [bank('bbbbbb', at(0))], removed: [] }),
    ]);
    const { words } = await getLearnerWords('Rita');
    expect(words.map((w) => w.contexts.length)).toEqual([2]);
  });

  it('a removal sent by one device sticks when another sends its older copy; a later save comes back', async () => {
    const recent = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await mergeLearnerWords('Rita', { words: [bank('aaaaaa', recent(30))], removed: [] });
    const removed = [{ word: '银行', removedAt: recent(20) }];
    expect(await mergeLearnerWords('Rita', { words: [], removed })).toEqual({ words: [], removed });
    expect((await mergeLearnerWords('Rita', { words: [bank('aaaaaa', recent(30))], removed: [] })).words).toEqual([]);
    const resaved = recent(10);
    const again = await mergeLearnerWords('Rita', { words: [bank('aaaaaa', resaved)], removed: [] });
    expect(again.words.map((w) => w.contexts[0]?.savedAt)).toEqual([resaved]);
  });

  it('deleting the account’s list keeps older copies from other devices out, but not later saves', async () => {
    const recent = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await mergeLearnerWords('Rita', { words: [bank('aaaaaa', recent(30))], removed: [] });
    await clearLearnerWords('Rita');
    expect(await getLearnerWords('Rita')).toEqual({ words: [], removed: [] });
    expect((await mergeLearnerWords('Rita', { words: [bank('aaaaaa', recent(30))], removed: [] })).words).toEqual([]);
    const later = new Date(Date.now() + 1_000).toISOString();
    expect((await mergeLearnerWords('Rita', { words: [bank('bbbbbb', later)], removed: [] })).words).toHaveLength(1);
  });

  it('reads a list kept as a bare array (before removals were synced)', async () => {
    await mkdir(path.join(dir, 'learners'), { recursive: true });
    await mergeLearnerWords('Rita', { words: [], removed: [] });
    const [file] = await readdir(path.join(dir, 'learners'));
    await writeFile(path.join(dir, 'learners', file!), JSON.stringify([bank('aaaaaa', at(0))]));
    expect((await getLearnerWords('Rita')).words.map((w) => w.word)).toEqual(['银行']);
  });
});
