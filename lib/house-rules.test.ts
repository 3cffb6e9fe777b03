import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESS_STATES } from './process-state';

// Rules of the house that an import rule cannot see: lib/ says what happened, app/ decides
// how HTTP says it (app/api/_lib). A lib module that picks a status code or builds a Response is
// caught here, with its file and line.

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** Lines of lib/ matching a pattern, outside comments, as `file:line`. */
function offending(pattern: RegExp): string[] {
  return sources('lib').flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line.replace(/\/\/.*$|^\s*\*.*$/, '')) ? [`${file}:${i + 1}`] : [])),
  );
}

describe('lib/ knows no HTTP', () => {
  const rules: { name: string; pattern: RegExp }[] = [
    { name: 'an HTTP status code as a status', pattern: /\bstatus\s*:\s*[1-5]\d\d\b|\bstatus\s*:\s*[1-5]\d\d\s*\|/ },
    { name: 'a Response', pattern: /\bnew Response\(|\bResponse\.(json|redirect|error)\(/ },
  ];
  for (const { name, pattern } of rules) {
    it(`has no ${name}`, () => {
      expect(offending(pattern)).toEqual([]);
    });
  }

  it('would catch one (the check itself works)', () => {
    expect(/\bstatus\s*:\s*[1-5]\d\d\b/.test("return { ok: false, status: 404, error: 'x' };")).toBe(true);
    expect(/\bstatus\s*:\s*[1-5]\d\d\b/.test("return { ok: false, kind: 'not-found' };")).toBe(false);
  });
});

describe('state kept once per process', () => {
  const read = (file: string) => readFileSync(file, 'utf8');
  const code = [...sources('lib'), ...sources('app')].filter((file) => !file.endsWith(path.join('lib', 'process-state.ts')));

  it('is reached only through lib/process-state.ts, never on globalThis directly', () => {
    const direct = code.filter((file) => /globalThis as\b/.test(read(file)));
    expect(direct).toEqual([]);
  });

  it('is listed with what it holds, and every name in the list is used', () => {
    const used = new Set(
      code.flatMap((file) =>
        [...read(file).matchAll(/(?:processState|peekProcessState|setProcessState)(?:<[^(]*>)?\('([\w-]+)'/g)].map((m) => m[1]),
      ),
    );
    const cacheHandler = read('cache-handler.cjs');
    const unused = Object.keys(PROCESS_STATES).filter(
      (name) => !used.has(name) && !cacheHandler.includes(`'bilingual-reader.${name}'`),
    );
    expect(unused).toEqual([]);
  });
});

describe('bounded caches', () => {
  it('are all WeightedLru: no other module evicts its oldest entry by hand', () => {
    const code = [...sources('lib'), ...sources('app')].filter((file) => !file.endsWith(path.join('lib', 'weighted-lru.ts')));
    const evicting = code.filter((file) => /\.(keys|entries)\(\)\.next\(\)/.test(readFileSync(file, 'utf8')));
    expect(evicting).toEqual([]);
  });
});
