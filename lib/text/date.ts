/**
 * Why a text's date is not a real one, or undefined when it is: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * with a month 01–12 and a day that month has (29 February only in a leap year).
 * `dateProblem('2024-13-45')` → `'The date 2024-13-45 is not a real date: there is no month 13'`; `dateProblem('2024-02-29')` → undefined.
 */
export function dateProblem(date: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return `The date ${JSON.stringify(date)} must look like 2024-09-08 (or 2024-09, or 2024)`;
  const [, year, month, day] = match;
  if (month === undefined) return undefined;
  const m = Number(month);
  if (m < 1 || m > 12) return `The date ${date} is not a real date: there is no month ${month}`;
  if (day === undefined) return undefined;
  const days = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  const d = Number(day);
  if (d < 1 || d > days) return `The date ${date} is not a real date: month ${month} of ${year} has ${days} days`;
  return undefined;
}
