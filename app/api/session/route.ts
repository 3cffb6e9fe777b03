import { sessionResponse, signInRequest, signInResponse, signOutResponse } from '@/lib/api/contract';
import { authConfig } from '@/lib/auth/config';
import { verifyPassword, sameSecret } from '@/lib/auth/passwords';
import { cleanName, isSameOrigin, viewerOf } from '@/lib/auth/request';
import { encodeSession, SESSION_COOKIE, SESSION_DAYS } from '@/lib/auth/session';
import { parseJsonBody } from '@/app/api/_lib/body';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/** `GET /api/session`: `{ viewer: { name, role } | null, mode }`, for the pages to show editing tools. */
export const GET = withErrors(async (request: Request) => {
  const config = authConfig();
  const viewer = viewerOf(request, config);
  return json(sessionResponse, { viewer: viewer ? { name: viewer.name, role: viewer.role } : null, mode: config.mode });
});

function cookie(request: Request, value: string, maxAge: number): string {
  const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

/** `POST /api/session` with `{ name, password }` (a named account) or `{ name?, token }` (EDITOR_TOKEN): signs in. */
export const POST = withErrors(async (request: Request) => {
  if (!isSameOrigin(request)) return errorJson('Sign in from this site’s own page', 403);
  const config = authConfig();
  if (config.mode !== 'accounts') {
    return errorJson(config.mode === 'open' ? 'Editing is open on this local server; no sign-in needed' : 'This site is read-only', 409);
  }
  const body = await parseJsonBody(request, signInRequest, '{ name, password } or { token }: give a name and password, or the editor token');
  if (!body.ok) return body.response;

  let session: { name: string; role: 'editor' | 'reader' } | undefined;
  if ('password' in body.data) {
    const name = cleanName(body.data.name);
    const account = config.accounts.find((a) => a.name === name);
    // Verify even for unknown names, so the answer takes as long either way.
    const valid = verifyPassword(body.data.password, account?.passwordHash ?? 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    if (account && valid) session = { name: account.name, role: account.role };
  } else if (config.token && sameSecret(body.data.token, config.token)) {
    session = { name: cleanName(body.data.name) || 'editor', role: 'editor' };
  }
  if (!session) return errorJson('Those credentials are not right', 401);

  const maxAge = SESSION_DAYS * 24 * 60 * 60;
  const value = encodeSession({ ...session, expires: Date.now() + maxAge * 1000 }, config.secret);
  return json(signInResponse, { viewer: session }, { headers: { 'Set-Cookie': cookie(request, value, maxAge) } });
});

/** `DELETE /api/session`: signs out. */
export const DELETE = withErrors(async (request: Request) => {
  if (!isSameOrigin(request)) return errorJson('Sign out from this site’s own page', 403);
  return json(signOutResponse, { viewer: null }, { headers: { 'Set-Cookie': cookie(request, '', 0) } });
});
