import { Checkbox, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { api, type ParticipantDossier } from '../../lib/api';
import { useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSessionUser } from '../auth/useSessionUser';
import { coachOptionsQuery, participantQuery } from './queries';

export function CoachesModal({ dossier, onClose }: { dossier: ParticipantDossier; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const coaches = useQuery(coachOptionsQuery);
  // A coach who has left keeps showing until someone unticks them.
  const options = [...(coaches.data?.items ?? [])];
  for (const c of dossier.coaches) if (!options.some((o) => o.id === c.id)) options.push(c);

  const form = useForm({
    initialValues: { userIds: dossier.coaches.map((c) => c.id) },
    validate: { userIds: (ids) => (ids.length ? null : t('participants.coaches.atLeastOne')) },
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.participants.setCoaches(dossier.id, body),
    async (saved, body) => {
      await queryClient.invalidateQueries({ queryKey: ['participants', 'list'] });
      notify(t('participants.coaches.saved'));
      onClose();
      if (me.role === 'coach' && !body.userIds.includes(me.id)) {
        // No longer in their caseload: the dossier is out of their reach now.
        queryClient.removeQueries({ queryKey: participantQuery(dossier.id).queryKey });
        await navigate({ to: '/deelnemers' });
      } else {
        queryClient.setQueryData(participantQuery(dossier.id).queryKey, saved);
      }
    },
  );
  const removesSelf = me.role === 'coach' && !form.getValues().userIds.includes(me.id);

  return (
    <Dialog onClose={onClose} title={t('participants.coaches.title')}>
      {coaches.isPending && <Loading />}
      {coaches.isError && <QueryError error={coaches.error} onRetry={() => void coaches.refetch()} />}
      {coaches.data && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Checkbox.Group
              label={t('participants.fields.coaches')}
              description={t('participants.coaches.hint')}
              {...form.getInputProps('userIds')}
            >
              <Stack gap="xs" mt="xs">
                {options.map((coach) => (
                  <Checkbox key={coach.id} value={coach.id} label={coach.name} />
                ))}
              </Stack>
            </Checkbox.Group>
            {removesSelf && (
              <Text size="sm" fw={600}>
                {t('participants.coaches.removesSelf')}
              </Text>
            )}
            <FormActions error={error} pending={pending} onCancel={onClose} />
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
