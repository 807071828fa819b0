import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'groeipad.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(storageKey);
    return languages.find((language) => language === saved) ?? 'nl';
  } catch {
    return 'nl';
  }
}

export function currentLanguage(): Language {
  return languages.find((language) => language === i18n.resolvedLanguage) ?? 'nl';
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode without storage: the choice then lasts until the tab closes.
  }
});

// Resources are bundled, so initialisation finishes before the first render.
i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  supportedLngs: languages,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = i18n.language;

export { i18n };
