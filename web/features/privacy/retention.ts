import { RETENTION_MAX_MONTHS, RETENTION_MIN_MONTHS } from '#shared/privacy';

export { RETENTION_MAX_MONTHS, RETENTION_MIN_MONTHS };

/** The form's two choices: no automatic erasure, or erasure a number of months after exit. */
export interface RetentionValues {
  mode: 'off' | 'on';
  months: number | string;
}

/** What the shared schema accepts: a whole number of months within the range. */
export const validMonths = (months: number | string): months is number =>
  typeof months === 'number' &&
  Number.isInteger(months) &&
  months >= RETENTION_MIN_MONTHS &&
  months <= RETENTION_MAX_MONTHS;

/** The PUT body: null switches automatic erasure off; a non-number is sent as NaN so the schema names the field. */
export const retentionBody = (values: RetentionValues) => ({
  monthsAfterExit: values.mode === 'on' ? (typeof values.months === 'number' ? values.months : Number.NaN) : null,
});

/** The form's start: the saved setting, or five years offered when it is off (a common term, changed at will). */
export const retentionValues = (monthsAfterExit: number | null): RetentionValues => ({
  mode: monthsAfterExit === null ? 'off' : 'on',
  months: monthsAfterExit ?? 60,
});

/**
 * A calendar date plus whole months, clamped to the last day of a shorter month (31 January + 1 month is the last
 * day of February), as PostgreSQL's date + interval does: the example date on the page matches the server's.
 */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
  return date.toISOString().slice(0, 10);
}
