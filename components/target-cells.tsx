import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { targetLanguageName } from '@/lib/i18n/target-language';
import type { TargetCell } from '@/lib/reading/target-cells';
import { ConflictMarker } from './conflict-marker';
import { EditableGloss } from './edit/editable-gloss';
import { RevealGloss } from './reveal-gloss';

/** Grid areas of the target cells: the first takes the English column's place (reader-grid.css). */
const AREAS = ['en', 't1', 't2'] as const;

interface Props {
  id: string;
  cells: TargetCell[];
  t: TFunction;
  /** The `lang` of interface text (marks, labels). */
  uiLang: string;
  /** A gloss as the row's block shows it; `lang` is the gloss's, for note markers (English only); `own`: the cell's own gloss, not a reference. */
  renderGloss: (gloss: string, lang: string, own: boolean) => ReactNode;
  /** Each language's sentence links in this row (lib/align/row.ts `encodeLinks`), for the sentence highlight. */
  links?: Partial<Record<string, { links: string }>>;
  /** Notes whose passage changed, shown under the English cell as on the English-only page. */
  detached?: ReactNode;
}

/**
 * A row's target cells, one per language the reader chose (`?tl=`), each its own grid cell of the
 * row (so every column starts on the row's line), with its `lang`, its direction, its status
 * mark, and no fallback: a cell without its own gloss says so, in the interface language, and
 * shows the English only as a labelled reference when the reader asked for one.
 */
export function TargetCells({ id, cells, t, uiLang, renderGloss, detached, links }: Props) {
  return (
    <>
      {cells.map((cell, index) => {
        const language = targetLanguageName(cell.lang, uiLang);
        const english = cell.lang === 'en';
        return (
          <div
            key={cell.lang}
            className={`cell cell-en cell-target${english ? '' : ' cell-other'}`}
            lang={cell.lang}
            dir={cell.dir}
            data-lang={cell.lang}
            data-status={cell.status}
            data-links={cell.gloss ? links?.[cell.lang]?.links : undefined}
            style={index > 0 ? { gridArea: AREAS[index] } : undefined}
          >
            <RevealGloss id={english ? id : `${id}-${cell.lang}`} {...(english ? {} : { language })}>
              <EditableGloss id={id} {...(english ? {} : { lang: cell.lang })}>
                {cell.gloss ? (
                  renderGloss(cell.gloss, cell.lang, true)
                ) : (
                  <p className="mark mark-untranslated" lang={uiLang} dir="auto">
                    {english ? t('reader.untranslated') : t('reader.notYetIn', { language })}
                  </p>
                )}
                {cell.reference && (
                  <div className="gloss-reference" lang={cell.reference.lang} dir="ltr">
                    <p className="gloss-reference-label" lang={uiLang}>
                      {t('reader.reference', { language: targetLanguageName(cell.reference.lang, uiLang) })}
                    </p>
                    {renderGloss(cell.reference.gloss, cell.reference.lang, false)}
                  </div>
                )}
                {cell.status !== 'untranslated' && (
                  <p className={`mark cell-status status-${cell.status}`} lang={uiLang} dir="auto">
                    {cell.status === 'stale' ? t('reader.stale') : t(`status.${cell.status}`)}
                  </p>
                )}
              </EditableGloss>
              {english && detached}
            </RevealGloss>
            {cell.conflictVersions !== undefined && (
              <ConflictMarker id={id} versions={cell.conflictVersions} uiLang={uiLang} lang={cell.lang} />
            )}
          </div>
        );
      })}
    </>
  );
}
