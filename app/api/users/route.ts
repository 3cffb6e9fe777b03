import { addUserRequest, userListResponse, userResponse } from '@/lib/api/users-contract';
import { authorize } from '@/lib/auth/request';
import { addUser, listUsers } from '@/lib/library/accounts';
import { parseJsonBody } from '@/app/api/_lib/body';
import { accessRefused } from '@/app/api/_lib/http';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/** `GET /api/users` (admins): `{ users: [{ name, role, langs, texts }] }` from the accounts file. */
export const GET = withErrors(async (request: Request) => {
  const access = await authorize(request, 'manage-accounts');
  if (!access.ok) return accessRefused(access);
  return json(userListResponse, { users: await listUsers() }, { headers: { 'Cache-Control': 'no-store' } });
});

/** `POST /api/users` (admins) with `{ name, role, password, langs?, texts? }`: 201 `{ user }`; 422 with the reason. */
export const POST = withErrors(async (request: Request) => {
  const access = await authorize(request, 'manage-accounts');
  if (!access.ok) return accessRefused(access);
  const body = await parseJsonBody(request, addUserRequest, '{ name, role, password, langs?, texts? }');
  if (!body.ok) return body.response;
  const { name, password, ...fields } = body.data;
  const result = await addUser(name, password, fields);
  if (!result.ok) return errorJson(result.error, result.error.startsWith('There is already') ? 409 : 422);
  return json(userResponse, { user: result.account }, { status: 201 });
});
