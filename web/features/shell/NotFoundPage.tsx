import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { PublicFrame } from '../../components/PublicLayout';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <PublicFrame>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text mb="md">{t('notFound.text')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </PublicFrame>
  );
}
