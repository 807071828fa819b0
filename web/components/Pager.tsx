import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  /** 1-based. */
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** Previous / next with "Pagina 2 van 7": two big buttons work better on a phone than a row of numbers. */
export function Pager({ label, page, pages, onPage }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" component="nav" aria-label={label} wrap="nowrap">
      <Button variant="default" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </Button>
      <Text size="sm" ta="center">
        {t('common.pageOf', { page, pages })}
      </Text>
      <Button variant="default" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </Button>
    </Group>
  );
}
