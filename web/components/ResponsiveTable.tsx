import { Box, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

interface Props<Row> {
  /** Names the table for screen readers. */
  caption: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: readonly Column<Row>[];
  actions?: (row: Row) => ReactNode;
  empty: string;
}

/**
 * A table on wide screens; on a phone every row becomes a card with label–value pairs,
 * so nothing scrolls sideways at 375 px.
 */
export function ResponsiveTable<Row>({ caption, rows, rowKey, columns, actions, empty }: Props<Row>) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  if (rows.length === 0) {
    return (
      <Text py="md" c="dimmed">
        {empty}
      </Text>
    );
  }

  if (!wide) {
    return (
      <Stack gap="sm" component="ul" aria-label={caption} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row) => (
          <Card key={rowKey(row)} component="li" withBorder padding="sm">
            <Box component="dl" m={0}>
              {columns.map((column) => (
                <Box key={column.header} mb={6}>
                  <Text component="dt" size="xs" fw={700} c="dimmed">
                    {column.header}
                  </Text>
                  <Box component="dd" m={0} className="break-anywhere">
                    {column.cell(row)}
                  </Box>
                </Box>
              ))}
            </Box>
            {actions && (
              <Group gap="xs" mt="xs">
                {actions(row)}
              </Group>
            )}
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    // Focusable, so keyboard users can scroll it when the navigation leaves little room. Named apart from the table:
    // a section titled like the caption would otherwise be a second region of the same name (axe: landmark-unique).
    <Box role="region" aria-label={t('common.tableRegion', { caption })} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover verticalSpacing="sm" miw={600} aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header} scope="col">
                {column.header}
              </Table.Th>
            ))}
            {actions && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.header} className="break-anywhere">
                  {column.cell(row)}
                </Table.Td>
              ))}
              {actions && (
                <Table.Td>
                  <Group gap="xs" wrap="wrap">
                    {actions(row)}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
