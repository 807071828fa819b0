import { Autocomplete, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { defaultWorkDomains, teamCreateBody } from '#shared/organisation';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api, type Team } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { sitesQuery } from '../sites/queries';

interface Props {
  /** Without a team the form creates one. */
  team?: Team;
  /** Work domains already in use, offered beside the suggested ones. */
  knownDomains: readonly string[];
  onClose: () => void;
}

export function TeamFormModal({ team, knownDomains, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sites = useQuery(sitesQuery(true));
  // An archived site is no place for a new team, but a team that is already there keeps showing it.
  const siteOptions = (sites.data?.items ?? [])
    .filter((site) => !site.archived || site.id === team?.siteId)
    .map((site) => ({
      value: site.id,
      label: site.archived ? `${site.name} (${t('common.archivedStatus')})` : site.name,
    }));
  const domains = [...new Set([...defaultWorkDomains, ...knownDomains])];

  const form = useSchemaForm({
    schema: teamCreateBody,
    initialValues: { name: team?.name ?? '', workDomain: team?.workDomain ?? '', siteId: team?.siteId ?? '' },
    toBody: (values) => values,
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => (team ? api.teams.update(team.id, body) : api.teams.create(body)),
    async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      notify(t(team ? 'common.saved' : 'teams.created', { name: saved.name }));
      onClose();
    },
  );
  const siteError = form.errors.siteId ? t('teams.chooseSite') : undefined;

  return (
    <Dialog onClose={onClose} title={team ? t('teams.editTitle') : t('teams.newTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <Autocomplete
            label={t('teams.workDomain')}
            description={t('teams.workDomainHint')}
            required
            data={domains}
            {...form.getInputProps('workDomain')}
          />
          <NativeSelect
            label={t('teams.site')}
            required
            data={[{ value: '', label: t('teams.chooseSite') }, ...siteOptions]}
            {...form.getInputProps('siteId')}
            error={siteError}
          />
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
