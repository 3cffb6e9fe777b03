import { describe, expect, it } from 'vitest';
import { concordance } from './concordance';
import { InMemoryMemoryIndex, type MemoryUnit } from './memory-index';

const units: MemoryUnit[] = [
  { slug: 'a', id: '1', zh: '特斯拉发布了新车。', gloss: 'Tesla released a new car.', status: 'reviewed' },
  { slug: 'a', id: '2', zh: '两家特斯拉工厂', gloss: 'two Teslas factories', status: 'draft' },
  { slug: 'b', id: '1', zh: '特斯拉和特斯拉', gloss: 'Tesla and Tesla', status: 'draft' },
  { slug: 'b', id: '2', zh: '特斯拉的股价', gloss: 'the share price of the carmaker', status: 'draft' },
  { slug: 'b', id: '3', zh: '斯拉夫人', gloss: 'Slavs', status: 'draft' },
];
const index = new InMemoryMemoryIndex();
for (const u of units) index.addUnit(u);
const renderingsOf = (term: string) => (term === '特斯拉' ? ['Tesla'] : term === '车' ? ['car'] : []);

describe('concordance', () => {
  const cases = [
    {
      name: 'Chinese term grouped by rendering',
      q: '特斯拉',
      total: 4,
      renderings: [
        { text: 'Tesla', count: 2 },
        { text: 'Teslas', count: 1 },
        { text: '', count: 1 },
      ],
      first: 'a/1',
    },
    { name: 'one character', q: '车', total: 1, renderings: [{ text: 'car', count: 1 }], first: 'a/1' },
    {
      name: 'English, whole words, any case',
      q: 'tesla',
      total: 3,
      renderings: [
        { text: 'Tesla', count: 2 },
        { text: 'Teslas', count: 1 },
      ],
      first: 'a/1',
    },
    {
      name: 'a substring of a longer word is not found',
      q: 'Slav',
      total: 1,
      renderings: [{ text: 'Slavs', count: 1 }],
      first: 'b/3',
    },
    { name: 'nothing', q: '飞机', total: 0, renderings: [], first: undefined },
    { name: 'empty', q: '  ', total: 0, renderings: [], first: undefined },
  ];
  for (const c of cases)
    it(c.name, () => {
      const page = concordance(index, c.q, renderingsOf, { limit: 10, offset: 0 });
      expect(page.total).toBe(c.total);
      expect(page.renderings).toEqual(c.renderings);
      expect(page.results[0] && `${page.results[0].slug}/${page.results[0].id}`).toBe(c.first);
    });

  it('marks every place in the Chinese and the rendering in the translation', () => {
    const line = concordance(index, '特斯拉', renderingsOf, { limit: 10, offset: 0 }).results.find(
      (r) => r.slug === 'b' && r.id === '1',
    );
    expect(line?.highlights).toEqual({
      zh: [
        [0, 3],
        [4, 7],
      ],
      gloss: [[0, 5]],
    });
  });

  it('pages with a cursor', () => {
    const first = concordance(index, '特斯拉', renderingsOf, { limit: 3, offset: 0 });
    const second = concordance(index, '特斯拉', renderingsOf, { limit: 3, offset: first.next ?? 0 });
    expect(first.next).toBe(3);
    expect(second.results.map((r) => `${r.slug}/${r.id}`)).toEqual(['b/2']);
    expect(second.next).toBeNull();
  });

  it('keeps to the texts given', () => {
    expect(concordance(index, '特斯拉', renderingsOf, { limit: 10, offset: 0, slugs: new Set(['b']) }).total).toBe(2);
  });
});
