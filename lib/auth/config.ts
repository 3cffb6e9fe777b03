import { createHash } from 'node:crypto';
import type { Role } from './permissions';

export type { Role } from './permissions';

/** An account: from EDITORS (an admin), READERS (a reader) or the accounts file (any role, maybe limited). */
export interface Account {
  name: string;
  role: Role;
  passwordHash: string;
  /** Target languages a translator or reviewer is limited to; absent: all. */
  langs?: string[];
  /** Texts a translator or reviewer is limited to; absent: all. */
  texts?: string[];
}

/**
 * How the site may be edited:
 * - `accounts`: EDITOR_TOKEN and/or named accounts (EDITORS, READERS) are configured; edits need an editor;
 * - `open`: nothing configured and not a production server: local editing without sign-in;
 * - `read-only`: nothing configured on a production server: nobody can edit.
 */
export type AccessMode = 'accounts' | 'open' | 'read-only';

export interface AuthConfig {
  mode: AccessMode;
  token?: string;
  accounts: Account[];
  /** Key for signing session cookies. */
  secret: string;
}

/** A malformed entry of EDITORS or READERS, named without its secret part. */
export interface AccountProblem {
  setting: 'EDITORS' | 'READERS';
  /** 1-based position of the entry in the setting. */
  entry: number;
  message: string;
}

/**
 * `'alice:scrypt$…$…;bob:scrypt$…$…'` → accounts with the given role, and the malformed entries
 * (named by position and account name; what follows the colon may be a password typed by
 * mistake, so it is never repeated).
 */
export function parseAccountList(value: string | undefined, role: Role): { accounts: Account[]; problems: AccountProblem[] } {
  const setting = role === 'reader' ? 'READERS' : 'EDITORS';
  const accounts: Account[] = [];
  const problems: AccountProblem[] = [];
  (value ?? '')
    .split(/[;\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .forEach((entry, index) => {
      const at = entry.indexOf(':');
      const name = entry.slice(0, Math.max(at, 0)).trim();
      const passwordHash = entry.slice(at + 1).trim();
      const problem = (message: string) => problems.push({ setting, entry: index + 1, message });
      if (at < 0) return problem('has no "name:" before the hash');
      if (!name) return problem('has an empty name before ":"');
      if (!/^scrypt\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]{43}$/.test(passwordHash)) {
        return problem(`("${name}") does not have a password hash made by \`npm run -s editor:hash\` (scrypt$<salt>$<hash>)`);
      }
      accounts.push({ name, role, passwordHash });
    });
  return { accounts, problems };
}

/** The accounts of a setting, malformed entries skipped (see parseAccountList). */
export function parseAccounts(value: string | undefined, role: Role): Account[] {
  return parseAccountList(value, role).accounts;
}

/** Every malformed entry in EDITORS and READERS, as lines for the server log at start-up. */
export function accountProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...parseAccountList(env.EDITORS, 'admin').problems, ...parseAccountList(env.READERS, 'reader').problems].map(
    (p) => `${p.setting} entry ${p.entry} ${p.message}; it is ignored`,
  );
}

/**
 * Reads the access settings from the environment (see docs/editing.md), with the accounts of
 * the accounts file (see docs/team.md) after them: a name in EDITORS or READERS wins.
 * `file.secret` is the accounts file's own random key, mixed into the session key.
 */
export function authConfig(
  env: NodeJS.ProcessEnv = process.env,
  file?: { secret: string; accounts: readonly Account[] },
): AuthConfig {
  const token = env.EDITOR_TOKEN?.trim() || undefined;
  const fromEnv = [...parseAccounts(env.EDITORS, 'admin'), ...parseAccounts(env.READERS, 'reader')];
  const accounts = [...fromEnv, ...(file?.accounts ?? []).filter((a) => !fromEnv.some((e) => e.name === a.name))];
  const configured = Boolean(token) || accounts.length > 0;
  const mode: AccessMode = configured ? 'accounts' : env.NODE_ENV === 'production' ? 'read-only' : 'open';
  // Without SESSION_SECRET the key is derived from the credentials of the environment, so changing
  // them signs everyone out; with only the accounts file's accounts, from that file's own random key
  // (made with the file, so adding the first account there signs out nobody).
  const fromEnvConfigured = Boolean(token) || fromEnv.length > 0;
  const secret =
    env.SESSION_SECRET?.trim() ||
    createHash('sha256')
      .update(
        fromEnvConfigured || !file
          ? `bilingual-reader-session\u0000${token ?? ''}\u0000${fromEnv.map((a) => a.passwordHash).join(',')}`
          : `bilingual-reader-session\u0000file\u0000${file.secret}`,
      )
      .digest('hex');
  return { mode, ...(token ? { token } : {}), accounts, secret };
}
