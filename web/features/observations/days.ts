/** A calendar date (YYYY-MM-DD) plus some days, counted in UTC so no time zone or summer time shifts it. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
