'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keeps old links working: when the URL's #fragment names a paragraph that was removed, it
 * moves to the paragraph that took its text, or says the paragraph is gone.
 * `redirects` maps each retired id to its successor, or to null when there is none.
 */
export function RetiredLinkNotice({ redirects }: { redirects: Record<string, string | null> }) {
  const { t } = useTranslation();
  const [gone, setGone] = useState(false);

  useEffect(() => {
    const check = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id || document.getElementById(id) || !Object.hasOwn(redirects, id)) return setGone(false);
      const successor = redirects[id];
      if (successor) {
        window.location.replace(`#${successor}`);
        return setGone(false);
      }
      setGone(true);
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, [redirects]);

  return gone ? (
    <p className="notice" role="status">
      {t('reader.retired')}
    </p>
  ) : null;
}
