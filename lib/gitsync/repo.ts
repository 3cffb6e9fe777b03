import 'server-only';
import path from 'node:path';
import { holdsLibrary, makeCloneFolder, pathExists, writeGitExclude } from '@/lib/store/git-folder';
import type { GitSyncConfig } from './config';
import { emailOf } from './batch';
import { GitError, gitSucceeds, runGit } from './git';

/**
 * The data folder as a git clone: set up, commit, fetch, push. Only `content/` and `locales/`
 * are tracked; journals, locks, sessions and caches stay out (`.git/info/exclude`, never a file
 * of the library).
 */

const EXCLUDE = ['/*', '!/content/', '!/locales/', '*.journal.jsonl', '*.tmp', '.locks/', ''].join('\n');

export function remoteRef(config: GitSyncConfig): string {
  return `refs/remotes/origin/${config.branch}`;
}

/**
 * Makes `root` a clone of the remote: an existing clone is pointed at it; an empty remote gets
 * the folder's library as its first commit; an empty folder gets the remote's library. A folder
 * that holds a library and is not a clone, beside a remote that holds one too, is refused:
 * which one wins is the operator's choice. Returns what it did.
 */
export async function ensureClone(root: string, config: GitSyncConfig): Promise<string> {
  await makeCloneFolder(root);
  const fresh = !(await pathExists(path.join(root, '.git')));
  if (fresh) {
    await runGit(root, ['init', '-q', '-b', config.branch]);
    await runGit(root, ['remote', 'add', 'origin', config.remote]);
  } else await runGit(root, ['remote', 'set-url', 'origin', config.remote]);
  await writeGitExclude(root, EXCLUDE);
  // A merge a killed server left half done: our side is committed, so it is started again later.
  if (await pathExists(path.join(root, '.git', 'MERGE_HEAD'))) await runGit(root, ['merge', '--abort'], { allowFailure: true });
  await fetchRemote(root, config);
  const remoteHas = await gitSucceeds(root, ['rev-parse', '--verify', '-q', remoteRef(config)]);
  const localHas = await gitSucceeds(root, ['rev-parse', '--verify', '-q', 'HEAD']);
  if (fresh && remoteHas) {
    if (await holdsLibrary(root))
      throw new Error(
        `The data folder ${root} holds a library and is not a clone of ${config.remote}, which holds one too: ` +
          'move the folder away (the server then clones the remote into it) or clone the remote by hand.',
      );
    await runGit(root, ['checkout', '-q', '-B', config.branch, remoteRef(config)]);
    return 'cloned';
  }
  if (!localHas) {
    await commitPaths(root, ['content', 'locales'], { author: 'bilingual-reader', message: 'The library as first served\n' });
    await pushToRemote(root, config);
    return 'seeded';
  }
  return 'opened';
}

/**
 * Stages `paths` (pathspecs under the data folder) and commits them with `author`'s name;
 * returns whether there was anything to commit.
 */
export async function commitPaths(
  root: string,
  paths: readonly string[],
  commit: { author: string; message: string },
): Promise<boolean> {
  await runGit(root, ['add', '-A', '--', ...paths]);
  if (await gitSucceeds(root, ['diff', '--cached', '--quiet'])) return false;
  await runGit(root, ['commit', '-q', '--no-verify', '-m', commit.message], {
    author: { name: commit.author, email: emailOf(commit.author) },
  });
  return true;
}

/** The pathspecs of one text's files: its source and ledger, and its files in every language. */
export function textPathspecs(slug: string): string[] {
  return [`:(glob)content/${slug}.*`, `:(glob)locales/*/${slug}.*`];
}

export async function fetchRemote(root: string, config: GitSyncConfig): Promise<void> {
  await runGit(root, ['fetch', '-q', 'origin', `+refs/heads/${config.branch}:${remoteRef(config)}`], {
    allowFailure: false,
  }).catch((error: unknown) => {
    // An empty remote has no branch yet: nothing to fetch.
    if (error instanceof GitError && /couldn't find remote ref/i.test(error.stderr)) return;
    throw error;
  });
}

/** Whether our branch holds commits the remote lacks. */
export async function aheadOfRemote(root: string, config: GitSyncConfig): Promise<boolean> {
  if (!(await gitSucceeds(root, ['rev-parse', '--verify', '-q', remoteRef(config)]))) return true;
  const count = await runGit(root, ['rev-list', '--count', `${remoteRef(config)}..HEAD`]);
  return Number(count.trim()) > 0;
}

/** Pushes our branch; resolves false when the remote refused it because it moved on (pull, then try again). */
export async function pushToRemote(root: string, config: GitSyncConfig): Promise<boolean> {
  try {
    await runGit(root, ['push', '-q', 'origin', `HEAD:refs/heads/${config.branch}`]);
    await runGit(root, ['update-ref', remoteRef(config), 'HEAD']);
    return true;
  } catch (error) {
    if (
      error instanceof GitError &&
      /rejected|fetch first|non-fast-forward|failed to update ref|cannot lock ref/i.test(error.stderr)
    )
      return false;
    throw error;
  }
}
