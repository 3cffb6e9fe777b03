'use client';

import { useEffect, useId, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { permits } from '@/lib/auth/permissions';
import { REJECT_REASONS } from '@/lib/gloss/suggestions';
import { DEFAULT_TARGET_LANGUAGE } from '@/lib/i18n/target-language';
import { Diff } from '../edit/diff-view';
import { useEditing } from '../edit/editing-context';
import { useSession } from '../session-provider';
import {
  acceptSuggestion,
  listSuggestions,
  makeSuggestion,
  rejectSuggestion,
  voteSuggestion,
  type SuggestionResponse,
} from './suggestions-api';

/**
 * Suggestions for one paragraph's gloss, for anyone signed in: propose a rendering, see each
 * suggestion (author, time, difference from the current gloss, votes, outcome), vote; a reviewer
 * accepts (optionally edited) or rejects with a reason. Closed until asked for.
 */
export function SuggestionsPanel({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const viewer = session?.viewer ?? null;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (!viewer) return null;
  return (
    <div className="suggestions">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {t('team.suggestions')}
      </button>
      {open && <SuggestionList id={id} slug={slug} panelId={panelId} viewer={viewer} />}
    </div>
  );
}

type Viewer = NonNullable<NonNullable<ReturnType<typeof useSession>>['viewer']>;

function SuggestionList({ slug, id, panelId, viewer }: { slug: string; id: string; panelId: string; viewer: Viewer }) {
  const { t } = useTranslation();
  const editing = useEditing();
  const [items, setItems] = useState<SuggestionResponse[] | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState('');
  const reviewer = permits(viewer, 'accept-suggestion', { text: slug, lang: DEFAULT_TARGET_LANGUAGE }).ok;

  // Read again after each change: the answer of a change holds one suggestion, the list may have moved on.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void listSuggestions(slug, id).then((result) => {
      if (cancelled) return;
      setItems(result.ok ? result.data : []);
      if (!result.ok) setMessage(result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [slug, id, version]);

  const after = async (result: Awaited<ReturnType<typeof voteSuggestion>>, done: string) => {
    setMessage(result.ok ? done : result.error);
    if (result.ok && result.data.status === 'accepted')
      editing?.update(id, { en: result.data.current.text || null, revision: result.data.current.revision, status: 'draft' });
    setVersion((v) => v + 1);
  };

  const submit = async () => {
    const result = await makeSuggestion(slug, id, draft);
    if (result.ok) setDraft('');
    await after(result, t('team.suggested'));
  };

  return (
    <section id={panelId} className="suggestion-panel" aria-label={t('team.suggestions')}>
      {items === null ? (
        <p>{t('edit.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('team.none')}</p>
      ) : (
        <ol className="suggestion-list">
          {items.map((item) => (
            <SuggestionItem
              key={item.sid}
              item={item}
              mine={item.author === viewer.name}
              reviewer={reviewer}
              onVote={async () => after(await voteSuggestion(slug, id, item.sid), t('team.voted'))}
              onAccept={async (text) => after(await acceptSuggestion(slug, id, item.sid, text), t('team.accepted'))}
              onReject={async (reason, note) =>
                after(await rejectSuggestion(slug, id, item.sid, reason, note), t('team.rejected'))
              }
            />
          ))}
        </ol>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('team.propose')}
          <textarea value={draft} lang="en" rows={3} onChange={(event) => setDraft(event.target.value)} />
        </label>
        <button type="submit" disabled={draft.trim() === ''}>
          {t('team.suggest')}
        </button>
      </form>
      <p role="status" className="suggestion-message">
        {message}
      </p>
    </section>
  );
}

function SuggestionItem({
  item,
  mine,
  reviewer,
  onVote,
  onAccept,
  onReject,
}: {
  item: SuggestionResponse;
  mine: boolean;
  reviewer: boolean;
  onVote: () => Promise<void>;
  onAccept: (text: string) => Promise<void>;
  onReject: (reason: string, note: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [edited, setEdited] = useState(item.text);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const pending = item.status === 'pending';
  return (
    <li className={`suggestion suggestion-${item.status}`}>
      <p className="suggestion-meta">
        {item.author} · <time dateTime={item.time}>{new Date(item.time).toLocaleString()}</time> ·{' '}
        {t(`team.status.${item.status}`)} · {t('team.votes', { count: item.votes.length })}
        {item.stale && <> · {t('team.stale')}</>}
      </p>
      <p>
        <Diff before={item.current.text} after={item.text} lang="en" />
      </p>
      {item.outcome && (
        <p className="suggestion-outcome">
          {item.status === 'accepted'
            ? t('team.acceptedBy', { name: item.outcome.reviewer })
            : t('team.rejectedBy', {
                name: item.outcome.reviewer,
                reason: t(`team.reason.${item.outcome.reason ?? 'other'}`),
                note: item.outcome.note ?? '',
              })}
        </p>
      )}
      {pending && !mine && (
        <button type="button" onClick={() => void onVote()}>
          {t('team.vote')}
        </button>
      )}
      {pending && reviewer && (
        <div className="suggestion-review">
          <label>
            {t('team.acceptText')}
            <textarea value={edited} lang="en" rows={3} onChange={(event) => setEdited(event.target.value)} />
          </label>
          <button type="button" onClick={() => void onAccept(edited)}>
            {t('team.accept')}
          </button>
          <label>
            {t('team.reason')}
            <select value={reason} onChange={(event) => setReason(event.target.value)}>
              <option value="">{t('team.chooseReason')}</option>
              {REJECT_REASONS.map((code) => (
                <option key={code} value={code}>
                  {t(`team.reason.${code}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('team.note')}
            <input value={note} onChange={(event) => setNote(event.target.value)} />
          </label>
          <button type="button" onClick={() => void onReject(reason, note)}>
            {t('team.reject')}
          </button>
        </div>
      )}
    </li>
  );
}
