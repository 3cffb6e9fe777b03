// The measurement behind the choice of database (docs/search.md, "The database"): PGlite against
// SQLite's FTS5 (better-sqlite3) on the same data and the same lexemes (single Han characters and
// bigrams for the Chinese, words for the English; pinyin left out of both, being the same lexemes
// again): build time, size on disk, query p50/p95, and the longest event-loop block during a
// query and during an index update. better-sqlite3 is not a dependency (it compiles from source
// on install): `npm install --prefix /tmp/sqlite better-sqlite3@12.11.1`, then
// `BETTER_SQLITE3_DIR=/tmp/sqlite/node_modules/better-sqlite3 npm run -s bench:db-engines`;
// without it only PGlite is measured. `--novels N` (default 3) sets how many novel-length texts.
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Database, Queryable } from '@/lib/db/database';
import { migrate } from '@/lib/db/migrations';
import { analyze, findGlosses, findParagraphs, writeText, type ParagraphRow } from '@/lib/db/paragraph-index';
import { openPglite } from '@/lib/db/pglite-adapter';
import { chineseLexemes, chineseQueryLexemes } from '@/lib/db/terms';
import { generateLongText } from '@/lib/testing/long-text';
import { articleSentences } from '../lib/long-text-files';

const ZH_QUERIES = ['智', '的', '智能', '模型', '人工智能', '自动驾驶', '强化学习', '特斯拉'];
const EN_QUERIES = ['distillation', 'models', 'the', 'self driving'];
const RUNS = 20;

/** Longest gap between two turns of the event loop while `work` runs: how long it kept the loop. */
async function longestBlock<T>(work: () => Promise<T> | T): Promise<{ result: T; blockMs: number; ms: number; cpuMs: number }> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const probe = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(probe);
  };
  setImmediate(probe);
  const started = performance.now();
  const cpu = process.cpuUsage();
  last = started;
  const result = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  longest = Math.max(longest, performance.now() - last);
  running = false;
  return { result, blockMs: longest, ms, cpuMs };
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
};
const f = (value: number) => value.toFixed(1);

interface Text {
  slug: string;
  rows: ParagraphRow[];
  chars: number;
}

function textOf(slug: string, source: string, glosses: Map<number, string>): Text {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const blocks = body
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  let chars = 0;
  const rows = blocks.map((zh, i) => {
    const en = glosses.get(i);
    chars += zh.length + (en?.length ?? 0);
    return {
      id: `b${i}`,
      position: i,
      type: zh.startsWith('#') ? 'heading' : 'paragraph',
      zh,
      zhTerms: chineseLexemes(zh),
      pinyinTerms: [],
      glosses: en ? [{ lang: 'en', text: en }] : [],
    };
  });
  return { slug, rows, chars };
}

async function library(novels: number): Promise<Text[]> {
  const sentences = await articleSentences();
  const texts: Text[] = [];
  const article = generateLongText({ paragraphs: 250, ...sentences, seed: 1 });
  texts.push(textOf('article', article.source, article.glosses));
  const long = generateLongText({ paragraphs: 10_000, ...sentences, sentences: 11, seed: 2 });
  texts.push(textOf('long-text', long.source, long.glosses));
  for (let i = 0; i < novels; i++) {
    const novel = generateLongText({ paragraphs: 8_000, ...sentences, sentences: 11, seed: 10 + i });
    texts.push(textOf(`novel-${i + 1}`, novel.source, novel.glosses));
  }
  return texts;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

interface Figures {
  engine: string;
  buildS: number;
  buildBlockMs: number;
  sizeMb: number;
  zh: number[];
  en: number[];
  zhCpu: number[];
  enCpu: number[];
  queryBlockMs: number;
  saveBlockMs: number;
  reindexBlockMs: number;
}

async function measurePglite(texts: Text[], dir: string): Promise<Figures> {
  const db: Database = await openPglite(dir);
  await migrate(db);
  let buildBlockMs = 0;
  const build = await longestBlock(async () => {
    for (const text of texts) {
      const step = await longestBlock(() => writeText(db, text.slug, text.rows, { identity: text.slug, hash: text.slug }));
      buildBlockMs = Math.max(buildBlockMs, step.blockMs);
      console.log(`  PGlite: ${text.slug} (${text.rows.length} blocks) in ${f(step.ms / 1000)} s`);
    }
  });
  await analyze(db);
  const figures = await queries(
    (term) => findParagraphs(db, 'zh', chineseQueryLexemes(term), { limit: 1000 }),
    (words) => findGlosses(db, 'en', words, { limit: 1000 }),
  );
  const long = texts[1]!;
  const one = [{ ...long.rows[5]!, zh: `${long.rows[5]!.zh}改`, zhTerms: chineseLexemes(`${long.rows[5]!.zh}改`) }];
  const save = await longestBlock(() =>
    db.transaction(async (tx) => {
      await writeTextRows(tx, long.slug, one);
    }),
  );
  const changed = long.rows.map((row, i) =>
    i === 7 ? { ...row, zh: `${row.zh}变`, zhTerms: chineseLexemes(`${row.zh}变`) } : row,
  );
  const reindex = await longestBlock(() => writeText(db, long.slug, changed, { identity: 'x', hash: 'y' }));
  await db.query('CHECKPOINT');
  await db.close();
  return {
    engine: 'PGlite 0.6.1',
    buildS: build.ms / 1000,
    buildBlockMs,
    sizeMb: folderBytes(dir) / 1024 / 1024,
    ...figures,
    saveBlockMs: save.blockMs,
    reindexBlockMs: reindex.blockMs,
  };
}

/** One paragraph upserted, as a save does. */
async function writeTextRows(db: Queryable, slug: string, rows: ParagraphRow[]): Promise<void> {
  const sep = '\u0001';
  for (const row of rows) {
    await db.query(
      `UPDATE paragraphs SET zh = $3, zh_terms = array_to_tsvector(string_to_array($4, $5)) WHERE slug = $1 AND id = $2`,
      [slug, row.id, row.zh, [...new Set(row.zhTerms)].join(sep), sep],
    );
  }
}

async function queries(
  zh: (term: string) => Promise<unknown[]> | unknown[],
  en: (words: string) => Promise<unknown[]> | unknown[],
): Promise<{ zh: number[]; en: number[]; zhCpu: number[]; enCpu: number[]; queryBlockMs: number }> {
  const times = { zh: [] as number[], en: [] as number[], zhCpu: [] as number[], enCpu: [] as number[] };
  let queryBlockMs = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const term of ZH_QUERIES) {
      const { ms, cpuMs, blockMs } = await longestBlock(() => zh(term));
      times.zh.push(ms);
      times.zhCpu.push(cpuMs);
      queryBlockMs = Math.max(queryBlockMs, blockMs);
    }
    for (const words of EN_QUERIES) {
      const { ms, cpuMs, blockMs } = await longestBlock(() => en(words));
      times.en.push(ms);
      times.enCpu.push(cpuMs);
      queryBlockMs = Math.max(queryBlockMs, blockMs);
    }
  }
  return { ...times, queryBlockMs };
}

interface SqliteStatement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}

async function measureSqlite(texts: Text[], dir: string, moduleDir: string): Promise<Figures> {
  const Sqlite = createRequire(import.meta.url)(moduleDir) as new (file: string) => SqliteDatabase;
  const file = path.join(dir, 'index.sqlite');
  const db = new Sqlite(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`CREATE TABLE paragraphs (rid INTEGER PRIMARY KEY, slug TEXT, id TEXT, position INTEGER, zh TEXT, UNIQUE (slug, id));
    CREATE VIRTUAL TABLE zh_fts USING fts5(terms, content='', tokenize='unicode61');
    CREATE VIRTUAL TABLE en_fts USING fts5(gloss, content='', tokenize='porter unicode61');`);
  const insert = db.prepare('INSERT INTO paragraphs (slug, id, position, zh) VALUES (?, ?, ?, ?) RETURNING rid');
  const zhInsert = db.prepare('INSERT INTO zh_fts (rowid, terms) VALUES (?, ?)');
  const enInsert = db.prepare('INSERT INTO en_fts (rowid, gloss) VALUES (?, ?)');
  const batch = db.transaction((slug: string, rows: ParagraphRow[]) => {
    for (const row of rows) {
      const [{ rid }] = insert.all(slug, row.id, row.position, row.zh) as [{ rid: number }];
      zhInsert.run(rid, row.zhTerms.join(' '));
      const en = row.glosses[0]?.text;
      if (en) enInsert.run(rid, en);
    }
  });
  let buildBlockMs = 0;
  const build = await longestBlock(async () => {
    for (const text of texts) {
      for (let start = 0; start < text.rows.length; start += 200) {
        const step = await longestBlock(() => batch(text.slug, text.rows.slice(start, start + 200)));
        buildBlockMs = Math.max(buildBlockMs, step.blockMs);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  });
  const zhQuery = db.prepare(
    'SELECT p.slug, p.id FROM zh_fts JOIN paragraphs p ON p.rid = zh_fts.rowid WHERE zh_fts MATCH ? LIMIT 1000',
  );
  const enQuery = db.prepare(
    'SELECT p.slug, p.id FROM en_fts JOIN paragraphs p ON p.rid = en_fts.rowid WHERE en_fts MATCH ? LIMIT 1000',
  );
  const quote = (words: string[]) => words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ');
  const figures = await queries(
    (term) => zhQuery.all(quote(chineseQueryLexemes(term))),
    (words) => enQuery.all(quote(words.split(/\s+/))),
  );
  // A save: one paragraph's row replaced (contentless FTS5 needs the old terms to delete them).
  const long = texts[1]!;
  const row = long.rows[5]!;
  const rid = (db.prepare('SELECT rid FROM paragraphs WHERE slug = ? AND id = ?').all(long.slug, row.id)[0] as { rid: number })
    .rid;
  const save = await longestBlock(() =>
    db.transaction(() => {
      db.prepare("INSERT INTO zh_fts (zh_fts, rowid, terms) VALUES ('delete', ?, ?)").run(rid, row.zhTerms.join(' '));
      zhInsert.run(rid, chineseLexemes(`${row.zh}改`).join(' '));
    })(),
  );
  let reindexBlockMs = 0;
  await longestBlock(async () => {
    for (let start = 0; start < long.rows.length; start += 200) {
      const step = await longestBlock(() =>
        db.transaction(() => {
          for (const r of long.rows.slice(start, start + 200)) {
            const id = (
              db.prepare('SELECT rid FROM paragraphs WHERE slug = ? AND id = ?').all(long.slug, r.id)[0] as { rid: number }
            ).rid;
            db.prepare("INSERT INTO zh_fts (zh_fts, rowid, terms) VALUES ('delete', ?, ?)").run(id, r.zhTerms.join(' '));
            zhInsert.run(id, r.zhTerms.join(' '));
          }
        })(),
      );
      reindexBlockMs = Math.max(reindexBlockMs, step.blockMs);
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    engine: 'better-sqlite3 12.11.1 (FTS5)',
    buildS: build.ms / 1000,
    buildBlockMs,
    sizeMb: folderBytes(dir) / 1024 / 1024,
    ...figures,
    saveBlockMs: save.blockMs,
    reindexBlockMs,
  };
}

async function main() {
  const at = process.argv.indexOf('--novels');
  const novels = at > 0 ? Number(process.argv[at + 1]) : 3;
  const texts = await library(novels);
  const chars = texts.reduce((sum, t) => sum + t.chars, 0);
  const blocks = texts.reduce((sum, t) => sum + t.rows.length, 0);
  console.log(
    `Load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  console.log(`Library: ${texts.length} texts, ${blocks} blocks, ${(chars / 1e6).toFixed(2)} M characters (Chinese and English)`);
  const results: Figures[] = [];
  const dirs: string[] = [];
  try {
    const pgDir = mkdtempSync(path.join(tmpdir(), 'bench-pglite-'));
    dirs.push(pgDir);
    results.push(await measurePglite(texts, pgDir));
    const sqliteModule = process.env.BETTER_SQLITE3_DIR;
    if (sqliteModule) {
      const sqliteDir = mkdtempSync(path.join(tmpdir(), 'bench-sqlite-'));
      dirs.push(sqliteDir);
      results.push(await measureSqlite(texts, sqliteDir, sqliteModule));
    } else {
      console.log('better-sqlite3 not measured: set BETTER_SQLITE3_DIR (see the top of this file)');
    }
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    '| engine | build | longest block while building | size | Chinese p50 / p95 (CPU p95) | English p50 / p95 (CPU p95) | longest block in a query | in a save | in re-indexing a 10,000-paragraph text |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      `| ${r.engine} | ${f(r.buildS)} s | ${f(r.buildBlockMs)} ms | ${f(r.sizeMb)} MB | ${f(pct(r.zh, 0.5))} / ${f(pct(r.zh, 0.95))} (${f(pct(r.zhCpu, 0.95))}) ms | ${f(pct(r.en, 0.5))} / ${f(pct(r.en, 0.95))} (${f(pct(r.enCpu, 0.95))}) ms | ${f(r.queryBlockMs)} ms | ${f(r.saveBlockMs)} ms | ${f(r.reindexBlockMs)} ms |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
