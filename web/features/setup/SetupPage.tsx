import { Button, Fieldset, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type SetupBody, setupBody } from '#shared/setup';
import { FormError } from '../../components/FormError';
import { NewPasswordInput } from '../../components/NewPasswordInput';
import { PageTitle } from '../../components/PageTitle';
import { api } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { setupStatusQuery } from '../../lib/session';

/** The first visit of an empty installation: organisation, first site and first admin in one go. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: setupBody,
    initialValues: { organisationName: '', siteName: '', admin: { name: '', email: '', password: '' } },
    toBody: (values): SetupBody => values,
  });
  const { onSubmit, error, pending } = useSubmit(form, api.setup.run, async () => {
    queryClient.setQueryData(setupStatusQuery.queryKey, { needsSetup: false });
    notify(t('setup.done'));
    await navigate({ to: '/inloggen' });
  });

  return (
    <>
      <PageTitle>{t('setup.title')}</PageTitle>
      <Text mb="lg">{t('setup.intro')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <Fieldset legend={t('setup.organisationLegend')}>
            <TextInput
              label={t('setup.organisationName')}
              required
              autoComplete="organization"
              {...form.getInputProps('organisationName')}
            />
          </Fieldset>
          <Fieldset legend={t('setup.siteLegend')}>
            <TextInput
              label={t('setup.siteName')}
              description={t('setup.siteHint')}
              required
              {...form.getInputProps('siteName')}
            />
          </Fieldset>
          <Fieldset legend={t('setup.adminLegend')}>
            <Stack gap="sm">
              <TextInput label={t('fields.name')} required autoComplete="name" {...form.getInputProps('admin.name')} />
              <TextInput
                label={t('fields.email')}
                type="email"
                required
                autoComplete="email"
                {...form.getInputProps('admin.email')}
              />
              <NewPasswordInput label={t('fields.password')} required {...form.getInputProps('admin.password')} />
            </Stack>
          </Fieldset>
          <FormError message={error} />
          <Button type="submit" loading={pending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
