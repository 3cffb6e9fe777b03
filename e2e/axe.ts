import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG levels every page is checked against. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page and fails with each violation's rule, impact and (up to ten of) its nodes.
 * With `include`, only those parts (CSS selectors): a test of a panel or popover scans what it
 * opened, since the page around it has its own full scan (a whole reading page takes half a
 * minute on a busy machine, and a test that scans it three times runs out of time). With
 * `exclude`, everything but those parts: the page's own structure is still checked.
 */
export async function expectNoAxeViolations(
  page: Page,
  { include = [], exclude = [] }: { include?: string[]; exclude?: string[] } = {},
) {
  // Run in the page itself (legacy mode) and collect the violations only. The default mode runs
  // axe in each frame and finishes in a new page, and every passing node is serialised back: on
  // the reading page (thousands of word spans) that cost more than the check. Our pages have no
  // frames, the violations are reported in full (the same rules run), and nothing here reads the
  // passes. Measured on the reading page at load 11: a scan of its header 6.1 s → 2.7 s, of its
  // first twelve rows 12.9 s → 5.0 s. (`options` replaces what `withTags` set: it comes first.)
  let builder = new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .setLegacyMode(true);
  for (const selector of include) builder = builder.include(selector);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const report = results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes
          .slice(0, 10)
          .map(
            (n) =>
              `    ${n.target.map(String).join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
          )
          .join('\n') +
        (v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : ''),
    )
    .join('\n');
  expect(results.violations, `axe violations on ${page.url()}:\n${report}`).toEqual([]);
}

/**
 * The reading page's rows after the first twelve. A scan of a reading option (a theme, pinyin,
 * tone colours) excludes them: every row is drawn by the same component and styles, the first
 * twelve of the bundled article hold a title, headings, paragraphs, notes and glossary terms, and
 * the whole page without options has its own full scan (a11y.spec.ts). Scanning all 252 rows with
 * ruby took one to two minutes per test.
 */
export const ROWS_AFTER_THE_FIRST_TWELVE = 'article.reader > .row:nth-child(n+13)';
