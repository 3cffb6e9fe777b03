import { renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { dataFingerprint, dependsOn, digestInHtml, readingPageSlug } from './page-freshness';

describe('readingPageSlug', () => {
  it.each([
    ['/en/read/hong-lou', 'hong-lou'],
    ['/zh/read/hong-lou/s/a5h2d1', 'hong-lou'],
    ['/en/read/a_b-1/p/x9', 'a_b-1'],
    ['/en', undefined],
    ['/en/search', undefined],
    ['/read/hong-lou', undefined],
    ['/en/read/Hong', undefined],
  ])('%s → %s', (pathname, slug) => expect(readingPageSlug(pathname)).toBe(slug));
});

describe('dependsOn', () => {
  it.each([
    // [file, slug, has digest, depends]
    ['novel.json', 'novel', false, true],
    ['novel.json', 'novel', true, false],
    ['novel.state.json', 'novel', true, false],
    ['novel.journal.jsonl', 'novel', true, false],
    // A save re-aligns its paragraph: the alignment goes with the digest, as the glosses do.
    ['novel.align.json', 'novel', true, false],
    ['novel.align.json', 'novel', false, true],
    // …and so does the alignment's journal, which a save appends to.
    ['novel.align.journal.jsonl', 'novel', true, false],
    ['novel.align.journal.jsonl', 'novel', false, true],
    ['other.align.journal.jsonl', 'novel', true, false],
    ['novel.notes.json', 'novel', true, true],
    ['novel.txt', 'novel', true, true],
    ['other.json', 'novel', false, false],
    ['novel-2.json', 'novel', false, false],
    ['glossary.json', 'novel', true, true],
    ['common.json', 'novel', true, true],
    ['_shared.terms', 'novel', true, true],
    ['novel.history.jsonl', 'novel', false, false],
    ['novel.json.tmp-1', 'novel', false, false],
    ['.hidden', undefined, false, false],
    ['other.json', undefined, false, true],
  ] as const)('%s for %s (digest %s) → %s', (name, slug, digest, expected) =>
    expect(dependsOn(name, slug, digest)).toBe(expected),
  );
});

describe('digestInHtml', () => {
  const digest = 'ab'.repeat(32);
  it.each([
    [`<div data-page-digest="${digest}">`, digest],
    [Buffer.from(`<div class="page" data-page-digest="${digest}"></div>`), digest],
    ['<div data-page-digest="abc">', undefined],
    ['<div>', undefined],
    [undefined, undefined],
  ])('%s', (html, expected) => expect(digestInHtml(html)).toBe(expected));
});

describe('dataFingerprint', () => {
  let data: ReturnType<typeof makeDataDir>;
  const past = new Date(Date.now() - 60_000);
  /** Folders last changed a minute ago: their listings are kept between lookups. */
  const settle = () => {
    for (const dir of ['content', 'locales', 'locales/en', 'locales/fr']) utimesSync(data.file(dir), past, past);
  };

  beforeEach(() => {
    data = makeDataDir({
      files: {
        'content/novel.txt': '第一回',
        'content/other.txt': '第二回',
        'locales/en/novel.json': '{"title":"One"}',
        'locales/en/other.json': '{"title":"Two"}',
        'locales/en/common.json': '{}',
        'locales/fr/novel.json': '{"title":"Un"}',
      },
    });
    settle();
  });
  afterEach(() => data.dispose());

  const changes: [string, (root: string) => void, string, boolean][] = [
    [
      'a gloss file rewritten in place',
      (r) => writeFileSync(path.join(r, 'locales/en/novel.json'), '{"title":"Uno"}'),
      '/en/read/novel',
      true,
    ],
    [
      'a gloss file replaced by a rename',
      (r) => {
        writeFileSync(path.join(r, 'locales/en/novel.json.new'), '{"title":"Uno"}');
        renameSync(path.join(r, 'locales/en/novel.json.new'), path.join(r, 'locales/en/novel.json'));
      },
      '/en/read/novel',
      true,
    ],
    [
      'a French gloss file changed',
      (r) => writeFileSync(path.join(r, 'locales/fr/novel.json'), '{"title":"Une"}'),
      '/en/read/novel',
      true,
    ],
    ['a note file added', (r) => writeFileSync(path.join(r, 'locales/en/novel.notes.json'), '{}'), '/en/read/novel', true],
    [
      'the shared strings changed',
      (r) => writeFileSync(path.join(r, 'locales/en/common.json'), '{"a":1}'),
      '/en/read/novel',
      true,
    ],
    [
      'another text changed',
      (r) => writeFileSync(path.join(r, 'locales/en/other.json'), '{"title":"Deux"}'),
      '/en/read/novel',
      false,
    ],
    [
      'another text changed, for the library',
      (r) => writeFileSync(path.join(r, 'locales/en/other.json'), '{"title":"Deux"}'),
      '/en',
      true,
    ],
    ['a text added, for the library', (r) => writeFileSync(path.join(r, 'content/third.txt'), '第三回'), '/en', true],
    ['a text removed, for the library', (r) => rmSync(path.join(r, 'content/other.txt')), '/en', true],
    [
      'a history line appended',
      (r) => writeFileSync(path.join(r, 'locales/en/novel.history.jsonl'), '{}\n'),
      '/en/read/novel',
      false,
    ],
  ];

  it.each(changes)('%s: changed %s', async (_, change, pathname, changed) => {
    const before = await dataFingerprint(pathname);
    expect(await dataFingerprint(pathname)).toBe(before);
    change(data.root);
    expect((await dataFingerprint(pathname)) !== before).toBe(changed);
  });

  it('with a digest, the text’s own gloss files stand for it, the rest still counts', async () => {
    const digest = 'cd'.repeat(32);
    const before = await dataFingerprint('/en/read/novel', digest);
    writeFileSync(data.file('locales/en/novel.json'), '{"title":"Uno"}');
    expect(await dataFingerprint('/en/read/novel', digest)).toBe(before);
    expect(await dataFingerprint('/en/read/novel', 'ef'.repeat(32))).not.toBe(before);
    writeFileSync(data.file('content/novel.txt'), '第一回 改');
    expect(await dataFingerprint('/en/read/novel', digest)).not.toBe(before);
  });

  it('a file added to a folder listed a moment earlier is seen', async () => {
    // The folder has just changed, so its times may not move again within the same tick.
    writeFileSync(data.file('content/a.txt'), 'a');
    const before = await dataFingerprint('/en');
    writeFileSync(data.file('content/b.txt'), 'b');
    expect(await dataFingerprint('/en')).not.toBe(before);
  });
});
