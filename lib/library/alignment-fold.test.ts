import { describe, expect, it } from 'vitest';
import { ALIGNMENT_FOLD_MIN_BYTES, ALIGNMENT_FOLD_QUIET_MS, alignmentFoldDelay } from './alignment-fold';

describe('alignmentFoldDelay', () => {
  const MB = 1024 * 1024;
  const cases = [
    { name: 'one save of a novel: wait for quiet', journal: 700, file: 2 * MB, delay: ALIGNMENT_FOLD_QUIET_MS },
    { name: 'a journal a quarter of the file: at once', journal: MB / 2, file: 2 * MB, delay: 0 },
    { name: 'just under a quarter: wait', journal: MB / 2 - 1, file: 2 * MB, delay: ALIGNMENT_FOLD_QUIET_MS },
    { name: 'a small text: not before the least size', journal: 10_000, file: 20_000, delay: ALIGNMENT_FOLD_QUIET_MS },
    { name: 'a small text past the least size', journal: ALIGNMENT_FOLD_MIN_BYTES, file: 20_000, delay: 0 },
    { name: 'no file yet: from the least size', journal: ALIGNMENT_FOLD_MIN_BYTES, file: 0, delay: 0 },
  ];
  it.each(cases)('$name', ({ journal, file, delay }) => expect(alignmentFoldDelay(journal, file)).toBe(delay));
});
