import { z } from 'zod';
import { REJECT_REASONS } from '@/lib/gloss/suggestions';

/** `POST …/suggestions` with `{ text }`. */
export const suggestRequest = z.object({ text: z.string() });
/** `POST …/suggestions/<sid>/accept` with `{ text?, baseRevision? }`: the reviewer's edited version, and the revision they saw. */
export const acceptRequest = z.object({ text: z.string().optional(), baseRevision: z.string().max(64).optional() });
/** `POST …/suggestions/<sid>/reject` with `{ reason, note? }`: a reason from the list, and free text. */
export const rejectRequest = z.object({ reason: z.string(), note: z.string().max(2000).optional() });
/** `POST …/suggestions/<sid>/vote` with `{}`. */
export const voteRequest = z.object({}).passthrough();

export const suggestionSchema = z.object({
  sid: z.string(),
  id: z.string(),
  author: z.string(),
  time: z.string(),
  text: z.string(),
  zhHash: z.string(),
  baseRevision: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected']),
  votes: z.array(z.string()),
  outcome: z
    .object({
      reviewer: z.string(),
      time: z.string(),
      text: z.string().optional(),
      revision: z.string().optional(),
      reason: z.enum(REJECT_REASONS).optional(),
      note: z.string().optional(),
    })
    .optional(),
  stale: z.boolean(),
  current: z.object({ text: z.string(), revision: z.string() }),
});
export type SuggestionResponse = z.infer<typeof suggestionSchema>;

export const suggestionListResponse = z.object({ suggestions: z.array(suggestionSchema) });
export const suggestionResponse = z.object({ suggestion: suggestionSchema });
