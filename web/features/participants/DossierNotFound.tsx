import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

/** The API answers 404 both for a dossier that does not exist and for one out of reach: say both, reveal neither. */
export function DossierNotFound() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle>{t('participants.notFound.title')}</PageTitle>
      <Text>{t('participants.notFound.text')}</Text>
      <Anchor component={Link} to="/deelnemers">
        {t('participants.notFound.back')}
      </Anchor>
    </Stack>
  );
}
