import { readBodyBytes } from '@/lib/api/body';
import { authorize, authorizeEdit } from '@/lib/auth/request';
import { importMemory, listMemories } from '@/lib/memory/imported-memories';
import { MAX_TMX_BYTES } from '@/lib/memory/tmx-read';
import { accessRefused } from '@/app/api/_lib/http';
import { queryValue } from '@/app/api/_lib/query';
import { errorJson, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

const importStatus = { invalid: 400, exists: 409, 'too-large': 413 } as const;

/** `GET /api/memories`: the imported translation memories, `{ memories: [{ name, lang, pairs, file, imported }] }`, for editors. */
export const GET = withErrors(async (request: Request) => {
  const access = await authorizeEdit(request);
  if (!access.ok) return accessRefused(access);
  return Response.json({ memories: await listMemories() }, { headers: { 'Cache-Control': 'no-store' } });
});

/**
 * `POST /api/memories?name=&lang=&fileName=` with a TMX 1.4 file as the body (at most 20 MB): the
 * admin upload, as `npm run tm -- import`. 201 `{ name, pairs, skipped, duplicates }`; 401/403 for
 * anyone but an admin, 400 a file that is not a usable TMX (with the reason), 409 a memory of
 * that name exists, 413 too large. Nothing is stored unless the whole file was read.
 */
export const POST = withErrors(async (request: Request) => {
  const access = await authorize(request, 'manage-memories');
  if (!access.ok) return accessRefused(access);
  const read = await readBodyBytes(request, MAX_TMX_BYTES);
  if (!read.ok)
    return read.kind === 'too-large'
      ? errorJson(`The file is larger than ${MAX_TMX_BYTES / 1024 / 1024} MB, the most a memory import takes`, 413)
      : errorJson(read.error, 400);
  const url = new URL(request.url);
  const name = queryValue(url, 'name');
  const lang = queryValue(url, 'lang');
  const result = await importMemory(read.bytes, {
    file: queryValue(url, 'fileName') ?? 'upload.tmx',
    ...(name ? { name } : {}),
    ...(lang ? { lang } : {}),
  });
  if (!result.ok) return errorJson(result.error, importStatus[result.kind]);
  return Response.json(result, { status: 201 });
});
