/** A data file that exists but cannot be used; names the file and, where known, the place. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly position?: { line: number; column: number },
    options?: { cause?: unknown },
  ) {
    super(`${file}${position ? `:${position.line}:${position.column}` : ''}: ${detail}`, options);
    this.name = 'DataFileError';
  }
}
