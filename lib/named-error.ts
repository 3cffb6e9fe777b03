/**
 * `instanceof` for the project's error classes that holds across bundles. Next.js compiles a
 * module once for each bundle that imports it, and the process-wide caches (the text cache, for
 * one) hand an error made with one bundle's copy of a class to code holding another copy, where
 * a plain `instanceof` is false and the error would be thrown on as a 500. So each error class
 * names itself and recognises any Error of that name.
 * `isNamedError(Object.assign(new Error('x'), { name: 'DataFileError' }), 'DataFileError')` → `true`.
 */
export function isNamedError(value: unknown, name: string): boolean {
  return value instanceof Error && value.name === name;
}

/**
 * The base of a named error class: `class DataFileError extends namedError('DataFileError') {}`.
 * Its errors carry the name, and `instanceof DataFileError` is true of any Error of that name.
 */
export function namedError(name: string) {
  return class NamedError extends Error {
    static override [Symbol.hasInstance](value: unknown): boolean {
      return isNamedError(value, name);
    }

    override name = name;
  };
}
