import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport, ImportRowError } from '#shared/participant-import';
import { type Column, ResponsiveTable } from '../../../components/ResponsiveTable';
import { formatDate } from '../dates';
import { columnLabel, rowErrorText } from './texts';

type MappedColumn = ImportReport['columns'][number];
type SampleRow = ImportReport['sample'][number];

/** What the server found in the file: counts, how the columns were understood, every row problem, the first rows. */
export function ImportPreview({ report }: { report: ImportReport }) {
  const { t } = useTranslation();

  const mapping: Column<MappedColumn>[] = [
    { header: t('participantImport.columnInFile'), cell: (c) => c.header || '—' },
    {
      header: t('participantImport.columnInGroeipad'),
      cell: (c) =>
        c.column ? (
          columnLabel(t, c.column)
        ) : (
          <Text span c="dimmed" size="sm">
            {t('participantImport.ignored')}
          </Text>
        ),
    },
  ];
  const problems: Column<ImportRowError>[] = [
    { header: t('participantImport.row'), cell: (e) => e.row },
    {
      header: t('participantImport.column'),
      cell: (e) => (e.column ? columnLabel(t, e.column) : t('participantImport.wholeRow')),
    },
    { header: t('participantImport.problem'), cell: (e) => rowErrorText(t, e) },
    { header: t('participantImport.value'), cell: (e) => e.value ?? '' },
  ];
  const sample: Column<SampleRow>[] = [
    { header: t('participantImport.row'), cell: (r) => r.row },
    { header: t('fields.name'), cell: (r) => `${r.firstName} ${r.lastName}` },
    { header: t('participantImport.columns.dateOfBirth'), cell: (r) => formatDate(r.dateOfBirth) },
    { header: t('participantImport.columns.site'), cell: (r) => r.site },
    { header: t('participantImport.columns.team'), cell: (r) => r.team ?? '' },
    { header: t('participantImport.columns.programmeType'), cell: (r) => r.programmeType },
    { header: t('participantImport.columns.startDate'), cell: (r) => (r.startDate ? formatDate(r.startDate) : '') },
  ];

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('participantImport.previewTitle')}
      </Title>
      <Alert color={report.invalidRows ? 'orange' : 'groen'} variant="light">
        <Text>
          {t('participantImport.counts', {
            count: report.totalRows,
            valid: report.validRows,
            invalid: report.invalidRows,
          })}
        </Text>
        {report.invalidRows === 0 && <Text>{t('participantImport.allGood')}</Text>}
      </Alert>

      {report.errors.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('participantImport.errorsTitle')}
          </Title>
          {report.errorsTruncated && (
            <Text size="sm">{t('participantImport.errorsTruncated', { count: report.errors.length })}</Text>
          )}
          <ResponsiveTable
            caption={t('participantImport.errorsTitle')}
            rows={report.errors}
            rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.code}`}
            columns={problems}
            empty=""
          />
        </Stack>
      )}

      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('participantImport.columnsTitle')}
        </Title>
        <ResponsiveTable
          caption={t('participantImport.columnsTitle')}
          rows={report.columns}
          rowKey={(c) => `${c.header}-${report.columns.indexOf(c)}`}
          columns={mapping}
          empty=""
        />
      </Stack>

      {report.sample.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('participantImport.sampleTitle')}
          </Title>
          <ResponsiveTable
            caption={t('participantImport.sampleTitle')}
            rows={report.sample}
            rowKey={(r) => String(r.row)}
            columns={sample}
            empty=""
          />
        </Stack>
      )}
    </Stack>
  );
}
