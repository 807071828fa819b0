import type { PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '#shared/auth';
import { PasswordField } from './PasswordField';

/** A password someone chooses: the rule is shown before they type, not only after a refusal. */
export function NewPasswordInput(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordField autoComplete="new-password" description={t('password.hint', { count: PASSWORD_MIN })} {...props} />
  );
}
