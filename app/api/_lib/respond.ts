import 'server-only';
import type { z } from 'zod';
import type { ErrorResponse } from '@/lib/api/contract';
import { DataFileError } from '@/lib/store/errors';

/** A JSON answer typed by its contract schema: the compiler checks the body against the shape the browser parses. */
export function json<S extends z.ZodType>(_schema: S, body: z.input<S>, init?: ResponseInit): Response {
  return Response.json(body, init);
}

/** An `{ error }` answer. */
export function errorJson(error: string, status: number, init?: ResponseInit): Response {
  const body: ErrorResponse = { error };
  return Response.json(body, { ...init, status });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler so that an unexpected failure still answers with a JSON message (500
 * `{ error }`) instead of an empty body; the error itself goes to the server log. A data file
 * that cannot be used (DataFileError: a malformed notes or glossary file, say) is a 409 naming
 * the file and the place, so whoever runs the site knows what to fix.
 */
export function withErrors<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof DataFileError) return errorJson(`${error.message}. Fix the file; nothing was changed`, 409);
      console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error);
      return errorJson('Internal server error: the server could not answer this request (the details are in its log)', 500);
    }
  };
}
