import 'server-only';
import type { z } from 'zod';
import { readJson, MAX_JSON_BODY_BYTES, type BodyFailure } from '@/lib/api/body';
import { errorJson } from './respond';

export { MAX_JSON_BODY_BYTES };

export type ParsedBody<T> = { ok: true; data: T } | { ok: false; response: Response };

const statusOfFailure: Record<BodyFailure['kind'], number> = { 'too-large': 413, 'not-utf8': 422, 'not-json': 422 };

/**
 * Reads a JSON request body within `maxBytes` (counted while it streams in, chunked bodies
 * included) and parses it with a contract schema: 413 when too large, 422 when it is not
 * UTF-8, not JSON, or not the shape `usage` describes, each with `{ error }`.
 */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  usage: string,
  maxBytes: number = MAX_JSON_BODY_BYTES,
): Promise<ParsedBody<z.output<S>>> {
  const read = await readJson(request, maxBytes);
  if (!read.ok) return { ok: false, response: errorJson(read.error, statusOfFailure[read.kind]) };
  const parsed = schema.safeParse(read.value);
  if (!parsed.success) return { ok: false, response: errorJson(`Expected ${usage}`, 422) };
  return { ok: true, data: parsed.data };
}
