import { Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { siteCreateBody } from '#shared/organisation';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api, type Site } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';

interface Props {
  /** Without a site the form creates one. */
  site?: Site;
  onClose: () => void;
}

export function SiteFormModal({ site, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: siteCreateBody,
    initialValues: { name: site?.name ?? '', address: site?.address ?? '' },
    toBody: (values) => ({ name: values.name, address: values.address.trim() || null }),
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => (site ? api.sites.update(site.id, body) : api.sites.create(body)),
    async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['sites'] });
      // Teams show their site's name.
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      notify(t(site ? 'common.saved' : 'sites.created', { name: saved.name }));
      onClose();
    },
  );

  return (
    <Dialog onClose={onClose} title={site ? t('sites.editTitle') : t('sites.newTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label={t('sites.addressOptional')}
            autoComplete="street-address"
            {...form.getInputProps('address')}
          />
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
