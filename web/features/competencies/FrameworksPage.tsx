import { Anchor, Badge, Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkSummary } from '#shared/competencies';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { ImportDialog } from './ImportDialog';
import { frameworksQuery, refreshCompetencies } from './queries';

/** The name Groeipad ships its default framework under (server/modules/competencies/default-framework.ts). */
const DEFAULT_TEMPLATE_NAME = '11 kerncompetenties';

type Action = 'default' | 'archive' | 'unarchive';

export function FrameworksPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [showArchived, setShowArchived] = useState(false);
  const [importing, setImporting] = useState(false);
  const query = useQuery(frameworksQuery(showArchived));
  // The full list (archived too) tells whether the template is there: the server refuses a second one.
  const all = useQuery(frameworksQuery(true));
  const hasTemplate = (all.data?.items ?? []).some((f) => f.name.toLowerCase() === DEFAULT_TEMPLATE_NAME);

  const addTemplate = useMutation({
    mutationFn: () => api.competencies.addDefaultTemplate(),
    onSuccess: async (framework) => {
      await refreshCompetencies(queryClient);
      notify(t('competencies.list.defaultAdded'));
      await navigate({ to: '/competenties/$id', params: { id: framework.id } });
    },
    onError: (error) => notify(errorText(t, error), { error: true }),
  });

  const change = useMutation({
    mutationFn: ({ framework, action }: { framework: FrameworkSummary; action: Action }) =>
      action === 'default'
        ? api.competencies.setDefault(framework.id)
        : action === 'archive'
          ? api.competencies.archive(framework.id)
          : api.competencies.unarchive(framework.id),
    onSuccess: async (framework, { action }) => {
      await refreshCompetencies(queryClient);
      const message = {
        default: 'competencies.list.madeDefault',
        archive: 'competencies.list.archived',
        unarchive: 'competencies.list.restored',
      } as const;
      notify(t(message[action], { name: framework.name }));
    },
    onError: (error) => notify(errorText(t, error), { error: true }),
  });
  const busy = (framework: FrameworkSummary, action: Action) =>
    change.isPending && change.variables?.framework.id === framework.id && change.variables.action === action;

  const columns: Column<FrameworkSummary>[] = [
    {
      header: t('fields.name'),
      cell: (f) => (
        <Anchor fw={600} renderRoot={(props) => <Link to="/competenties/$id" params={{ id: f.id }} {...props} />}>
          {f.name}
        </Anchor>
      ),
    },
    { header: t('competencies.list.version'), cell: (f) => f.currentVersion },
    { header: t('competencies.list.competencyCount'), cell: (f) => f.competencyCount },
    {
      header: t('competencies.list.status'),
      cell: (f) => (
        <Group gap={4}>
          {f.isDefault && (
            <Badge color="groen" variant="filled">
              {t('competencies.list.defaultBadge')}
            </Badge>
          )}
          <Badge color={f.archived ? 'gray' : 'groen'} variant="light">
            {f.archived ? t('common.archivedStatus') : t('common.activeStatus')}
          </Badge>
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageTitle>{t('competencies.list.title')}</PageTitle>
      <Text>{t('competencies.list.intro')}</Text>
      <Group gap="xs">
        <Button component={Link} to="/competenties/nieuw">
          {t('competencies.list.new')}
        </Button>
        <Button variant="default" onClick={() => setImporting(true)}>
          {t('competencies.list.import')}
        </Button>
        <Button component={Link} to="/functieprofielen" variant="default">
          {t('competencies.list.jobProfiles')}
        </Button>
      </Group>
      {all.data && !hasTemplate && (
        <Group gap="sm" align="center">
          <Text size="sm">{t('competencies.list.addDefaultHint')}</Text>
          <Button variant="light" loading={addTemplate.isPending} onClick={() => addTemplate.mutate()}>
            {t('competencies.list.addDefault')}
          </Button>
        </Group>
      )}
      <Switch
        label={t('competencies.list.showArchived')}
        checked={showArchived}
        onChange={(event) => setShowArchived(event.currentTarget.checked)}
      />
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <ResponsiveTable
          caption={t('competencies.list.title')}
          rows={query.data.items}
          rowKey={(f) => f.id}
          columns={columns}
          empty={t('competencies.list.empty')}
          actions={(f) => (
            <>
              {(['json', 'csv'] as const).map((format) => (
                <Button
                  key={format}
                  component="a"
                  href={api.competencies.exportUrl(f.id, format)}
                  download
                  size="xs"
                  variant="default"
                  aria-label={t('competencies.list.exportNamed', { format: format.toUpperCase(), name: f.name })}
                >
                  {t(format === 'json' ? 'competencies.list.exportJson' : 'competencies.list.exportCsv')}
                </Button>
              ))}
              {!f.isDefault && !f.archived && (
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t('competencies.list.makeDefaultNamed', { name: f.name })}
                  loading={busy(f, 'default')}
                  onClick={() => change.mutate({ framework: f, action: 'default' })}
                >
                  {t('competencies.list.makeDefault')}
                </Button>
              )}
              {!f.isDefault && (
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t(f.archived ? 'common.restoreNamed' : 'common.archiveNamed', { name: f.name })}
                  loading={busy(f, f.archived ? 'unarchive' : 'archive')}
                  onClick={() => change.mutate({ framework: f, action: f.archived ? 'unarchive' : 'archive' })}
                >
                  {t(f.archived ? 'common.restore' : 'common.archive')}
                </Button>
              )}
            </>
          )}
        />
      )}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </Stack>
  );
}
