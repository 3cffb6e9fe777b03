// Starting and stopping `next start` for the command-line scripts (bench, fault injection).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface RunningServer {
  origin: string;
  process: ChildProcess;
  /**
   * Stops the server and everything it started (its process group), and resolves once every
   * process of the group is gone, so nothing writes to the data folder afterwards.
   */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The heap limit of `npm run serve` (package.json), so the figures are those of a real deployment. */
const SERVE_HEAP_MB = 512;

/** Ports this process has started a server on: one killed a moment ago may still hold its port. */
const used = new Set<number>();

/**
 * A port in 3900–3989 that this process has not used and nothing listens on now (another server
 * there, or one of ours still dying, would answer for the new one).
 */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = 3900 + Math.floor(Math.random() * 90);
    if (used.has(port)) continue;
    const taken = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (!taken) {
      used.add(port);
      return port;
    }
  }
  throw new Error('no free port in 3900–3989');
}

/**
 * Whether a process of the group led by `pid` still runs. Zombies do not count: an orphan's
 * zombie waits for whatever reaps it, and has already closed its files.
 */
function groupAlive(pid: number): boolean {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses, so read after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pid && state !== 'Z') return true;
  }
  return false;
}

/**
 * Signals the child's process group and waits until the whole group is gone; past 10 s it is
 * killed outright (a server that ignores SIGTERM still stops), past 20 s it is an error.
 */
async function stopGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const pid = child.pid;
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    return; // already gone
  }
  const started = Date.now();
  let killed = signal === 'SIGKILL';
  while (groupAlive(pid)) {
    if (!killed && Date.now() - started > 10_000) {
      killed = true;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    if (Date.now() - started > 20_000) throw new Error(`the server's processes (group ${pid}) did not exit within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts `next start` on a free port and waits until `/api/texts` answers. */
export async function startServer(
  env: NodeJS.ProcessEnv,
  { port: wanted, heapMb = SERVE_HEAP_MB }: { port?: number; heapMb?: number } = {},
): Promise<RunningServer> {
  const port = wanted ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  // No -H: with an address there, Next.js would relay the proxy's rewrites over HTTP (see proxy.ts).
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, 'node_modules/next/dist/bin/next', 'start', '-p', String(port)],
    {
      env,
      stdio: 'ignore',
      detached: true,
    },
  );
  const server: RunningServer = {
    origin,
    process: child,
    stop: (signal = 'SIGTERM') => stopGroup(child, signal),
  };
  for (let i = 0; ; i += 1) {
    // An answer counts only while our process runs: one that exited (a port taken after all)
    // is not the server answering.
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`next start on ${origin} exited (${child.exitCode ?? child.signalCode}) before it answered`);
    try {
      if ((await fetch(`${origin}/api/texts`)).ok && child.exitCode === null) return server;
    } catch {
      if (i > 120) {
        await server.stop('SIGKILL');
        throw new Error(`next start did not answer on ${origin} within 60 s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
