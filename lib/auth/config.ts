import { createHash } from 'node:crypto';

export type Role = 'editor' | 'reader';

export interface Account {
  name: string;
  role: Role;
  passwordHash: string;
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

/** `'alice:scrypt$…$…;bob:scrypt$…$…'` → accounts with the given role; malformed entries are skipped. */
export function parseAccounts(value: string | undefined, role: Role): Account[] {
  return (value ?? '')
    .split(/[;\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .flatMap((entry) => {
      const at = entry.indexOf(':');
      const name = entry.slice(0, at).trim();
      const passwordHash = entry.slice(at + 1).trim();
      return at > 0 && name && passwordHash.startsWith('scrypt$') ? [{ name, role, passwordHash }] : [];
    });
}

/** Reads the access settings from the environment (see the README). */
export function authConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const token = env.EDITOR_TOKEN?.trim() || undefined;
  const accounts = [...parseAccounts(env.EDITORS, 'editor'), ...parseAccounts(env.READERS, 'reader')];
  const configured = Boolean(token) || accounts.length > 0;
  const mode: AccessMode = configured ? 'accounts' : env.NODE_ENV === 'production' ? 'read-only' : 'open';
  // Without SESSION_SECRET the key is derived from the credentials, so changing them signs everyone out.
  const secret =
    env.SESSION_SECRET?.trim() ||
    createHash('sha256').update(`bilingual-reader-session\u0000${token ?? ''}\u0000${accounts.map((a) => a.passwordHash).join(',')}`).digest('hex');
  return { mode, ...(token ? { token } : {}), accounts, secret };
}
