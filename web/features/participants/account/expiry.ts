import { currentLanguage } from '../../../i18n';

const locales = { nl: 'nl-BE', en: 'en-GB' } as const;

/** When an activation code stops working, as the participant reads it on paper: "17 maart 2025 om 14:05". */
export function formatExpiry(iso: string): string {
  return new Intl.DateTimeFormat(locales[currentLanguage()], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(new Date(iso));
}

export const isExpired = (iso: string | null) => iso !== null && new Date(iso).getTime() <= Date.now();
