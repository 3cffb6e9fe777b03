import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs a script through tsx with its stdout on a pipe read slowly, and returns what arrived. */
function run(code: string): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.pause();
    // Let the child fill the pipe and reach its exit before anything is read.
    setTimeout(() => child.stdout.resume(), 300);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(chunks).toString('utf8') }));
  });
}

describe('exitFlushed', () => {
  it('exits with the code after a pipe has taken all of a large output', async () => {
    const size = 1 << 20;
    const { status, stdout } = await run(
      `import { exitFlushed } from './scripts/lib/exit'; console.log(JSON.stringify({ text: 'x'.repeat(${size}) })); void exitFlushed(3);`,
    );
    expect(status).toBe(3);
    expect((JSON.parse(stdout) as { text: string }).text).toHaveLength(size);
  }, 30_000);
});
