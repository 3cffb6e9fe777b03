import { describe, expect, it } from 'vitest';
import { readingRoute } from './routes';

describe('readingRoute', () => {
  it.each([
    ['/read/novel', { slug: 'novel' }],
    ['/zh/read/novel/', { slug: 'novel' }],
    ['/read/novel/p/k3x9qa', { slug: 'novel', kind: 'p', id: 'k3x9qa' }],
    ['/en/read/novel/s/bw03oj', { slug: 'novel', kind: 's', id: 'bw03oj' }],
    ['/read/novel/contents', { slug: 'novel', kind: 'contents' }],
    ['/zh/read/novel/contents/', { slug: 'novel', kind: 'contents' }],
    ['/read/novel/contents/extra', undefined],
    ['/read/novel/s', undefined],
    ['/read/novel/x/k3x9qa', undefined],
    ['/search', undefined],
  ])('%s', (path, expected) => {
    expect(readingRoute(path)).toEqual(expected);
  });
});
