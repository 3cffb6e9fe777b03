'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session-provider';

type Queue = {
  role?: string;
  pendingSuggestions?: string[];
  pendingParagraphs?: string[];
  needsReview?: string[];
  untranslated?: string[];
  stale?: string[];
};

const LISTS = ['pendingSuggestions', 'needsReview', 'untranslated', 'stale'] as const;
/** Paragraphs listed per kind at most; the rest are counted. */
const SHOWN = 200;

/**
 * The viewer's work queue on one text's language, from `GET /api/queue`: a reviewer's pending
 * suggestions and drafts to review, a translator's untranslated and stale paragraphs, each a
 * link to its paragraph.
 */
export function QueueView({ texts }: { texts: { slug: string; langs: string[] }[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = Boolean(session?.viewer);
  const [slug, setSlug] = useState(texts[0]?.slug ?? '');
  const langs = texts.find((x) => x.slug === slug)?.langs ?? ['en'];
  const [lang, setLang] = useState('en');
  // The answer with the text and language it is for: another choice shows "loading" until its own arrives.
  const [answer, setAnswer] = useState<{ key: string; queue: Queue; error: string } | null>(null);
  const key = `${slug}/${lang}`;

  useEffect(() => {
    if (!signedIn || !slug) return;
    let cancelled = false;
    const query = new URLSearchParams({ text: slug, ...(lang !== 'en' ? { lang } : {}) });
    void fetch(`/api/queue?${query}`, { cache: 'no-store' })
      .then(async (response) => {
        const body = (await response.json().catch(() => ({}))) as Queue & { error?: string };
        if (cancelled) return;
        setAnswer({
          key: `${slug}/${lang}`,
          queue: response.ok ? body : {},
          error: response.ok ? '' : (body.error ?? `HTTP ${response.status}`),
        });
      })
      .catch(() => !cancelled && setAnswer({ key: `${slug}/${lang}`, queue: {}, error: 'network' }));
    return () => {
      cancelled = true;
    };
  }, [signedIn, slug, lang]);

  if (session === null) return <p>{t('queue.loading')}</p>;
  const queue = answer?.key === key ? answer.queue : null;
  const error = answer?.key === key ? answer.error : '';
  if (!signedIn) return <p>{t('queue.signIn')}</p>;
  const href = (id: string) => `/read/${slug}${lang === 'en' ? '' : `?tl=${lang}`}#${id}`;
  const listed = (name: (typeof LISTS)[number]) =>
    name === 'pendingSuggestions' ? (queue?.pendingParagraphs ?? []) : (queue?.[name] ?? []);
  return (
    <>
      <form className="activity-filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('queue.text')}
          <select
            value={slug}
            onChange={(event) => {
              setSlug(event.target.value);
              setLang('en');
            }}
          >
            {texts.map((x) => (
              <option key={x.slug} value={x.slug}>
                {x.slug}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queue.language')}
          <select value={lang} onChange={(event) => setLang(event.target.value)}>
            {langs.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p role="status">{error}</p>
      {queue === null && !error && <p>{t('queue.loading')}</p>}
      {queue &&
        LISTS.filter((name) => queue[name] !== undefined).map((name) => {
          const ids = listed(name);
          return (
            <section key={name} className="queue-list" data-queue={name}>
              <h2>
                {t(`queue.${name}`)} ({ids.length})
              </h2>
              {ids.length === 0 ? (
                <p>{t('queue.empty')}</p>
              ) : (
                <ul>
                  {ids.slice(0, SHOWN).map((id, i) => (
                    <li key={`${id}-${i}`}>
                      <a href={href(id)}>
                        {slug}#{id}
                      </a>
                    </li>
                  ))}
                  {ids.length > SHOWN && <li>… {ids.length - SHOWN}</li>}
                </ul>
              )}
            </section>
          );
        })}
    </>
  );
}
