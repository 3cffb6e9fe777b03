import { acceptRequest } from '@/lib/api/suggestion-contract';
import { acceptSuggestion } from '@/lib/library/suggestions';
import { suggestionAnswer, suggestionHandler } from '@/app/api/_lib/suggestions';

/**
 * `POST …/suggestions/<sid>/accept?lang=` with `{ text?, baseRevision? }`: saves the suggestion
 * (and the reviewer's edited version) like an edit; 409 with `current` when the gloss changed.
 */
export const POST = suggestionHandler(
  'accept-suggestion',
  acceptRequest,
  '{ text?, baseRevision? }',
  async ({ slug, id, sid, lang, who, body }) =>
    suggestionAnswer(await acceptSuggestion({ slug, id, sid, lang, reviewer: who, ...body })),
);
