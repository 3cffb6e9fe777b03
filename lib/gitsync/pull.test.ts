import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitSyncConfig } from './config';
import { pullAndMerge } from './pull';
import { commitPaths, pushToRemote } from './repo';

// Two clones of a bare repository on disk, merged by pullAndMerge as a server would.
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@x',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@x',
    },
  });

let root: string;
let remote: string;
let config: GitSyncConfig;
const previous = process.env.BILINGUAL_DATA_DIR;

function writeGlosses(clone: string, glosses: Record<string, string>, history = ''): void {
  const dir = path.join(clone, 'locales', 'en');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'a.json'), `${JSON.stringify(glosses, null, 2)}\n`);
  if (history) writeFileSync(path.join(dir, 'a.history.jsonl'), history);
}

function readJson(clone: string, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(clone, 'locales', 'en', name), 'utf8')) as Record<string, unknown>;
}

const entry = (id: string, editor: string) => `${JSON.stringify({ id, editor })}\n`;

async function pullInto(clone: string) {
  process.env.BILINGUAL_DATA_DIR = clone;
  return pullAndMerge(clone, config, {
    beforeMerge: async () => {
      await commitPaths(clone, ['content', 'locales'], { author: 'b-server', message: 'local\n' });
    },
    afterMerge: async () => undefined,
  });
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'gitsync-pull-'));
  remote = path.join(root, 'remote.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  config = { remote, branch: 'main', pullSeconds: 1, quietSeconds: 1, atMostSeconds: 300, secret: undefined };
  const a = path.join(root, 'a');
  mkdirSync(path.join(a, 'content'), { recursive: true });
  writeFileSync(path.join(a, 'content', 'a.md'), '一\n\n二\n');
  git(root, 'init', '-q', '-b', 'main', a);
  writeGlosses(a, { title: 'T', p1: 'one', p2: 'two', p3: 'three' });
  git(a, 'add', '-A');
  git(a, 'commit', '-q', '-m', 'base');
  git(a, 'remote', 'add', 'origin', remote);
  git(a, 'push', '-q', 'origin', 'main');
  git(root, 'clone', '-q', remote, 'b');
}, 60_000);

afterEach(() => {
  if (previous === undefined) delete process.env.BILINGUAL_DATA_DIR;
  else process.env.BILINGUAL_DATA_DIR = previous;
  rmSync(root, { recursive: true, force: true });
});

// Git processes on a busy 2-core machine take a second or more each.
describe('pullAndMerge', { timeout: 60_000 }, () => {
  it('merges per paragraph and keeps both versions of a paragraph changed on both', async () => {
    const [a, b] = [path.join(root, 'a'), path.join(root, 'b')];
    writeGlosses(a, { title: 'T', p1: 'ONE from a', p2: 'two', p3: 'three by a' }, entry('p3', 'ann'));
    git(a, 'add', '-A');
    git(a, 'commit', '-q', '-m', 'a');
    git(a, 'push', '-q', 'origin', 'main');
    writeGlosses(b, { title: 'T', p1: 'one', p2: 'TWO from b', p3: 'three by b' }, entry('p3', 'bo'));

    const report = await pullInto(b);

    expect(readJson(b, 'a.json')).toEqual({ title: 'T', p1: 'ONE from a', p2: 'TWO from b', p3: 'three by b' });
    expect(report.conflicts).toEqual([{ slug: 'a', lang: 'en', key: 'p3' }]);
    const conflicts = readJson(b, 'a.conflicts.json') as Record<string, { versions: { text: string; author: string }[] }>;
    expect(conflicts.p3?.versions.map((v) => [v.text, v.author])).toEqual([
      ['three by b', 'bo'],
      ['three by a', 'ann'],
    ]);
    // Both histories are kept, and the merge is committed with both parents.
    expect(readFileSync(path.join(b, 'locales', 'en', 'a.history.jsonl'), 'utf8')).toContain('"ann"');
    expect(git(b, 'status', '--porcelain', '--', 'locales')).toBe('');
    expect(git(b, 'rev-list', '--parents', '-1', 'HEAD').trim().split(' ')).toHaveLength(3);
  });

  it('takes a change the remote alone made without a merge commit (fast forward)', async () => {
    const [a, b] = [path.join(root, 'a'), path.join(root, 'b')];
    writeGlosses(a, { title: 'T', p1: 'ONE from a', p2: 'two', p3: 'three' });
    git(a, 'add', '-A');
    git(a, 'commit', '-q', '-m', 'a');
    git(a, 'push', '-q', 'origin', 'main');

    const report = await pullInto(b);

    expect(report.commits).toBe(1);
    expect(readJson(b, 'a.json').p1).toBe('ONE from a');
    expect(existsSync(path.join(b, 'locales', 'en', 'a.conflicts.json'))).toBe(false);
    expect(git(b, 'rev-parse', 'HEAD')).toBe(git(a, 'rev-parse', 'HEAD'));
  });

  it('a push the remote refuses because it moved on goes through after a pull, with both changes', async () => {
    const [a, b] = [path.join(root, 'a'), path.join(root, 'b')];
    writeGlosses(a, { title: 'T', p1: 'ONE from a', p2: 'two', p3: 'three' });
    git(a, 'add', '-A');
    git(a, 'commit', '-q', '-m', 'a');
    git(a, 'push', '-q', 'origin', 'main');
    writeGlosses(b, { title: 'T', p1: 'one', p2: 'TWO from b', p3: 'three' });
    expect(await commitPaths(b, ['locales'], { author: 'bo', message: 'b\n' })).toBe(true);

    expect(await pushToRemote(b, config)).toBe(false);
    await pullInto(b);
    expect(await pushToRemote(b, config)).toBe(true);

    const inRemote = JSON.parse(git(remote, 'show', 'main:locales/en/a.json')) as Record<string, string>;
    expect(inRemote).toEqual({ title: 'T', p1: 'ONE from a', p2: 'TWO from b', p3: 'three' });
    expect(git(remote, 'rev-parse', 'main')).toBe(git(b, 'rev-parse', 'HEAD'));
  });

  it('does nothing when the remote has nothing new', async () => {
    const report = await pullInto(path.join(root, 'b'));
    expect(report).toEqual({ commits: 0, texts: [], conflicts: [], keptOurs: [] });
  });
});
