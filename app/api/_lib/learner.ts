import 'server-only';
import { identify, isSameOrigin } from '@/lib/auth/request';
import { errorJson } from './respond';

/**
 * The signed-in account a `/api/me/*` request speaks for, or the answer refusing it: 401 when
 * signed out (nothing of an anonymous reader is kept on the server), 403 for a change from
 * another site.
 */
export async function learnerOf(
  request: Request,
  changing: boolean,
): Promise<{ ok: true; account: string } | { ok: false; response: Response }> {
  const { viewer } = await identify(request);
  if (!viewer || viewer.via === 'open')
    return { ok: false, response: errorJson('Sign in to keep your words and progress with your account', 401) };
  if (changing && viewer.via === 'session' && !isSameOrigin(request))
    return { ok: false, response: errorJson('Changes come from this site’s own pages only', 403) };
  return { ok: true, account: viewer.name };
}
