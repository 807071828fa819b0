import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ archived }: { archived: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={archived ? 'gray' : 'groen'} variant="light">
      {archived ? t('common.archivedStatus') : t('common.activeStatus')}
    </Badge>
  );
}
