import { Alert, Badge, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobProfile, ParticipantJobProfiles } from '#shared/competencies';
import { participantJobProfilesInput } from '#shared/competencies';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { Loading } from '../../components/Loading';
import { api, type ParticipantDossier, type SessionUser } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSessionUser } from '../auth/useSessionUser';
import { Facts, Section } from '../participants/Section';
import { jobProfilesQuery, participantJobProfilesQuery, refreshCompetencies } from './queries';

/** Who may change it (server/policy: participant.jobProfile); the server decides every request again. */
const canEdit = (me: SessionUser, dossier: ParticipantDossier) =>
  !dossier.archived && (me.role === 'admin' || (me.role === 'coach' && dossier.coaches.some((c) => c.id === me.id)));

type Ref = ParticipantJobProfiles['current'];

function ProfileFact({ profile }: { profile: Ref }) {
  const { t } = useTranslation();
  if (!profile) return <Text c="dimmed">{t('competencies.dossier.none')}</Text>;
  return (
    <Group gap="xs">
      <span>{profile.name}</span>
      <Badge variant="outline" size="sm">
        {t('competencies.jobProfiles.stepN', { n: profile.ladderStep })}
      </Badge>
      <Badge variant="light" size="sm" color={profile.workMode === 'inzichtelijk' ? 'blue' : 'groen'}>
        {t(`competencies.workModes.${profile.workMode}`)}
      </Badge>
    </Group>
  );
}

/** The dossier's "Functieprofiel": the job profile a participant has now and the one they work towards. */
export function JobProfileSection({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const query = useQuery(participantJobProfilesQuery(dossier.id));
  const [editing, setEditing] = useState(false);
  const editable = canEdit(me, dossier);

  return (
    <Section
      title={t('competencies.dossier.title')}
      edit={
        editable && query.data
          ? {
              label: t('common.edit'),
              ariaLabel: t('common.editNamed', { name: t('competencies.dossier.title') }),
              onClick: () => setEditing(true),
            }
          : undefined
      }
    >
      {query.isPending && <Loading />}
      {query.isError && (
        <Alert color="red" variant="light">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('competencies.dossier.loadFailed')}</Text>
            <Button size="xs" variant="default" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      )}
      {query.data && (
        <Facts
          columns={2}
          items={[
            { label: t('competencies.dossier.current'), value: <ProfileFact profile={query.data.current} /> },
            { label: t('competencies.dossier.target'), value: <ProfileFact profile={query.data.target} /> },
          ]}
        />
      )}
      {editing && query.data && (
        <ParticipantJobProfileDialog dossier={dossier} chosen={query.data} onClose={() => setEditing(false)} />
      )}
    </Section>
  );
}

interface DialogProps {
  dossier: ParticipantDossier;
  chosen: ParticipantJobProfiles;
  onClose: () => void;
}

function ParticipantJobProfileDialog({ dossier, chosen, onClose }: DialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const profiles = useQuery(jobProfilesQuery({ archived: false }));
  const form = useSchemaForm({
    schema: participantJobProfilesInput,
    initialValues: { currentProfileId: chosen.current?.id ?? '', targetProfileId: chosen.target?.id ?? '' },
    toBody: (values) => ({
      currentProfileId: values.currentProfileId || null,
      targetProfileId: values.targetProfileId || null,
    }),
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.competencies.setForParticipant(dossier.id, body),
    async () => {
      await refreshCompetencies(queryClient);
      notify(t('competencies.dossier.saved'));
      onClose();
    },
  );

  // An archived profile that is already set stays choosable; new choices come from the active ones.
  const options = (kept: Ref) => {
    const active: { id: string; name: string; ladderStep: number }[] = profiles.data?.items ?? [];
    const list = kept && !active.some((p) => p.id === kept.id) ? [kept, ...active] : active;
    return [
      { value: '', label: t('competencies.dossier.none') },
      ...[...list]
        .sort((a, b) => a.ladderStep - b.ladderStep || a.name.localeCompare(b.name))
        .map((p: Pick<JobProfile, 'id' | 'name' | 'ladderStep'>) => ({
          value: p.id,
          label: t('competencies.dossier.option', { step: p.ladderStep, name: p.name }),
        })),
    ];
  };

  return (
    <Dialog title={t('competencies.dossier.editTitle')} onClose={onClose}>
      {profiles.isPending ? (
        <Loading />
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <NativeSelect
              label={t('competencies.dossier.current')}
              data={options(chosen.current)}
              data-autofocus
              {...form.getInputProps('currentProfileId')}
            />
            <NativeSelect
              label={t('competencies.dossier.target')}
              description={t('competencies.dossier.targetHint')}
              data={options(chosen.target)}
              {...form.getInputProps('targetProfileId')}
            />
            <FormActions error={error} pending={pending} onCancel={onClose} />
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
