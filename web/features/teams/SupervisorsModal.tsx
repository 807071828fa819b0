import { Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, teamLeadRoles } from '#shared/common';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { api, type Team } from '../../lib/api';
import { useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { usersQuery } from '../users/queries';

interface Candidate {
  id: string;
  name: string;
  role?: Role;
}

const pageSize = 50;

/**
 * Who leads a team: the chosen people stay on top, the others come from a search on the server, because an
 * umbrella organisation has hundreds of people who could lead a team and one list of all of them is unreadable.
 */
export function SupervisorsModal({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const users = useQuery({
    ...usersQuery({ active: 'true', role: teamLeadRoles.join(','), q: q || undefined, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  // Names of everyone ticked so far, so a person ticked in an earlier search stays visible after the next one.
  const [chosen, setChosen] = useState<Candidate[]>(team.supervisors);

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

  const found = (users.data?.items ?? []).filter((user) => !chosen.some((c) => c.id === user.id));
  const candidates: Candidate[] = [...chosen, ...found];
  const nobodyAtAll = users.data && !q && users.data.total === 0 && chosen.length === 0;

  function onTicked(ids: string[]) {
    const known = new Map(candidates.map((c) => [c.id, c]));
    // Whoever was ticked stays in the list while the dialog is open, so an accidental untick is one tap to undo.
    setChosen((before) => [
      ...before,
      ...ids.filter((id) => !before.some((c) => c.id === id)).flatMap((id) => known.get(id) ?? []),
    ]);
    form.setFieldValue('userIds', ids);
  }

  return (
    <Dialog onClose={onClose} title={t('teams.supervisorsTitle', { name: team.name })}>
      {users.isPending && <Loading />}
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            {nobodyAtAll ? (
              <Text>{t('teams.noCandidates')}</Text>
            ) : (
              <>
                <TextInput
                  type="search"
                  label={t('teams.searchCandidates')}
                  description={t('teams.searchCandidatesHint')}
                  value={search}
                  onChange={(event) => setSearch(event.currentTarget.value)}
                />
                <Checkbox.Group
                  label={t('teams.supervisors')}
                  description={t('teams.supervisorsHint')}
                  value={form.values.userIds}
                  onChange={onTicked}
                  error={form.errors.userIds}
                >
                  <Stack gap="xs" mt="xs">
                    {candidates.map((user) => (
                      <Checkbox
                        key={user.id}
                        value={user.id}
                        label={user.name}
                        description={user.role ? t(`roles.${user.role}`) : undefined}
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
                {q && found.length === 0 && <Text size="sm">{t('teams.nobodyFound', { q })}</Text>}
                {users.data.total > users.data.items.length && (
                  <Text size="sm" c="dimmed">
                    {t('teams.moreCandidates', { shown: users.data.items.length, total: users.data.total })}
                  </Text>
                )}
              </>
            )}
            <FormActions error={error} pending={pending} onCancel={onClose} submitDisabled={Boolean(nobodyAtAll)} />
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
