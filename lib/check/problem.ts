import 'server-only';
import { DataFileError } from '@/lib/store/errors';
import { EncodingError } from '@/lib/text/decode';

export interface CheckProblem {
  /** A stable, machine-readable name for the kind of problem. */
  code: string;
  file: string;
  line?: number;
  column?: number;
  slug?: string;
  id?: string;
  message: string;
}

export interface CheckReport {
  errors: CheckProblem[];
  warnings: CheckProblem[];
}

/** A problem for the report from a data or encoding error; anything else is rethrown. */
export function fromError(error: unknown, slug: string, code: string): CheckProblem {
  if (error instanceof DataFileError) {
    return { code, file: error.file, ...(error.position ?? {}), slug, message: error.detail };
  }
  if (error instanceof EncodingError) return { code: 'not-utf8', file: error.file, slug, message: error.message };
  throw error;
}
