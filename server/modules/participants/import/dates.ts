/**
 * Dates as Belgian and Dutch payroll and case systems write them: DD/MM/YYYY, DD-MM-YYYY, D/M/YYYY, D.M.YYYY,
 * and YYYY-MM-DD. A time of day after the date (what Excel adds to date cells) is ignored.
 * Two-digit years are refused: 03/04/25 could be 1925 or 2025, and a wrong birth year is worse than a question.
 */
export type DateResult = { ok: true; iso: string } | { ok: false; code: 'invalid_date' | 'two_digit_year' };

const time = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const dayFirst = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${time}$`);
const yearFirst = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${time}$`);
const shortYear = /^\d{1,2}([/.-])\d{1,2}\1\d{2}$/;

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function calendarDate(year: number, month: number, day: number): DateResult {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, code: 'invalid_date' };
  }
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

export function parseImportDate(raw: string): DateResult {
  const text = raw.trim();
  const df = dayFirst.exec(text);
  if (df) return calendarDate(Number(df[4]), Number(df[3]), Number(df[1]));
  const yf = yearFirst.exec(text);
  if (yf) return calendarDate(Number(yf[1]), Number(yf[2]), Number(yf[3]));
  return { ok: false, code: shortYear.test(text) ? 'two_digit_year' : 'invalid_date' };
}

/** 2024-01-15 → 15/01/2024: how the export writes dates, so Belgian Excel reads them and the import takes them back. */
export const belgianDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
