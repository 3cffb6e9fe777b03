import { z } from 'zod';

/** `POST /api/texts/<slug>/blocks/<id>/comments` with `{ body, quote?, replyTo? }`. */
export const commentRequest = z.object({
  body: z.string(),
  quote: z.string().max(2000).optional(),
  replyTo: z.string().max(64).optional(),
});
/** `POST /api/texts/<slug>/comments/<cid>/resolve` with `{ reopen?, revision? }`: `reopen: true` reopens a resolved thread. */
export const resolveRequest = z.object({ reopen: z.boolean().optional(), revision: z.string().max(16).optional() });

export const commentSchema = z.object({
  cid: z.string(),
  block: z.string(),
  author: z.string(),
  time: z.string(),
  body: z.string(),
  quote: z.object({ side: z.enum(['zh', 'gloss']), text: z.string(), occurrence: z.number() }).optional(),
  replyTo: z.string().optional(),
  resolved: z.boolean(),
  resolvedBy: z.string().optional(),
  resolvedAt: z.string().optional(),
  revision: z.string(),
  anchor: z
    .object({
      side: z.enum(['zh', 'gloss']),
      text: z.string(),
      start: z.number().optional(),
      end: z.number().optional(),
      detached: z.boolean(),
    })
    .optional(),
});
export type CommentResponse = z.infer<typeof commentSchema>;

export const commentListResponse = z.object({ comments: z.array(commentSchema) });
export const commentResponse = z.object({ comment: commentSchema });
/** `GET /api/texts/<slug>/comments`: per paragraph, the number of comments and of open threads. */
export const commentCountsResponse = z.object({
  /** Whether the viewer may see the comments at all. */
  visible: z.boolean(),
  counts: z.record(z.string(), z.object({ total: z.number(), open: z.number() })),
});
