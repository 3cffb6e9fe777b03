import type { Database } from './database';

/**
 * The schema, as numbered steps applied once each and in order (recorded in schema_migrations),
 * in SQL that PostgreSQL 15 and PGlite both run. Never edit a step that has shipped: add one.
 * Step 1 is derived from the files and rebuilt by `npm run reindex`; step 2 is the sign-in state
 * that servers sharing a PostgreSQL server share (used only with DATABASE_URL; reindex leaves it).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'paragraphs, glosses and what was indexed',
    sql: `
      -- The text search configuration for a gloss language (BCP 47 tag); 'simple' (words, no stemming) for the rest.
      CREATE FUNCTION gloss_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
        SELECT (CASE split_part(lower(lang), '-', 1)
          WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german'
          WHEN 'es' THEN 'spanish' WHEN 'pt' THEN 'portuguese' WHEN 'it' THEN 'italian'
          WHEN 'nl' THEN 'dutch' WHEN 'ru' THEN 'russian' WHEN 'sv' THEN 'swedish'
          WHEN 'da' THEN 'danish' WHEN 'nb' THEN 'norwegian' WHEN 'no' THEN 'norwegian'
          WHEN 'fi' THEN 'finnish' WHEN 'hu' THEN 'hungarian' WHEN 'ro' THEN 'romanian'
          WHEN 'tr' THEN 'turkish' ELSE 'simple' END)::regconfig
      $$;
      -- A text is searchable as indexed only while its row is here: it is removed before the text is
      -- indexed again and written back last, so a crash in between leaves it to be indexed at next start.
      CREATE TABLE indexed_texts (
        slug text PRIMARY KEY,
        identity text NOT NULL,
        hash text NOT NULL,
        paragraphs integer NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now()
      );
      -- One row per glossable block: its Chinese with single characters and bigrams (and Latin
      -- stems) as lexemes, and its pinyin syllables as lexemes.
      CREATE TABLE paragraphs (
        slug text NOT NULL,
        id text NOT NULL,
        position integer NOT NULL,
        type text NOT NULL,
        zh text NOT NULL,
        zh_terms tsvector NOT NULL,
        pinyin_terms tsvector NOT NULL,
        PRIMARY KEY (slug, id)
      );
      CREATE INDEX paragraphs_zh_terms ON paragraphs USING gin (zh_terms);
      CREATE INDEX paragraphs_pinyin_terms ON paragraphs USING gin (pinyin_terms);
      -- One row per paragraph and target language: its gloss and status, words by the language's configuration.
      CREATE TABLE glosses (
        slug text NOT NULL,
        lang text NOT NULL,
        id text NOT NULL,
        gloss text NOT NULL,
        status text,
        terms tsvector GENERATED ALWAYS AS (to_tsvector(gloss_config(lang), gloss)) STORED,
        PRIMARY KEY (slug, lang, id),
        FOREIGN KEY (slug, id) REFERENCES paragraphs (slug, id) ON DELETE CASCADE
      );
      CREATE INDEX glosses_terms ON glosses USING gin (terms);
    `,
  },
  {
    version: 2,
    name: 'sessions, sign-in failures and accounts shared by every server',
    sql: `
      -- The session registry (one row): the epoch every cookie carries, the floor at or below which
      -- sessions are refused, and a revision raised by every sign-out. Times in ms since 1970.
      CREATE TABLE session_registry (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        epoch text NOT NULL,
        floor bigint NOT NULL DEFAULT 0,
        revision bigint NOT NULL DEFAULT 0
      );
      -- Sessions signed out before they expire; revision: the registry's revision that added it,
      -- so a server reads only the sign-outs it has not seen.
      CREATE TABLE revoked_sessions (
        sid text PRIMARY KEY,
        expires bigint NOT NULL,
        revision bigint NOT NULL
      );
      CREATE INDEX revoked_sessions_revision ON revoked_sessions (revision);
      -- Failed sign-in attempts per kind of key (pair, client, account) and key.
      CREATE TABLE sign_in_failures (
        scope text NOT NULL,
        key text NOT NULL,
        count integer NOT NULL,
        last_ms bigint NOT NULL,
        until_ms bigint NOT NULL,
        PRIMARY KEY (scope, key)
      );
      -- The wait after a key's count-th failure (lib/auth/attempts.ts waitAfter, in SQL).
      CREATE FUNCTION sign_in_wait(count integer, free integer, base_ms bigint, max_ms bigint) RETURNS bigint
        LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN count <= free THEN 0::bigint
          ELSE least(base_ms * power(2, least(count - free - 1, 30))::bigint, max_ms) END
      $$;
      -- The accounts file's JSON as one row (lib/store/accounts.ts), with a revision raised by every change.
      CREATE TABLE account_file (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        content text NOT NULL,
        revision bigint NOT NULL
      );
    `,
  },
];

/** A lock number of our own, so two servers starting on one PostgreSQL migrate one after the other. */
const MIGRATION_LOCK = 190_001;

/**
 * Applies the migrations the database has not had, each in its own transaction, and returns
 * their versions. `migrate(db)` on a new database → `[1]`; again → `[]`.
 */
export async function migrate(db: Database, steps: readonly Migration[] = migrations): Promise<number[]> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: number[] = [];
  for (const step of [...steps].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [step.version]);
      if (rows.length > 0) return false;
      for (const statement of splitStatements(step.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
      return true;
    });
    if (done) applied.push(step.version);
  }
  return applied;
}

/**
 * The statements of a migration, split at semicolons outside $$ bodies and comments (one
 * statement per query, as the extended protocol of both engines wants).
 * `splitStatements('A; B $$x;y$$;')` → `['A', 'B $$x;y$$']`.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    const code = inBody ? line : line.replace(/--.*$/, '');
    for (let i = 0; i < code.length; i++) {
      if (code.startsWith('$$', i)) {
        inBody = !inBody;
        current += '$$';
        i++;
      } else if (code[i] === ';' && !inBody) {
        if (current.trim()) statements.push(current.trim());
        current = '';
      } else {
        current += code[i];
      }
    }
    current += '\n';
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
