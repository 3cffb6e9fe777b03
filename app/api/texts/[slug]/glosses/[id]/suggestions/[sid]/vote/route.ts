import { voteRequest } from '@/lib/api/suggestion-contract';
import { voteSuggestion } from '@/lib/library/suggestions';
import { suggestionAnswer, suggestionHandler } from '@/app/api/_lib/suggestions';

/** `POST …/suggestions/<sid>/vote?lang=`: one vote per account, not for one's own suggestion. */
export const POST = suggestionHandler('vote', voteRequest, '{}', async ({ slug, id, sid, lang, who }) =>
  suggestionAnswer(await voteSuggestion({ slug, id, sid, lang, voter: who })),
);
