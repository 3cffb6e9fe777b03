import 'server-only';
import { authConfig, type AuthConfig, type Role } from './config';
import { sameSecret } from './passwords';
import { decodeSession, SESSION_COOKIE } from './session';

export interface Viewer {
  name: string;
  role: Role;
  /** How they proved it: a session cookie, a bearer token, or local open mode. */
  via: 'session' | 'token' | 'open';
}

export type EditAccess = { ok: true; editor: string } | { ok: false; status: 401 | 403; error: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An editor name as given by a person or a script: control characters out, at most 64 characters. */
export function cleanName(value: string | null | undefined): string {
  const cleaned = (value ?? '').normalize('NFC').replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim();
  return [...cleaned].slice(0, 64).join('');
}

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The token of an `Authorization: Bearer <token>` header; the scheme is case-insensitive (RFC 9110). */
export function bearerToken(request: Request): string | undefined {
  const match = /^bearer(?:[ \t]+(.*))?$/i.exec(request.headers.get('authorization')?.trim() ?? '');
  return match ? (match[1] ?? '').trim() : undefined;
}

function hostOf(request: Request): string {
  return (request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host).toLowerCase();
}

function isLocal(request: Request): boolean {
  return LOCAL_HOSTS.has(hostOf(request).replace(/:\d+$/, ''));
}

/**
 * Who is making a request: from `Authorization: Bearer <EDITOR_TOKEN>` (named by the
 * `X-Editor-Name` header), a signed session cookie, or, with nothing configured on a
 * development server on localhost, the local user. `undefined` for anonymous requests.
 */
export function viewerOf(request: Request, config: AuthConfig = authConfig()): Viewer | undefined {
  const given = bearerToken(request);
  if (given !== undefined) {
    if (config.token && sameSecret(given, config.token)) {
      return { name: cleanName(request.headers.get('x-editor-name')) || 'token', role: 'editor', via: 'token' };
    }
    return undefined;
  }
  const session = decodeSession(cookieValue(request, SESSION_COOKIE), config.secret);
  if (session && config.mode === 'accounts') return { name: session.name, role: session.role, via: 'session' };
  if (config.mode === 'open' && isLocal(request)) return { name: 'local', role: 'editor', via: 'open' };
  return undefined;
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

/** Checks that a request may change glosses, and names the editor for the history. */
export function authorizeEdit(request: Request, config: AuthConfig = authConfig()): EditAccess {
  if (config.mode === 'read-only') {
    return { ok: false, status: 403, error: 'This site is read-only: no editors are configured (set EDITOR_TOKEN or EDITORS)' };
  }
  const viewer = viewerOf(request, config);
  if (!viewer) return { ok: false, status: 401, error: 'Sign in as an editor to change glosses' };
  if (viewer.via !== 'token' && !isSameOrigin(request)) {
    return { ok: false, status: 403, error: 'Changes must come from this site’s own pages' };
  }
  if (viewer.role !== 'editor') return { ok: false, status: 403, error: `${viewer.name} may read but not edit` };
  return { ok: true, editor: viewer.name };
}
