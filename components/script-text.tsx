'use client';

import { SCRIPT_PARAM } from './reading-options';
import { useUrlParam } from './use-url-param';

/**
 * Chinese outside the annotated rows in the script the reader chose (`?script=trad`), from the
 * forms worked out on the server (components/script-forms.ts), so a cached page serves either
 * choice and nothing stored changes. Until the page has hydrated a traditional choice hides the
 * simplified text rather than flash it (app/styles/script.css), as the rows do.
 */
export function ScriptText({ text, traditional }: { text: string; traditional?: string | undefined }) {
  const [script] = useUrlParam(SCRIPT_PARAM);
  if (!traditional) return text;
  return script === 'trad' ? (
    <span lang="zh-Hant" data-script-alt="">
      {traditional}
    </span>
  ) : (
    <span data-script-alt="">{text}</span>
  );
}
