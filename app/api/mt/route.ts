import { permits } from '@/lib/auth/permissions';
import { grantOf, viewerOf } from '@/lib/auth/request';
import { loadText } from '@/lib/library/load';
import { machineProvider } from '@/lib/memory/providers';
import { readMatchRequest } from '@/lib/memory/request';
import { plainText } from '@/lib/text/inline';
import { withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * `GET /api/mt?text=<slug>&id=<block>&lang=<tag>`: the configured machine-translation provider's
 * suggestion for a paragraph, `{ provider: { id, label }, suggestion }`, for translators. `{ provider: null }`
 * when none is configured (the default); 400 for a bad parameter, 401 signed out, 403 for a role that may not edit it, 404 for an
 * unknown paragraph, 502 when the engine fails.
 */
export const GET = withErrors(async (request: Request) => {
  const read = readMatchRequest(Object.fromEntries(new URL(request.url).searchParams));
  if (!read.ok) return Response.json({ error: read.error }, { status: 400, headers: noStore });
  const viewer = await viewerOf(request);
  const permission = permits(viewer && grantOf(viewer), 'edit-gloss', { text: read.request.slug, lang: read.request.lang });
  if (!permission.ok)
    return Response.json(
      { error: `Machine suggestions are for translators: ${permission.missing}` },
      { status: viewer ? 403 : 401, headers: noStore },
    );
  const provider = machineProvider();
  if (!provider) return Response.json({ provider: null }, { headers: noStore });
  if ('error' in provider) return Response.json({ error: provider.error }, { status: 502, headers: noStore });
  const loaded = await loadText(read.request.slug);
  const block = loaded?.ok ? loaded.text.blocks.find((b) => b.id === read.request.id) : undefined;
  if (!block)
    return Response.json({ error: `No paragraph ${read.request.id} in ${read.request.slug}` }, { status: 404, headers: noStore });
  try {
    const suggestion = await provider.translate(plainText(block.text), read.request.lang);
    return Response.json({ provider: { id: provider.id, label: provider.label }, suggestion }, { headers: noStore });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return Response.json({ error: `The machine translation provider failed: ${reason}` }, { status: 502, headers: noStore });
  }
});
