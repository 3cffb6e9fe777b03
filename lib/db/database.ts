/**
 * What the rest of the app asks of a database, whichever engine answers: parameterised SQL in
 * PostgreSQL's dialect, transactions, and closing. Two adapters implement it (PGlite embedded,
 * a PostgreSQL server through `pg`); nothing else imports either vendor library.
 */
export type DatabaseEngine = 'pglite' | 'postgres';

export interface Queryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly engine: DatabaseEngine;
  /** Runs `work` in one transaction: all of it is kept, or (on a throw or a crash) none of it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
