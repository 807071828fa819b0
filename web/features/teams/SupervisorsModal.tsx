import { Checkbox, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { teamLeadRoles } from '#shared/common';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { api, type Team } from '../../lib/api';
import { useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { usersQuery } from '../users/queries';

export function SupervisorsModal({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The roles that can lead a team, asked of the server: an organisation has far more accounts than one page.
  const users = useQuery(usersQuery({ active: 'true', role: teamLeadRoles.join(','), limit: 200 }));
  const candidates = users.data?.items ?? [];

  const form = useForm({ initialValues: { userIds: team.supervisors.map((s) => s.id) } });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.teams.setSupervisors(team.id, body),
    async () => {
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notify(t('teams.supervisorsSaved', { name: team.name }));
      onClose();
    },
  );

  return (
    <Dialog onClose={onClose} title={t('teams.supervisorsTitle', { name: team.name })}>
      {users.isPending && <Loading />}
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            {candidates.length === 0 ? (
              <Text>{t('teams.noCandidates')}</Text>
            ) : (
              <Checkbox.Group
                label={t('teams.supervisors')}
                description={t('teams.supervisorsHint')}
                {...form.getInputProps('userIds')}
              >
                <Stack gap="xs" mt="xs">
                  {candidates.map((user) => (
                    <Checkbox key={user.id} value={user.id} label={user.name} description={t(`roles.${user.role}`)} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            {users.data.total > candidates.length && (
              // Who is already chosen stays chosen when saved, even if not in this list.
              <Text size="sm" c="dimmed">
                {t('teams.moreCandidates', { shown: candidates.length, total: users.data.total })}
              </Text>
            )}
            <FormActions error={error} pending={pending} onCancel={onClose} submitDisabled={candidates.length === 0} />
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
