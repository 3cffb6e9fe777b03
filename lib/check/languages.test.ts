import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { checkLibrary, type CheckProblem } from './check';

const SLUG = 'essay';
const BASE = {
  [`content/${SLUG}.md`]: '---\ntitle: 小文\n---\n\n第一段。\n',
  [`locales/en/${SLUG}.json`]: '{}\n',
  'locales/zh/common.json': '{}\n',
};

let data: ReturnType<typeof makeDataDir> | undefined;
afterEach(() => data?.dispose());

const codes = (problems: CheckProblem[]) => problems.map((p) => `${p.code} ${p.file}`).sort();

interface Case {
  name: string;
  files: Record<string, string>;
  errors: string[];
  warnings: string[];
}

describe('checkLibrary with languages besides English', () => {
  it.each<Case>([
    {
      name: 'a language just added: every gloss untranslated, no error',
      files: {
        [`locales/fr/${SLUG}.json`]: '{}\n',
        [`locales/fr/${SLUG}.state.json`]: '{}\n',
        [`locales/fr/${SLUG}.align.json`]: '{ "version": 1, "blocks": {} }\n',
        // The team's files beside the glosses belong to the text too.
        [`locales/fr/${SLUG}.suggestions.jsonl`]: '',
        [`locales/fr/${SLUG}.comments.jsonl`]: '',
      },
      errors: [],
      warnings: [`untranslated locales/fr/${SLUG}.json`, `untranslated locales/fr/${SLUG}.json`],
    },
    {
      name: 'a malformed gloss file of one language',
      files: { [`locales/de/${SLUG}.json`]: '{ "title": oops }\n' },
      errors: [`gloss-file-invalid locales/de/${SLUG}.json`],
      warnings: [],
    },
    {
      name: 'a key with no block, and a key given twice',
      files: { [`locales/pt-BR/${SLUG}.json`]: '{ "title": "Um", "title": "Dois", "zzzzzz": "?" }\n' },
      errors: [`json-key locales/pt-BR/${SLUG}.json`, `orphan-gloss locales/pt-BR/${SLUG}.json`],
      warnings: [`untranslated locales/pt-BR/${SLUG}.json`],
    },
    {
      name: 'files of a removed text in a language folder',
      files: { 'locales/fr/gone.json': '{}\n', 'locales/fr/gone.history.jsonl': '', 'locales/fr/gone.align.json': '{}\n' },
      errors: [
        'orphan-file locales/fr/gone.align.json',
        'orphan-file locales/fr/gone.history.jsonl',
        'orphan-file locales/fr/gone.json',
      ],
      warnings: [],
    },
    {
      name: 'a folder that is not a language tag, and the interface’s Chinese with a file named like the text',
      files: { [`locales/FR/${SLUG}.json`]: 'not json', [`locales/zh/${SLUG}.json`]: 'not json' },
      errors: [],
      warnings: ['language-folder locales/FR'],
    },
  ])('$name', async ({ files, errors, warnings }) => {
    data = makeDataDir({ files: { ...BASE, ...files } });
    const report = await checkLibrary();
    // English's own warnings (its untranslated glosses, the ledger) are not this test's business.
    const english = (p: CheckProblem) => !p.file.startsWith('locales/') || p.file.startsWith('locales/en/');
    expect(codes(report.errors)).toEqual([...errors].sort());
    expect(codes(report.warnings.filter((p) => !english(p)))).toEqual([...warnings].sort());
  });
});
