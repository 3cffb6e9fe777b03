// The one adapter for cli-progress: a progress bar on stderr for work that takes more than about
// a second, shown only on a terminal and never when CI is set, so piped output stays clean.
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

const quiet: Progress = { update() {}, stop() {} };

/** Whether a progress bar may be drawn: stderr is a terminal and CI is not set. */
export function progressAllowed(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.CI;
}

/**
 * A bar for `total` steps, drawn once the work has lasted `delayMs` (1 s); quiet when not allowed.
 * Work that blocks the event loop (annotating) still shows progress: update() draws it directly.
 */
export function startProgress(label: string, total: number, delayMs = 1000): Progress {
  if (!progressAllowed() || total <= 1) return quiet;
  const started = Date.now();
  let bar: SingleBar | undefined;
  let drawn = 0;
  return {
    update(value) {
      const now = Date.now();
      if (!bar && now - started >= delayMs) {
        bar = new SingleBar(
          {
            format: `${label} [{bar}] {value}/{total} {eta_formatted}`,
            stream: process.stderr,
            hideCursor: true,
            clearOnComplete: true,
          },
          Presets.shades_classic,
        );
        bar.start(total, value);
      }
      if (!bar) return;
      bar.update(value);
      if (now - drawn >= 100) {
        drawn = now;
        bar.render();
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
