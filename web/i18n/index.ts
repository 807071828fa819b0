import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
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

const initial = storedLanguage();

// Dutch is bundled, so initialisation finishes before the first render. English is a chunk of its own, loaded when
// chosen: a participant's phone downloads one language (the portal's first-load budget).
i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl } },
  partialBundledLanguages: true,
  lng: 'nl',
  fallbackLng: 'nl',
  supportedLngs: languages,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = i18n.language;

/** Switches the language, loading its messages first when they are not there yet. */
export async function setLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation') && language === 'en') {
    i18n.addResourceBundle('en', 'translation', (await import('./en')).en);
  }
  await i18n.changeLanguage(language);
}

/** Resolves once the language chosen earlier is ready; main.tsx renders after it, so no Dutch flashes first. */
export const languageReady: Promise<void> = initial === 'nl' ? Promise.resolve() : setLanguage(initial).catch(() => {});

export { i18n };
