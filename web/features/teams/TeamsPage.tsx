import { Button, Group, Stack, Switch } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { StatusBadge } from '../../components/StatusBadge';
import { api, type Team } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { teamsQuery } from './queries';
import { SupervisorsModal } from './SupervisorsModal';
import { TeamFormModal } from './TeamFormModal';

type Dialog = { kind: 'new' } | { kind: 'edit'; team: Team } | { kind: 'supervisors'; team: Team } | null;

export function TeamsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const query = useQuery(teamsQuery(showArchived));
  const knownDomains = (query.data?.items ?? []).map((team) => team.workDomain);

  const archive = useMutation({
    mutationFn: (team: Team) => api.teams.update(team.id, { archived: !team.archived }),
    onSuccess: async (team) => {
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      notify(t(team.archived ? 'teams.archived' : 'teams.restored', { name: team.name }));
    },
    onError: (error) => notify(errorText(t, error), { error: true }),
  });

  const columns: Column<Team>[] = [
    { header: t('fields.name'), cell: (team) => team.name },
    { header: t('teams.workDomain'), cell: (team) => team.workDomain },
    { header: t('teams.site'), cell: (team) => team.siteName },
    {
      header: t('teams.supervisors'),
      cell: (team) => team.supervisors.map((s) => s.name).join(', ') || t('teams.noSupervisors'),
    },
    { header: t('fields.status'), cell: (team) => <StatusBadge archived={team.archived} /> },
  ];

  return (
    <Stack gap="md">
      <PageTitle>{t('teams.title')}</PageTitle>
      <Group justify="space-between">
        <Button onClick={() => setDialog({ kind: 'new' })}>{t('teams.new')}</Button>
        <Switch
          label={t('teams.showArchived')}
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
        />
      </Group>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <ResponsiveTable
          caption={t('teams.title')}
          rows={query.data.items}
          rowKey={(team) => team.id}
          columns={columns}
          empty={t('teams.empty')}
          actions={(team) => (
            <>
              <Button
                size="xs"
                variant="default"
                aria-label={t('common.editNamed', { name: team.name })}
                onClick={() => setDialog({ kind: 'edit', team })}
              >
                {t('common.edit')}
              </Button>
              <Button
                size="xs"
                variant="default"
                aria-label={t('teams.supervisorsNamed', { name: team.name })}
                onClick={() => setDialog({ kind: 'supervisors', team })}
              >
                {t('teams.supervisors')}
              </Button>
              <Button
                size="xs"
                variant="default"
                aria-label={t(team.archived ? 'common.restoreNamed' : 'common.archiveNamed', { name: team.name })}
                loading={archive.isPending && archive.variables?.id === team.id}
                onClick={() => archive.mutate(team)}
              >
                {t(team.archived ? 'common.restore' : 'common.archive')}
              </Button>
            </>
          )}
        />
      )}
      {dialog?.kind === 'new' && <TeamFormModal knownDomains={knownDomains} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <TeamFormModal team={dialog.team} knownDomains={knownDomains} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'supervisors' && <SupervisorsModal team={dialog.team} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
