import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignedSimplified, scriptOf, scriptShares } from './source-script';

const fixture = (file: string) => readFileSync(`lib/annotate/fixtures/${file}`, 'utf8');

describe('scriptOf', () => {
  it.each([
    { input: '', expected: 'simp' },
    { input: 'AI 2024', expected: 'simp' },
    { input: '鄉裡人聽見鑼響', expected: 'trad' },
    { input: '乡里人听见锣响', expected: 'simp' },
    { input: '他母親做些針指', expected: 'trad' },
    { input: '近日，播客节目 No Priors', expected: 'simp' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(scriptOf(input)).toBe(expected);
  });

  it('tells a traditional novel from its simplified conversion', () => {
    const trad = scriptShares(fixture('rulin-waishi-1-2.trad.txt'));
    const simp = scriptShares(fixture('rulin-waishi-1-2.simp.txt'));
    expect(trad.traditional).toBeGreaterThan(0.2);
    expect(trad.simplified).toBeLessThan(0.02);
    expect(simp.traditional).toBeLessThan(0.01);
    expect(scriptOf(fixture('rulin-waishi-1-2.trad.txt'))).toBe('trad');
    expect(scriptOf(fixture('rulin-waishi-1-2.simp.txt'))).toBe('simp');
  });
});

describe('alignedSimplified', () => {
  it.each([
    { input: '', expected: '' },
    { input: '鄉裡人聽見鑼響', expected: '乡里人听见锣响' },
    { input: '母親將來讀書', expected: '母亲将来读书' },
    { input: '方纔', expected: '方才' },
    { input: '乾隆年間，衣服乾淨', expected: '乾隆年间，衣服干净' },
    { input: '這AI+教育', expected: '这AI+教育' },
    { input: '看著', expected: '看着' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(alignedSimplified(input)).toBe(expected);
  });

  it('keeps every character of the novel where it is', () => {
    const text = fixture('rulin-waishi-1-2.trad.txt');
    const simplified = alignedSimplified(text);
    expect(simplified.length).toBe(text.length);
    expect([...simplified].length).toBe([...text].length);
  });
});
