// Starting and stopping `next start` for the command-line scripts (bench, fault injection).
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningServer {
  origin: string;
  process: ChildProcess;
  /** Stops the server and everything it started (its process group). */
  stop(signal?: NodeJS.Signals): void;
}

/** The heap limit of `npm run serve` (package.json), so the figures are those of a real deployment. */
const SERVE_HEAP_MB = 512;

/** A port in 3900–3989 that nothing listens on now (another server there would answer for ours). */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 3900 + Math.floor(Math.random() * 90);
    const taken = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (!taken) return port;
  }
  throw new Error('no free port in 3900–3989');
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
    stop(signal = 'SIGTERM') {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    },
  };
  for (let i = 0; ; i += 1) {
    try {
      if ((await fetch(`${origin}/api/texts`)).ok) return server;
    } catch {
      if (i > 120) {
        server.stop('SIGKILL');
        throw new Error(`next start did not answer on ${origin} within 60 s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
