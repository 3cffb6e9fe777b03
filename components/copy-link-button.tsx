'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { withReadingQuery } from '@/lib/reading/reading-url';

/**
 * Copies the absolute URL of `path` with the reading options the reader has in the address
 * (`?layout=stacked&pinyin=1`…), so the link opens as the sender sees it, and says so in a live
 * region a screen reader hears; when there were options, the message offers the bare link too.
 */
export function CopyLinkButton({ path }: { path: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [bare, setBare] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const write = async (url: string, copied: string, bareUrl: string | null) => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage(copied);
      setBare(bareUrl);
    } catch {
      setMessage(t('reader.copyFailed', { url }));
      setBare(null);
    }
    clearTimeout(timer.current);
    // Longer when it offers the bare link, so there is time to take it.
    timer.current = setTimeout(
      () => {
        setMessage('');
        setBare(null);
      },
      bareUrl ? 10_000 : 4000,
    );
  };

  const copy = () => {
    const plain = new URL(path, window.location.origin).href;
    const withOptions = new URL(withReadingQuery(path, window.location.search), window.location.origin).href;
    if (withOptions === plain) return write(plain, t('reader.copied'), null);
    return write(withOptions, t('reader.copiedWithOptions'), plain);
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
      <span role="status" className={message ? 'toast' : 'visually-hidden'} data-copy-status="">
        {message}
        {bare && (
          <>
            {' '}
            <button type="button" className="toast-action" onClick={() => void write(bare, t('reader.copied'), null)}>
              {t('reader.copyBare')}
            </button>
          </>
        )}
      </span>
    </>
  );
}
