import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { percent, type Coverage } from '@/lib/annotate/coverage';
import { paragraphCoverage } from './annotation-coverage';

// 儒林外史 chapters 1–2 as published (traditional, lib/annotate/fixtures/README.md) and converted to
// simplified with opencc-js: a traditional text must annotate as well as its conversion.
const paragraphs = (file: string) =>
  readFileSync(`lib/annotate/fixtures/${file}`, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const shares = (c: Coverage) => ({ senses: percent(c.withSenses, c.hanTokens), long: percent(c.long, c.hanTokens) });
let traditional: Coverage & { script: string };
let simplified: Coverage & { script: string };
let readAsSimplified: Coverage;

beforeAll(async () => {
  traditional = await paragraphCoverage(paragraphs('rulin-waishi-1-2.trad.txt'));
  simplified = await paragraphCoverage(paragraphs('rulin-waishi-1-2.simp.txt'));
  readAsSimplified = await paragraphCoverage(paragraphs('rulin-waishi-1-2.trad.txt'), 'simp');
  console.log('traditional', shares(traditional), traditional, 'simplified', shares(simplified), simplified);
}, 240_000);

describe('a traditional novel annotates as well as its simplified conversion', () => {
  it('the scripts are told apart', () => {
    expect(traditional.script).toBe('trad');
    expect(simplified.script).toBe('simp');
  });

  it('the share of Chinese words with senses is within 2 points', () => {
    expect(Math.abs(shares(traditional).senses - shares(simplified).senses)).toBeLessThanOrEqual(2);
    expect(shares(traditional).senses).toBeGreaterThan(75);
  });

  it('the share of words of four or more characters (mostly mis-cuts) is within 2 points', () => {
    expect(Math.abs(shares(traditional).long - shares(simplified).long)).toBeLessThanOrEqual(2);
    expect(Math.abs(traditional.long - simplified.long)).toBeLessThanOrEqual(simplified.long * 0.1);
  });

  it('read as simplified, as before its script was measured, it falls short on both (the measure can fail)', () => {
    expect(shares(simplified).senses - shares(readAsSimplified).senses).toBeGreaterThan(10);
    expect(readAsSimplified.long).toBeGreaterThan(simplified.long * 2);
  });
});
