import 'server-only';
import { execFile } from 'node:child_process';
import { namedError } from '@/lib/named-error';

/**
 * The one module that runs git: no shell (arguments are passed as they are), a bounded time per
 * command, and an environment that ignores the machine's and user's git configuration, so a
 * server's repository behaves the same everywhere.
 */

export const GIT_TIMEOUT_MS = 60_000;

/** A git command that failed or ran out of time, with what it printed. */
export class GitError extends namedError('GitError') {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly code: number | string | undefined,
  ) {
    super(`git ${args.slice(0, 2).join(' ')} failed (${code ?? 'no exit code'}): ${stderr.trim().slice(0, 500)}`);
  }
}

export interface GitAuthor {
  name: string;
  email: string;
}

function gitEnv(author?: GitAuthor): NodeJS.ProcessEnv {
  return {
    NODE_ENV: process.env.NODE_ENV,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    ...(process.env.GIT_SSH_COMMAND ? { GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND } : {}),
    ...(author
      ? {
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_COMMITTER_NAME: 'bilingual-reader',
          GIT_COMMITTER_EMAIL: 'server@bilingual-reader.invalid',
        }
      : { GIT_COMMITTER_NAME: 'bilingual-reader', GIT_COMMITTER_EMAIL: 'server@bilingual-reader.invalid' }),
  };
}

/**
 * Runs `git <args>` in `cwd` and resolves with its standard output; rejects with GitError on a
 * non-zero exit or after `timeoutMs`. `runGit('/srv/data', ['rev-parse', 'HEAD'])` → `'3f2a…\n'`.
 */
export function runGit(
  cwd: string,
  args: readonly string[],
  options: { author?: GitAuthor; timeoutMs?: number; allowFailure?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      '/usr/bin/git',
      [...args],
      {
        cwd,
        env: gitEnv(options.author),
        timeout: options.timeoutMs ?? GIT_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        if (error && !options.allowFailure) {
          const code =
            (error as NodeJS.ErrnoException & { code?: number | string }).code ?? (error.killed ? 'timed out' : undefined);
          reject(new GitError(args, String(stderr), code));
        } else resolve(String(stdout));
      },
    );
  });
}

/** Whether a git command succeeds (exit 0). */
export async function gitSucceeds(cwd: string, args: readonly string[]): Promise<boolean> {
  try {
    await runGit(cwd, args);
    return true;
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
}

/** The bytes of `rev:file` in the repository, or undefined when that commit has no such file. */
export function readBlob(cwd: string, rev: string, file: string): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    execFile(
      '/usr/bin/git',
      ['cat-file', 'blob', `${rev}:${file}`],
      { cwd, env: gitEnv(), timeout: GIT_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024, encoding: 'buffer', killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        if (!error) resolve(stdout);
        else if (
          /does not exist|not a valid object|exists on disk, but not in|invalid object name|Not a valid object name/i.test(
            stderr.toString(),
          )
        )
          resolve(undefined);
        else reject(new GitError(['cat-file', 'blob', `${rev}:${file}`], stderr.toString(), error.code ?? undefined));
      },
    );
  });
}
