/**
 * Machine translation has a place and no default: a provider turns a paragraph's Chinese into a
 * suggestion, which the editor shows marked as machine translation and which is recorded as such
 * in the history when inserted. A provider reads its model or endpoint from the configuration
 * (environment) and never downloads anything while running.
 */
export interface MachineProvider {
  /** Short, stable name recorded in the history (`cedict-test`, `bergamot`, `marian-server`). */
  id: string;
  /** What the editor shows beside the suggestion. */
  label: string;
  /** The suggestion for one paragraph; rejects with the reason when the engine fails. */
  translate(zh: string, lang: string): Promise<string>;
}

/** What a provider is made from: the environment it is configured by. */
export type ProviderFactory = (env: Readonly<Record<string, string | undefined>>) => MachineProvider | { error: string };

/**
 * Picks the provider `BILINGUAL_MT_PROVIDER` names among `factories`; undefined when none is
 * configured (the default), an error naming the choices for an unknown name.
 * `chooseProvider({ BILINGUAL_MT_PROVIDER: 'cedict-test' }, { 'cedict-test': … })` → that provider.
 */
export function chooseProvider(
  env: Readonly<Record<string, string | undefined>>,
  factories: Readonly<Record<string, ProviderFactory>>,
): MachineProvider | { error: string } | undefined {
  const name = env.BILINGUAL_MT_PROVIDER?.trim();
  if (!name) return undefined;
  const factory = factories[name];
  if (!factory)
    return {
      error: `Unknown machine translation provider ${JSON.stringify(name)} (known: ${Object.keys(factories).join(', ')})`,
    };
  return factory(env);
}

/** A word of the Chinese and what the dictionary says it means, for the word-by-word provider. */
export interface WordGloss {
  text: string;
  /** The first readable sense, or undefined for punctuation, Latin text and unknown words. */
  sense?: string;
}

const PUNCTUATION: Record<string, string> = {
  '，': ',',
  '。': '.',
  '、': ',',
  '；': ';',
  '：': ':',
  '？': '?',
  '！': '!',
  '“': '"',
  '”': '"',
  '（': '(',
  '）': ')',
};

/**
 * Joins word-by-word dictionary glosses into a line of English: each word's first sense, other
 * text kept as written, Chinese punctuation made Latin. Not a translation, and labelled so.
 * `[{ text: '我' , sense: 'I' }, { text: '爱', sense: 'to love' }, { text: '。' }]` → `I love.`
 */
export function joinWordGlosses(words: readonly WordGloss[]): string {
  const parts: string[] = [];
  for (const word of words) {
    if (word.sense) parts.push(` ${word.sense.replace(/^to /, '')}`);
    else if (PUNCTUATION[word.text]) parts.push(PUNCTUATION[word.text]!);
    else if (/^\s+$/.test(word.text)) parts.push(' ');
    else if (/\p{Script=Han}/u.test(word.text)) parts.push(` ${word.text}`);
    else parts.push(` ${word.text}`);
  }
  return parts
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:?!)])/g, '$1')
    .trim();
}
