'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';

/**
 * A PDF is printed by a browser on the server: seconds for an article, a minute for a novel,
 * before the download begins. When a link marked `data-slow-download` in the same menu is
 * followed, this says so, so a reader does not think the click was lost.
 */
export function SlowDownloadNote({ menuId }: { menuId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const menu = document.getElementById(menuId);
    if (!menu) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onClick = (event: MouseEvent) => {
      if (!(event.target instanceof Element) || !event.target.closest('a[data-slow-download]')) return;
      // The menu closes, so the note beside it is seen.
      if (menu instanceof HTMLDetailsElement) menu.open = false;
      setShown(true);
      clearTimeout(timer);
      timer = setTimeout(() => setShown(false), 60_000);
    };
    menu.addEventListener('click', onClick);
    return () => {
      clearTimeout(timer);
      menu.removeEventListener('click', onClick);
    };
  }, [menuId]);
  return (
    <p role="status" className={shown ? 'download-note' : 'visually-hidden'}>
      {shown ? t('download.preparing') : ''}
    </p>
  );
}
