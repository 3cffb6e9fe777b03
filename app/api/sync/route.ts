import { bearerToken } from '@/lib/auth/request';
import { gitSyncEnabled, gitSyncSecret, syncNow } from '@/lib/gitsync/engine';
import { checkSyncCall } from '@/lib/gitsync/secret';
import { errorJson, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/sync` with `Authorization: Bearer <BILINGUAL_SYNC_SECRET>`: commits what is not
 * committed, pulls and merges the shared remote, pushes; what a forge's webhook calls. 200
 * `{ pulled: { commits, texts, conflicts, keptOurs }, pushed }`; 401 without the token, 403 with
 * a wrong one (or when no secret is set); 404 when this server does not sync through git.
 */
export const POST = withErrors(async (request: Request) => {
  if (!gitSyncEnabled()) return errorJson('This server does not sync through git (BILINGUAL_GIT_REMOTE is not set)', 404);
  const check = checkSyncCall(bearerToken(request), gitSyncSecret());
  if (check === 'no-secret-set') return errorJson('Sync calls are refused: this server has no BILINGUAL_SYNC_SECRET', 403);
  if (check === 'missing')
    return errorJson('Send the shared secret as Authorization: Bearer <secret>', 401, {
      headers: { 'www-authenticate': 'Bearer' },
    });
  if (check === 'wrong') return errorJson('That is not the shared secret', 403);
  const result = await syncNow();
  if (!result.configured) return errorJson('This server does not sync through git', 404);
  return Response.json({ pulled: result.pulled, pushed: result.pushed });
});
