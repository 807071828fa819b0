import { Button, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantFilters } from '../../../lib/api';
import { exportUrl } from './exportUrl';

/**
 * Download links for the caseload as it is filtered now. Plain links: the browser sends the session cookie and
 * saves the file under the name the server gives it.
 */
export function ExportButtons({ query }: { query: ParticipantFilters }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Group gap="xs" role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="sm">
        {t('participantImport.export.label')}
      </Text>
      <Button
        component="a"
        href={exportUrl(query, 'csv')}
        download
        size="xs"
        variant="default"
        aria-label={t('participantImport.export.csvLabel')}
      >
        {t('participantImport.export.csv')}
      </Button>
      <Button
        component="a"
        href={exportUrl(query, 'xlsx')}
        download
        size="xs"
        variant="default"
        aria-label={t('participantImport.export.excelLabel')}
      >
        {t('participantImport.export.excel')}
      </Button>
    </Group>
  );
}
