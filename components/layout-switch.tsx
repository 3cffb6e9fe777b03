'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { isReadingLayout, readingLayouts, STACKED_BELOW_PX } from '@/components/reading-layout';
import { useUrlParam } from './use-url-param';

/**
 * Chooses how the reading page arranges its columns. The choice goes into the URL
 * (`?layout=`), so a copied link carries it; without one, narrow screens stack.
 */
export function LayoutSwitch() {
  const { t } = useTranslation();
  const [param, setParam] = useUrlParam('layout');
  const layout = isReadingLayout(param) ? param : null;
  const [narrow, setNarrow] = useState(false);

  // The page's columns follow the URL. Without a layout in it there is nothing to apply: the
  // inline script set none, and the first render after hydration reads null before the URL.
  useEffect(() => {
    if (layout) document.documentElement.setAttribute('data-layout', layout);
  }, [layout]);

  useEffect(() => {
    const query = window.matchMedia(`(max-width: ${STACKED_BELOW_PX - 0.02}px)`);
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener('change', update);
    return () => {
      query.removeEventListener('change', update);
      document.documentElement.removeAttribute('data-layout');
    };
  }, []);

  const effective = layout ?? (narrow ? 'stacked' : 'side');
  return (
    <fieldset className="layout-switch">
      <legend>{t('reader.layout')}</legend>
      {readingLayouts.map((option) => (
        <label key={option}>
          <input type="radio" name="layout" value={option} checked={effective === option} onChange={() => setParam(option)} />
          <span>{t(`reader.layout.${option}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
