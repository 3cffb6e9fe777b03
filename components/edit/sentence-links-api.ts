// The browser's calls to `GET` and `PUT /api/texts/<slug>/alignment` for one block, typed by the
// contract (lib/api/alignment-contract.ts): each answer is parsed with the route's schema.
import { alignmentConflictResponse, alignmentResponse, type BlockAlignment } from '@/lib/api/alignment-contract';
import type { SentLink } from '@/lib/align/relink';

export type BlockAlignmentResult = { ok: true; block: BlockAlignment } | { ok: false; error: string; current?: BlockAlignment };

const blockUrl = (slug: string, id: string, lang: string) =>
  `/api/texts/${encodeURIComponent(slug)}/alignment?lang=${encodeURIComponent(lang)}&id=${encodeURIComponent(id)}`;

async function answer(request: Promise<Response>): Promise<BlockAlignmentResult> {
  let response: Response;
  try {
    response = await request;
  } catch {
    return { ok: false, error: 'network' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = alignmentResponse.safeParse(body);
    const block = parsed.success ? parsed.data.blocks[0] : undefined;
    return block ? { ok: true, block } : { ok: false, error: 'The server gave an answer of an unexpected shape' };
  }
  const conflict = alignmentConflictResponse.safeParse(body);
  if (conflict.success) return { ok: false, error: conflict.data.error, current: conflict.data.current };
  const error =
    typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
      ? body.error
      : `HTTP ${response.status}`;
  return { ok: false, error };
}

/** A block's sentences and links in `lang`. */
export const getBlockAlignment = (slug: string, id: string, lang: string) =>
  answer(fetch(blockUrl(slug, id, lang), { cache: 'no-store' }));

/** Replaces a block's links (manual ones are fixed anchors), if its alignment is still at `baseRevision`. */
export const saveBlockLinks = (slug: string, id: string, lang: string, links: SentLink[], baseRevision: string) =>
  answer(
    fetch(blockUrl(slug, id, lang), {
      method: 'PUT',
      cache: 'no-store',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ links, baseRevision }),
    }),
  );
