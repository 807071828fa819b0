import { currentLanguage } from '../i18n';

const locales = { nl: 'nl-BE', en: 'en-GB' } as const;

/** Date and time in the reader's language, in the browser's time zone. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locales[currentLanguage()], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
