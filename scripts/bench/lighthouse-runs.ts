// Reading Lighthouse runs: the median of repeated runs and what keeps a page under the goal.

export interface AuditRun {
  /** Category scores, 0–100; null for a category not audited. */
  performance: number | null;
  accessibility: number | null;
  /** Metrics in milliseconds, CLS unitless. */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Audits that count towards a category's score and did not pass, as `id score`. */
  failing: { performance: string[]; accessibility: string[] };
  /** Lighthouse's measure of the machine's speed during the run (about 1,000+ on an idle desktop). */
  benchmarkIndex: number;
}

export type Category = 'performance' | 'accessibility';

export const LIGHTHOUSE_GOAL = { performance: 98, accessibility: 100 } as const;

const middle = <T>(sorted: T[]): T | undefined => sorted[Math.floor((sorted.length - 1) / 2)];

/**
 * The run with the median performance score (the lower middle one for an even count), so the
 * printed metrics and failing audits belong together, with the median accessibility score of
 * all runs; undefined for no runs.
 */
export function medianRun(runs: AuditRun[]): AuditRun | undefined {
  const run = middle([...runs].sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0)));
  const accessibility = middle(runs.map((r) => r.accessibility).sort((a, b) => (a ?? 0) - (b ?? 0)));
  return run && accessibility !== undefined ? { ...run, accessibility } : undefined;
}

/** One line per category under the goal, naming its failing audits; none when the run meets it. */
export function lighthouseGoalMisses(run: AuditRun): string[] {
  return (['performance', 'accessibility'] as const)
    .filter((category) => run[category] !== null && run[category] < LIGHTHOUSE_GOAL[category])
    .map(
      (category) =>
        `${category} ${run[category]} < ${LIGHTHOUSE_GOAL[category]}: ${run.failing[category].join(', ') || 'no single failing audit'}`,
    );
}
