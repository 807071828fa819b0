import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDetail, JobProfile } from '#shared/competencies';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { JobProfileDialog } from './JobProfileDialog';
import { frameworkQuery, frameworksQuery, jobProfilesQuery, refreshCompetencies } from './queries';

/** /functieprofielen: the career ladder of one framework, lowest step first, each profile with what it expects. */
export function JobProfilesPage() {
  const { t } = useTranslation();
  const frameworks = useQuery(frameworksQuery(false));
  const [chosen, setChosen] = useState<string | null>(null);
  const items = frameworks.data?.items ?? [];
  const frameworkId = chosen ?? items.find((f) => f.isDefault)?.id ?? items[0]?.id ?? null;

  return (
    <Stack gap="md">
      <PageTitle>{t('competencies.jobProfiles.title')}</PageTitle>
      <Text>{t('competencies.jobProfiles.intro')}</Text>
      {frameworks.isPending && <Loading />}
      {frameworks.isError && <QueryError error={frameworks.error} onRetry={() => void frameworks.refetch()} />}
      {frameworks.data && !frameworkId && (
        <Text>
          {t('competencies.jobProfiles.noFramework')}{' '}
          <Anchor component={Link} to="/competenties">
            {t('competencies.list.title')}
          </Anchor>
        </Text>
      )}
      {items.length > 1 && frameworkId && (
        <NativeSelect
          label={t('competencies.jobProfiles.framework')}
          value={frameworkId}
          data={items.map((f) => ({ value: f.id, label: f.name }))}
          onChange={(event) => setChosen(event.currentTarget.value)}
        />
      )}
      {frameworkId && <Ladder frameworkId={frameworkId} />}
    </Stack>
  );
}

type Open = { kind: 'new' } | { kind: 'edit'; profile: JobProfile } | null;

function Ladder({ frameworkId }: { frameworkId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [showArchived, setShowArchived] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const framework = useQuery(frameworkQuery(frameworkId));
  const profiles = useQuery(jobProfilesQuery({ frameworkId, archived: showArchived }));

  const archive = useMutation({
    mutationFn: (profile: JobProfile) => api.competencies.archiveJobProfile(profile.id),
    onSuccess: async (profile) => {
      await refreshCompetencies(queryClient);
      notify(t('competencies.jobProfiles.archived', { name: profile.name }));
    },
    onError: (error) => notify(errorText(t, error), { error: true }),
  });

  if (framework.isPending || profiles.isPending) return <Loading />;
  if (framework.isError) return <QueryError error={framework.error} onRetry={() => void framework.refetch()} />;
  if (profiles.isError) return <QueryError error={profiles.error} onRetry={() => void profiles.refetch()} />;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Button onClick={() => setOpen({ kind: 'new' })}>{t('competencies.jobProfiles.new')}</Button>
        <Switch
          label={t('competencies.jobProfiles.showArchived')}
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
        />
      </Group>
      {profiles.data.items.length === 0 ? (
        <Text c="dimmed">{t('competencies.jobProfiles.empty')}</Text>
      ) : (
        <Stack
          component="ol"
          gap="sm"
          aria-label={t('competencies.jobProfiles.ladder')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {profiles.data.items.map((profile) => (
            <ProfileCard
              key={profile.id}
              profile={profile}
              framework={framework.data}
              onEdit={() => setOpen({ kind: 'edit', profile })}
              onArchive={() => archive.mutate(profile)}
              archiving={archive.isPending && archive.variables?.id === profile.id}
            />
          ))}
        </Stack>
      )}
      {open && (
        <JobProfileDialog
          frameworkId={frameworkId}
          version={framework.data.current}
          profile={open.kind === 'edit' ? open.profile : undefined}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}

interface CardProps {
  profile: JobProfile;
  framework: FrameworkDetail;
  onEdit: () => void;
  onArchive: () => void;
  archiving: boolean;
}

function ProfileCard({ profile, framework, onEdit, onArchive, archiving }: CardProps) {
  const { t } = useTranslation();
  const levels = new Map(profile.expectations.map((e) => [e.competencyKey, e.level]));
  const labelOf = (level: number) => framework.current.scale[level - 1]?.label ?? String(level);
  const titleId = `profile-${profile.id}`;
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="outline">{t('competencies.jobProfiles.stepN', { n: profile.ladderStep })}</Badge>
          <Title order={2} size="h4" id={titleId} className="break-anywhere">
            {profile.name}
          </Title>
          <Badge color={profile.workMode === 'inzichtelijk' ? 'blue' : 'groen'} variant="light">
            {t(`competencies.workModes.${profile.workMode}`)}
          </Badge>
          {profile.archived && (
            <Badge color="gray" variant="light">
              {t('common.archivedStatus')}
            </Badge>
          )}
        </Group>
        {profile.description && <Text size="sm">{profile.description}</Text>}
        <Text size="sm" fw={600}>
          {t('competencies.jobProfiles.expectations')}
        </Text>
        {profile.expectations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('competencies.jobProfiles.noExpectations')}
          </Text>
        ) : (
          <Stack component="ul" gap={2} style={{ paddingLeft: '1.2rem', margin: 0 }}>
            {framework.current.competencies
              .filter((c) => levels.has(c.key))
              .map((c) => {
                const level = levels.get(c.key) as number;
                return (
                  <Text component="li" size="sm" key={c.key}>
                    {c.name}: {level} – {labelOf(level)}
                  </Text>
                );
              })}
          </Stack>
        )}
        {!profile.archived && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              onClick={onEdit}
              aria-label={t('common.editNamed', { name: profile.name })}
            >
              {t('common.edit')}
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={archiving}
              onClick={onArchive}
              aria-label={t('common.archiveNamed', { name: profile.name })}
            >
              {t('common.archive')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
