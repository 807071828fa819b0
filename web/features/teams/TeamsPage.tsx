import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchivableListPage } from '../../components/ArchivableListPage';
import type { Column } from '../../components/ResponsiveTable';
import { StatusBadge } from '../../components/StatusBadge';
import { api, type Team } from '../../lib/api';
import { teamsQuery } from './queries';
import { SupervisorsModal } from './SupervisorsModal';
import { TeamFormModal } from './TeamFormModal';

type Dialog = { kind: 'new' } | { kind: 'edit'; team: Team } | { kind: 'supervisors'; team: Team } | null;

export function TeamsPage() {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const query = useQuery(teamsQuery(showArchived));
  const knownDomains = (query.data?.items ?? []).map((team) => team.workDomain);

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
    <ArchivableListPage
      messages="teams"
      query={query}
      showArchived={showArchived}
      onShowArchived={setShowArchived}
      onNew={() => setDialog({ kind: 'new' })}
      onEdit={(team) => setDialog({ kind: 'edit', team })}
      setArchived={(team, archived) => api.teams.update(team.id, { archived })}
      refresh={['teams']}
      columns={columns}
      moreActions={(team) => (
        <Button
          size="xs"
          variant="default"
          aria-label={t('teams.supervisorsNamed', { name: team.name })}
          onClick={() => setDialog({ kind: 'supervisors', team })}
        >
          {t('teams.supervisors')}
        </Button>
      )}
    >
      {dialog?.kind === 'new' && <TeamFormModal knownDomains={knownDomains} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <TeamFormModal team={dialog.team} knownDomains={knownDomains} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'supervisors' && <SupervisorsModal team={dialog.team} onClose={() => setDialog(null)} />}
    </ArchivableListPage>
  );
}
