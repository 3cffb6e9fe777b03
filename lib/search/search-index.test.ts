import { describe, expect, it } from 'vitest';
import { pinyinByOffset } from '@/lib/annotate/pinyin';
import type { SearchEngine } from './engine';
import { createFlexSearchEngine } from './flexsearch-engine';
import { createMiniSearchEngine } from './minisearch-engine';
import { parseQuery } from './query';
import { SearchIndex, type SearchOptions } from './search-index';

const BLOCKS = [
  {
    id: 'p1',
    type: 'paragraph',
    zh: '人工智能正在改变世界。',
    en: 'Artificial intelligence is changing the world.',
    status: 'reviewed',
  },
  {
    id: 'p2',
    type: 'paragraph',
    zh: '特斯拉的自动驾驶依靠神经网络。',
    en: 'Tesla’s self-driving relies on neural networks.',
    status: 'draft',
  },
  {
    id: 'p3',
    type: 'paragraph',
    zh: '自动驾驶汽车很多，但特斯拉不同。',
    en: 'There are many self-driving cars, but Tesla is different.',
    status: 'reviewed',
  },
  {
    id: 'p4',
    type: 'paragraph',
    zh: '知识蒸馏把大模型变小。',
    en: 'Knowledge distillation makes large models small; they distilled it.',
    status: 'reviewed',
  },
  { id: 'p5', type: 'paragraph', zh: '模型经过蒸馏。', en: 'The models were distilled into smaller ones.', status: 'stale' },
  { id: 'p6', type: 'paragraph', zh: '用ＡＩ赋能，头发也是。', status: 'untranslated' },
  { id: 'p7', type: 'heading', zh: '小模型', en: 'Small models distill knowledge', status: 'draft' },
  { id: 'p8', type: 'paragraph', zh: '他谈到了一家公司。', en: 'He talked about a café.', status: 'reviewed' },
  { id: 'p10', type: 'paragraph', zh: '水蒸，馏出。', status: 'untranslated' },
  {
    id: 'p9',
    type: 'paragraph',
    zh: '驾驶员让它自动停车。',
    en: 'The driver lets it park by itself; self checks run while driving.',
    status: 'draft',
  },
];

// Every case runs on both engines: the index must not depend on which one is behind it.
const ENGINES: [string, () => SearchEngine][] = [
  ['flexsearch', createFlexSearchEngine],
  ['minisearch', createMiniSearchEngine],
];

for (const [engineName, createEngine] of ENGINES) {
  describe(engineName, () => {
    function library() {
      const index = new SearchIndex(createEngine(), pinyinByOffset);
      index.setText('seed', { zh: '标题', en: 'Title' }, BLOCKS);
      index.setText('other', { zh: '另一篇' }, [
        { id: 'q1', type: 'paragraph', zh: '人工智能和机器学习。', en: 'AI and machine learning.', status: 'draft' },
      ]);
      return index;
    }

    function ids(index: SearchIndex, query: string, options: Partial<SearchOptions> = {}): string[] {
      const parsed = query ? parseQuery(query) : { ok: true as const, terms: [] };
      if (!parsed.ok) throw new Error(parsed.error);
      return index.search(parsed.terms, { limit: 50, offset: 0, ...options }).results.map((r) => r.id);
    }

    describe('SearchIndex: what a query finds', () => {
      const index = library();
      const cases = [
        { rule: 'Chinese by characters, not segmenter words', query: '智能', expected: ['p1', 'q1'] },
        { rule: 'one character', query: '馏', expected: ['p4', 'p5', 'p10'] },
        { rule: 'pinyin does not run across punctuation', query: 'zhengliu', expected: ['p4', 'p5'] },
        { rule: 'all terms must match', query: '自动驾驶 特斯拉', expected: ['p2', 'p3'] },
        { rule: 'traditional finds simplified', query: '頭髮', expected: ['p6'] },
        { rule: 'traditional phrase', query: '自動駕駛', expected: ['p2', 'p3'] },
        { rule: 'full-width and half-width fold', query: 'AI', expected: ['q1', 'p6'] },
        { rule: 'full-width query', query: 'ＡＩ赋能', expected: ['p6'] },
        { rule: 'English inflections', query: 'distill', expected: ['p4', 'p5', 'p7'] },
        { rule: 'English case', query: 'TESLA', expected: ['p2', 'p3'] },
        { rule: 'accents', query: 'cafe', expected: ['p8'] },
        { rule: 'quoted phrase', query: '"distilled models"', expected: [] },
        { rule: 'quoted phrase in order', query: '"models distill"', expected: ['p7'] },
        { rule: 'pinyin without tones', query: 'zhengliu', expected: ['p4', 'p5'] },
        { rule: 'pinyin with tone marks', query: 'zhēngliú', expected: ['p4', 'p5'] },
        { rule: 'pinyin with tone numbers', query: 'zheng1 liu2', expected: ['p4', 'p5'] },
        { rule: 'pinyin with the wrong tone', query: 'zheng4liu2', expected: [] },
        { rule: 'pinyin with tone marks and a space', query: 'zhēng liú', expected: ['p4', 'p5'] },
        { rule: 'one syllable with its tone', query: 'liú', expected: ['p4', 'p5', 'p10'] },
        { rule: 'one syllable with another tone', query: 'liù', expected: [] },
        { rule: 'pinyin reading in context (了 is le here)', query: 'tandaole', expected: ['p8'] },
        { rule: 'nothing', query: '量子', expected: [] },
      ];
      for (const { rule, query, expected } of cases) {
        it(`${rule}: ${query}`, () => {
          expect(ids(index, query).sort()).toEqual([...expected].sort());
        });
      }

      it('ranks a block holding the whole phrase before one holding the words apart', () => {
        expect(ids(index, 'self driving').at(-1)).toBe('p9');
        expect(ids(index, 'self driving')).toHaveLength(3);
        expect(ids(index, '自动 驾驶').at(-1)).toBe('p9');
        // 水蒸，馏出 holds zheng and liu apart and comes first in its text; 蒸馏 holds them together.
        const own = library();
        own.setText('order', { zh: '次序' }, [
          { id: 'a1', type: 'paragraph', zh: '水蒸，馏出。' },
          { id: 'a2', type: 'paragraph', zh: '蒸馏。' },
        ]);
        expect(ids(own, 'zheng liu', { text: 'order' })).toEqual(['a2', 'a1']);
        expect(ids(own, 'zhengliu', { text: 'order' })).toEqual(['a2']);
        expect(ids(index, 'tesla different')).toEqual(['p3']);
      });

      it('filters by field', () => {
        expect(ids(index, 'distill', { field: 'zh' })).toEqual([]);
        expect(ids(index, 'zhengliu', { field: 'en' })).toEqual([]);
        expect(ids(index, 'zhengliu', { field: 'pinyin' }).sort()).toEqual(['p4', 'p5']);
      });

      it('filters by status and text, and lists a work queue without a query', () => {
        expect(ids(index, '智能', { statuses: ['draft'] })).toEqual(['q1']);
        expect(ids(index, '智能', { text: 'seed' })).toEqual(['p1']);
        expect(ids(index, '', { statuses: ['stale', 'untranslated'] })).toEqual(['p5', 'p6', 'p10']);
      });
    });

    describe('SearchIndex: highlights', () => {
      const index = library();
      const cases = [
        { query: '智能', id: 'p1', zh: ['智能'], en: [] },
        { query: 'distill', id: 'p4', zh: [], en: ['distillation', 'distilled'] },
        { query: 'zhengliu', id: 'p5', zh: ['蒸馏'], en: [] },
        { query: '頭髮', id: 'p6', zh: ['头发'], en: [] },
        { query: 'AI', id: 'p6', zh: ['ＡＩ'], en: [] },
        { query: 'tesla 特斯拉', id: 'p2', zh: ['特斯拉'], en: ['Tesla'] },
      ];
      for (const { query, id, zh, en } of cases) {
        it(`${query} in ${id}`, () => {
          const parsed = parseQuery(query);
          if (!parsed.ok) throw new Error(parsed.error);
          const hit = index.search(parsed.terms, { limit: 50, offset: 0 }).results.find((r) => r.id === id);
          expect(hit?.highlights.zh.map(([s, e]) => hit.zh.slice(s, e))).toEqual(zh);
          expect(hit?.highlights.en.map(([s, e]) => hit.en.slice(s, e))).toEqual(en);
        });
      }
    });

    describe('SearchIndex: updates', () => {
      it('finds a new gloss at once and no longer finds the old one', () => {
        const index = library();
        expect(ids(index, 'different')).toEqual(['p3']);
        const edited = BLOCKS.map((b) => (b.id === 'p3' ? { ...b, en: 'Many cars drive themselves; Tesla stands apart.' } : b));
        const change = index.setText('seed', { zh: '标题' }, edited);
        expect(change).toEqual({ added: 0, updated: 1, removed: 0, kept: BLOCKS.length - 1 });
        expect(ids(index, 'different')).toEqual([]);
        expect(ids(index, 'apart')).toEqual(['p3']);
      });

      it('follows a status change without indexing again', () => {
        const index = library();
        const change = index.setText(
          'seed',
          { zh: '标题' },
          BLOCKS.map((b) => (b.id === 'p5' ? { ...b, status: 'reviewed' } : b)),
        );
        expect(change.kept).toBe(BLOCKS.length);
        expect(ids(index, '', { statuses: ['stale'] })).toEqual([]);
      });

      it('drops removed blocks and texts', () => {
        const index = library();
        index.setText(
          'seed',
          { zh: '标题' },
          BLOCKS.filter((b) => b.id !== 'p1'),
        );
        expect(ids(index, '智能')).toEqual(['q1']);
        index.removeText('other');
        expect(ids(index, '智能')).toEqual([]);
        expect(index.slugs()).toEqual(['seed']);
      });

      it('finds edited Chinese and forgets the old', () => {
        const index = library();
        index.setText(
          'seed',
          { zh: '标题' },
          BLOCKS.map((b) => (b.id === 'p8' ? { ...b, zh: '量子计算。' } : b)),
        );
        expect(ids(index, '量子')).toEqual(['p8']);
        expect(ids(index, 'tandaole')).toEqual([]);
      });
    });

    describe('SearchIndex: toneless pinyin and long paragraphs', () => {
      const novel = () => {
        const index = new SearchIndex(createEngine(), pinyinByOffset);
        index.setText('novel', { zh: '水浒' }, [
          { id: 'n1', type: 'paragraph', zh: '那人把物送去了。', status: 'untranslated' },
          { id: 'n2', type: 'paragraph', zh: '武松上了景阳冈。', status: 'untranslated' },
          { id: 'n3', type: 'paragraph', zh: '武松打虎。', status: 'untranslated' },
          { id: 'n4', type: 'paragraph', zh: `${'话说'.repeat(400)}武松回到县里。${'后来'.repeat(400)}`, status: 'untranslated' },
        ]);
        return index;
      };

      it('puts the Chinese most hits share first: wusong finds 武松 before 物送', () => {
        const found = ids(novel(), 'wusong');
        expect(found.slice(0, 3).sort()).toEqual(['n2', 'n3', 'n4']);
        expect(found[3]).toBe('n1');
        // With tones, only the name is found.
        expect(ids(novel(), 'wu3song1').sort()).toEqual(['n2', 'n3', 'n4']);
      });

      it('shows a long paragraph as the part around its first match, with the match marked in it', () => {
        const parsed = parseQuery('武松');
        if (!parsed.ok) throw new Error(parsed.error);
        const hit = novel()
          .search(parsed.terms, { limit: 10, offset: 0 })
          .results.find((r) => r.id === 'n4');
        if (!hit) throw new Error('n4 not found');
        expect(hit.zh.length).toBeLessThan(320);
        expect(hit.zh.startsWith('…') && hit.zh.endsWith('…')).toBe(true);
        const [start, end] = hit.highlights.zh[0] ?? [0, 0];
        expect(hit.zh.slice(start, end)).toBe('武松');
      });
    });

    describe('SearchIndex: indexing gradually', () => {
      it('gives the event loop turns while a text is indexed, and ends as setText does', async () => {
        const gradual = new SearchIndex(createEngine(), pinyinByOffset);
        let done = false;
        let turns = 0;
        const tick = () => {
          turns += 1;
          if (!done) setImmediate(tick);
        };
        setImmediate(tick);
        await gradual.setTextGradually('seed', { zh: '标题' }, BLOCKS, 20);
        done = true;
        expect(turns).toBeGreaterThan(5);
        const whole = new SearchIndex(createEngine(), pinyinByOffset);
        whole.setText('seed', { zh: '标题' }, BLOCKS);
        for (const query of ['智能', 'zhengliu', 'distill', '自动驾驶 特斯拉'])
          expect(ids(gradual, query)).toEqual(ids(whole, query));
      });
    });

    describe('SearchIndex: indexing many short blocks', () => {
      it('gives the event loop turns by blocks too, not only by characters', async () => {
        const short = Array.from({ length: 2_000 }, (_, i) => ({ id: `b${i}`, type: 'paragraph' as const, zh: '字' }));
        const gradual = new SearchIndex(createEngine(), pinyinByOffset);
        let done = false;
        let turns = 0;
        const tick = () => {
          turns += 1;
          if (!done) setImmediate(tick);
        };
        setImmediate(tick);
        // 2,000 characters in all: a pause every 20,000 characters alone would never come.
        await gradual.setTextGradually('lines', { zh: '标题' }, short, 20_000);
        done = true;
        expect(turns).toBeGreaterThan(4);
        expect(gradual.size).toBe(2_000);
      });
    });

    describe('SearchIndex: pages', () => {
      it('pages through results with a cursor', () => {
        const index = new SearchIndex(createEngine(), pinyinByOffset);
        const blocks = Array.from({ length: 25 }, (_, i) => ({
          id: `b${i}`,
          type: 'paragraph',
          zh: `第${i}段模型。`,
          status: 'untranslated',
        }));
        index.setText('long', { zh: '长' }, blocks);
        const parsed = parseQuery('模型');
        if (!parsed.ok) throw new Error(parsed.error);
        const first = index.search(parsed.terms, { limit: 10, offset: 0 });
        expect(first.total).toBe(25);
        expect(first.results.map((r) => r.id)).toEqual(blocks.slice(0, 10).map((b) => b.id));
        expect(first.next).toBe('10');
        const last = index.search(parsed.terms, { limit: 10, offset: 20 });
        expect(last.results).toHaveLength(5);
        expect(last.next).toBeNull();
      });
    });
  });
}
