import { readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { glossRevision } from '@/lib/gloss/validate';
import { saveGloss } from '@/lib/library/edit';
import { loadText } from '@/lib/library/load';
import { checkLibrary } from './check';

const SLUG = 'karpathy-no-priors';
let data: ReturnType<typeof makeDataDir> | undefined;
afterEach(() => data?.dispose());

function glossFile() {
  return JSON.parse(readFileSync(data!.file(`locales/en/${SLUG}.json`), 'utf8')) as Record<string, string>;
}

describe('checkLibrary on the bundled data', () => {
  it('finds no errors and no warnings', async () => {
    data = makeDataDir({ copyRepoData: true });
    expect(await checkLibrary()).toEqual({ errors: [], warnings: [] });
  });
});

describe('checkLibrary errors', () => {
  const cases: { name: string; mutate: () => void; code: string; expect?: Record<string, unknown> }[] = [
    {
      name: 'malformed gloss JSON, with line and column',
      mutate: () => data!.write(`locales/en/${SLUG}.json`, '{\n  "title": "A",\n  "x": oops\n}\n'),
      code: 'gloss-file-invalid',
      expect: { file: `locales/en/${SLUG}.json`, line: 3, column: 8 },
    },
    {
      name: 'a gloss file that is not flat key → string',
      mutate: () => data!.write(`locales/en/${SLUG}.json`, JSON.stringify({ title: 'A', nested: { a: 'b' } })),
      code: 'gloss-file-invalid',
    },
    {
      name: 'a gloss file that is an array',
      mutate: () => data!.write(`locales/en/${SLUG}.json`, '["a"]'),
      code: 'gloss-file-invalid',
    },
    {
      name: 'a gloss key with no block',
      mutate: () => data!.write(`locales/en/${SLUG}.json`, JSON.stringify({ ...glossFile(), zzzzzz: 'Orphan' })),
      code: 'orphan-gloss',
      expect: { id: 'zzzzzz' },
    },
    {
      name: 'an id used twice in the ledger',
      mutate: () => {
        const ledger = JSON.parse(readFileSync(data!.file(`content/${SLUG}.ids.json`), 'utf8'));
        ledger.retired.push({ ...ledger.blocks[0] });
        data!.write(`content/${SLUG}.ids.json`, JSON.stringify(ledger));
      },
      code: 'duplicate-id',
    },
    {
      name: 'a source that is not UTF-8',
      mutate: () => data!.write('content/gbk.txt', Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a])),
      code: 'not-utf8',
      expect: { file: 'content/gbk.txt' },
    },
    {
      name: 'a gloss file for no text',
      mutate: () => data!.write('locales/en/missing-text.json', '{}'),
      code: 'orphan-file',
    },
    {
      name: 'a source whose name cannot be a URL',
      mutate: () => data!.write('content/Bad Name.md', '你好。'),
      code: 'bad-file-name',
    },
  ];

  it.each(cases)('$name', async ({ mutate, code, expect: fields }) => {
    data = makeDataDir({ copyRepoData: true });
    mutate();
    const report = await checkLibrary();
    const problem = report.errors.find((p) => p.code === code);
    expect(problem, JSON.stringify(report.errors)).toBeDefined();
    if (fields) expect(problem).toMatchObject(fields);
  });
});

describe('checkLibrary warnings', () => {
  it('lists untranslated, empty and stale glosses by id', async () => {
    data = makeDataDir({ copyRepoData: true });
    const glosses = glossFile();
    // Not the second paragraph, which is the one edited below.
    const [first, second] = Object.keys(glosses)
      .filter((k) => k !== 'title')
      .slice(3);
    delete glosses[first!];
    glosses[second!] = '  ';
    data.write(`locales/en/${SLUG}.json`, JSON.stringify(glosses));
    const source = readFileSync(data.file(`content/${SLUG}.txt`), 'utf8');
    data.write(`content/${SLUG}.txt`, source.replace('播客节目 No Priors', '知名播客节目 No Priors'));

    const report = await checkLibrary();
    expect(report.errors).toEqual([]);
    const codes = report.warnings.map((w) => `${w.code}:${w.id ?? ''}`);
    expect(codes).toContain(`untranslated:${first}`);
    expect(codes).toContain(`empty:${second}`);
    // The edited paragraph keeps its id; its gloss is stale and the ledger needs a sync.
    expect(report.warnings.filter((w) => w.code === 'stale')).toHaveLength(1);
    expect(codes).toContain('ledger-out-of-date:');
  });
});

describe('checkLibrary and the journal', () => {
  it('warns about saves not yet folded into the gloss files, and checks the glosses with them', async () => {
    data = makeDataDir({ copyRepoData: true });
    const loaded = await loadText(SLUG);
    const block = loaded?.ok ? loaded.text.blocks.find((b) => b.type === 'paragraph') : undefined;
    const saved = await saveGloss({
      slug: SLUG,
      id: block!.id,
      text: ' ',
      baseRevision: glossRevision(block!.en),
      editor: 'ann',
      clear: true,
    });
    expect(saved.ok).toBe(true);
    const report = await checkLibrary();
    const codes = report.warnings.map((w) => `${w.code}:${w.id ?? ''}`);
    expect(codes).toContain(`untranslated:${block!.id}`);
    expect(report.warnings.filter((w) => w.code === 'journal-pending')).toMatchObject([
      { file: `locales/en/${SLUG}.journal.jsonl`, message: expect.stringMatching(/^1 saved change/) },
    ]);
  });
});

describe('checkLibrary glossary and notes', () => {
  it('warns when a gloss drops a term’s approved rendering, naming the block, term and gloss', async () => {
    data = makeDataDir({ copyRepoData: true });
    const glosses = glossFile();
    const ledger = JSON.parse(readFileSync(data.file(`content/${SLUG}.ids.json`), 'utf8')) as {
      blocks: { id: string; zh: string }[];
    };
    const block = ledger.blocks.find((b) => b.zh.includes('特拉斯'))!;
    const wrong = glosses[block.id]!.replace(/Tesla/g, 'the carmaker');
    data.write(`locales/en/${SLUG}.json`, JSON.stringify({ ...glosses, [block.id]: wrong }));

    const report = await checkLibrary();
    const warning = report.warnings.find((w) => w.code === 'glossary' && w.id === block.id);
    expect(warning?.message).toContain('特拉斯');
    expect(warning?.message).toContain('"Tesla"');
    expect(warning?.message).toContain(wrong);
  });

  const glossaryCases: { name: string; mutate: () => void; expected: { code: string; id?: string; message: string[] } }[] = [
    {
      name: 'a gloss that uses a forbidden rendering (“merger” for 融合 in this text), naming the text’s glossary',
      mutate: () => {
        const glosses = glossFile();
        data!.write(
          `locales/en/${SLUG}.json`,
          JSON.stringify({ ...glosses, i951a2: glosses.i951a2!.replace('form of merging', 'merger') }),
        );
      },
      expected: {
        code: 'glossary',
        id: 'i951a2',
        message: ['融合', `this text’s glossary, locales/en/${SLUG}.glossary.json`, '"merger"', 'forbids'],
      },
    },
    {
      name: 'a forbidden rendering from the text’s own glossary (“neocortex” for 新皮层 here)',
      mutate: () => {
        const glosses = glossFile();
        data!.write(
          `locales/en/${SLUG}.json`,
          JSON.stringify({ ...glosses, ipaepq: glosses.ipaepq!.replace('new cortex', 'neocortex') }),
        );
      },
      expected: {
        code: 'glossary',
        id: 'ipaepq',
        message: ['新皮层', `this text’s glossary, locales/en/${SLUG}.glossary.json`, '"neocortex"'],
      },
    },
    {
      name: 'a name kept as written, with its case changed',
      mutate: () => {
        const glosses = glossFile();
        data!.write(
          `locales/en/${SLUG}.json`,
          JSON.stringify({ ...glosses, w9rrbt: glosses.w9rrbt!.replace('No Priors', 'no priors') }),
        );
      },
      expected: { code: 'glossary', id: 'w9rrbt', message: ['No Priors', 'this text’s glossary', 'none of "No Priors"'] },
    },
    {
      name: 'without the text’s glossary the shared entry applies (特拉斯 is Truss)',
      mutate: () => rmSync(data!.file(`locales/en/${SLUG}.glossary.json`)),
      expected: { code: 'glossary', id: 'wcu1xm', message: ['特拉斯', 'the shared glossary', '"Truss"'] },
    },
  ];
  it.each(glossaryCases)('$name', async ({ mutate, expected }) => {
    data = makeDataDir({ copyRepoData: true });
    mutate();
    const report = await checkLibrary();
    expect(report.errors).toEqual([]);
    const messages = report.warnings.filter((w) => w.code === expected.code && w.id === expected.id).map((w) => w.message);
    expect(
      messages.filter((m) => expected.message.every((part) => m.includes(part))),
      JSON.stringify(messages),
    ).toHaveLength(1);
  });

  const glossaryFileErrors: { name: string; file: string; text: string; line?: number }[] = [
    {
      name: 'malformed JSON in a text’s glossary',
      file: `locales/en/${SLUG}.glossary.json`,
      text: '{\n  "新皮层": {"en": [}\n}\n',
      line: 2,
    },
    {
      name: 'an entry with neither renderings nor doNotTranslate',
      file: `locales/en/${SLUG}.glossary.json`,
      text: '{"新皮层": {"note": "x"}}',
    },
    {
      name: 'a misspelt field',
      file: `locales/en/${SLUG}.glossary.json`,
      text: '{"融合": {"en": ["merge"], "forbiden": ["merger"]}}',
    },
    { name: 'a malformed shared glossary', file: 'locales/en/glossary.json', text: '{"融合": {"en": []}}' },
  ];
  it.each(glossaryFileErrors)('reports $name as an error naming the file', async ({ file, text, line }) => {
    data = makeDataDir({ copyRepoData: true });
    data.write(file, text);
    const report = await checkLibrary();
    const problem = report.errors.find((p) => p.code === 'glossary-invalid');
    expect(problem, JSON.stringify(report.errors)).toMatchObject({ file, ...(line ? { line } : {}) });
  });

  it('reports a text glossary and an alignment file that belong to no text, not those of a text', async () => {
    data = makeDataDir({ copyRepoData: true });
    data.write('locales/en/missing-text.glossary.json', '{}');
    data.write('locales/en/missing-text.align.json', '{ "version": 1, "blocks": {} }');
    data.write(`locales/en/${SLUG}.align.json`, '{ "version": 1, "blocks": {} }');
    const report = await checkLibrary();
    expect(
      report.errors
        .filter((p) => p.code === 'orphan-file')
        .map((p) => p.file)
        .sort(),
    ).toEqual(['locales/en/missing-text.align.json', 'locales/en/missing-text.glossary.json']);
  });

  it('reports a note whose quote has left its block as detached', async () => {
    data = makeDataDir({ copyRepoData: true });
    const source = readFileSync(data.file(`content/${SLUG}.txt`), 'utf8');
    data.write(`content/${SLUG}.txt`, source.replace('特拉斯', '特斯拉'));
    const report = await checkLibrary();
    expect(report.warnings.filter((w) => w.code === 'note-detached').map((w) => w.id)).toEqual(['n7']);
  });
});
