import { describe, expect, it } from 'vitest';
import { heapTooSmall, MIN_HEAP_MB } from './cache-bounds';

describe('heapTooSmall', () => {
  const MB = 1024 * 1024;
  const cases = [
    { heap: 192 * MB, refused: true },
    { heap: 255 * MB, refused: true },
    { heap: 256 * MB, refused: false },
    { heap: 512 * MB, refused: false },
    { heap: 4096 * MB, refused: false },
  ];
  it.each(cases)('$heap bytes → refused: $refused', ({ heap, refused }) => {
    const problem = heapTooSmall(heap);
    expect(problem !== undefined).toBe(refused);
    if (problem) {
      expect(problem).toContain(`${Math.floor(heap / MB)} MB heap`);
      expect(problem).toContain(`BILINGUAL_HEAP_MB=${MIN_HEAP_MB}`);
    }
  });
});
