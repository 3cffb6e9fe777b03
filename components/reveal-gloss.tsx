'use client';

import { useState, type ReactNode } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { useUrlParam } from './use-url-param';

/**
 * A row's English, which in the reveal layout (`?layout=reveal`) stays hidden behind a button
 * until the reader taps, clicks or presses Enter on it, and hides again the same way. In every
 * other layout it is shown as it is. For another target language, `language` names it on the button.
 */
export function RevealGloss({ id, language, children }: { id: string; language?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [layout] = useUrlParam('layout');
  const [shown, setShown] = useState(false);
  const reveal = layout === 'reveal';
  const bodyId = `en-${id}`;
  return (
    <>
      {reveal && (
        <button
          type="button"
          className="reveal-toggle"
          aria-expanded={shown}
          aria-controls={bodyId}
          onClick={() => setShown((current) => !current)}
        >
          {language
            ? t(shown ? 'reader.hideLanguage' : 'reader.showLanguage', { language })
            : t(shown ? 'reader.hideEnglish' : 'reader.showEnglish')}
        </button>
      )}
      <div className="reveal-body" id={reveal ? bodyId : undefined} hidden={reveal && !shown}>
        {children}
      </div>
    </>
  );
}
