import { z } from 'zod';
import { authorize } from '@/lib/auth/request';
import { readTextSettings, updateTextSettings } from '@/lib/library/four-eyes';
import { findSource } from '@/lib/store/sources';
import { parseJsonBody } from '@/app/api/_lib/body';
import { accessRefused, isTextSlug, noSuchText } from '@/app/api/_lib/http';
import { withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ slug: string }> };

const settingsRequest = z.object({ fourEyes: z.boolean().optional(), publicDiscussion: z.boolean().optional() }).strict();

/** `GET /api/texts/<slug>/settings`: `{ fourEyes, publicDiscussion }`. */
export const GET = withErrors(async (_request: Request, { params }: Params) => {
  const { slug } = await params;
  if (!isTextSlug(slug) || !(await findSource(slug))) return noSuchText();
  return Response.json(await readTextSettings(slug));
});

/** `PUT /api/texts/<slug>/settings` with `{ fourEyes?, publicDiscussion? }` (admins): the settings as stored. */
export const PUT = withErrors(async (request: Request, { params }: Params) => {
  const { slug } = await params;
  if (!isTextSlug(slug) || !(await findSource(slug))) return noSuchText();
  const access = await authorize(request, 'text-settings', { text: slug });
  if (!access.ok) return accessRefused(access);
  const body = await parseJsonBody(request, settingsRequest, '{ fourEyes?: true | false, publicDiscussion?: true | false }');
  if (!body.ok) return body.response;
  const { fourEyes, publicDiscussion } = body.data;
  return Response.json(
    await updateTextSettings(slug, {
      ...(fourEyes !== undefined ? { fourEyes } : {}),
      ...(publicDiscussion !== undefined ? { publicDiscussion } : {}),
    }),
  );
});
