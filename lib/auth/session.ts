import { createHmac, randomBytes } from 'node:crypto';
import { isRole, type Role } from './permissions';
import { sameSecret } from './passwords';

export const SESSION_COOKIE = 'bilingual-session';
export const SESSION_DAYS = 14;

export interface Session {
  name: string;
  role: Role;
  /** Expiry, in ms since the epoch. */
  expires: number;
  /** A random id, so that signing out can revoke this one session (copies of the cookie included). */
  sid: string;
  /** How it was opened: a named account's password, or the shared editor token. */
  via: 'account' | 'token';
  /** A fingerprint of the credential it was opened with: a new password or token ends it. */
  fp: string;
  /** The server's session epoch it was opened in (see lib/auth/revocations.ts): a lost registry ends it. */
  ep: string;
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** A new random session id. */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

/** A keyed fingerprint of a credential (a password hash or the token), never the credential itself. */
export function credentialFingerprint(credential: string, secret: string): string {
  return createHmac('sha256', secret).update(`credential\u0000${credential}`).digest('base64url').slice(0, 22);
}

/** A signed cookie value for a session: `<payload>.<signature>`. */
export function encodeSession(session: Session, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The session in a cookie value, if its signature holds and it has not expired. */
export function decodeSession(value: string | undefined, secret: string, now = Date.now()): Session | undefined {
  if (!value) return undefined;
  const [payload, signature] = value.split('.');
  if (!payload || !signature || !sameSecret(signature, sign(payload, secret))) return undefined;
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Session>;
    // 'editor' is what sessions opened before roles carried: EDITORS and the token, now admins.
    const role = (session.role as string) === 'editor' ? 'admin' : session.role;
    if (typeof session.name !== 'string' || !isRole(role)) return undefined;
    if (typeof session.expires !== 'number' || session.expires < now) return undefined;
    if (typeof session.sid !== 'string' || typeof session.fp !== 'string' || typeof session.ep !== 'string') return undefined;
    if (session.via !== 'account' && session.via !== 'token') return undefined;
    return {
      name: session.name,
      role,
      expires: session.expires,
      sid: session.sid,
      via: session.via,
      fp: session.fp,
      ep: session.ep,
    };
  } catch {
    return undefined;
  }
}
