import { z } from 'zod';
import { getLearnerWords, mergeLearnerWords } from '@/lib/library/learner-sync';
import { parseWordList } from '@/lib/learn/word-list';
import { parseJsonBody } from '@/app/api/_lib/body';
import { learnerOf } from '@/app/api/_lib/learner';
import { withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

const NO_STORE = { headers: { 'Cache-Control': 'private, no-store' } };

/** `GET /api/me/words`: `{ words: [...] }`, the signed-in reader's word list; 401 when signed out. */
export const GET = withErrors(async (request: Request) => {
  const learner = await learnerOf(request, false);
  if (!learner.ok) return learner.response;
  return Response.json({ words: await getLearnerWords(learner.account) }, NO_STORE);
});

const body = z.object({ words: z.array(z.unknown()) });

/**
 * `PUT /api/me/words` `{ words }`: merged into the account's list (every word, every context;
 * malformed entries dropped); answers the merged `{ words }`.
 */
export const PUT = withErrors(async (request: Request) => {
  const learner = await learnerOf(request, true);
  if (!learner.ok) return learner.response;
  const parsed = await parseJsonBody(request, body, '{ "words": [ saved words as /words keeps them ] }', 4 * 1024 * 1024);
  if (!parsed.ok) return parsed.response;
  const incoming = parseWordList(JSON.stringify(parsed.data.words));
  return Response.json({ words: await mergeLearnerWords(learner.account, incoming) }, NO_STORE);
});
