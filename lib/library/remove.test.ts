import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { addText } from './add';
import { loadText } from './load';
import { removeText } from './remove';

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({
    files: {
      'content/old.md': '---\ntitle: 旧文\n---\n\n旧的一段。\n',
      'content/old.ids.json': '{"blocks":[],"retired":[]}\n',
      'locales/en/old.json': '{"title":"Old"}\n',
      'locales/en/old.history.jsonl': '{"key":"title"}\n',
      'content/other.md': '# 另一篇\n\n别的。\n',
      'locales/en/other.json': '{}\n',
    },
  });
});
afterEach(() => data.dispose());

describe('removeText', () => {
  it('moves every file of the text to removed/, keeping their paths, and leaves the others', async () => {
    const result = await removeText('old', { now: new Date('2026-12-01T10:00:00Z') });
    expect(result).toEqual({
      ok: true,
      slug: 'old',
      files: ['content/old.ids.json', 'content/old.md', 'locales/en/old.history.jsonl', 'locales/en/old.json'],
      archive: 'removed/old-2026-12-01T10-00-00-000Z',
      dryRun: false,
    });
    expect(await loadText('old')).toBeUndefined();
    expect((await loadText('other'))?.ok).toBe(true);
    const archive = data.file('removed/old-2026-12-01T10-00-00-000Z');
    expect(readFileSync(path.join(archive, 'locales/en/old.json'), 'utf8')).toBe('{"title":"Old"}\n');
    expect(readdirSync(data.file('content')).sort()).toEqual(['other.md']);
  });

  it('frees the slug: a new text added under it starts without the old glosses', async () => {
    await removeText('old');
    const added = await addText({ bytes: Buffer.from('# 新文\n\n全新的一段。\n'), fileName: 'old.md', slug: 'old' });
    expect(added.ok).toBe(true);
    expect(JSON.parse(readFileSync(data.file('locales/en/old.json'), 'utf8'))).toEqual({});
    expect(existsSync(data.file('locales/en/old.history.jsonl'))).toBe(false);
  });

  it.each([
    { name: 'a dry run lists the files and moves nothing', slug: 'old', dryRun: true, ok: true },
    { name: 'an unknown text is refused', slug: 'nope', dryRun: false, ok: false },
    { name: 'a slug that is not one is refused', slug: '../content', dryRun: false, ok: false },
  ])('$name', async ({ slug, dryRun, ok }) => {
    const before = readdirSync(data.file('content')).sort();
    const result = await removeText(slug, { dryRun });
    expect(result.ok).toBe(ok);
    expect(readdirSync(data.file('content')).sort()).toEqual(before);
    expect(existsSync(data.file('removed'))).toBe(false);
  });
});
