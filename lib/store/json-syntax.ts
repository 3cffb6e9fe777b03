/**
 * Finds where JSON text first goes wrong, because V8's JSON.parse messages do not always
 * give a position. Returns the character offset and a short reason, or null for valid JSON.
 * `'{"a": oops}'` → `{ offset: 6, reason: 'unexpected "o"' }`.
 */
export function locateJsonError(text: string): { offset: number; reason: string } | null {
  let i = 0;
  const fail = (reason: string): never => {
    throw { offset: i, reason };
  };
  const describe = () => (i >= text.length ? 'unexpected end of file' : `unexpected ${JSON.stringify(text[i])}`);
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i += 1;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(describe());
  };
  const string = () => {
    i += 1; // opening quote
    while (i < text.length) {
      const c = text[i] ?? '';
      if (c === '"') {
        i += 1;
        return;
      }
      if (c < ' ') fail('control character in string');
      if (c === '\\') {
        const escape = text[i + 1] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 6;
        } else if ('"\\/bfnrt'.includes(escape) && escape) i += 2;
        else fail('bad escape');
      } else i += 1;
    }
    fail('unterminated string');
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(describe());
    i += match?.[0].length ?? 0;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i += 1;
      space();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail(`expected a property name in double quotes, ${describe()}`);
        string();
        space();
        if (text[i] !== ':') fail(`expected ":", ${describe()}`);
        i += 1;
        value();
        space();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return;
        }
        fail(`expected "," or "}", ${describe()}`);
      }
    }
    if (c === '[') {
      i += 1;
      space();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return;
        }
        fail(`expected "," or "]", ${describe()}`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  try {
    value();
    space();
    if (i < text.length) fail(`${describe()} after the end of the data`);
    return null;
  } catch (error) {
    return error as { offset: number; reason: string };
  }
}

export interface JsonKeyProblem {
  key: string;
  /** Character offset of the key's opening quote. */
  offset: number;
  problem: 'duplicate' | 'prototype';
}

/**
 * Keys of valid JSON text that JSON.parse accepts but that lose or twist data: a key given twice
 * in one object (the last one silently wins) and `__proto__` (which some readers take for the
 * object's prototype). `'{"a": 1, "a": 2}'` → `[{ key: 'a', offset: 9, problem: 'duplicate' }]`.
 */
export function findJsonKeyProblems(text: string): JsonKeyProblem[] {
  const problems: JsonKeyProblem[] = [];
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '"') {
      const start = i;
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === '\\') i += 1;
      let j = i + 1;
      while (j < text.length && ' \t\n\r'.includes(text[j] ?? '')) j += 1;
      const keys = stack.at(-1);
      if (text[j] !== ':' || !keys) continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      if (key === '__proto__') problems.push({ key, offset: start, problem: 'prototype' });
      if (keys.has(key)) problems.push({ key, offset: start, problem: 'duplicate' });
      keys.add(key);
    }
  }
  return problems;
}
