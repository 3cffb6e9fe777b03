import { setStatusRequest } from '@/lib/api/contract';
import { setGlossStatus } from '@/lib/library/edit';
import { fourEyesRefusal } from '@/lib/library/four-eyes';
import { glossChangeHandler } from '@/app/api/_lib/http';
import { errorJson } from '@/app/api/_lib/respond';

/**
 * `PUT /api/texts/<slug>/glosses/<id>/status` with `{ status: 'reviewed' | 'draft', baseRevision }`.
 * Marking reviewed needs a reviewer; with the text's four-eyes setting, not the gloss's last author (403).
 */
export const PUT = glossChangeHandler(
  (body) => (body.status === 'reviewed' ? 'mark-reviewed' : 'edit-gloss'),
  setStatusRequest,
  '{ status: "reviewed" | "draft", baseRevision }',
  async ({ slug, id, lang, editor, body }) => {
    if (body.status === 'reviewed') {
      const refusal = await fourEyesRefusal(slug, lang, id, editor);
      if (refusal) return errorJson(refusal, 403);
    }
    return setGlossStatus({ slug, id, lang, editor, ...body });
  },
);
