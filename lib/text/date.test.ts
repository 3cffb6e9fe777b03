import { describe, expect, it } from 'vitest';
import { dateProblem } from './date';

describe('dateProblem', () => {
  const cases = [
    { date: '2024-09-08', expected: undefined },
    { date: '2024-09', expected: undefined },
    { date: '2024', expected: undefined },
    { date: '2024-02-29', expected: undefined },
    { date: '2000-02-29', expected: undefined },
    { date: '2024-12-31', expected: undefined },
    { date: '2024-13-45', expected: 'The date 2024-13-45 is not a real date: there is no month 13' },
    { date: '2024-00', expected: 'The date 2024-00 is not a real date: there is no month 00' },
    { date: '2023-02-29', expected: 'The date 2023-02-29 is not a real date: month 02 of 2023 has 28 days' },
    { date: '1900-02-29', expected: 'The date 1900-02-29 is not a real date: month 02 of 1900 has 28 days' },
    { date: '2024-04-31', expected: 'The date 2024-04-31 is not a real date: month 04 of 2024 has 30 days' },
    { date: '2024-01-00', expected: 'The date 2024-01-00 is not a real date: month 01 of 2024 has 31 days' },
    { date: '8 Sept 2024', expected: 'The date "8 Sept 2024" must look like 2024-09-08 (or 2024-09, or 2024)' },
  ];
  it.each(cases)('$date', ({ date, expected }) => {
    expect(dateProblem(date)).toBe(expected);
  });
});
