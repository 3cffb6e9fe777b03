import type { z } from 'zod';
import { authorizeEdit } from '@/lib/auth/request';
import type { EditResult } from '@/lib/library/edit';
import { revalidateText } from '@/app/_lib/revalidate';

/** The largest request body an API route reads. */
export const MAX_BODY_BYTES = 256 * 1024;

export type BodyResult = { ok: true; body: unknown } | { ok: false; response: Response };

/** Reads a JSON request body, refusing oversized (413) and malformed (422) ones. */
export async function readJsonBody(request: Request): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false, response: Response.json({ error: 'Request too large' }, { status: 413 }) };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, response: Response.json({ error: 'Request too large' }, { status: 413 }) };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: Response.json({ error: 'The request body is not JSON' }, { status: 422 }) };
  }
}

const statusOf = { 'not-found': 404, invalid: 422, 'too-long': 413, 'broken-file': 409, conflict: 409 } as const;

/** A write the store could not make: 507 for a full disk, 503 while the store cannot be written. */
const storeStatusOf = { 'disk-full': 507, unwritable: 503, symlink: 503, busy: 503, failed: 500 } as const;

/** The HTTP response for the outcome of an edit. */
export function editResponse(result: EditResult): Response {
  if (result.ok) return Response.json({ text: result.text, revision: result.revision, status: result.status });
  if (result.kind === 'conflict') return Response.json({ error: result.error, current: result.current }, { status: 409 });
  if (result.kind === 'store') return Response.json({ error: result.error, reason: result.reason }, { status: storeStatusOf[result.reason] });
  return Response.json({ error: result.error }, { status: statusOf[result.kind] });
}

type GlossParams = { params: Promise<{ slug: string; id: string }> };

/**
 * A route handler for one kind of gloss change: checks the editor, reads and validates the JSON
 * body (`usage` says what was expected), runs the change and, when it succeeded, has the pages
 * that show the text regenerated.
 */
export function glossChangeHandler<Body>(
  schema: z.ZodType<Body>,
  usage: string,
  change: (input: { slug: string; id: string; editor: string; body: Body }) => Promise<EditResult>,
) {
  return async (request: Request, { params }: GlossParams): Promise<Response> => {
    const access = authorizeEdit(request);
    if (!access.ok) return Response.json({ error: access.error }, { status: access.status });
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    const body = schema.safeParse(read.body);
    if (!body.success) return Response.json({ error: `Expected ${usage}` }, { status: 422 });
    const { slug, id } = await params;
    const result = await change({ slug, id, editor: access.editor, body: body.data });
    if (result.ok) revalidateText(slug, id);
    return editResponse(result);
  };
}
