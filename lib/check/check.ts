import 'server-only';
import { readdir } from 'node:fs/promises';
import { GLOSS_LANGUAGE } from '@/lib/library/load';
import { glossStatus } from '@/lib/gloss/status';
import { TITLE_KEY, type GlossFile, type GlossStateFile } from '@/lib/gloss/types';
import { DataFileError } from '@/lib/store/errors';
import { glossPath, glossStatePath, readGlosses, readGlossStates } from '@/lib/store/glosses';
import { displayPath, localeDir } from '@/lib/store/paths';
import { isSlug, listSources, readLedger, readSourceText, type SourceFile } from '@/lib/store/sources';
import { EncodingError } from '@/lib/text/decode';
import { hashText } from '@/lib/text/hash';
import { reconcileIds, type IdLedger } from '@/lib/text/ids';
import { parseText } from '@/lib/text/parse';
import { isGlossable } from '@/lib/text/types';

export interface CheckProblem {
  /** A stable, machine-readable name for the kind of problem. */
  code: string;
  file: string;
  line?: number;
  column?: number;
  slug?: string;
  id?: string;
  message: string;
}

export interface CheckReport {
  errors: CheckProblem[];
  warnings: CheckProblem[];
}

function fromError(error: unknown, slug: string, code: string): CheckProblem {
  if (error instanceof DataFileError) {
    return { code, file: error.file, ...(error.position ?? {}), slug, message: error.detail };
  }
  if (error instanceof EncodingError) return { code: 'not-utf8', file: error.file, slug, message: error.message };
  throw error;
}

function duplicateIds(ledger: IdLedger): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { id } of [...ledger.blocks, ...ledger.retired]) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

async function checkText(source: SourceFile, report: CheckReport): Promise<void> {
  const { slug } = source;
  const error = (problem: CheckProblem) => report.errors.push(problem);
  const warn = (problem: CheckProblem) => report.warnings.push(problem);

  let raw: string;
  let ledger: IdLedger;
  try {
    raw = await readSourceText(source);
    ledger = await readLedger(slug);
  } catch (caught) {
    error(fromError(caught, slug, 'ledger-invalid'));
    return;
  }
  const ledgerFile = `content/${slug}.ids.json`;
  for (const id of duplicateIds(ledger)) {
    error({ code: 'duplicate-id', file: ledgerFile, slug, id, message: `id "${id}" is used for more than one block` });
  }

  const parsed = parseText(raw);
  for (const problem of parsed.problems) {
    warn({ code: 'front-matter', file: source.file, line: problem.line, slug, message: problem.message });
  }
  const ids = reconcileIds(parsed.blocks, ledger);
  if (ids.changed) {
    warn({ code: 'ledger-out-of-date', file: ledgerFile, slug, message: 'the source changed since the last sync: run `npm run sync` to record its ids' });
  }

  let glosses: GlossFile;
  let states: GlossStateFile;
  try {
    glosses = await readGlosses(slug, GLOSS_LANGUAGE);
  } catch (caught) {
    error(fromError(caught, slug, 'gloss-file-invalid'));
    return;
  }
  try {
    states = await readGlossStates(slug, GLOSS_LANGUAGE);
  } catch (caught) {
    error(fromError(caught, slug, 'state-file-invalid'));
    states = {};
  }

  const glossFile = displayPath(glossPath(slug, GLOSS_LANGUAGE));
  const stateFile = displayPath(glossStatePath(slug, GLOSS_LANGUAGE));
  const live = new Set(ids.blocks.filter((b) => isGlossable(b.type)).map((b) => b.id));
  const retired = new Set(ids.ledger.retired.map((e) => e.id));
  for (const key of Object.keys(glosses)) {
    if (key === TITLE_KEY || live.has(key) || retired.has(key)) continue;
    error({ code: 'orphan-gloss', file: glossFile, slug, id: key, message: `gloss key "${key}" matches no block of ${source.file}` });
  }
  for (const key of Object.keys(states)) {
    if (key === TITLE_KEY || live.has(key) || retired.has(key)) continue;
    error({ code: 'orphan-state', file: stateFile, slug, id: key, message: `state key "${key}" matches no block of ${source.file}` });
  }

  const titleZh = parsed.meta.title ?? ids.blocks.find((b) => b.type === 'heading')?.text ?? slug;
  const entries = [
    { id: TITLE_KEY, hash: hashText(titleZh), zh: titleZh },
    ...ids.blocks.filter((b) => isGlossable(b.type)).map((b) => ({ id: b.id, hash: b.hash, zh: b.text })),
  ];
  for (const { id, hash, zh } of entries) {
    const en = glosses[id];
    const excerpt = zh.length > 24 ? `${zh.slice(0, 24)}…` : zh;
    if (en !== undefined && en.trim() === '') {
      warn({ code: 'empty', file: glossFile, slug, id, message: `the gloss of "${excerpt}" is empty` });
      continue;
    }
    const status = glossStatus(en, states[id], hash);
    if (status === 'untranslated') warn({ code: 'untranslated', file: glossFile, slug, id, message: `"${excerpt}" has no gloss` });
    if (status === 'stale') {
      warn({ code: 'stale', file: glossFile, slug, id, message: `the Chinese of "${excerpt}" changed since its gloss was saved` });
    }
  }
}

/** Gloss files in `locales/<lng>/` that belong to no text in `content/`. */
async function checkOrphanFiles(slugs: Set<string>, report: CheckReport): Promise<void> {
  let names: string[];
  try {
    names = await readdir(localeDir(GLOSS_LANGUAGE));
  } catch {
    return;
  }
  for (const name of names) {
    const match = /^(.+?)(\.state|\.notes)?\.json$/.exec(name);
    const slug = match?.[1];
    if (!slug || slug === 'common' || slug === 'glossary' || slugs.has(slug)) continue;
    report.errors.push({
      code: 'orphan-file',
      file: displayPath(`${localeDir(GLOSS_LANGUAGE)}/${name}`),
      ...(isSlug(slug) ? { slug } : {}),
      message: `no text in content/ is named "${slug}"`,
    });
  }
}

/**
 * Validates every text against its gloss files. Errors: unreadable sources, malformed JSON
 * (with line and column), gloss files that are not flat key → string objects, gloss keys with
 * no block, ids used twice. Warnings: untranslated, empty and stale glosses, an out-of-date ledger.
 */
export async function checkLibrary(): Promise<CheckReport> {
  const report: CheckReport = { errors: [], warnings: [] };
  const { sources, skipped } = await listSources();
  for (const { file, reason } of skipped) report.errors.push({ code: 'bad-file-name', file, message: `cannot be served: ${reason}` });
  for (const source of sources) await checkText(source, report);
  await checkOrphanFiles(new Set(sources.map((s) => s.slug)), report);
  return report;
}

/** One line per problem, for people: `file:line:column: message [id]`. */
export function formatProblem(problem: CheckProblem): string {
  const place = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  return `${place}: ${problem.message}${problem.id ? ` [${problem.id}]` : ''}`;
}
