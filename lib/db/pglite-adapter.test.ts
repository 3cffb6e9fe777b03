import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { openPglite } from './pglite-adapter';
import { OPEN_TIMEOUT_MS } from './test-engines';

let db: Database;
beforeAll(async () => {
  db = await openPglite(undefined);
  await db.query('CREATE TABLE kept (n integer PRIMARY KEY)');
}, OPEN_TIMEOUT_MS);
afterAll(() => db.close());

describe('the embedded database in its worker thread', () => {
  const cases = [
    { name: 'a transaction that returns is kept', fail: false, rows: [{ n: 1 }, { n: 2 }] },
    { name: 'a transaction that throws is rolled back', fail: true, rows: [] },
  ];
  for (const { name, fail, rows } of cases) {
    it(name, async () => {
      await db.query('DELETE FROM kept');
      const work = db.transaction(async (tx) => {
        await tx.query('INSERT INTO kept VALUES (1), (2)');
        if (fail) throw new Error('stop');
        return 'done';
      });
      if (fail) await expect(work).rejects.toThrow('stop');
      else await expect(work).resolves.toBe('done');
      expect(await db.query('SELECT n FROM kept ORDER BY n')).toEqual(rows);
    });
  }

  it('rejects a bad statement with the engine’s message and keeps answering', async () => {
    await expect(db.query('SELECT * FROM missing_table')).rejects.toThrow(/missing_table/);
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('runs a long statement without holding this thread’s event loop', async () => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    await db.query('SELECT count(*) FROM generate_series(1, 400000) s, LATERAL md5(s::text) h');
    const took = performance.now() - started;
    delay.disable();
    // The statement took far longer than the loop was ever held (on the loop's own thread the two
    // would be equal; a busy machine's scheduling delays are far shorter than the statement).
    expect(took).toBeGreaterThan(500);
    expect(delay.max / 1e6).toBeLessThan(took / 3);
  }, 60_000);

  it(
    'refuses queries once closed',
    async () => {
      const other = await openPglite(undefined);
      await other.close();
      await expect(other.query('SELECT 1')).rejects.toThrow(/closed/);
    },
    OPEN_TIMEOUT_MS,
  );
});
