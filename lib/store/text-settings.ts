import 'server-only';
import { z } from 'zod';
import { contentDir, textFilePath } from './paths';
import { readJsonFile, writeTextFile } from './json';

/**
 * A text's team settings: `fourEyes`, only someone other than a gloss's last author may mark it
 * reviewed; `publicDiscussion`, anonymous readers see its comments too.
 */
export const textSettingsSchema = z.object({
  fourEyes: z.boolean().default(false),
  publicDiscussion: z.boolean().default(false),
});
export type TextSettings = z.infer<typeof textSettingsSchema>;

/** `content/<slug>.team.json`, beside the source: a team keeps it in git. */
export function textSettingsPath(slug: string): string {
  return textFilePath(contentDir(), slug, '.team.json');
}

/** A text's settings; the defaults when it has none. Throws DataFileError for a damaged file. */
export async function readTextSettings(slug: string): Promise<TextSettings> {
  return (await readJsonFile(textSettingsPath(slug), textSettingsSchema)) ?? { fourEyes: false, publicDiscussion: false };
}

/** Writes a text's settings atomically (call under the text's lock). */
export async function writeTextSettings(slug: string, settings: TextSettings): Promise<void> {
  await writeTextFile(textSettingsPath(slug), `${JSON.stringify(settings, null, 2)}\n`);
}
