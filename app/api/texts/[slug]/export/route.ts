import { ExportOptionError, parseFileOptions } from '@/lib/export/options';
import { cachedExportFile, ExportBusyError } from '@/lib/downloads/export-cache';
import { DamagedTextError } from '@/lib/downloads/export-file';
import { loadText } from '@/lib/library/load';
import { isTextSlug, noSuchText } from '@/app/api/_lib/http';
import { errorJson, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ slug: string }> };

/** A file to download; the name is made of a checked slug and section id only. */
function attachment(data: Uint8Array | string, mediaType: string, fileName: string): Response {
  return new Response(typeof data === 'string' ? data : Buffer.from(data), {
    headers: {
      'Content-Type': mediaType,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * `GET /api/texts/<slug>/export?format=html|epub|pdf`: the text as a file to download, with
 * the options of `npm run export` as parameters (`layout`, `pinyin=1`, `order`, `mode`, `paper`,
 * `section`: a section's name as in its reading URL, or `s<n>`; `lang=fr` or `lang=en,fr`: the
 * target languages beside the Chinese, English by default; a bad tag is 422, one the text does
 * not have 404). Files are built once per text
 * version and kept (lib/downloads/export-cache.ts).
 */
export const GET = withErrors(async (request: Request, { params }: Params) => {
  const { slug } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  const search = new URL(request.url).searchParams;
  let options;
  try {
    options = parseFileOptions(
      (name) => search.get(name),
      (name) => search.get(name) === '1',
    );
  } catch (error) {
    if (error instanceof ExportOptionError) return errorJson(error.message, 422);
    throw error;
  }
  const loaded = await loadText(slug);
  if (!loaded) return noSuchText();
  if (!loaded.ok) return errorJson(loaded.broken.error, 409);
  try {
    const file = await cachedExportFile(loaded.text, options);
    return attachment(file.data, file.mediaType, file.fileName);
  } catch (error) {
    if (error instanceof ExportOptionError) return errorJson(error.message, 404);
    if (error instanceof DamagedTextError) return errorJson(error.message, 409);
    if (error instanceof ExportBusyError)
      return errorJson(error.message, 429, { headers: { 'Retry-After': String(error.retryAfterSeconds) } });
    throw error;
  }
});
