/**
 * Numbers in a sentence, as values both sides can be compared by: digits (10, 3.5, 1,000),
 * Chinese numerals (三十, 二十五, 两), English number words (thirty, five), with the large
 * units of each language (10 亿 = 1 billion = 1e9, 3 万 = 30,000) and months (7 月 = July).
 */

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const ZH_NUMERAL_RUN = /[零〇一二两三四五六七八九十百千万亿]+/gu;
const DIGITS = /(?<![\p{L}\p{N}.])(\d+(?:,\d{3})*(?:\.\d+)?)(?!\.?\d)/gu;
const ZH_UNIT_AFTER = /^\s*([万亿])/u;
const ZH_MONTH_AFTER = /^\s*月/u;

const EN_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};
const EN_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
// `one` and `a` are left out: as articles and pronouns they are no evidence of a number.
const EN_NUMBER_WORDS = new RegExp(
  `\\b(${Object.keys(EN_WORDS).join('|')})(?:[\\s-]+(${Object.keys(EN_WORDS).join('|')}))?\\b`,
  'giu',
);
const EN_SCALE_AFTER = /^\s*(thousand|million|billion|trillion)\b/iu;
const EN_MONTH = new RegExp(`\\b(${EN_MONTHS.filter((m) => m !== 'may').join('|')})\\b`, 'giu');

/**
 * The value of a run of Chinese numerals, or undefined when it is not one number.
 * `'三十'` → 30, `'二十五'` → 25, `'十'` → 10, `'一百零三'` → 103, `'二三十'` → undefined.
 */
export function chineseNumeralValue(run: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of run) {
    const value = ZH_DIGITS[char];
    if (value !== undefined) {
      if (digit !== undefined && digit !== 0 && value !== 0) return undefined; // 二三: a range, not one number
      digit = value;
      continue;
    }
    const small = ZH_SMALL_UNITS[char];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = undefined;
      continue;
    }
    const large = ZH_LARGE_UNITS[char];
    if (large === undefined) return undefined;
    total = (total + section + (digit ?? 0)) * large;
    section = 0;
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}

/** Both ends of a range written as two neighbouring digits and a unit: `'二三十'` → `['20', '30']`. */
function rangeValues(run: string): string[] {
  const [, low, high, unit] = /^([一二三四五六七八九])([二三四五六七八九])([十百千万])?$/u.exec(run) ?? [];
  if (low === undefined || high === undefined) return [];
  const scale = unit === undefined ? 1 : (ZH_SMALL_UNITS[unit] ?? ZH_LARGE_UNITS[unit] ?? 1);
  return [String((ZH_DIGITS[low] ?? 0) * scale), String((ZH_DIGITS[high] ?? 0) * scale)];
}

function parseDigits(text: string): number {
  return Number(text.replaceAll(',', ''));
}

/**
 * Number keys of a Chinese sentence. `'他工作了 5 年，获得 10 亿美元，今年 7 月'` → `['5', '1000000000', 'month:7']`;
 * a lone 一 (一个, 一起) gives none.
 */
export function chineseNumbers(text: string): string[] {
  const keys: string[] = [];
  const add = (value: number, after: string) => {
    const unit = ZH_UNIT_AFTER.exec(after)?.[1];
    if (unit !== undefined) keys.push(String(value * (ZH_LARGE_UNITS[unit] ?? 1)));
    else if (ZH_MONTH_AFTER.test(after) && value >= 1 && value <= 12) keys.push(`month:${value}`);
    else keys.push(String(value));
  };
  for (const match of text.matchAll(DIGITS)) add(parseDigits(match[1] ?? ''), text.slice(match.index + match[0].length));
  for (const match of text.matchAll(ZH_NUMERAL_RUN)) {
    const run = match[0].replace(/[万亿]+$/u, '');
    if (run === '' || run === '一' || /^[万亿]/u.test(match[0])) continue;
    const value = chineseNumeralValue(run);
    if (value !== undefined) add(value, text.slice(match.index + run.length));
    else keys.push(...rangeValues(run));
  }
  return keys;
}

/**
 * Number keys of an English sentence. `'five years, $1 billion, in July, 20 or thirty'` →
 * `['1000000000', '20', '5', '30', 'month:7']`.
 */
export function englishNumbers(text: string): string[] {
  const keys: string[] = [];
  const add = (value: number, after: string) => {
    const scale = EN_SCALE_AFTER.exec(after)?.[1]?.toLowerCase();
    keys.push(String(scale ? value * (EN_SCALES[scale] ?? 1) : value));
  };
  for (const match of text.matchAll(DIGITS)) add(parseDigits(match[1] ?? ''), text.slice(match.index + match[0].length));
  for (const match of text.matchAll(EN_NUMBER_WORDS)) {
    const first = EN_WORDS[(match[1] ?? '').toLowerCase()] ?? 0;
    const second = match[2] === undefined ? 0 : (EN_WORDS[match[2].toLowerCase()] ?? 0);
    // twenty-five → 25; "two hundred" → 200
    const value = second === 100 ? first * 100 : first + (first >= 20 && second < 10 ? second : 0);
    add(value, text.slice(match.index + match[0].length));
    if (second > 0 && value === first) add(second, text.slice(match.index + match[0].length));
  }
  for (const match of text.matchAll(EN_MONTH)) keys.push(`month:${EN_MONTHS.indexOf((match[1] ?? '').toLowerCase()) + 1}`);
  return keys;
}
