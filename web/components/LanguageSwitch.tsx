import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, languages, setLanguage } from '../i18n';

/** Each language is named in itself, and the label is bilingual, so anyone can find their way back. */
const names = { nl: 'Nederlands', en: 'English' } as const;

export function LanguageSwitch() {
  // Re-renders on a language change.
  useTranslation();
  return (
    <NativeSelect
      aria-label="Taal / Language"
      size="xs"
      w={110}
      value={currentLanguage()}
      onChange={(event) => void setLanguage(event.currentTarget.value as Language)}
    >
      {languages.map((language) => (
        <option key={language} value={language} lang={language}>
          {names[language]}
        </option>
      ))}
    </NativeSelect>
  );
}
