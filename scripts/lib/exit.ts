/**
 * Exits with `code` once everything written to stdout and stderr has gone out. `process.exit()`
 * alone drops what a pipe has not taken yet: a JSON report of more than 64 KiB, piped to another
 * program, arrived cut.
 */
export async function exitFlushed(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
  process.exit(code);
}

/**
 * Lets output piped into a program that stops reading (`| head`) end the script quietly, as
 * command-line tools do, instead of with an EPIPE stack trace. What the script was doing (a move,
 * a sync) is done before its report is printed.
 */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
