import { sessionResponse, signInRequest, signInResponse, signOutResponse } from '@/lib/api/contract';
import { sameSecret, UNKNOWN_ACCOUNT_HASH, verifyPassword } from '@/lib/auth/passwords';
import { DEVICE_COOKIE, DEVICE_DAYS, deviceAccount, encodeDevice } from '@/lib/auth/device';
import {
  attemptOf,
  cleanName,
  cookieValue,
  identify,
  loadAuthConfig,
  isSameOrigin,
  signedSession,
  signInGuard,
  tooManyAttempts,
} from '@/lib/auth/request';
import { revokeSession, sessionEpoch } from '@/lib/auth/revocations';
import { DataFileError, StoreWriteError } from '@/lib/store/errors';
import {
  credentialFingerprint,
  encodeSession,
  newSessionId,
  SESSION_COOKIE,
  SESSION_DAYS,
  type Session,
} from '@/lib/auth/session';
import { parseJsonBody } from '@/app/api/_lib/body';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/** `GET /api/session`: `{ viewer: { name, role } | null, mode }`, for the pages to show editing tools. */
export const GET = withErrors(async (request: Request) => {
  const config = await loadAuthConfig();
  const { viewer } = await identify(request, config);
  return json(sessionResponse, {
    viewer: viewer
      ? {
          name: viewer.name,
          role: viewer.role,
          ...(viewer.langs ? { langs: viewer.langs } : {}),
          ...(viewer.texts ? { texts: viewer.texts } : {}),
        }
      : null,
    mode: config.mode,
  });
});

function cookie(request: Request, value: string, maxAge: number, name = SESSION_COOKIE): string {
  const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

// Unknown names share one account key, so guessing names fills no memory and tells nothing.
const UNKNOWN_ACCOUNT = 'unknown:';

/**
 * `POST /api/session` with `{ name, password }` (a named account, or the editor token given as
 * the password) or `{ name?, token }`: signs in. Failed attempts are limited per account, per
 * client address and per both: 429 with Retry-After while a client must wait.
 */
export const POST = withErrors(async (request: Request) => {
  if (!isSameOrigin(request)) return errorJson('Sign in from this site’s own page', 403);
  const config = await loadAuthConfig();
  if (config.mode !== 'accounts') {
    return errorJson(
      config.mode === 'open' ? 'Editing is open on this local server; no sign-in needed' : 'This site is read-only',
      409,
    );
  }
  const body = await parseJsonBody(
    request,
    signInRequest,
    '{ name, password } or { token }: give a name and password, or the editor token',
  );
  if (!body.ok) return body.response;

  const name = cleanName(body.data.name);
  const secret = 'password' in body.data ? body.data.password : body.data.token;
  const account = 'password' in body.data ? config.accounts.find((a) => a.name === name) : undefined;
  const attempt = {
    ...attemptOf(request, account ? `account:${account.name}` : 'password' in body.data ? UNKNOWN_ACCOUNT : 'token:'),
    knownDevice: account !== undefined && deviceAccount(cookieValue(request, DEVICE_COOKIE), config.secret) === account.name,
  };
  const guard = signInGuard();
  // Counted before the password is checked, so parallel guesses cannot all pass the free attempts.
  const check = await guard.begin(attempt);
  if (!check.ok) {
    return errorJson(tooManyAttempts(check.retryAfterSeconds), 429, {
      headers: { 'Retry-After': String(check.retryAfterSeconds) },
    });
  }

  const maxAge = SESSION_DAYS * 24 * 60 * 60;
  const expires = Date.now() + maxAge * 1000;
  let session: Omit<Session, 'ep'> | undefined;
  if (config.token && sameSecret(secret, config.token)) {
    session = {
      name: name || 'editor',
      role: 'admin',
      expires,
      sid: newSessionId(),
      via: 'token',
      fp: credentialFingerprint(config.token, config.secret),
    };
  } else if ('password' in body.data) {
    // Verify even for unknown names, so the answer takes as long either way.
    const valid = await verifyPassword(secret, account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    if (account && valid) {
      session = {
        name: account.name,
        role: account.role,
        expires,
        sid: newSessionId(),
        via: 'account',
        fp: credentialFingerprint(account.passwordHash, config.secret),
      };
    }
  }
  if (!session) return errorJson('Those credentials are not right', 401);
  await guard.succeed(attempt, { begun: true });
  // The session is opened in the server's epoch; without a registry that can be written, no session.
  const epoch = await sessionStoreCall(() => sessionEpoch());
  if (!epoch.ok) return epoch.response;
  const value = encodeSession({ ...session, ep: epoch.value }, config.secret);
  const headers = new Headers({ 'Set-Cookie': cookie(request, value, maxAge) });
  // This browser is then known to the account: an attack on it from elsewhere does not hold it up.
  if (session.via === 'account')
    headers.append('Set-Cookie', cookie(request, encodeDevice(session.name, config.secret), DEVICE_DAYS * 86_400, DEVICE_COOKIE));
  return json(signInResponse, { viewer: { name: session.name, role: session.role } }, { headers });
});

/**
 * Runs a change of the session registry; a damaged registry file or a `.sessions/` folder that
 * cannot be written is a 503 that says so (naming the file), never a sign-in or sign-out that
 * silently did not happen.
 */
async function sessionStoreCall<T>(task: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  try {
    return { ok: true, value: await task() };
  } catch (error) {
    if (error instanceof DataFileError)
      return {
        ok: false,
        response: errorJson(`Sessions are unavailable: ${error.message}. Fix the file, or remove it to sign everyone out`, 503),
      };
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (error instanceof StoreWriteError || code !== undefined) {
      console.error('The session registry cannot be written:', error);
      const detail = error instanceof StoreWriteError ? error.message : `.sessions/ cannot be written (${code})`;
      return {
        ok: false,
        response: errorJson(`The server cannot record sessions: ${detail}; nothing was changed, try again later`, 503),
      };
    }
    throw error;
  }
}

/** `DELETE /api/session`: signs out, revoking the session itself, so a copy of the cookie stops working too. */
export const DELETE = withErrors(async (request: Request) => {
  if (!isSameOrigin(request)) return errorJson('Sign out from this site’s own page', 403);
  // Any validly signed cookie is revoked, even one that no longer holds: a damaged registry is then named (503).
  const session = signedSession(request, await loadAuthConfig());
  if (session) {
    const revoked = await sessionStoreCall(() => revokeSession(session.sid, session.expires));
    if (!revoked.ok) return revoked.response;
  }
  return json(signOutResponse, { viewer: null }, { headers: { 'Set-Cookie': cookie(request, '', 0) } });
});
