'use client';

import { SCRIPT_PARAM } from './reading-options';
import { useUrlParam } from './use-url-param';

/**
 * Chinese outside the annotated rows in the script the reader chose (`?script=trad` or `simp`;
 * without it, as written), from the forms worked out on the server (components/script-forms.ts), so
 * a cached page serves either choice and nothing stored changes. Until the page has hydrated a
 * choice that changes the text hides it rather than flash it (app/styles/script.css), as the rows do.
 */
export function ScriptText({
  text,
  traditional,
  simplified,
}: {
  text: string;
  traditional?: string | undefined;
  simplified?: string | undefined;
}) {
  const [script] = useUrlParam(SCRIPT_PARAM);
  // Which choice changes this text: the other script than the one it is written in.
  const other = traditional ? 'trad' : simplified ? 'simp' : undefined;
  if (!other) return text;
  if (script === other) {
    return (
      <span lang={other === 'trad' ? 'zh-Hant' : 'zh-Hans'} data-script-alt={other}>
        {traditional ?? simplified}
      </span>
    );
  }
  return (
    <span lang={other === 'trad' ? 'zh-Hans' : 'zh-Hant'} data-script-alt={other}>
      {text}
    </span>
  );
}
