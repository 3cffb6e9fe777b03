/**
 * Git sync's settings, read from the environment. Without `BILINGUAL_GIT_REMOTE` there is no
 * git sync at all: no timers, no processes, the store as without it.
 */
export interface GitSyncConfig {
  /** The shared remote: a path to a bare repository, or a URL git understands. */
  remote: string;
  /** The branch every server follows. */
  branch: string;
  /** Seconds between pulls. */
  pullSeconds: number;
  /** Seconds without a change to a text before its changes are committed. */
  quietSeconds: number;
  /** Seconds after the first change not yet committed by which it is committed anyway. */
  atMostSeconds: number;
  /** The shared secret of `POST /api/sync`; undefined refuses every call. */
  secret: string | undefined;
}

export const DEFAULT_PULL_SECONDS = 30;
export const DEFAULT_QUIET_SECONDS = 60;
export const AT_MOST_SECONDS = 300;

export type GitSyncSettings = { enabled: false } | { enabled: true; config: GitSyncConfig } | { enabled: false; error: string };

function seconds(value: string | undefined, name: string, fallback: number): number | string {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 86_400)
    return `${name} must be a number of seconds above 0 and at most 86400, not ${JSON.stringify(value)}`;
  return n;
}

/**
 * Reads the settings from an environment. `{ BILINGUAL_GIT_REMOTE: '/srv/library.git' }` →
 * enabled, pulling every 30 s, committing after a quiet 60 s (300 s at most); a bad interval or
 * a remote starting with `-` is an error, and git sync stays off.
 */
export function parseGitSyncConfig(env: Record<string, string | undefined>): GitSyncSettings {
  const remote = env.BILINGUAL_GIT_REMOTE?.trim();
  if (!remote) return { enabled: false };
  // A remote is passed to git as an argument: one starting with "-" would be read as an option.
  if (remote.startsWith('-') || /[\0\n]/.test(remote))
    return { enabled: false, error: `BILINGUAL_GIT_REMOTE is not a path or URL: ${JSON.stringify(remote)}` };
  if (!env.BILINGUAL_DATA_DIR?.trim())
    return {
      enabled: false,
      error: 'BILINGUAL_GIT_REMOTE needs BILINGUAL_DATA_DIR: the data folder becomes a clone, and the app folder is not one',
    };
  const pull = seconds(env.BILINGUAL_GIT_PULL_S, 'BILINGUAL_GIT_PULL_S', DEFAULT_PULL_SECONDS);
  const quiet = seconds(env.BILINGUAL_GIT_COMMIT_QUIET_S, 'BILINGUAL_GIT_COMMIT_QUIET_S', DEFAULT_QUIET_SECONDS);
  if (typeof pull === 'string') return { enabled: false, error: pull };
  if (typeof quiet === 'string') return { enabled: false, error: quiet };
  const branch = env.BILINGUAL_GIT_BRANCH?.trim() || 'main';
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(branch) || branch.includes('..'))
    return { enabled: false, error: `BILINGUAL_GIT_BRANCH is not a branch name: ${JSON.stringify(branch)}` };
  const secret = env.BILINGUAL_SYNC_SECRET?.trim() || undefined;
  return {
    enabled: true,
    config: {
      remote,
      branch,
      pullSeconds: pull,
      quietSeconds: quiet,
      atMostSeconds: Math.max(quiet, AT_MOST_SECONDS),
      secret,
    },
  };
}
