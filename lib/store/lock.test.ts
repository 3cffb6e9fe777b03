import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { outsideTextLocks, withLock, withTextLock } from './lock';
import { peekProcessState } from '@/lib/process-state';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A fresh key per test: the lock table is process-wide. */
let counter = 0;
const freshKey = (name: string) => `test:${name}:${(counter += 1)}`;

/** Runs tasks through withLock, recording when each starts and ends and how many overlap. */
function recorder() {
  const events: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const task =
    (label: string, ms: number, result: () => unknown = () => label) =>
    async () => {
      events.push(`start ${label}`);
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      try {
        await sleep(ms);
        return result();
      } finally {
        running -= 1;
        events.push(`end ${label}`);
      }
    };
  return { events, task, maxRunning: () => maxRunning };
}

describe('withLock with one key', () => {
  // Shorter tasks later: without the lock they would finish in reverse order.
  const cases = [
    { name: '2 tasks', delays: [20, 1] },
    { name: '5 tasks, later ones shorter', delays: [25, 20, 15, 10, 5] },
    { name: '5 tasks of no delay', delays: [0, 0, 0, 0, 0] },
  ];

  it.each(cases)('runs $name one at a time, in the order they were queued', async ({ delays }) => {
    const key = freshKey('order');
    const { events, task, maxRunning } = recorder();
    const results = await Promise.all(delays.map((ms, i) => withLock(key, task(String(i), ms))));
    expect(results).toEqual(delays.map((_, i) => String(i)));
    expect(events).toEqual(delays.flatMap((_, i) => [`start ${i}`, `end ${i}`]));
    expect(maxRunning()).toBe(1);
  });

  it('runs a task queued while another runs after it, not beside it', async () => {
    const key = freshKey('late');
    const { events, task } = recorder();
    const first = withLock(key, task('a', 20));
    await sleep(5);
    const second = withLock(key, task('b', 0));
    await Promise.all([first, second]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('forgets the key once its queue is empty', async () => {
    const key = freshKey('cleanup');
    await Promise.all([withLock(key, async () => 1), withLock(key, async () => 2)]);
    const table = peekProcessState<Map<string, unknown>>('locks');
    expect(table?.has(key)).toBe(false);
  });
});

describe('withLock with different keys', () => {
  it.each([2, 5])('runs tasks of %i keys at the same time', async (keys) => {
    const { task, maxRunning } = recorder();
    await Promise.all(Array.from({ length: keys }, (_, i) => withLock(freshKey(`parallel${i}`), task(String(i), 30))));
    expect(maxRunning()).toBe(keys);
  });

  it('does not let one key wait for another', async () => {
    // B resolves what A waits for: if B waited for A, this would never settle.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const a = withLock(freshKey('a'), async () => {
      await gate;
      return 'a';
    });
    const b = withLock(freshKey('b'), async () => {
      release();
      return 'b';
    });
    await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b']);
  });
});

describe('withLock when a task fails', () => {
  const failures = [
    { name: 'rejects', task: async (): Promise<string> => Promise.reject(new Error('boom')) },
    {
      name: 'throws after awaiting',
      task: async (): Promise<string> => {
        await sleep(5);
        throw new Error('boom');
      },
    },
    {
      name: 'throws before returning a promise',
      task: (): Promise<string> => {
        throw new Error('boom');
      },
    },
  ];

  it.each(failures)('a task that $name gives its error to its caller and the next task still runs', async ({ task }) => {
    const key = freshKey('failure');
    const { events, task: recorded } = recorder();
    const failing = withLock(key, async () => {
      events.push('start failing');
      try {
        return await task();
      } finally {
        events.push('end failing');
      }
    });
    const next = withLock(key, recorded('next', 0));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    expect(events).toEqual(['start failing', 'end failing', 'start next', 'end next']);
  });

  it('a failure in the middle of a queue affects only its own caller', async () => {
    const key = freshKey('middle');
    const outcomes = await Promise.allSettled([
      withLock(key, async () => 1),
      withLock(key, async () => {
        throw new Error('second failed');
      }),
      withLock(key, async () => 3),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([
      1,
      'second failed',
      3,
    ]);
  });
});

describe('withTextLock and work that outlives the hold', () => {
  let data: ReturnType<typeof makeDataDir>;
  beforeEach(() => {
    data = makeDataDir();
  });
  afterEach(() => data.dispose());

  it('is re-entrant within one chain of calls', async () => {
    const inner = await withTextLock('demo', () => withTextLock('demo', async () => 'inner'));
    expect(inner).toBe('inner');
  });

  it('a timer made with outsideTextLocks while the lock is held waits for its release', async () => {
    const events: string[] = [];
    let timerDone: Promise<void> | undefined;
    await withTextLock('demo', async () => {
      await new Promise<void>((started) => {
        outsideTextLocks(() =>
          setTimeout(() => {
            timerDone = withTextLock('demo', async () => void events.push('timer'));
            started();
          }, 0),
        );
      });
      await sleep(20);
      events.push('holder ends');
    });
    await timerDone;
    expect(events).toEqual(['holder ends', 'timer']);
  });

  it('work left running after a release queues behind the next holder instead of joining it', async () => {
    const events: string[] = [];
    let late: Promise<void> | undefined;
    let nextStarted!: () => void;
    const nextHasLock = new Promise<void>((resolve) => (nextStarted = resolve));
    await withTextLock('demo', async () => {
      // Started under the lock, not awaited: it asks for the lock once another writer has it.
      late = nextHasLock.then(() => withTextLock('demo', async () => void events.push('late work')));
    });
    const next = withTextLock('demo', async () => {
      events.push('next holder starts');
      nextStarted();
      await sleep(30);
      events.push('next holder ends');
    });
    await Promise.all([late, next]);
    expect(events).toEqual(['next holder starts', 'next holder ends', 'late work']);
  });
});
