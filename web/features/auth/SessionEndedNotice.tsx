import { Alert } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** Shown on the login page when the app sent someone back because their session ended. */
export function SessionEndedNotice() {
  const { t } = useTranslation();
  const { ended } = useSearch({ strict: false });
  if (!ended) return null;
  return (
    <Alert color="blue" variant="light" mb="md">
      {t('login.sessionEnded')}
    </Alert>
  );
}
