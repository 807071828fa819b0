import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { useSessionUser } from '../auth/useSessionUser';
import { HomeDueCard } from '../feedback/HomeDueCard';

export function HomePage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  return (
    <>
      <PageTitle>{t('home.title', { name: user.name })}</PageTitle>
      <Text>{user.role === 'admin' ? t('home.admin') : t('home.other')}</Text>
      {['coach', 'supervisor', 'manager'].includes(user.role) && <HomeDueCard />}
    </>
  );
}
