import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { migrate, splitStatements } from './migrations';
import {
  findGlosses,
  findParagraphs,
  recordedTexts,
  recordIdentity,
  removeText,
  writeText,
  type ParagraphRow,
} from './paragraph-index';
import { chineseLexemes, chineseQueryLexemes } from './terms';
import { OPEN_TIMEOUT_MS, testEngines } from './test-engines';

const ordered = { ordered: true };

function row(id: string, position: number, zh: string, en?: string, pinyin: string[] = []): ParagraphRow {
  return {
    id,
    position,
    type: 'paragraph',
    zh,
    zhTerms: chineseLexemes(zh),
    pinyinTerms: pinyin,
    glosses: en ? [{ lang: 'en', text: en, status: 'draft' }] : [],
  };
}

const article = [
  row('p1', 1, '人工智能正在改变教育。', 'Artificial intelligence is changing education.', [
    'ren',
    'gong',
    'zhi',
    'neng',
    'zhi+neng',
  ]),
  row('p2', 2, '模型通过蒸馏变小。', 'Models become smaller through distillation.', ['zheng', 'liu', 'zheng+liu']),
  row('p3', 3, '智', 'Wisdom'),
  row('p4', 4, '他说：“我认为这是智能体的十年。”', "He said: 'I think this is the decade of agents.'"),
];

describe('splitStatements', () => {
  const cases = [
    { input: '', expected: [] },
    { input: 'A; B', expected: ['A', 'B'] },
    { input: 'A $$x;y$$; B;', expected: ['A $$x;y$$', 'B'] },
    { input: '-- a; comment\nA;', expected: ['A'] },
  ];
  for (const { input, expected } of cases)
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(splitStatements(input)).toEqual(expected);
    });
});

for (const engine of testEngines()) {
  describe.skipIf(engine.skip !== undefined)(`the paragraph index on ${engine.name}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await engine.open();
      await writeText(db, 'article', article, { identity: 'i1', hash: 'h1' }, 2);
    }, OPEN_TIMEOUT_MS);
    afterAll(async () => {
      await db?.close();
    });

    it('migrates once', async () => {
      expect(await migrate(db)).toEqual([]);
    });

    const queries = [
      { field: 'zh' as const, term: '智', expected: ['p1', 'p3', 'p4'] },
      { field: 'zh' as const, term: '智能', expected: ['p1', 'p4'] },
      { field: 'zh' as const, term: '人工智能', expected: ['p1'] },
      { field: 'zh' as const, term: '智能体', expected: ['p4'] },
      { field: 'zh' as const, term: '能正', expected: ['p1'] },
      { field: 'zh' as const, term: '能改', expected: [] },
      { field: 'zh' as const, term: "'智' | '模'", expected: [] },
    ];
    for (const { field, term, expected } of queries) {
      it(`finds ${term} in ${JSON.stringify(expected)}`, async () => {
        const found = await findParagraphs(db, field, chineseQueryLexemes(term), ordered);
        expect(found.map((ref) => ref.id)).toEqual(expected);
      });
    }

    it('finds pinyin syllables and pairs', async () => {
      expect((await findParagraphs(db, 'pinyin', ['zheng+liu'], ordered)).map((r) => r.id)).toEqual(['p2']);
      expect((await findParagraphs(db, 'pinyin', ['zhi'], ordered)).map((r) => r.id)).toEqual(['p1']);
    });

    const glossQueries = [
      { words: 'distilled', expected: ['p2'] },
      { words: 'changes', expected: ['p1'] },
      { words: "decade agent's", expected: ['p4'] },
      { words: 'the', expected: [] },
      { words: "') OR 1=1 --", expected: [] },
    ];
    for (const { words, expected } of glossQueries) {
      it(`finds English ${JSON.stringify(words)} in ${JSON.stringify(expected)}`, async () => {
        expect((await findGlosses(db, 'en', words, ordered)).map((r) => r.id)).toEqual(expected);
      });
    }

    it('records what it indexed, and a new identity', async () => {
      await recordIdentity(db, 'article', 'i2');
      expect(await recordedTexts(db)).toEqual(new Map([['article', { identity: 'i2', hash: 'h1' }]]));
    });

    it('re-indexes a changed text: removed blocks go, changed ones are found by their new words only', async () => {
      const changed = [article[0]!, row('p2', 2, '模型通过压缩变小。', 'Models shrink by compression.'), article[2]!];
      await writeText(db, 'other', article, { identity: 'o1', hash: 'o1' });
      await writeText(db, 'article', changed, { identity: 'i3', hash: 'h3' });
      expect((await findParagraphs(db, 'zh', ['蒸馏'], { slug: 'article' })).length).toBe(0);
      expect((await findParagraphs(db, 'zh', ['压缩'], ordered)).map((r) => r.id)).toEqual(['p2']);
      expect((await findParagraphs(db, 'zh', chineseQueryLexemes('智能体'), ordered)).map((r) => `${r.slug}/${r.id}`)).toEqual([
        'other/p4',
      ]);
      expect((await findGlosses(db, 'en', 'distillation', ordered)).map((r) => r.slug)).toEqual(['other']);
      expect((await recordedTexts(db)).get('article')).toEqual({ identity: 'i3', hash: 'h3' });
    });

    it('removes a text', async () => {
      await removeText(db, 'other');
      expect((await findParagraphs(db, 'zh', ['蒸馏'])).length).toBe(0);
      expect([...(await recordedTexts(db)).keys()]).toEqual(['article']);
    });
  });
}
