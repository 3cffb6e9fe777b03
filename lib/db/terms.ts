/**
 * The lexemes the database indexes for Chinese: every Han character and every pair of adjacent
 * ones (bigrams), so a query of one or two characters is answered from a GIN index on a tsvector
 * (pg_trgm needs three). Longer terms ask for all their bigrams; the exact match is checked
 * afterwards, in lib/search. Pure: no database here.
 */

const HAN = /\p{Script=Han}/u;

/** Runs of adjacent Han characters. `hanRuns('AI 人工智能，模型')` → `['人工智能', '模型']`. */
export function hanRuns(text: string): string[] {
  const runs: string[] = [];
  let run = '';
  for (const char of text) {
    if (HAN.test(char)) {
      run += char;
    } else if (run) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

/** Adjacent pairs of a run of characters. `bigrams('智能体')` → `['智能', '能体']`. */
export function bigrams(run: string): string[] {
  const chars = [...run];
  const pairs: string[] = [];
  for (let i = 1; i < chars.length; i++) pairs.push(`${chars[i - 1]}${chars[i]}`);
  return pairs;
}

/**
 * The distinct lexemes of a text's Chinese: single characters and bigrams within each run of
 * Han characters (a bigram never spans punctuation or Latin). `chineseLexemes('智能，智能体')` →
 * `['智', '能', '体', '智能', '能体']`.
 */
export function chineseLexemes(text: string): string[] {
  const singles = new Set<string>();
  const pairs = new Set<string>();
  for (const run of hanRuns(text)) {
    for (const char of run) singles.add(char);
    for (const pair of bigrams(run)) pairs.add(pair);
  }
  return [...singles, ...pairs];
}

/**
 * The lexemes a Chinese query term must all find: the character itself when it is one, else its
 * bigrams. `chineseQueryLexemes('人工智能')` → `['人工', '工智', '智能']`; `('智')` → `['智']`.
 */
export function chineseQueryLexemes(term: string): string[] {
  const lexemes = new Set<string>();
  for (const run of hanRuns(term)) {
    const pairs = bigrams(run);
    if (pairs.length === 0) lexemes.add(run);
    for (const pair of pairs) lexemes.add(pair);
  }
  return [...lexemes];
}

/**
 * A tsquery that holds every lexeme (AND), each quoted so that no character of a user's query is
 * read as tsquery syntax; '' for none. `tsqueryAll(['智能', "o'k"])` → `"'智能' & 'o''k'"`.
 */
export function tsqueryAll(lexemes: readonly string[]): string {
  return lexemes
    .filter((lexeme) => lexeme.length > 0)
    .map((lexeme) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`)
    .join(' & ');
}
