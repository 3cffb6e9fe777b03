import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getLearnerProgress, getLearnerWords, mergeLearnerProgress, mergeLearnerWords } from './learner-sync';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const context = (id: string) => ({
  sentence: '我去银行。',
  english: '',
  slug: 'essay',
  title: 'Essay',
  permalink: `/read/essay#${id}`,
  savedAt: at(0),
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
      mergeLearnerWords('Rita', [{ word: '银行', pinyin: 'yín háng', senses: [], hsk: 2, contexts: [context('aaaaaa')] }]),
      mergeLearnerWords('Rita', [{ word: '银行', pinyin: 'yín háng', senses: [], hsk: 2, contexts: [context('bbbbbb')] }]),
    ]);
    const words = await getLearnerWords('Rita');
    expect(words.map((w) => w.contexts.length)).toEqual([2]);
  });
});
