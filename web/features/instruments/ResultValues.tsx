import { Box, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldValue, InstrumentResult } from '#shared/instruments';
import { formatDate } from '../participants/dates';
import { asiTable } from './asi';
import { type DefinitionField, groupFields } from './values';
import './messages';

function useValueText() {
  const { t } = useTranslation();
  return (field: DefinitionField | undefined, value: FieldValue | undefined) => {
    if (value === null || value === undefined || value === '') return t('instruments.values.empty');
    if (typeof value === 'boolean') return value ? t('instruments.values.yes') : t('instruments.values.no');
    if (field?.type === 'date' && typeof value === 'string') return formatDate(value);
    return String(value);
  };
}

/** The ASI's seven areas side by side: severity 0–9 and composite score 0–1. */
function AsiTable({ fields, result }: { fields: DefinitionField[]; result: InstrumentResult }) {
  const { t } = useTranslation();
  const valueText = useValueText();
  const { rows } = asiTable(fields, result.values);
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table withTableBorder verticalSpacing={4} fz="sm" aria-label={t('instruments.asi.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('instruments.asi.area')}</Table.Th>
            <Table.Th scope="col">{t('instruments.asi.severity')}</Table.Th>
            <Table.Th scope="col">{t('instruments.asi.composite')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.area}>
              <Table.Th scope="row" fw={400}>
                {row.area}
              </Table.Th>
              <Table.Td>{valueText(undefined, row.severity)}</Table.Td>
              <Table.Td>{valueText(undefined, row.composite)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** What was recorded, grouped like the form, with the definition's labels (a definition never drops a field). */
export function ResultValues({ result, fields }: { result: InstrumentResult; fields: DefinitionField[] }) {
  const { t } = useTranslation();
  const valueText = useValueText();
  const asi = result.kind === 'asi' ? asiTable(fields, result.values) : null;
  const rest = fields.filter((f) => !asi?.shown.has(f.key));
  return (
    <Stack gap="sm">
      {asi && asi.rows.length > 0 && <AsiTable fields={fields} result={result} />}
      {groupFields(rest).map(({ group, fields: inGroup }) => (
        <Stack key={group} gap={4}>
          {group && (
            <Title order={4} size="h6">
              {group}
            </Title>
          )}
          <Box component="dl" m={0}>
            {inGroup.map((field) => (
              <Box key={field.key} mb={4}>
                <Text component="dt" size="xs" fw={700} c="dimmed">
                  {field.label}
                </Text>
                <Text component="dd" size="sm" m={0} className="break-anywhere">
                  {valueText(field, result.values[field.key])}
                </Text>
              </Box>
            ))}
          </Box>
        </Stack>
      ))}
      {result.note && (
        <Stack gap={0}>
          <Text size="xs" fw={700} c="dimmed">
            {t('instruments.results.note')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
            {result.note}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
