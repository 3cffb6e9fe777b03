import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The folders of lib/ import each other one way. The file-level import rule (no-cycles in
// .dependency-cruiser.cjs) cannot see a cycle between folders made of files that do not form
// one: lib/export/document.ts taking a type from lib/library while lib/library uses lib/export.
// Type imports count: they tie the folders together as much as any other.

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sources(file);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [file] : [];
  });
}

/** The folder of lib/ a module is in (`lib/store/lock.ts` → `store`); files at the top are their own. */
function folderOf(file: string): string {
  const parts = path.normalize(file).split(path.sep);
  return parts.length > 2 ? parts[1]! : parts[1]!.replace(/\.\w+$/, '');
}

/** Which folder imports which, each edge with one file that makes it. */
function folderGraph(files: string[], read: (file: string) => string): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    for (const match of read(file).matchAll(/(?:from|import)\s*\(?\s*'(@\/lib\/[^']+|\.{1,2}\/[^']+)'/g)) {
      const spec = match[1]!;
      const target = spec.startsWith('@/') ? spec.slice(2) : path.join(path.dirname(file), spec);
      const [from, to] = [folderOf(file), folderOf(`${target}.ts`)];
      if (from === to) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, `${file} → ${spec}`);
    }
  }
  return graph;
}

/** One cycle of the graph as the imports that make it, or [] when it has none. */
function findCycle(graph: Map<string, Map<string, string>>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (folder: string): string[] => {
    state.set(folder, 'open');
    trail.push(folder);
    for (const next of graph.get(folder)?.keys() ?? []) {
      if (state.get(next) === 'open') {
        const loop = [...trail.slice(trail.indexOf(next)), next];
        return loop.slice(1).map((to, i) => graph.get(loop[i]!)!.get(to)!);
      }
      if (!state.has(next)) {
        const found = visit(next);
        if (found.length) return found;
      }
    }
    trail.pop();
    state.set(folder, 'done');
    return [];
  };
  for (const folder of graph.keys()) {
    if (state.has(folder)) continue;
    const found = visit(folder);
    if (found.length) return found;
  }
  return [];
}

describe('the folders of lib/', () => {
  it('import each other one way: no cycle between folders', () => {
    const files = sources('lib');
    expect(findCycle(folderGraph(files, (file) => readFileSync(file, 'utf8')))).toEqual([]);
  });

  it.each([
    {
      name: 'a type import back makes a cycle',
      cycle: true,
      files: { 'lib/a/x.ts': "import type { T } from '@/lib/b/y';", 'lib/b/y.ts': "import { f } from '@/lib/a/z';" },
    },
    {
      name: 'a dynamic import back makes one too',
      cycle: true,
      files: { 'lib/a/x.ts': "await import('@/lib/b/y');", 'lib/b/y.ts': "import { f } from '../a/z';" },
    },
    {
      name: 'one way is fine',
      cycle: false,
      files: { 'lib/a/x.ts': "import { g } from '@/lib/b/y';", 'lib/b/y.ts': "import { h } from './w';" },
    },
  ])('the check itself: $name', ({ files, cycle }) => {
    const texts = new Map(Object.entries(files));
    const found = findCycle(folderGraph([...texts.keys()], (file) => texts.get(file)!));
    expect(found.length > 0).toBe(cycle);
  });
});
