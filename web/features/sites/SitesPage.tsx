import { Button, Group, Stack, Switch } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { StatusBadge } from '../../components/StatusBadge';
import { api, type Site } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { sitesQuery } from './queries';
import { SiteFormModal } from './SiteFormModal';

type Editing = { mode: 'new' } | { mode: 'edit'; site: Site } | null;

export function SitesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const query = useQuery(sitesQuery(showArchived));

  const archive = useMutation({
    mutationFn: (site: Site) => api.sites.update(site.id, { archived: !site.archived }),
    onSuccess: async (site) => {
      await queryClient.invalidateQueries({ queryKey: ['sites'] });
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      notify(t(site.archived ? 'sites.archived' : 'sites.restored', { name: site.name }));
    },
    onError: (error) => notify(errorText(t, error), { error: true }),
  });

  const columns: Column<Site>[] = [
    { header: t('fields.name'), cell: (site) => site.name },
    { header: t('sites.address'), cell: (site) => site.address || '—' },
    { header: t('fields.status'), cell: (site) => <StatusBadge archived={site.archived} /> },
  ];

  return (
    <Stack gap="md">
      <PageTitle>{t('sites.title')}</PageTitle>
      <Group justify="space-between">
        <Button onClick={() => setEditing({ mode: 'new' })}>{t('sites.new')}</Button>
        <Switch
          label={t('sites.showArchived')}
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
        />
      </Group>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <ResponsiveTable
          caption={t('sites.title')}
          rows={query.data.items}
          rowKey={(site) => site.id}
          columns={columns}
          empty={t('sites.empty')}
          actions={(site) => (
            <>
              <Button
                size="xs"
                variant="default"
                aria-label={t('common.editNamed', { name: site.name })}
                onClick={() => setEditing({ mode: 'edit', site })}
              >
                {t('common.edit')}
              </Button>
              <Button
                size="xs"
                variant="default"
                aria-label={t(site.archived ? 'common.restoreNamed' : 'common.archiveNamed', { name: site.name })}
                loading={archive.isPending && archive.variables?.id === site.id}
                onClick={() => archive.mutate(site)}
              >
                {t(site.archived ? 'common.restore' : 'common.archive')}
              </Button>
            </>
          )}
        />
      )}
      {editing && (
        <SiteFormModal site={editing.mode === 'edit' ? editing.site : undefined} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
