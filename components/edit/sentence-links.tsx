'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import type { BlockAlignment } from '@/lib/api/alignment-contract';
import { relink, type LinkChange } from '@/lib/align/relink';
import { encodeLinks } from '@/lib/align/row';
import { getBlockAlignment, saveBlockLinks } from './sentence-links-api';

type Side = 'zh' | 'gloss';

/** The row's cell of `lang` that carries its links (the English cell of the plain page has no data-lang). */
function linksCell(id: string, lang: string): HTMLElement | null {
  const row = document.getElementById(id);
  if (!row) return null;
  return (
    row.querySelector<HTMLElement>(`:scope > [data-links][data-lang="${CSS.escape(lang)}"]`) ??
    (lang === 'en' ? row.querySelector<HTMLElement>(':scope > .cell-en[data-links]:not([data-lang])') : null)
  );
}

/** The page's highlight follows the saved links at once (the page itself is regenerated on the next visit). */
function showLinksInPage(id: string, lang: string, block: BlockAlignment): void {
  linksCell(id, lang)?.setAttribute(
    'data-links',
    encodeLinks(block.links.map((l) => ({ zh: l.zh, gloss: l.gloss, manual: l.manual, unsure: Boolean(l.unsure || l.stale) }))),
  );
}

/**
 * An editor's view of a block's sentence links: each Chinese and each translated sentence as a
 * toggle button with the link it is in; choose sentences of either side and Link them (a manual
 * link, a fixed anchor: the rest of the block is aligned again around it), Unlink them (back
 * to the aligner), or Confirm the stale manual link they are in (it stays stale until then). Saved with `PUT /api/texts/<slug>/alignment?lang=&id=`. Loaded only when opened.
 */
export function SentenceLinks({
  slug,
  id,
  lang,
  zh,
  gloss,
  onClose,
}: {
  slug: string;
  id: string;
  lang: string;
  zh: string;
  gloss: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [block, setBlock] = useState<BlockAlignment | null>(null);
  const [chosen, setChosen] = useState<{ zh: number[]; gloss: number[] }>({ zh: [], gloss: [] });
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void getBlockAlignment(slug, id, lang).then((result) => {
      if (cancelled) return;
      if (result.ok) setBlock(result.block);
      else setMessage(t('align.failed', { error: result.error }));
    });
    return () => {
      cancelled = true;
    };
  }, [slug, id, lang, gloss, t]);

  const toggle = (side: Side, index: number) =>
    setChosen((current) => {
      const list = current[side];
      const next = list.includes(index) ? list.filter((i) => i !== index) : [...list, index].sort((a, b) => a - b);
      return { ...current, [side]: next };
    });

  const apply = async (kind: LinkChange['kind']) => {
    if (!block) return;
    const change = relink(block.links, block.zh.length, block.gloss.length, { kind, ...chosen });
    if (!change.ok) {
      const reasons = {
        empty: 'align.chooseFirst',
        'not-consecutive': 'align.notConsecutive',
        'nothing-to-confirm': 'align.nothingToConfirm',
      };
      setMessage(t(reasons[change.reason]));
      return;
    }
    setBusy(true);
    const result = await saveBlockLinks(slug, id, lang, change.links, block.revision);
    setBusy(false);
    if (result.ok) {
      setBlock(result.block);
      setChosen({ zh: [], gloss: [] });
      showLinksInPage(id, lang, result.block);
      setMessage(t('align.saved'));
    } else {
      if (result.current) setBlock(result.current);
      setMessage(t('align.failed', { error: result.error }));
    }
  };

  const linkOf = (side: Side, index: number) => block?.links.findIndex((link) => link[side].includes(index)) ?? -1;
  const badge = (side: Side, index: number) => {
    const n = linkOf(side, index);
    const link = block?.links[n];
    if (!link) return t('align.noLink');
    const marks = [link.manual ? t('align.fixed') : '', link.stale ? t('align.stale') : link.unsure ? t('align.unsure') : '']
      .filter(Boolean)
      .join(', ');
    return `${t('align.linkNumber', { n: n + 1 })}${marks ? ` (${marks})` : ''}`;
  };
  const list = (side: Side, text: string, spans: [number, number][], textLang: string, label: string) => (
    <ol className="sentence-links-side" aria-label={label}>
      {spans.map(([start, end], index) => (
        <li key={index}>
          <button type="button" aria-pressed={chosen[side].includes(index)} onClick={() => toggle(side, index)}>
            <span className="sentence-links-badge">{badge(side, index)}</span>{' '}
            <span lang={textLang}>{text.slice(start, end)}</span>
          </button>
        </li>
      ))}
    </ol>
  );

  return (
    <div className="sentence-links" role="group" aria-label={t('align.title')}>
      <p className="sentence-links-help">{t('align.help')}</p>
      {block ? (
        <div className="sentence-links-sides">
          {list('zh', zh, block.zh, 'zh-Hans', t('align.chinese'))}
          {list('gloss', gloss, block.gloss, lang, t('align.translation'))}
        </div>
      ) : (
        !message && <p>{t('edit.loading')}</p>
      )}
      <div className="sentence-links-actions">
        <button type="button" disabled={!block || busy} onClick={() => void apply('link')}>
          {t('align.link')}
        </button>
        <button type="button" disabled={!block || busy} onClick={() => void apply('unlink')}>
          {t('align.unlink')}
        </button>
        {block?.links.some((link) => link.stale) && (
          <button type="button" disabled={busy} onClick={() => void apply('confirm')}>
            {t('align.confirm')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('align.close')}
        </button>
      </div>
      <p className="sentence-links-status" role="status">
        {message}
      </p>
    </div>
  );
}
