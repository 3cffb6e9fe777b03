import type { Database } from './database';
import type { IndexedRecord } from './reindex-plan';
import { tsqueryAll } from './terms';

/** One glossable block as the database keeps it, its lexemes made by the caller (lib/search). */
export interface ParagraphRow {
  id: string;
  position: number;
  type: string;
  zh: string;
  /** Single Han characters, bigrams and Latin stems (see chineseLexemes). */
  zhTerms: readonly string[];
  /** Pinyin syllables, toned and toneless, and adjacent pairs. */
  pinyinTerms: readonly string[];
  glosses: readonly { lang: string; text: string; status?: string }[];
}

/** Rows per statement: each statement runs on the calling thread under PGlite, so it is kept short. */
export const ROWS_PER_STATEMENT = 200;
/** Lexemes are joined with this in one parameter (no lexeme holds it). */
const SEPARATOR = '\u0001';

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What was indexed, by slug. */
export async function recordedTexts(db: Database): Promise<Map<string, IndexedRecord>> {
  const rows = await db.query<{ slug: string; identity: string; hash: string }>('SELECT slug, identity, hash FROM indexed_texts');
  return new Map(rows.map((row) => [row.slug, { identity: row.identity, hash: row.hash }]));
}

/** Notes a new identity for files whose contents were already indexed. */
export async function recordIdentity(db: Database, slug: string, identity: string): Promise<void> {
  await db.query('UPDATE indexed_texts SET identity = $2 WHERE slug = $1', [slug, identity]);
}

/** Removes a text: its record, paragraphs and glosses. */
export async function removeText(db: Database, slug: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM indexed_texts WHERE slug = $1', [slug]);
    await tx.query('DELETE FROM paragraphs WHERE slug = $1', [slug]);
  });
}

/**
 * Indexes a text's blocks: its record goes first (so a crash part-way leaves it to be indexed
 * again at the next start), blocks no longer in it go, then its rows are written a few hundred at
 * a time, rows whose content is unchanged untouched, with a turn for the event loop between
 * statements; the record comes back last.
 */
export async function writeText(
  db: Database,
  slug: string,
  rows: readonly ParagraphRow[],
  record: IndexedRecord,
  rowsPerStatement = ROWS_PER_STATEMENT,
): Promise<void> {
  await db.query('DELETE FROM indexed_texts WHERE slug = $1', [slug]);
  await db.query('DELETE FROM paragraphs WHERE slug = $1 AND NOT (id = ANY($2::text[]))', [slug, rows.map((r) => r.id)]);
  const glossKeys = rows.flatMap((row) => row.glosses.map((gloss) => `${gloss.lang}${SEPARATOR}${row.id}`));
  await db.query(`DELETE FROM glosses WHERE slug = $1 AND NOT (lang || $3 || id = ANY($2::text[]))`, [
    slug,
    glossKeys,
    SEPARATOR,
  ]);
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    await upsertRows(db, slug, rows.slice(start, start + rowsPerStatement));
    await yieldTurn();
  }
  await db.query(
    `INSERT INTO indexed_texts (slug, identity, hash, paragraphs) VALUES ($1, $2, $3, $4)
     ON CONFLICT (slug) DO UPDATE SET identity = EXCLUDED.identity, hash = EXCLUDED.hash, paragraphs = EXCLUDED.paragraphs, indexed_at = now()`,
    [slug, record.identity, record.hash, rows.length],
  );
}

async function upsertRows(db: Database, slug: string, rows: readonly ParagraphRow[]): Promise<void> {
  const lexemes = (terms: readonly string[]) => [...new Set(terms)].filter(Boolean).join(SEPARATOR);
  await db.query(
    `INSERT INTO paragraphs (slug, id, position, type, zh, zh_terms, pinyin_terms)
     SELECT $1, r.id, r.position, r.type, r.zh,
            array_to_tsvector(string_to_array(r.zt, $7)), array_to_tsvector(string_to_array(r.pt, $7))
     FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $8::text[]) AS r(id, position, type, zh, zt, pt)
     ON CONFLICT (slug, id) DO UPDATE SET position = EXCLUDED.position, type = EXCLUDED.type, zh = EXCLUDED.zh,
       zh_terms = EXCLUDED.zh_terms, pinyin_terms = EXCLUDED.pinyin_terms
     WHERE paragraphs.zh <> EXCLUDED.zh OR paragraphs.position <> EXCLUDED.position OR paragraphs.type <> EXCLUDED.type`,
    [
      slug,
      rows.map((r) => r.id),
      rows.map((r) => r.position),
      rows.map((r) => r.type),
      rows.map((r) => r.zh),
      rows.map((r) => lexemes(r.zhTerms)),
      SEPARATOR,
      rows.map((r) => lexemes(r.pinyinTerms)),
    ],
  );
  const glosses = rows.flatMap((row) => row.glosses.map((gloss) => ({ ...gloss, id: row.id })));
  if (glosses.length === 0) return;
  await db.query(
    `INSERT INTO glosses (slug, lang, id, gloss, status)
     SELECT $1, r.lang, r.id, r.gloss, r.status FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS r(lang, id, gloss, status)
     ON CONFLICT (slug, lang, id) DO UPDATE SET gloss = EXCLUDED.gloss, status = EXCLUDED.status
     WHERE glosses.gloss <> EXCLUDED.gloss OR glosses.status IS DISTINCT FROM EXCLUDED.status`,
    [
      slug,
      glosses.map((g) => g.lang),
      glosses.map((g) => g.id),
      glosses.map((g) => g.text),
      glosses.map((g) => g.status ?? null),
    ],
  );
}

/** A paragraph found by the index, in document order within its text. */
export interface ParagraphRef {
  slug: string;
  id: string;
}

export interface FindOptions {
  slug?: string;
  limit?: number;
  /** In document order (slug, then position); else in no order, which is faster: the caller ranks. */
  ordered?: boolean;
}

/** The ORDER BY of a look-up: bytewise slugs (a collation-aware sort took 60 ms for 3,000 rows under PGlite). */
const orderBy = (options: FindOptions, table: string) =>
  options.ordered ? `ORDER BY ${table}.slug COLLATE "C", ${table}.position` : '';

/** Refreshes the planner's statistics after many rows changed (else it scans instead of using the GIN indexes). */
export async function analyze(db: Database): Promise<void> {
  await db.query('ANALYZE paragraphs');
  await db.query('ANALYZE glosses');
}

/**
 * The paragraphs whose Chinese (`zh`: characters and bigrams) or pinyin holds every lexeme, from
 * the GIN index. `findParagraphs(db, 'zh', ['智能'])` → `[{ slug: 'karpathy-no-priors', id: 'p3' }, …]`.
 */
export async function findParagraphs(
  db: Database,
  field: 'zh' | 'pinyin',
  lexemes: readonly string[],
  options: FindOptions = {},
): Promise<ParagraphRef[]> {
  const query = tsqueryAll(lexemes);
  if (!query) return [];
  const column = field === 'zh' ? 'zh_terms' : 'pinyin_terms';
  return db.query<ParagraphRef>(
    `SELECT slug, id FROM paragraphs WHERE ${column} @@ $1::tsquery AND ($2::text IS NULL OR slug = $2)
     ${orderBy(options, 'paragraphs')} LIMIT $3`,
    [query, options.slug ?? null, options.limit ?? 1_000_000],
  );
}

/**
 * The paragraphs whose gloss in `lang` holds every word of `words`, by that language's text
 * search configuration (English stems: `distilled` finds distillation).
 */
export async function findGlosses(db: Database, lang: string, words: string, options: FindOptions = {}): Promise<ParagraphRef[]> {
  const join = options.ordered ? 'JOIN paragraphs p USING (slug, id)' : '';
  return db.query<ParagraphRef>(
    `SELECT g.slug, g.id FROM glosses g ${join}
     WHERE g.lang = $1 AND g.terms @@ plainto_tsquery(gloss_config($1), $2) AND ($3::text IS NULL OR g.slug = $3)
     ${orderBy(options, 'p')} LIMIT $4`,
    [lang, words, options.slug ?? null, options.limit ?? 1_000_000],
  );
}
