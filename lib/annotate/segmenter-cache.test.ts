import { describe, expect, it } from 'vitest';
import { forgetWordList } from './segment';
import { getSegmenter } from './segmenter';

describe('forgetWordList', () => {
  const cases = [
    { title: 'Chinese words of the list', words: ['小镇上', 'No Priors', '小镇|上'], han: ['小镇上'] },
    { title: 'an empty list', words: [], han: [] },
  ];
  it.each(cases)(
    'drops the segmenter of $title, and only that one',
    ({ words, han }) => {
      const kept = getSegmenter(['留下的词']);
      const first = getSegmenter(han);
      expect(getSegmenter(han)).toBe(first);
      forgetWordList(words);
      expect(getSegmenter(han)).not.toBe(first);
      expect(getSegmenter(['留下的词'])).toBe(kept);
    },
    60_000,
  );
});
