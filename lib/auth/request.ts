import 'server-only';
import { SignInGuard, type Attempt, type AttemptCheck } from './attempts';
import { readAccountFile } from '@/lib/store/accounts';
import { authConfig, type AuthConfig, type Role } from './config';
import { permits, type Action, type Grant, type Target } from './permissions';
import { sameSecret } from './passwords';
import { clientAddress, isLoopback, peerAddress } from './peer';
import { isRevoked } from './revocations';
import { credentialFingerprint, decodeSession, SESSION_COOKIE, type Session } from './session';
import { processState, setProcessState } from '@/lib/process-state';

export interface Viewer {
  name: string;
  role: Role;
  /** How they proved it: a session cookie, a bearer token, or local open mode. */
  via: 'session' | 'token' | 'open';
  /** The session behind a cookie, for signing it out. */
  session?: Session;
  /** Target languages and texts the account is limited to (see lib/auth/permissions.ts). */
  langs?: string[];
  texts?: string[];
}

/** The settings with the accounts file's accounts, re-read when the file changed: a changed or removed account counts at once. */
export async function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): Promise<AuthConfig> {
  return authConfig(env, await readAccountFile());
}

/** What a viewer may do, for lib/auth/permissions.ts. */
export function grantOf(viewer: Viewer): Grant {
  return {
    role: viewer.role,
    ...(viewer.langs ? { langs: viewer.langs } : {}),
    ...(viewer.texts ? { texts: viewer.texts } : {}),
  };
}

/**
 * Why a request may not change anything: nobody is signed in, the role or the site does not
 * allow it, the request names its editor wrongly, or sign-in attempts are being limited. The
 * routes turn each into a status (app/api/_lib/http.ts).
 */
export type AccessRefusal = 'signed-out' | 'forbidden' | 'invalid' | 'too-many-attempts';

export type EditAccess =
  { ok: true; editor: string; viewer: Viewer } | { ok: false; kind: AccessRefusal; error: string; retryAfterSeconds?: number };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An editor name as given by a person or a script: control characters out, at most 64 characters. */
export function cleanName(value: string | null | undefined): string {
  const cleaned = (value ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, '')
    .trim();
  return [...cleaned].slice(0, 64).join('');
}

/**
 * The `X-Editor-Name` header as text. Header values reach the server as bytes read one per
 * character; a name sent as UTF-8 (`Zoë`, `张三`) is decoded as UTF-8, and bytes that are not
 * UTF-8 are refused rather than stored garbled. `'å¼ ä¸\u0089'` (the bytes of 张三) → `'张三'`.
 */
export function editorNameHeader(value: string | null): { ok: true; name: string } | { ok: false; error: string } {
  if (value === null) return { ok: true, name: '' };
  if ([...value].some((char) => char.charCodeAt(0) > 0xff)) return { ok: true, name: cleanName(value) };
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'latin1'));
    return { ok: true, name: cleanName(decoded) };
  } catch {
    return { ok: false, error: 'X-Editor-Name must be UTF-8 text' };
  }
}

/** The value of one cookie of a request. */
export function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The session a request's cookie carries, if its signature holds and it has not expired; whether it still holds is not checked. */
export function signedSession(request: Request, config: AuthConfig): Session | undefined {
  return decodeSession(cookieValue(request, SESSION_COOKIE), config.secret);
}

/** The token of an `Authorization: Bearer <token>` header; the scheme is case-insensitive (RFC 9110). */
export function bearerToken(request: Request): string | undefined {
  const match = /^bearer(?:[ \t]+(.*))?$/i.exec(request.headers.get('authorization')?.trim() ?? '');
  return match ? (match[1] ?? '').trim() : undefined;
}

function hostOf(request: Request): string {
  return (request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host).toLowerCase();
}

/**
 * Open development mode lets only this machine edit: the connection must come from a loopback
 * address (the peer address, which a client cannot choose) and name a local host (which keeps
 * other sites' pages out through DNS rebinding).
 */
function isLocal(request: Request): boolean {
  return isLoopback(peerAddress(request)) && LOCAL_HOSTS.has(hostOf(request).replace(/:\d+$/, ''));
}

/** The process's one sign-in guard. */
export function signInGuard(): SignInGuard {
  return processState('sign-in-guard', () => new SignInGuard());
}

/** Puts a fresh guard in place (tests). */
export function replaceSignInGuard(guard: SignInGuard): void {
  setProcessState('sign-in-guard', guard);
}

/** The attempt a request makes with a credential for `account`. */
export function attemptOf(request: Request, account: string): Attempt {
  return { account, client: clientAddress(request) };
}

const TOKEN_ACCOUNT = 'token:';

/** A session is good while its account still exists with the same role and credential. */
export async function sessionHolds(session: Session, config: AuthConfig): Promise<boolean> {
  if (config.mode !== 'accounts') return false;
  if (session.via === 'token') {
    if (!config.token || session.role !== 'admin' || !sameSecret(session.fp, credentialFingerprint(config.token, config.secret)))
      return false;
  } else {
    const account = config.accounts.find((a) => a.name === session.name);
    if (!account || account.role !== session.role) return false;
    if (!sameSecret(session.fp, credentialFingerprint(account.passwordHash, config.secret))) return false;
  }
  return !(await isRevoked(session));
}

export type Identified = { viewer?: Viewer; limited?: AttemptCheck & { ok: false }; error?: string };

/**
 * Who is making a request: from `Authorization: Bearer <EDITOR_TOKEN>` (named by the
 * `X-Editor-Name` header), a signed session cookie whose account still holds, or, with nothing
 * configured on a development server, the local user. Wrong tokens count against the client
 * like wrong passwords; once over the limit, `limited` says how long to wait.
 */
export async function identify(request: Request, givenConfig?: AuthConfig): Promise<Identified> {
  const config = givenConfig ?? (await loadAuthConfig());
  const given = bearerToken(request);
  if (given !== undefined) {
    const attempt = attemptOf(request, TOKEN_ACCOUNT);
    const guard = signInGuard();
    const check = guard.check(attempt);
    if (!check.ok) return { limited: check };
    if (!config.token || !sameSecret(given, config.token)) {
      guard.fail(attempt);
      return {};
    }
    const name = editorNameHeader(request.headers.get('x-editor-name'));
    if (!name.ok) return { error: name.error };
    return { viewer: { name: name.name || 'token', role: 'admin', via: 'token' } };
  }
  const session = decodeSession(cookieValue(request, SESSION_COOKIE), config.secret);
  if (session && (await sessionHolds(session, config))) {
    const account = session.via === 'account' ? config.accounts.find((a) => a.name === session.name) : undefined;
    const limits = { ...(account?.langs ? { langs: account.langs } : {}), ...(account?.texts ? { texts: account.texts } : {}) };
    return { viewer: { name: session.name, role: session.role, via: 'session', session, ...limits } };
  }
  if (config.mode === 'open' && isLocal(request)) return { viewer: { name: 'local', role: 'admin', via: 'open' } };
  return {};
}

/** identify, for callers that only need the viewer. `undefined` for anonymous requests. */
export async function viewerOf(request: Request, config?: AuthConfig): Promise<Viewer | undefined> {
  return (await identify(request, config)).viewer;
}

/**
 * Whether a state-changing request comes from this site's own pages: a browser sends `Origin`
 * (or `Sec-Fetch-Site`); a request authenticated by a bearer token is a script and needs neither.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin) {
    try {
      return new URL(origin).host.toLowerCase() === hostOf(request);
    } catch {
      return false;
    }
  }
  const site = request.headers.get('sec-fetch-site');
  return site === 'same-origin' || site === 'none';
}

/** Checks that a request may change glosses (any language, any text), and names the editor for the history. */
export async function authorizeEdit(request: Request, config?: AuthConfig): Promise<EditAccess> {
  return authorize(request, 'edit-gloss', {}, config);
}

/**
 * Checks that a request may do `action` on `target` (lib/auth/permissions.ts), and names who
 * does it for the history: refused as signed out for nobody, forbidden naming what is missing
 * ("translator for French needed"), too many attempts while sign-in attempts are limited.
 */
export async function authorize(request: Request, action: Action, target: Target = {}, given?: AuthConfig): Promise<EditAccess> {
  const config = given ?? (await loadAuthConfig());
  if (config.mode === 'read-only') {
    return {
      ok: false,
      kind: 'forbidden',
      error: 'This site is read-only: no editors are configured (set EDITOR_TOKEN or EDITORS)',
    };
  }
  const { viewer, limited, error } = await identify(request, config);
  if (limited)
    return {
      ok: false,
      kind: 'too-many-attempts',
      error: tooManyAttempts(limited.retryAfterSeconds),
      retryAfterSeconds: limited.retryAfterSeconds,
    };
  if (error) return { ok: false, kind: 'invalid', error };
  if (!viewer) return { ok: false, kind: 'signed-out', error: 'Sign in to change glosses' };
  if (viewer.via !== 'token' && !isSameOrigin(request)) {
    return { ok: false, kind: 'forbidden', error: 'Changes must come from this site’s own pages' };
  }
  const permission = permits(grantOf(viewer), action, target);
  if (!permission.ok)
    return { ok: false, kind: 'forbidden', error: `${permission.missing} (${viewer.name} is a ${viewer.role})` };
  return { ok: true, editor: viewer.name, viewer };
}

/** The message while sign-in attempts are limited. */
export function tooManyAttempts(seconds: number): string {
  return `Too many failed attempts from here; try again in ${seconds} second${seconds === 1 ? '' : 's'}`;
}
