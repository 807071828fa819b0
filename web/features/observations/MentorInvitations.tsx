import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MentorInvitation as Invitation, mentorInvitationInput } from '#shared/observations';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { api, type ParticipantDossier } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { formatDate, today } from '../participants/dates';
import { optional } from '../participants/PersonFields';
import { Section } from '../participants/Section';
import { addDays } from './days';
import { invitationsQuery } from './queries';

const statusColors: Record<Invitation['status'], string> = {
  pending: 'blue',
  active: 'groen',
  expired: 'gray',
  revoked: 'red',
};

/** "Stagementoren": who was invited to score this participant's internship, and until when. */
export function MentorInvitations({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  const query = useQuery(invitationsQuery(dossier.id));
  const [inviting, setInviting] = useState(false);
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  return (
    <Section
      title={t('observations.mentors.title')}
      edit={
        dossier.archived ? undefined : { label: t('observations.mentors.invite'), onClick: () => setInviting(true) }
      }
    >
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data &&
        (query.data.items.length === 0 ? (
          <Text c="dimmed">{t('observations.mentors.empty')}</Text>
        ) : (
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {query.data.items.map((invitation) => (
              <Card component="li" key={invitation.id} withBorder padding="sm">
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs">
                    <Text fw={700} className="break-anywhere">
                      {invitation.mentorName}
                    </Text>
                    <Badge color={statusColors[invitation.status]} variant="light" c="dark">
                      {t(`observations.mentors.status.${invitation.status}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" className="break-anywhere">
                    {[invitation.mentorEmail, invitation.hostOrganisation].filter(Boolean).join(' · ')}
                  </Text>
                  <Text size="sm">
                    {t('observations.mentors.period', {
                      from: formatDate(invitation.validFrom),
                      until: formatDate(invitation.validUntil),
                    })}
                  </Text>
                  <Text size="sm">
                    {invitation.lastUsedAt
                      ? t('observations.mentors.lastUsed', { date: formatDateTime(invitation.lastUsedAt) })
                      : t('observations.mentors.neverUsed')}
                    {' · '}
                    {t('observations.mentors.observationCount', { count: invitation.observationCount })}
                  </Text>
                  {!dossier.archived && (invitation.status === 'active' || invitation.status === 'pending') && (
                    <Button
                      size="xs"
                      variant="default"
                      style={{ alignSelf: 'flex-start' }}
                      aria-label={t('observations.mentors.revokeFor', { name: invitation.mentorName })}
                      onClick={() => setRevoking(invitation)}
                    >
                      {t('observations.mentors.revoke')}
                    </Button>
                  )}
                </Stack>
              </Card>
            ))}
          </Stack>
        ))}
      {inviting && <InviteDialog dossier={dossier} onClose={() => setInviting(false)} />}
      {revoking && <RevokeDialog invitation={revoking} onClose={() => setRevoking(null)} />}
    </Section>
  );
}

function InviteDialog({ dossier, onClose }: { dossier: ParticipantDossier; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: mentorInvitationInput,
    initialValues: {
      mentorName: '',
      mentorEmail: '',
      hostOrganisation: '',
      validFrom: today(),
      // A typical internship: two weeks.
      validUntil: addDays(today(), 13),
    },
    toBody: (v) => ({ ...v, hostOrganisation: optional(v.hostOrganisation) }),
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.observations.invite(dossier.id, body),
    async (saved) => {
      await queryClient.invalidateQueries({ queryKey: invitationsQuery(dossier.id).queryKey });
      notify(t('observations.mentors.invited', { name: saved.mentorName }));
      onClose();
    },
  );
  const name = `${dossier.firstName} ${dossier.lastName}`;

  return (
    <Dialog title={t('observations.mentors.inviteTitle')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('observations.mentors.inviteIntro', { name })}</Text>
          <TextInput
            label={t('observations.mentors.fields.mentorName')}
            required
            data-autofocus
            autoComplete="off"
            {...form.getInputProps('mentorName')}
          />
          <TextInput
            type="email"
            label={t('observations.mentors.fields.mentorEmail')}
            required
            autoComplete="off"
            {...form.getInputProps('mentorEmail')}
          />
          <TextInput
            label={t('observations.mentors.fields.hostOrganisation')}
            autoComplete="off"
            {...form.getInputProps('hostOrganisation')}
          />
          <TextInput
            type="date"
            label={t('observations.mentors.fields.validFrom')}
            required
            {...form.getInputProps('validFrom')}
          />
          <TextInput
            type="date"
            label={t('observations.mentors.fields.validUntil')}
            description={t('observations.mentors.fields.validUntilHint')}
            required
            min={today()}
            {...form.getInputProps('validUntil')}
          />
          <FormActions
            error={error}
            pending={pending}
            onCancel={onClose}
            submitLabel={t('observations.mentors.inviteSubmit')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

function RevokeDialog({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.observations.revokeInvitation(invitation.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: invitationsQuery(invitation.participantId).queryKey });
      notify(t('observations.mentors.revoked', { name: invitation.mentorName }));
      onClose();
    },
  });
  return (
    <Dialog title={t('observations.mentors.revokeTitle')} onClose={onClose}>
      <Stack gap="md">
        <Text>{t('observations.mentors.revokeText', { name: invitation.mentorName })}</Text>
        <FormError message={revoke.isError ? errorText(t, revoke.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            {t('observations.mentors.revokeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
