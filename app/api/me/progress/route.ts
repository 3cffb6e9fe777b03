import { z } from 'zod';
import { getLearnerProgress, mergeLearnerProgress } from '@/lib/library/learner-sync';
import { parseProgress } from '@/lib/learn/progress';
import { parseJsonBody } from '@/app/api/_lib/body';
import { learnerOf } from '@/app/api/_lib/learner';
import { withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

const NO_STORE = { headers: { 'Cache-Control': 'private, no-store' } };

/** `GET /api/me/progress`: `{ progress: { <slug>: { id, share, at } } }` of the signed-in reader; 401 when signed out. */
export const GET = withErrors(async (request: Request) => {
  const learner = await learnerOf(request, false);
  if (!learner.ok) return learner.response;
  return Response.json({ progress: await getLearnerProgress(learner.account) }, NO_STORE);
});

const body = z.object({ progress: z.record(z.string(), z.unknown()) });

/**
 * `PUT /api/me/progress` `{ progress }`: merged into the account's (for each text the latest read
 * wins; malformed entries are dropped); answers the merged `{ progress }`.
 */
export const PUT = withErrors(async (request: Request) => {
  const learner = await learnerOf(request, true);
  if (!learner.ok) return learner.response;
  const parsed = await parseJsonBody(request, body, '{ "progress": { "<slug>": { "id", "share", "at" } } }', 512 * 1024);
  if (!parsed.ok) return parsed.response;
  return Response.json({ progress: await mergeLearnerProgress(learner.account, parseProgress(parsed.data.progress)) }, NO_STORE);
});
