import { z } from 'zod';
import { clearLearnerWords, getLearnerWords, mergeLearnerWords } from '@/lib/library/learner-sync';
import { parseWordList } from '@/lib/learn/word-list';
import { parseRemovals } from '@/lib/learn/word-removals';
import { parseJsonBody } from '@/app/api/_lib/body';
import { learnerOf } from '@/app/api/_lib/learner';
import { withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

const NO_STORE = { headers: { 'Cache-Control': 'private, no-store' } };

/**
 * `GET /api/me/words`: `{ words: [...], removed: [...] }`, the signed-in reader's word list and
 * the removals still kept (`{ word, context?, removedAt }`); 401 when signed out.
 */
export const GET = withErrors(async (request: Request) => {
  const learner = await learnerOf(request, false);
  if (!learner.ok) return learner.response;
  return Response.json(await getLearnerWords(learner.account), NO_STORE);
});

const body = z.object({ words: z.array(z.unknown()), removed: z.array(z.unknown()).optional() });

/**
 * `PUT /api/me/words` `{ words, removed? }`: merged into the account's list (every word and
 * context; then removals applied by time: a context saved at or before a removal of it is
 * dropped, a later save kept; malformed entries dropped); answers the merged `{ words, removed }`.
 */
export const PUT = withErrors(async (request: Request) => {
  const learner = await learnerOf(request, true);
  if (!learner.ok) return learner.response;
  const parsed = await parseJsonBody(
    request,
    body,
    '{ "words": [ saved words as /words keeps them ], "removed": [ { "word", "context"?, "removedAt" } ] }',
    4 * 1024 * 1024,
  );
  if (!parsed.ok) return parsed.response;
  const words = parseWordList(JSON.stringify(parsed.data.words));
  const removed = parseRemovals(parsed.data.removed ?? []);
  return Response.json(await mergeLearnerWords(learner.account, { words, removed }), NO_STORE);
});

/**
 * `DELETE /api/me/words`: deletes the account's word list (only the time of the deletion is
 * kept, so older copies on other devices cannot fill it again); answers `{ words: [], removed: [] }`.
 */
export const DELETE = withErrors(async (request: Request) => {
  const learner = await learnerOf(request, true);
  if (!learner.ok) return learner.response;
  await clearLearnerWords(learner.account);
  return Response.json({ words: [], removed: [] }, NO_STORE);
});
