/**
 * Today in Belgium, as YYYY-MM-DD: dates of things that happened cannot be later. Without zod, so the web's first
 * load can use it (shared/participants.ts re-exports it for the schemas).
 */
// One formatter: building an Intl.DateTimeFormat costs far more than using it, and schemas call this per date.
const brusselsDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });
export const todayIso = () => brusselsDay.format(new Date());
