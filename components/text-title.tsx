import type { ChineseScript } from '@/lib/annotate/types';
import type { TitleView } from '@/lib/library/load';
import { scriptForms } from './script-forms';
import { ScriptText } from './script-text';

/**
 * A text's title in Chinese (in the chosen script) with its English below, each marked with its
 * language; when `href` is given, a link that keeps the reading options (components/carry-query.tsx).
 * `script` is the one the text is written in (measured on the title when not given).
 */
export function TextTitle({
  title,
  as: Tag = 'h1',
  className = 'text-title',
  href,
  script,
  glossLang = 'en',
}: {
  title: TitleView;
  script?: ChineseScript;
  /** The language of `title.en` (the gloss shown), when a reading page shows another target language. */
  glossLang?: string;
  as?: 'h1' | 'h2' | 'p';
  className?: string;
  href?: string;
}) {
  const spans = (
    <>
      <span lang={script === 'trad' ? 'zh-Hant' : 'zh-Hans'} className="title-zh">
        <ScriptText {...scriptForms(title.zh, script)} />
      </span>
      {title.en && (
        <span lang={glossLang} className="title-en">
          {title.en}
        </span>
      )}
    </>
  );
  return (
    <Tag className={className}>
      {href ? (
        <a href={href} data-carry-query="">
          {spans}
        </a>
      ) : (
        spans
      )}
    </Tag>
  );
}
