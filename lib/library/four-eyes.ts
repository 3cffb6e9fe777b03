import 'server-only';
import { checkFourEyes } from '@/lib/gloss/four-eyes';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { withTextLock } from '@/lib/store/lock';
import { readTextSettings, writeTextSettings, type TextSettings } from '@/lib/store/text-settings';
import { glossHistory } from './edit';

/** Why `reviewer` may not mark this gloss reviewed under the text's four-eyes setting; undefined when they may. */
export async function fourEyesRefusal(
  slug: string,
  lang: TargetLanguage,
  id: string,
  reviewer: string,
): Promise<string | undefined> {
  const settings = await readTextSettings(slug);
  if (!settings.fourEyes) return undefined;
  const check = checkFourEyes(await glossHistory(slug, id, lang), id, reviewer, true);
  return check.ok ? undefined : check.error;
}

export { readTextSettings };

/** Changes a text's team settings under its lock; returns them as stored. */
export async function updateTextSettings(slug: string, change: Partial<TextSettings>): Promise<TextSettings> {
  return withTextLock(slug, async () => {
    const next = { ...(await readTextSettings(slug)), ...change };
    await writeTextSettings(slug, next);
    return next;
  });
}
