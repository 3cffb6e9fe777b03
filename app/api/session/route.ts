import { z } from 'zod';
import { authConfig } from '@/lib/auth/config';
import { verifyPassword, sameSecret } from '@/lib/auth/passwords';
import { cleanName, isSameOrigin, viewerOf } from '@/lib/auth/request';
import { encodeSession, SESSION_COOKIE, SESSION_DAYS } from '@/lib/auth/session';
import { readJsonBody } from '@/app/api/_lib/http';

export const dynamic = 'force-dynamic';

/** `GET /api/session`: `{ viewer: { name, role } | null, mode }`, for the pages to show editing tools. */
export async function GET(request: Request) {
  const config = authConfig();
  const viewer = viewerOf(request, config);
  return Response.json({ viewer: viewer ? { name: viewer.name, role: viewer.role } : null, mode: config.mode });
}

const signInSchema = z.union([
  z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) }),
  z.object({ name: z.string().max(64).optional(), token: z.string().min(1).max(1024) }),
]);

function cookie(request: Request, value: string, maxAge: number): string {
  const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

/** `POST /api/session` with `{ name, password }` (a named account) or `{ name?, token }` (EDITOR_TOKEN): signs in. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ error: 'Sign in from this site’s own page' }, { status: 403 });
  const config = authConfig();
  if (config.mode !== 'accounts') {
    return Response.json({ error: config.mode === 'open' ? 'Editing is open on this local server; no sign-in needed' : 'This site is read-only' }, { status: 409 });
  }
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const body = signInSchema.safeParse(read.body);
  if (!body.success) return Response.json({ error: 'Give a name and password, or the editor token' }, { status: 422 });

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
  if (!session) return Response.json({ error: 'Those credentials are not right' }, { status: 401 });

  const maxAge = SESSION_DAYS * 24 * 60 * 60;
  const value = encodeSession({ ...session, expires: Date.now() + maxAge * 1000 }, config.secret);
  return Response.json({ viewer: session }, { headers: { 'Set-Cookie': cookie(request, value, maxAge) } });
}

/** `DELETE /api/session`: signs out. */
export async function DELETE(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ error: 'Sign out from this site’s own page' }, { status: 403 });
  return Response.json({ viewer: null }, { headers: { 'Set-Cookie': cookie(request, '', 0) } });
}
