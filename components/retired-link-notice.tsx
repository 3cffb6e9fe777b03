'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';

type Finding = { kind: 'none' } | { kind: 'retired' } | { kind: 'unknown'; id: string };

/**
 * Keeps old links working and says when one does not: when the URL's #fragment names a paragraph
 * that was removed, it moves to the paragraph that took its text, or says the paragraph is gone;
 * when it names no paragraph of the text at all, it says so instead of silently showing the top.
 * `redirects` maps each retired id to its successor, or to null when there is none. On a text
 * read in sections, the section locator first looks for the paragraph in the other sections
 * (it marks the page `data-locating` meanwhile), and only what it cannot find is unknown.
 */
export function RetiredLinkNotice({ redirects }: { redirects: Record<string, string | null> }) {
  const { t } = useTranslation();
  const [finding, setFinding] = useState<Finding>({ kind: 'none' });

  useEffect(() => {
    const root = document.documentElement;
    const check = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id || document.getElementById(id)) return setFinding({ kind: 'none' });
      if (Object.hasOwn(redirects, id)) {
        const successor = redirects[id];
        if (!successor) return setFinding({ kind: 'retired' });
        window.location.replace(`#${successor}`);
        return setFinding({ kind: 'none' });
      }
      // Still being looked for in another section: wait for the locator's answer.
      if (root.hasAttribute('data-locating')) return setFinding({ kind: 'none' });
      setFinding({ kind: 'unknown', id });
    };
    check();
    const locating = new MutationObserver(check);
    locating.observe(root, { attributes: true, attributeFilter: ['data-locating'] });
    window.addEventListener('hashchange', check);
    return () => {
      locating.disconnect();
      window.removeEventListener('hashchange', check);
    };
  }, [redirects]);

  if (finding.kind === 'none') return null;
  return (
    <p className="notice" role="status">
      {finding.kind === 'retired' ? t('reader.retired') : t('reader.unknownParagraph', { id: finding.id })}
    </p>
  );
}
