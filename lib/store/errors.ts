import { namedError } from '@/lib/named-error';
/** A data file that exists but cannot be used; names the file and, where known, the place. */
export class DataFileError extends namedError('DataFileError') {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly position?: { line: number; column: number },
    options?: { cause?: unknown },
  ) {
    super(`${file}${position ? `:${position.line}:${position.column}` : ''}: ${detail}`, options);
  }
}

/** Why the store could not write: what a person can do about it differs for each. */
export type StoreWriteReason = 'disk-full' | 'unwritable' | 'symlink' | 'busy' | 'failed';

const reasonOfCode: Record<string, StoreWriteReason> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EACCES: 'unwritable',
  EROFS: 'unwritable',
  EPERM: 'unwritable',
};

/** A write to the data folder that did not happen; the files it would have changed are as they were. */
export class StoreWriteError extends namedError('StoreWriteError') {
  constructor(
    readonly file: string,
    readonly reason: StoreWriteReason,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${detail}`, options);
  }

  /** Wraps a file-system error, classifying it by its code (ENOSPC → disk-full, EACCES → unwritable). */
  static from(file: string, error: unknown): StoreWriteError {
    if (error instanceof StoreWriteError) return error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
    const reason = reasonOfCode[code] ?? 'failed';
    const detail =
      reason === 'disk-full'
        ? `cannot be written: the disk is full (${code})`
        : reason === 'unwritable'
          ? `cannot be written: the data folder is not writable (${code})`
          : `cannot be written${code ? ` (${code})` : ''}: ${error instanceof Error ? error.message : String(error)}`;
    return new StoreWriteError(file, reason, detail, { cause: error });
  }
}
