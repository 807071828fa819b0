import { Button, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { organisationUpdateBody } from '#shared/organisation';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { api, type Organisation } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { sessionQuery } from '../../lib/session';

export const organisationQueryKey = ['organisation'];

export function OrganisationPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: organisationQueryKey, queryFn: api.organisation.get });
  return (
    <Stack gap="md" maw={560}>
      <PageTitle>{t('organisation.title')}</PageTitle>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <OrganisationForm organisation={query.data} />}
    </Stack>
  );
}

function OrganisationForm({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: organisationUpdateBody,
    initialValues: { name: organisation.name },
    toBody: (values) => values,
  });
  const { onSubmit, error, pending } = useSubmit(form, api.organisation.update, async (saved) => {
    queryClient.setQueryData(organisationQueryKey, saved);
    // The header shows the organisation name from the session.
    await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
    form.resetDirty({ name: saved.name });
    notify(t('common.saved'));
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <TextInput label={t('organisation.name')} required {...form.getInputProps('name')} />
        <FormError message={error} />
        <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
