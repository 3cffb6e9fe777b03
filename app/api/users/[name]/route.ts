import { setUserRequest, userResponse } from '@/lib/api/users-contract';
import { authorize } from '@/lib/auth/request';
import { removeUser, setUser } from '@/lib/library/accounts';
import { parseJsonBody } from '@/app/api/_lib/body';
import { accessRefused } from '@/app/api/_lib/http';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ name: string }> };

/** Next.js hands the segment over decoded or not depending on the path taken; both are accepted. */
function accountName(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const refused = (error: string) => errorJson(error, error.startsWith('There is no account') ? 404 : 422);

/** `PUT /api/users/<name>` (admins) with `{ role?, password?, langs?, texts? }`: `{ user }`, counted at the account's next request. */
export const PUT = withErrors(async (request: Request, { params }: Params) => {
  const access = await authorize(request, 'manage-accounts');
  if (!access.ok) return accessRefused(access);
  const body = await parseJsonBody(request, setUserRequest, '{ role?, password?, langs?, texts? }');
  if (!body.ok) return body.response;
  const { name } = await params;
  const result = await setUser(accountName(name), body.data);
  return result.ok ? json(userResponse, { user: result.account }) : refused(result.error);
});

/** `DELETE /api/users/<name>` (admins): `{ user }` as it was; its sessions end at once. */
export const DELETE = withErrors(async (request: Request, { params }: Params) => {
  const access = await authorize(request, 'manage-accounts');
  if (!access.ok) return accessRefused(access);
  const { name } = await params;
  const result = await removeUser(accountName(name));
  return result.ok ? json(userResponse, { user: result.account }) : refused(result.error);
});
