// The reading palettes of app/styles/reading-options.css: its light values are those of
// app/styles/base.css, and text keeps WCAG AA contrast (4.5:1) on every background it sits on, in
// the light theme and in the dark one, tone colours included.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { contrastRatio } from './contrast';

const root = path.resolve(__dirname, '../..');
const optionsCss = readFileSync(path.join(root, 'app/styles/reading-options.css'), 'utf8');
const globalsCss = readFileSync(path.join(root, 'app/styles/base.css'), 'utf8');

/** `--name: light-dark(#light, #dark)` declarations of the options file. */
function themed(): Map<string, { light: string; dark: string }> {
  const out = new Map<string, { light: string; dark: string }>();
  for (const m of optionsCss.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]+),\s*(#[0-9a-f]+)\)/gi)) {
    out.set(m[1]!, { light: m[2]!, dark: m[3]! });
  }
  return out;
}

/** `--name: #hex` declarations of the first :root block of base.css. */
function globals(): Map<string, string> {
  const block = /:root\s*{([^}]*)}/.exec(globalsCss)?.[1] ?? '';
  return new Map([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]+)/gi)].map((m) => [m[1]!, m[2]!]));
}

const expand = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((d) => d + d).join('')}` : hex).toLowerCase();

// [text, background] pairs as the pages use them.
const pairs: [string, string][] = [
  ['ink', 'paper'],
  ['muted', 'paper'],
  ['accent', 'paper'],
  ['stale', 'paper'],
  ['paper', 'ink'],
  ['ink', 'surface'],
  ['muted', 'surface'],
  ['accent', 'surface'],
  ['muted', 'mark-bg'],
  ['ink', 'mark-bg'],
  ['accent', 'mark-bg'],
  ['ink', 'accent-soft'],
  ['accent', 'accent-soft'],
  ['ink', 'highlight-bg'],
  ['stale', 'stale-bg'],
  ['reviewed', 'reviewed-bg'],
  ['ink', 'conflict-bg'],
  ['del-ink', 'del-bg'],
  ['ins-ink', 'ins-bg'],
  ...[1, 2, 3, 4, 5].flatMap((n): [string, string][] => [
    [`tone-${n}`, 'paper'],
    [`tone-${n}`, 'mark-bg'],
    [`tone-${n}`, 'highlight-bg'],
    [`tone-${n}`, 'accent-soft'],
  ]),
];

describe('reading palettes', () => {
  const colours = themed();

  test('every colour of base.css has a dark value, and its light value is the same', () => {
    const light = globals();
    expect(light.size).toBeGreaterThan(10);
    for (const [name, value] of light) {
      expect(colours.get(name)?.light && expand(colours.get(name)!.light), `--${name}`).toBe(expand(value));
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    test.each(pairs.map(([text, background]) => ({ text, background })))(
      `${theme}: --$text on --$background is at least 4.5:1`,
      ({ text, background }) => {
        const fg = colours.get(text)?.[theme];
        const bg = colours.get(background)?.[theme];
        expect(fg, `--${text}`).toBeDefined();
        expect(bg, `--${background}`).toBeDefined();
        expect(contrastRatio(fg!, bg!)).toBeGreaterThanOrEqual(4.5);
      },
    );
  }
});

describe('contrastRatio', () => {
  const cases = [
    { a: '#000', b: '#fff', expected: 21 },
    { a: '#fff', b: '#fff', expected: 1 },
    { a: '#777777', b: '#ffffff', expected: 4.48 },
  ];
  test.each(cases)('$a on $b → $expected', ({ a, b, expected }) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });
});
