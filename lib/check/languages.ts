import 'server-only';
import { glossStatus, hasGloss } from '@/lib/gloss/status';
import { TITLE_KEY } from '@/lib/gloss/types';
import { DEFAULT_TARGET_LANGUAGE, isTargetLanguage, targetLanguageName } from '@/lib/i18n/target-language';
import { glossKeyOrder } from '@/lib/library/load';
import { readTextFiles, textTitle } from '@/lib/library/text-files';
import { glossPath, glossStatePath, listLocaleFiles } from '@/lib/store/glosses';
import { findKeyProblems } from '@/lib/store/json';
import { listLanguageFolders, localeFolderNames, textLanguages } from '@/lib/store/languages';
import { displayPath, localeDir } from '@/lib/store/paths';
import { isSlug, type SourceFile } from '@/lib/store/sources';
import { hashText } from '@/lib/text/hash';
import { isGlossable } from '@/lib/text/types';
import { fromError, type CheckReport } from './problem';

/** The folders of `locales/` that are not a language: the interface's Chinese strings. */
const UI_ONLY_FOLDERS = new Set(['zh']);

/**
 * Checks the files of each language other than English a text has, as English is checked:
 * malformed files, keys given twice, keys with no block, saves left in the journal, and
 * untranslated, empty and stale glosses (warnings). The glossary and notes are English's only.
 */
export async function checkOtherLanguages(source: SourceFile, report: CheckReport): Promise<void> {
  for (const lang of await textLanguages(source.slug)) {
    if (lang !== DEFAULT_TARGET_LANGUAGE) await checkLanguage(source, lang, report);
  }
}

async function checkLanguage(source: SourceFile, lang: string, report: CheckReport): Promise<void> {
  const { slug } = source;
  const files = await readTextFiles(source, lang);
  // A source that cannot be read is reported once, with English.
  if (!files.ok) return;
  const error = (problem: Parameters<typeof fromError>[0], code: string) => report.errors.push(fromError(problem, slug, code));
  if (files.glossFailure !== undefined) {
    error(files.glossFailure, 'gloss-file-invalid');
    return;
  }
  const glossFile = displayPath(glossPath(slug, lang));
  const stateFile = displayPath(glossStatePath(slug, lang));
  if (files.journal.bytes > 0) {
    report.warnings.push({
      code: 'journal-pending',
      file: `locales/${lang}/${slug}.journal.jsonl`,
      slug,
      message: `${files.journal.ops} saved change(s) are not yet in the gloss files (a running server folds them in a second or so; \`npm run sync\` does it now)`,
    });
  }
  for (const invalid of files.stateInvalid) error(invalid, 'state-entry-invalid');
  if (files.stateFailure !== undefined) error(files.stateFailure, 'state-file-invalid');
  const states = files.stateFailure === undefined ? files.states : {};
  for (const file of [glossPath(slug, lang), glossStatePath(slug, lang)]) {
    for (const problem of await findKeyProblems(file)) error(problem, 'json-key');
  }
  const { ids, glosses } = files;
  const known = new Set(glossKeyOrder(ids.blocks, ids.ledger.retired));
  for (const [kind, file, keys] of [
    ['gloss', glossFile, Object.keys(glosses)],
    ['state', stateFile, Object.keys(states)],
  ] as const) {
    for (const key of keys.filter((k) => !known.has(k)))
      report.errors.push({
        code: `orphan-${kind}`,
        file,
        slug,
        id: key,
        message: `${kind} key "${key}" matches no block of ${source.file}`,
      });
  }
  const titleZh = textTitle(files);
  const entries = [
    { id: TITLE_KEY, hash: hashText(titleZh), zh: titleZh },
    ...ids.blocks.filter((b) => isGlossable(b.type)).map((b) => ({ id: b.id, hash: b.hash, zh: b.text })),
  ];
  const name = targetLanguageName(lang);
  for (const { id, hash, zh } of entries) {
    const gloss = glosses[id];
    const excerpt = zh.length > 24 ? `${zh.slice(0, 24)}…` : zh;
    const where = { file: glossFile, slug, id };
    if (gloss !== undefined && !hasGloss(gloss)) {
      report.warnings.push({ ...where, code: 'empty', message: `the ${name} gloss of "${excerpt}" is empty` });
      continue;
    }
    const status = glossStatus(gloss, states[id], hash);
    if (status === 'untranslated')
      report.warnings.push({ ...where, code: 'untranslated', message: `"${excerpt}" has no ${name} gloss` });
    if (status === 'stale')
      report.warnings.push({
        ...where,
        code: 'stale',
        message: `the Chinese of "${excerpt}" changed since its ${name} gloss was saved`,
      });
  }
}

/**
 * The folders of `locales/` besides English: a folder whose name is not a canonical language
 * tag is never read (a warning says so), and a language's files that belong to no text are
 * errors, as English's are.
 */
export async function checkLanguageFolders(slugs: Set<string>, report: CheckReport): Promise<void> {
  let names: string[] = [];
  try {
    names = await localeFolderNames();
  } catch {
    return;
  }
  for (const name of names) {
    if (name === DEFAULT_TARGET_LANGUAGE || UI_ONLY_FOLDERS.has(name) || isTargetLanguage(name)) continue;
    report.warnings.push({
      code: 'language-folder',
      file: displayPath(localeDir(name)),
      message: `"${name}" is not a language tag glosses are read from (fr, pt-BR, zh-Hant): its files are ignored`,
    });
  }
  for (const lang of await listLanguageFolders()) {
    if (lang === DEFAULT_TARGET_LANGUAGE) continue;
    for (const name of await listLocaleFiles(lang)) {
      const slug =
        /^(.+?)(\.state|\.history|\.journal|\.notes|\.align\.journal|\.align|\.suggestions|\.comments)?\.(json|jsonl)$/.exec(
          name,
        )?.[1];
      if (!slug || slug === 'common' || slug === 'glossary' || slugs.has(slug)) continue;
      report.errors.push({
        code: 'orphan-file',
        file: displayPath(`${localeDir(lang)}/${name}`),
        ...(isSlug(slug) ? { slug } : {}),
        message: `no text in content/ is named "${slug}"${isSlug(slug) ? ` (npm run language -- remove ${slug} ${lang} moves its files to removed/)` : ''}`,
      });
    }
  }
}
