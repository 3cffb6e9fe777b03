/**
 * Exits with `code` once everything written to stdout and stderr has gone out. `process.exit()`
 * alone drops what a pipe has not taken yet: a JSON report of more than 64 KiB, piped to another
 * program, arrived cut.
 */
export async function exitFlushed(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
  process.exit(code);
}
