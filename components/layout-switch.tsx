'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReadingLayout, readingLayouts, STACKED_BELOW_PX, type ReadingLayout } from '@/lib/reading-layout';

function layoutFromUrl(): ReadingLayout | null {
  const value = new URLSearchParams(window.location.search).get('layout');
  return isReadingLayout(value) ? value : null;
}

function applyLayout(layout: ReadingLayout | null) {
  if (layout) document.documentElement.setAttribute('data-layout', layout);
  else document.documentElement.removeAttribute('data-layout');
}

/**
 * Chooses how the reading page arranges its columns. The choice goes into the URL
 * (`?layout=`), so a copied link carries it; without one, narrow screens stack.
 */
export function LayoutSwitch() {
  const { t } = useTranslation();
  const [layout, setLayout] = useState<ReadingLayout | null>(null);
  const [narrow, setNarrow] = useState(false);

  useEffect(() => {
    const fromUrl = layoutFromUrl();
    applyLayout(fromUrl);
    setLayout(fromUrl);
    const query = window.matchMedia(`(max-width: ${STACKED_BELOW_PX - 0.02}px)`);
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener('change', update);
    return () => {
      query.removeEventListener('change', update);
      document.documentElement.removeAttribute('data-layout');
    };
  }, []);

  const choose = (next: ReadingLayout) => {
    const url = new URL(window.location.href);
    url.searchParams.set('layout', next);
    window.history.replaceState(window.history.state, '', url);
    applyLayout(next);
    setLayout(next);
  };

  const effective = layout ?? (narrow ? 'stacked' : 'side');
  return (
    <fieldset className="layout-switch">
      <legend>{t('reader.layout')}</legend>
      {readingLayouts.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name="layout"
            value={option}
            checked={effective === option}
            onChange={() => choose(option)}
          />
          <span>{t(`reader.layout.${option}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
