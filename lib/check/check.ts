import 'server-only';
import { GLOSS_LANGUAGE, glossKeyOrder } from '@/lib/library/load';
import { readTextFiles, textTitle } from '@/lib/library/text-files';
import { lintGlossary, mergeGlossaries, type GlossaryMiss } from '@/lib/annotate/glossary';
import type { TermEntry } from '@/lib/annotate/types';
import { glossStatus, hasGloss } from '@/lib/gloss/status';
import { TITLE_KEY, type GlossFile, type GlossStateFile } from '@/lib/gloss/types';
import {
  notesPath,
  readGlossary,
  readNotes,
  readTextGlossary,
  sharedGlossaryPath,
  textGlossaryPath,
} from '@/lib/store/annotations';
import { glossPath, glossStatePath, listLocaleFiles } from '@/lib/store/glosses';
import { findKeyProblems } from '@/lib/store/json';
import { displayPath, localeDir } from '@/lib/store/paths';
import { isSlug, listSources, type SourceFile } from '@/lib/store/sources';
import { hashText } from '@/lib/text/hash';
import type { IdLedger } from '@/lib/text/ids';
import { isGlossable } from '@/lib/text/types';
import { checkLanguageFolders, checkOtherLanguages } from './languages';
import { fromError, type CheckProblem, type CheckReport } from './problem';

export type { CheckProblem, CheckReport };

function duplicateIds(ledger: IdLedger): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { id } of [...ledger.blocks, ...ledger.retired]) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

async function checkText(source: SourceFile, glossary: TermEntry[], report: CheckReport): Promise<void> {
  const { slug } = source;
  const error = (problem: CheckProblem) => report.errors.push(problem);
  const warn = (problem: CheckProblem) => report.warnings.push(problem);

  // Through the read pipeline, as the pages read it.
  const files = await readTextFiles(source);
  if (!files.ok) {
    error(fromError(files.failure, slug, 'ledger-invalid'));
    return;
  }
  const { ledger, parsed, ids } = files;
  const ledgerFile = `content/${slug}.ids.json`;
  for (const id of duplicateIds(ledger)) {
    error({ code: 'duplicate-id', file: ledgerFile, slug, id, message: `id "${id}" is used for more than one block` });
  }

  for (const problem of parsed.problems) {
    warn({ code: 'front-matter', file: source.file, line: problem.line, slug, message: problem.message });
  }
  if (ids.changed) {
    warn({
      code: 'ledger-out-of-date',
      file: ledgerFile,
      slug,
      message: 'the source changed since the last sync: run `npm run sync` to record its ids',
    });
  }

  if (files.glossFailure !== undefined) {
    error(fromError(files.glossFailure, slug, 'gloss-file-invalid'));
    return;
  }
  if (files.journal.bytes > 0) {
    warn({
      code: 'journal-pending',
      file: `locales/${GLOSS_LANGUAGE}/${slug}.journal.jsonl`,
      slug,
      message: `${files.journal.ops} saved change(s) are not yet in the gloss files (a running server folds them in a second or so; \`npm run sync\` does it now)`,
    });
  }
  const { glosses } = files;
  let states: GlossStateFile = files.states;
  for (const invalid of files.stateInvalid) error(fromError(invalid, slug, 'state-entry-invalid'));
  if (files.stateFailure !== undefined) {
    error(fromError(files.stateFailure, slug, 'state-file-invalid'));
    states = {};
  }
  // Keys JSON.parse lets through: the second of two equal keys silently wins; `__proto__` is a trap.
  for (const file of [glossPath(slug, GLOSS_LANGUAGE), glossStatePath(slug, GLOSS_LANGUAGE), notesPath(slug, GLOSS_LANGUAGE)]) {
    for (const problem of await findKeyProblems(file)) error(fromError(problem, slug, 'json-key'));
  }

  const glossFile = displayPath(glossPath(slug, GLOSS_LANGUAGE));
  const stateFile = displayPath(glossStatePath(slug, GLOSS_LANGUAGE));
  const known = new Set(glossKeyOrder(ids.blocks, ids.ledger.retired));
  for (const key of Object.keys(glosses)) {
    if (known.has(key)) continue;
    error({
      code: 'orphan-gloss',
      file: glossFile,
      slug,
      id: key,
      message: `gloss key "${key}" matches no block of ${source.file}`,
    });
  }
  for (const key of Object.keys(states)) {
    if (known.has(key)) continue;
    error({
      code: 'orphan-state',
      file: stateFile,
      slug,
      id: key,
      message: `state key "${key}" matches no block of ${source.file}`,
    });
  }

  const titleZh = textTitle(files);
  const entries = [
    { id: TITLE_KEY, hash: hashText(titleZh), zh: titleZh },
    ...ids.blocks.filter((b) => isGlossable(b.type)).map((b) => ({ id: b.id, hash: b.hash, zh: b.text })),
  ];
  for (const { id, hash, zh } of entries) {
    const en = glosses[id];
    const excerpt = zh.length > 24 ? `${zh.slice(0, 24)}…` : zh;
    if (en !== undefined && !hasGloss(en)) {
      warn({ code: 'empty', file: glossFile, slug, id, message: `the gloss of "${excerpt}" is empty` });
      continue;
    }
    const status = glossStatus(en, states[id], hash);
    if (status === 'untranslated')
      warn({ code: 'untranslated', file: glossFile, slug, id, message: `"${excerpt}" has no gloss` });
    if (status === 'stale') {
      warn({
        code: 'stale',
        file: glossFile,
        slug,
        id,
        message: `the Chinese of "${excerpt}" changed since its gloss was saved`,
      });
    }
  }

  let own: TermEntry[] = [];
  try {
    own = await readTextGlossary(slug, GLOSS_LANGUAGE);
  } catch (caught) {
    error(fromError(caught, slug, 'glossary-invalid'));
  }
  const glossed = entries.map(({ id, zh }) => ({ id, zh, ...(hasGloss(glosses[id]) ? { en: glosses[id] } : {}) }));
  for (const miss of lintGlossary(glossed, mergeGlossaries(glossary, own))) {
    warn({ code: 'glossary', file: glossFile, slug, id: miss.id, message: glossaryMessage(miss, slug) });
  }

  await checkNotes(source, entries, glosses, report);
  await checkOtherLanguages(source, report);
}

/** A glossary warning for people, naming the term, the glossary it comes from and the gloss. */
function glossaryMessage(miss: GlossaryMiss, slug: string): string {
  const from =
    miss.source === 'text'
      ? `this text’s glossary, ${displayPath(textGlossaryPath(slug, GLOSS_LANGUAGE))}`
      : `the shared glossary, ${displayPath(sharedGlossaryPath(GLOSS_LANGUAGE))}`;
  const list = (renderings: readonly string[]) => renderings.map((e) => `"${e}"`).join(', ');
  if (miss.kind === 'forbidden') {
    return `contains the term ${miss.term} (${from}) but its gloss uses ${list(miss.used ?? [])}, which that glossary forbids: "${miss.gloss}"`;
  }
  return `contains the term ${miss.term} (${from}) but its gloss uses none of ${list(miss.en)}: "${miss.gloss}"`;
}

/** Notes must point at a block of the text; a note whose quote is gone is reported as detached. */
async function checkNotes(
  source: SourceFile,
  entries: { id: string; zh: string }[],
  glosses: GlossFile,
  report: CheckReport,
): Promise<void> {
  const file = `locales/${GLOSS_LANGUAGE}/${source.slug}.notes.json`;
  let notes;
  try {
    notes = await readNotes(source.slug, GLOSS_LANGUAGE);
  } catch (caught) {
    report.errors.push(fromError(caught, source.slug, 'notes-file-invalid'));
    return;
  }
  const zhById = new Map(entries.map((e) => [e.id, e.zh]));
  for (const note of notes) {
    const zh = zhById.get(note.block);
    const where = { file, slug: source.slug, id: note.id };
    if (zh === undefined) {
      report.warnings.push({
        ...where,
        code: 'note-detached',
        message: `note ${note.id} belongs to block ${note.block}, which is no longer in the text`,
      });
    } else if (!zh.includes(note.quote)) {
      report.warnings.push({
        ...where,
        code: 'note-detached',
        message: `note ${note.id}: "${note.quote}" is no longer in block ${note.block}`,
      });
    } else if (note.enQuote && !(glosses[note.block] ?? '').includes(note.enQuote)) {
      report.warnings.push({
        ...where,
        code: 'note-en-anchor',
        message: `note ${note.id}: "${note.enQuote}" is not in the gloss of ${note.block}; its marker goes at the end`,
      });
    }
  }
}

/** Gloss files in `locales/<lng>/` that belong to no text in `content/`. */
async function checkOrphanFiles(slugs: Set<string>, report: CheckReport): Promise<void> {
  for (const name of await listLocaleFiles(GLOSS_LANGUAGE)) {
    const match = /^(.+?)(\.state|\.notes|\.glossary|\.align)?\.json$/.exec(name);
    const slug = match?.[1];
    if (!slug || slug === 'common' || slug === 'glossary' || slugs.has(slug)) continue;
    report.errors.push({
      code: 'orphan-file',
      file: displayPath(`${localeDir(GLOSS_LANGUAGE)}/${name}`),
      ...(isSlug(slug) ? { slug } : {}),
      message: `no text in content/ is named "${slug}"${isSlug(slug) ? ` (left from a removed text? npm run remove -- ${slug} moves its files to removed/)` : ''}`,
    });
  }
}

/**
 * Validates every text against its gloss files. Errors: unreadable sources, malformed JSON
 * (with line and column), gloss files that are not flat key → string objects, gloss keys with
 * no block, ids used twice, malformed glossaries (shared or a text's own) or notes. Warnings: untranslated, empty and stale
 * glosses, an out-of-date ledger, glosses missing a glossary term's approved rendering (a name kept
 * as written: the name itself) or using a forbidden one, by the text's merged glossary, detached notes.
 */
export async function checkLibrary(): Promise<CheckReport> {
  const report: CheckReport = { errors: [], warnings: [] };
  const { sources, skipped } = await listSources();
  for (const { file, reason } of skipped)
    report.errors.push({ code: 'bad-file-name', file, message: `cannot be served: ${reason}` });
  let glossary: TermEntry[] = [];
  try {
    glossary = await readGlossary(GLOSS_LANGUAGE);
  } catch (caught) {
    report.errors.push(fromError(caught, '', 'glossary-invalid'));
  }
  for (const source of sources) await checkText(source, glossary, report);
  await checkOrphanFiles(new Set(sources.map((s) => s.slug)), report);
  await checkLanguageFolders(new Set(sources.map((s) => s.slug)), report);
  return report;
}

/** One line per problem, for people: `file:line:column: message [id]`. */
export function formatProblem(problem: CheckProblem): string {
  const place = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  return `${place}: ${problem.message}${problem.id ? ` [${problem.id}]` : ''}`;
}
