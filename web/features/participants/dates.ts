import { todayIso } from '#shared/today';
import { currentLanguage } from '../../i18n';

const locales = { nl: 'nl-BE', en: 'en-GB' } as const;

/** A calendar date (YYYY-MM-DD) as "3 maart 2024". Read as UTC so no time zone moves it to the day before. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(locales[currentLanguage()], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** Today in Belgium: the latest date a career event, intake or consent may have (the server checks the same). */
export const today = todayIso;
