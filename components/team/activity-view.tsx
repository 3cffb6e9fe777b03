'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session-provider';

interface Item {
  time: string;
  kind: string;
  user: string;
  text: string;
  lang: string;
  id: string;
  detail?: string;
  suggester?: string;
}

type Only = '' | 'mine' | 'outcomes';

/** The label key of a kind; comment kinds keep their strings under `comments.`. */
function kindLabel(kind: string, detail?: string): string {
  if (kind === 'comment') return 'comments.kind.comment';
  if (kind === 'resolve') return detail === 'reopened' ? 'comments.kind.reopen' : 'comments.kind.resolve';
  return `activity.kind.${kind}`;
}

/** The activity feed with its filters (all, mine, my suggestions' outcomes; a text; a kind), newest first. */
export function ActivityView() {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = Boolean(session?.viewer);
  const [only, setOnly] = useState<Only>('');
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  const [items, setItems] = useState<Item[] | null>(null);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    const query = new URLSearchParams({
      ...(only ? { only } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(kind ? { kind } : {}),
      ...(cursor ? { cursor } : {}),
    });
    void fetch(`/api/activity?${query}`, { cache: 'no-store' })
      .then(async (response) => {
        const body = (await response.json().catch(() => ({}))) as { items?: Item[]; next?: string; error?: string };
        if (cancelled) return;
        if (!response.ok) {
          setError(body.error ?? `HTTP ${response.status}`);
          return;
        }
        setError('');
        setItems((before) => (cursor ? [...(before ?? []), ...(body.items ?? [])] : (body.items ?? [])));
        setNext(body.next);
      })
      .catch(() => !cancelled && setError('network'));
    return () => {
      cancelled = true;
    };
  }, [signedIn, only, text, kind, cursor]);

  if (session === null) return <p>{t('edit.loading')}</p>;
  if (!signedIn) return <p>{t('activity.signIn')}</p>;
  const refilter = (change: () => void) => {
    setCursor(undefined);
    change();
  };

  return (
    <>
      <form className="activity-filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('activity.show')}
          <select value={only} onChange={(e) => refilter(() => setOnly(e.target.value as Only))}>
            <option value="">{t('activity.all')}</option>
            <option value="mine">{t('activity.mine')}</option>
            <option value="outcomes">{t('activity.outcomes')}</option>
          </select>
        </label>
        <label>
          {t('activity.text')}
          <input value={text} onChange={(e) => refilter(() => setText(e.target.value))} />
        </label>
        <label>
          {t('activity.kind')}
          <select value={kind} onChange={(e) => refilter(() => setKind(e.target.value))}>
            <option value="">{t('activity.anyKind')}</option>
            {['gloss', 'status', 'suggest', 'vote', 'accept', 'reject', 'comment', 'resolve', 'note', 'glossary', 'terms'].map(
              (k) => (
                <option key={k} value={k}>
                  {t(kindLabel(k))}
                </option>
              ),
            )}
          </select>
        </label>
      </form>
      <p role="status">{error}</p>
      {items && items.length === 0 && <p>{t('activity.none')}</p>}
      {items && items.length > 0 && (
        <ol className="activity-list">
          {items.map((item, i) => (
            <li key={`${item.time}-${i}`}>
              <time dateTime={item.time}>{new Date(item.time).toLocaleString()}</time> · {item.user} ·{' '}
              {t(kindLabel(item.kind, item.detail))} ·{' '}
              <a href={`/read/${item.text}${item.lang === 'en' ? '' : `?lang=${item.lang}`}#${item.id}`}>
                {item.text}#{item.id}
              </a>
              {item.detail && item.kind !== 'resolve' && <span className="activity-detail"> — {item.detail}</span>}
            </li>
          ))}
        </ol>
      )}
      {next && (
        <button type="button" onClick={() => setCursor(next)}>
          {t('activity.more')}
        </button>
      )}
    </>
  );
}
