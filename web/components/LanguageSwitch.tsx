import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languages } from '../i18n';

/** Each language is named in itself, and the label is bilingual, so anyone can find their way back. */
const names = { nl: 'Nederlands', en: 'English' } as const;

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label="Taal / Language"
      size="xs"
      w={110}
      value={currentLanguage()}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
    >
      {languages.map((language) => (
        <option key={language} value={language} lang={language}>
          {names[language]}
        </option>
      ))}
    </NativeSelect>
  );
}
