'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { permits } from '@/lib/auth/permissions';
import { useSession } from '../session-provider';
import { listComments, postComment, resolveComment, type CommentCall, type CommentResponse } from './comments-api';

interface PanelProps {
  panelId: string;
  slug: string;
  id: string;
  lang: string;
  /** The language's name, in the heading, when the page shows another than English alone. */
  language?: string;
  onClose: () => void;
  /** After a change: the row counts are read again. */
  onChange: () => void;
}

/** The text selected inside the paragraph's row, offered as the quote of a new thread. */
function selectedQuote(id: string): string {
  const selection = typeof window === 'undefined' ? null : window.getSelection();
  const row = document.getElementById(id);
  if (!selection || !row || selection.isCollapsed || !selection.anchorNode || !row.contains(selection.anchorNode)) return '';
  return selection.toString().trim().slice(0, 300);
}

/**
 * The side panel of one paragraph's comments: its threads (the quote each is anchored to, or
 * that its passage changed), replies, resolve and reopen for reviewers and the thread's author,
 * and a form for a new thread with an optional quote (the selected passage, when there is one).
 */
export function CommentsPanel({ panelId, slug, id, lang, language, onClose, onChange }: PanelProps) {
  const { t } = useTranslation();
  const viewer = useSession()?.viewer ?? null;
  const [items, setItems] = useState<CommentResponse[] | null>(null);
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);
  const [body, setBody] = useState('');
  const [quote, setQuote] = useState(() => selectedQuote(id));
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  // Read again after each change: an answer holds one comment, the thread may have moved on.
  useEffect(() => {
    let cancelled = false;
    void listComments(slug, lang, id).then((result) => {
      if (cancelled) return;
      setItems(result.ok ? result.data : []);
      if (!result.ok) setMessage(result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [slug, lang, id, version]);

  const after = (result: CommentCall<CommentResponse>, done: string): boolean => {
    setMessage(result.ok ? done : result.error);
    setVersion((v) => v + 1);
    if (result.ok) onChange();
    return result.ok;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await postComment(slug, lang, id, { body, ...(quote.trim() ? { quote } : {}) });
    if (after(result, t('comments.posted'))) {
      setBody('');
      setQuote('');
    }
  };

  const moderator = viewer ? permits(viewer, 'resolve-comment', { text: slug, lang }).ok : false;
  const mayComment = viewer ? permits(viewer, 'comment', { text: slug, lang }).ok : false;
  const threads = (items ?? []).filter((c) => c.replyTo === undefined);
  return (
    <aside id={panelId} className="comments-panel" aria-labelledby={`${panelId}-h`} data-lang={lang}>
      <div className="comments-head">
        <h2 id={`${panelId}-h`} ref={heading} tabIndex={-1}>
          {language ? t('comments.titleIn', { language }) : t('comments.title')}
        </h2>
        <button type="button" className="comments-close" onClick={onClose} aria-label={t('comments.close')}>
          ×
        </button>
      </div>
      {items === null ? (
        <p>{t('comments.loading')}</p>
      ) : threads.length === 0 ? (
        <p>{t('comments.none')}</p>
      ) : (
        <ol className="comment-threads">
          {threads.map((root) => (
            <Thread
              key={root.cid}
              root={root}
              replies={(items ?? []).filter((c) => c.replyTo === root.cid)}
              mayResolve={Boolean(viewer) && (moderator || root.author === viewer?.name)}
              mayReply={mayComment}
              onReply={async (text) =>
                after(await postComment(slug, lang, id, { body: text, replyTo: root.cid }), t('comments.replied'))
              }
              onResolve={async () =>
                after(
                  await resolveComment(slug, lang, root.cid, { reopen: root.resolved, revision: root.revision }),
                  root.resolved ? t('comments.reopened') : t('comments.resolved'),
                )
              }
            />
          ))}
        </ol>
      )}
      {mayComment && (
        <form className="comment-form" onSubmit={(event) => void submit(event)}>
          <label>
            {t('comments.quote')}
            <input value={quote} onChange={(event) => setQuote(event.target.value)} />
          </label>
          <label>
            {t('comments.body')}
            <textarea value={body} rows={3} maxLength={2000} onChange={(event) => setBody(event.target.value)} />
          </label>
          <button type="submit" disabled={body.trim() === ''}>
            {t('comments.post')}
          </button>
        </form>
      )}
      <p role="status" className="comment-message">
        {message}
      </p>
    </aside>
  );
}

function Thread({
  root,
  replies,
  mayResolve,
  mayReply,
  onReply,
  onResolve,
}: {
  root: CommentResponse;
  replies: CommentResponse[];
  mayResolve: boolean;
  mayReply: boolean;
  onReply: (text: string) => Promise<boolean>;
  onResolve: () => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [reply, setReply] = useState('');
  return (
    <li className={`comment-thread${root.resolved ? ' comment-resolved' : ''}`} data-cid={root.cid}>
      {root.anchor && (
        <blockquote className="comment-quote" lang={root.anchor.side === 'zh' ? 'zh-Hans' : undefined}>
          {root.anchor.text}
          {root.anchor.detached && <span className="comment-detached"> ({t('comments.detached')})</span>}
        </blockquote>
      )}
      <Entry comment={root} />
      {replies.length > 0 && (
        <ol className="comment-replies">
          {replies.map((r) => (
            <li key={r.cid} data-cid={r.cid}>
              <Entry comment={r} />
            </li>
          ))}
        </ol>
      )}
      <p className="comment-state">
        {root.resolved ? t('comments.resolvedBy', { name: root.resolvedBy ?? '' }) : t('comments.open')}
        {mayResolve && (
          <>
            {' '}
            <button type="button" onClick={() => void onResolve()}>
              {root.resolved ? t('comments.reopen') : t('comments.resolve')}
            </button>
          </>
        )}
      </p>
      {mayReply && (
        <form
          className="comment-reply"
          onSubmit={(event) => {
            event.preventDefault();
            void onReply(reply).then((ok) => ok && setReply(''));
          }}
        >
          <label>
            {t('comments.reply')}
            <input value={reply} maxLength={2000} onChange={(event) => setReply(event.target.value)} />
          </label>
          <button type="submit" disabled={reply.trim() === ''}>
            {t('comments.send')}
          </button>
        </form>
      )}
    </li>
  );
}

function Entry({ comment }: { comment: CommentResponse }) {
  return (
    <div className="comment">
      <p className="comment-meta">
        {comment.author} · <time dateTime={comment.time}>{new Date(comment.time).toLocaleString()}</time>
      </p>
      <p className="comment-body">{comment.body}</p>
    </div>
  );
}
