'use client';

import { lazy, Suspense, useCallback, useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { DEFAULT_TARGET_LANGUAGE } from '@/lib/i18n/target-language';
import { useSession } from '../session-provider';
import { commentCountsOf, loadCommentCounts, subscribeCommentCounts } from './comment-counts';

// The panel's code (and the API schemas it parses with) loads only when someone opens it. React's
// lazy, not next/dynamic: the panel only ever shows in the browser, and next/dynamic's loader
// would add about 2 KB (gzip) to every reading page.
const CommentsPanel = lazy(() => import('./comments-panel').then((m) => ({ default: m.CommentsPanel })));

/** Only one side panel is open at a time: opening one tells the others. */
const OPEN_EVENT = 'comments:open';

/**
 * The row tool for a paragraph's comments: a small bubble with the number of comments, shown to
 * signed-in people (and to anyone when the text has public discussion), opening the side panel.
 * Nothing shows, and no panel code loads, for anyone who may not see the comments.
 */
export function CommentsButton({
  slug,
  id,
  lang = DEFAULT_TARGET_LANGUAGE,
  language,
}: {
  slug: string;
  id: string;
  /** The target language whose threads the button counts and opens (`?lang=`). */
  lang?: string;
  /** That language's name, said on the button and the panel when the page shows another than English alone. */
  language?: string;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const known = session !== null;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  useEffect(() => {
    if (known) loadCommentCounts(slug, lang);
  }, [known, slug, lang]);
  const counts = useSyncExternalStore(
    subscribeCommentCounts,
    () => commentCountsOf(slug, lang),
    () => undefined,
  );
  useEffect(() => {
    const close = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== panelId) setOpen(false);
    };
    window.addEventListener(OPEN_EVENT, close);
    return () => window.removeEventListener(OPEN_EVENT, close);
  }, [panelId]);
  const toggle = useCallback(() => {
    setOpen((was) => {
      if (!was) window.dispatchEvent(new CustomEvent(OPEN_EVENT, { detail: panelId }));
      return !was;
    });
  }, [panelId]);

  if (!counts?.visible) return null;
  const count = counts.counts[id];
  const total = count?.total ?? 0;
  const counted = t('comments.button', { count: total, open: count?.open ?? 0 });
  const label = language ? `${counted} (${language})` : counted;
  return (
    <>
      <button
        type="button"
        className={`tool comments-tool${count && count.open > 0 ? ' comments-open' : ''}`}
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-comments={id}
        data-comments-lang={lang}
        onClick={toggle}
      >
        <span className="comments-bubble">{total}</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <CommentsPanel
            panelId={panelId}
            slug={slug}
            id={id}
            lang={lang}
            {...(language ? { language } : {})}
            onClose={() => setOpen(false)}
            onChange={() => loadCommentCounts(slug, lang, true)}
          />
        </Suspense>
      )}
    </>
  );
}
