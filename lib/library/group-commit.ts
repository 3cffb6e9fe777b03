import 'server-only';
import { processState } from '@/lib/process-state';

interface Waiting<Job, Result> {
  job: Job;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  waiting: Waiting<unknown, unknown>[];
  draining: boolean;
}

// Once per process (lib/process-state.ts): route handlers are separate bundles, and every one must join the same queue.
function queues(): Map<string, Queue> {
  return processState<Map<string, Queue>>('group-commit', () => new Map());
}

/** The most jobs one commit takes; later ones wait for the next. */
export const MAX_BATCH = 256;

/**
 * Group commit: jobs for one key that arrive while a commit of that key is under way wait, and
 * the next commit takes all of them at once, so that many saves share one durable write.
 * `run(key, jobs)` gets the jobs in arrival order and returns one result per job; a rejection of
 * `run` rejects every job of its batch. `commitTogether('text:a', job, runBatch)` → that job's result.
 */
export function commitTogether<Job, Result>(
  key: string,
  job: Job,
  run: (key: string, jobs: Job[]) => Promise<Result[]>,
): Promise<Result> {
  const table = queues();
  let queue = table.get(key);
  if (!queue) {
    queue = { waiting: [], draining: false };
    table.set(key, queue);
  }
  const result = new Promise<Result>((resolve, reject) => {
    queue.waiting.push({ job, resolve, reject } as Waiting<unknown, unknown>);
  });
  if (!queue.draining) void drain(key, queue, run as (key: string, jobs: unknown[]) => Promise<unknown[]>);
  return result;
}

async function drain(key: string, queue: Queue, run: (key: string, jobs: unknown[]) => Promise<unknown[]>): Promise<void> {
  queue.draining = true;
  try {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, MAX_BATCH);
      try {
        const results = await run(
          key,
          batch.map((w) => w.job),
        );
        batch.forEach((w, i) => w.resolve(results[i]));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
  } finally {
    queue.draining = false;
    if (queue.waiting.length === 0 && queues().get(key) === queue) queues().delete(key);
  }
}
