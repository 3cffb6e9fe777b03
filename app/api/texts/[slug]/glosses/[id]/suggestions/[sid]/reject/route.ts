import { rejectRequest } from '@/lib/api/suggestion-contract';
import { REJECT_REASONS } from '@/lib/gloss/suggestions';
import { rejectSuggestion } from '@/lib/library/suggestions';
import { suggestionAnswer, suggestionHandler } from '@/app/api/_lib/suggestions';

/** `POST …/suggestions/<sid>/reject?lang=` with `{ reason, note? }`: the reason is required. */
export const POST = suggestionHandler(
  'reject-suggestion',
  rejectRequest,
  `{ reason: ${REJECT_REASONS.join(' | ')}, note? }`,
  async ({ slug, id, sid, lang, who, body }) =>
    suggestionAnswer(
      await rejectSuggestion({
        slug,
        id,
        sid,
        lang,
        reviewer: who,
        reason: body.reason,
        ...(body.note !== undefined ? { note: body.note } : {}),
      }),
    ),
);
