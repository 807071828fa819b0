import { Button, Group, Stack, Switch } from '@mantine/core';
import { type UseQueryResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import { notify } from '../lib/notify';
import { Loading } from './Loading';
import { PageTitle } from './PageTitle';
import { QueryError } from './QueryError';
import { type Column, ResponsiveTable } from './ResponsiveTable';

interface Archivable {
  id: string;
  name: string;
  archived: boolean;
}

interface Props<Row extends Archivable> {
  /** Where the page's messages are: title, new, showArchived, empty, archived and restored. */
  messages: 'sites' | 'teams';
  query: UseQueryResult<{ items: Row[] }>;
  showArchived: boolean;
  onShowArchived: (show: boolean) => void;
  onNew: () => void;
  onEdit: (row: Row) => void;
  /** Archives or restores the row; the queries under the keys in `refresh` are fetched again after, in that order. */
  setArchived: (row: Row, archived: boolean) => Promise<Row>;
  refresh: readonly string[];
  columns: Column<Row>[];
  /** Buttons between Edit and Archive. */
  moreActions?: (row: Row) => ReactNode;
  /** The page's dialogs. */
  children?: ReactNode;
}

/** An admin page that lists named records (sites, teams): a new button, the archived ones on request, edit and archive. */
export function ArchivableListPage<Row extends Archivable>({
  messages,
  query,
  showArchived,
  onShowArchived,
  onNew,
  onEdit,
  setArchived,
  refresh,
  columns,
  moreActions,
  children,
}: Props<Row>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();

  const archive = useMutation({
    mutationFn: (row: Row) => setArchived(row, !row.archived),
    onSuccess: async (row) => {
      for (const key of refresh) await queryClient.invalidateQueries({ queryKey: [key] });
      notify(t(row.archived ? `${messages}.archived` : `${messages}.restored`, { name: row.name }));
    },
    onError: (error) => notify(errorText(t, error), { error: true }),
  });

  return (
    <Stack gap="md">
      <PageTitle>{t(`${messages}.title`)}</PageTitle>
      <Group justify="space-between">
        <Button onClick={onNew}>{t(`${messages}.new`)}</Button>
        <Switch
          label={t(`${messages}.showArchived`)}
          checked={showArchived}
          onChange={(event) => onShowArchived(event.currentTarget.checked)}
        />
      </Group>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <ResponsiveTable
          caption={t(`${messages}.title`)}
          rows={query.data.items}
          rowKey={(row) => row.id}
          columns={columns}
          empty={t(`${messages}.empty`)}
          actions={(row) => (
            <>
              <Button
                size="xs"
                variant="default"
                aria-label={t('common.editNamed', { name: row.name })}
                onClick={() => onEdit(row)}
              >
                {t('common.edit')}
              </Button>
              {moreActions?.(row)}
              <Button
                size="xs"
                variant="default"
                aria-label={t(row.archived ? 'common.restoreNamed' : 'common.archiveNamed', { name: row.name })}
                loading={archive.isPending && archive.variables?.id === row.id}
                onClick={() => archive.mutate(row)}
              >
                {t(row.archived ? 'common.restore' : 'common.archive')}
              </Button>
            </>
          )}
        />
      )}
      {children}
    </Stack>
  );
}
