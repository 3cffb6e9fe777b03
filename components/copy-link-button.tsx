'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies the absolute URL of `path` and says so in a live region a screen reader hears. */
export function CopyLinkButton({ path }: { path: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    const url = new URL(path, window.location.origin).href;
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('reader.copied'));
    } catch {
      setMessage(t('reader.copyFailed', { url }));
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), 4000);
  };

  return (
    <>
      <button type="button" className="tool" onClick={copy} aria-label={t('reader.copy')} title={t('reader.copy')}>
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          <path
            d="M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-.8.8M9.5 6.5a3 3 0 0 0-4.2 0L3 8.8A3 3 0 0 0 7.2 13l.8-.8"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
        </svg>
      </button>
      <span role="status" className={message ? 'toast' : 'visually-hidden'}>
        {message}
      </span>
    </>
  );
}
