import { Button, Card, Group, NativeSelect, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkPackage } from '#shared/pathways';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { teamsQuery } from '../teams/queries';
import { PackageDialog } from './PackageDialog';
import { PathwayMap } from './PathwayMap';
import { refreshPathways, workPackagesQuery } from './queries';

type Open = { kind: 'new' } | { kind: 'edit'; pkg: WorkPackage } | null;

/** /pakketten: the admin defines the work packages of a team and sees the map they make. */
export function PackagesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useQuery(teamsQuery(false));
  const [chosen, setChosen] = useState('');
  const teamId = chosen || teams.data?.items[0]?.id || '';
  const [showArchived, setShowArchived] = useState(false);
  const packages = useQuery({ ...workPackagesQuery({ teamId, archived: showArchived }), enabled: Boolean(teamId) });
  const [open, setOpen] = useState<Open>(null);
  const archive = useMutation({
    mutationFn: (pkg: WorkPackage) => (pkg.archived ? api.pathways.unarchive(pkg.id) : api.pathways.archive(pkg.id)),
    onSuccess: async (saved) => {
      await refreshPathways(queryClient);
      notify(
        saved.archived
          ? t('pathways.admin.archived', { name: saved.name })
          : t('pathways.admin.saved', { name: saved.name }),
      );
    },
    onError: (err) => notify(errorText(t, err), { error: true }),
  });

  return (
    <Stack gap="md" className="pathway-print">
      <PageTitle>{t('pathways.admin.title')}</PageTitle>
      <Text className="pathway-no-print">{t('pathways.admin.intro')}</Text>
      {teams.isPending && <Loading />}
      {teams.isError && <QueryError error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.data && (
        <Group align="flex-end" className="pathway-no-print" wrap="wrap">
          <NativeSelect
            label={t('pathways.admin.team')}
            data={teams.data.items.map((team) => ({ value: team.id, label: team.name }))}
            value={teamId}
            onChange={(e) => setChosen(e.currentTarget.value)}
          />
          <Button onClick={() => setOpen({ kind: 'new' })} disabled={!teamId}>
            {t('pathways.admin.new')}
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            {t('pathways.map.print')}
          </Button>
        </Group>
      )}
      <Switch
        className="pathway-no-print"
        label={t('pathways.admin.showArchived')}
        checked={showArchived}
        onChange={(e) => setShowArchived(e.currentTarget.checked)}
      />
      {packages.isError && <QueryError error={packages.error} onRetry={() => void packages.refetch()} />}
      {packages.data && (
        <>
          <Title order={2} size="h4">
            {t('pathways.map.title')}
          </Title>
          <PathwayMap packages={packages.data.items.filter((p) => !p.archived)} />
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} className="pathway-no-print">
            {packages.data.items.map((pkg) => (
              <Card component="li" key={pkg.id} withBorder padding="sm">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={0}>
                    <Text fw={700} className="break-anywhere">
                      {pkg.name} {pkg.archived ? t('pathways.map.archived') : ''}
                    </Text>
                    <Text size="sm">
                      {t('pathways.map.step', { step: pkg.step })} · {t(`pathways.workModes.${pkg.workMode}`)} ·{' '}
                      {t('pathways.admin.requirements', {
                        competencies: pkg.competencies.length,
                        skills: pkg.skills.length,
                      })}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    {!pkg.archived && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('pathways.admin.edit', { name: pkg.name })}
                        onClick={() => setOpen({ kind: 'edit', pkg })}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={
                        pkg.archived
                          ? t('pathways.admin.unarchive', { name: pkg.name })
                          : t('pathways.admin.archive', { name: pkg.name })
                      }
                      loading={archive.isPending && archive.variables?.id === pkg.id}
                      onClick={() => archive.mutate(pkg)}
                    >
                      {pkg.archived ? t('common.restore') : t('common.archive')}
                    </Button>
                  </Group>
                </Group>
              </Card>
            ))}
          </Stack>
        </>
      )}
      {open && (
        <PackageDialog
          teamId={teamId}
          existing={open.kind === 'edit' ? open.pkg : undefined}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}
