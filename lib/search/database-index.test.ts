import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/database';
import { findGlosses, findParagraphs } from '@/lib/db/paragraph-index';
import { chineseQueryLexemes } from '@/lib/db/terms';
import { OPEN_TIMEOUT_MS, testEngines } from '@/lib/db/test-engines';

const ordered = { ordered: true };
import { loadText } from '@/lib/library/load';
import { makeDataDir } from '@/lib/testing/data-dir';
import { syncDatabaseIndex } from './database-index';

const DEMO = '---\ntitle: 测试\n---\n\n人工智能正在改变世界。\n\n知识蒸馏把大模型变小。\n';
const OTHER = '# 另一篇\n\n智能体的十年。\n';

for (const engine of testEngines()) {
  describe.skipIf(engine.skip !== undefined)(`syncDatabaseIndex on ${engine.name}`, () => {
    let db: Database;
    let data: ReturnType<typeof makeDataDir>;
    beforeAll(async () => {
      db = await engine.open();
    }, OPEN_TIMEOUT_MS);
    afterAll(async () => {
      await db?.close();
    });
    beforeEach(async () => {
      data = makeDataDir({ files: { 'content/demo.md': DEMO, 'content/other.md': OTHER } });
      await syncDatabaseIndex(db, { full: true });
    }, 60_000);
    afterEach(() => data.dispose());

    const zh = async (term: string) =>
      (await findParagraphs(db, 'zh', chineseQueryLexemes(term), ordered)).map((ref) => ref.slug);

    it('indexes every text, then leaves unchanged files alone', async () => {
      expect(await zh('智能')).toEqual(['demo', 'other']);
      expect(await syncDatabaseIndex(db)).toMatchObject({ indexed: [], kept: 2, recorded: 0, removed: [] });
    });

    it('finds pinyin as the reader reads it', async () => {
      expect((await findParagraphs(db, 'pinyin', ['zheng+liu'], ordered)).map((ref) => ref.slug)).toEqual(['demo']);
    });

    const changes: { name: string; change: () => void; expected: Record<string, unknown>; after: Record<string, string[]> }[] = [
      {
        name: 'an edited text is indexed again by itself',
        change: () => data.write('content/other.md', '# 另一篇\n\n机器人的十年。\n'),
        expected: { indexed: ['other'], kept: 1 },
        after: { 智能: ['demo'], 机器人: ['other'] },
      },
      {
        name: 'a file rewritten with the same bytes is only recorded',
        change: () => {
          data.write('content/other.md', OTHER);
        },
        expected: { indexed: [], kept: 1, recorded: 1 },
        after: { 智能: ['demo', 'other'] },
      },
      {
        name: 'an added text is indexed, a removed one dropped',
        change: () => {
          rmSync(data.file('content/other.md'));
          data.write('content/third.md', '# 第三\n\n智能汽车。\n');
        },
        expected: { indexed: ['third'], kept: 1, removed: ['other'] },
        after: { 智能: ['demo', 'third'], 十年: [] },
      },
    ];
    for (const { name, change, expected, after } of changes) {
      it(name, async () => {
        change();
        expect(await syncDatabaseIndex(db)).toMatchObject(expected);
        for (const [term, slugs] of Object.entries(after)) expect(await zh(term), term).toEqual(slugs);
      });
    }

    it('indexes a new English gloss by its stems, the text alone', async () => {
      const loaded = await loadText('demo');
      const id = loaded?.ok ? loaded.text.blocks.find((block) => block.text.includes('蒸馏'))?.id : undefined;
      if (!id) throw new Error('demo did not load');
      expect(await findGlosses(db, 'en', 'distilled')).toEqual([]);
      data.write('locales/en/demo.json', JSON.stringify({ [id]: 'Knowledge distillation makes big models small.' }));
      expect(await syncDatabaseIndex(db)).toMatchObject({ indexed: ['demo'], kept: 1 });
      expect(await findGlosses(db, 'en', 'distilled')).toEqual([{ slug: 'demo', id }]);
    });

    it('re-indexes everything when asked', async () => {
      expect((await syncDatabaseIndex(db, { full: true })).indexed).toEqual(['demo', 'other']);
    });
  });
}
