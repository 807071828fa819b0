import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { activateBody } from '#shared/participant-account';
import { FormError } from '../../components/FormError';
import { NewPasswordInput } from '../../components/NewPasswordInput';
import { PageTitle } from '../../components/PageTitle';
import { api } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { sessionQuery } from '../../lib/session';

/** /activeren: the participant types what is on the paper from their coach, chooses a password and is logged in. */
export function ActivatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: activateBody,
    initialValues: { username: '', code: '', password: '' },
    toBody: (values) => values,
  });
  const { onSubmit, error, pending } = useSubmit(form, api.participantAccounts.activate, async ({ user }) => {
    // Whatever the previous person left in the cache is not for this one.
    queryClient.clear();
    queryClient.setQueryData(sessionQuery.queryKey, user);
    notify(t('activate.done'));
    await navigate({ to: '/mijn-dossier' });
  });

  return (
    <>
      <PageTitle>{t('activate.title')}</PageTitle>
      <Text mb="md">{t('activate.intro')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('fields.username')}
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps('username')}
          />
          <TextInput
            label={t('activate.code')}
            description={t('activate.codeHint')}
            required
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            {...form.getInputProps('code')}
          />
          <NewPasswordInput label={t('fields.newPassword')} required {...form.getInputProps('password')} />
          <FormError message={error} />
          <Button type="submit" loading={pending}>
            {t('activate.submit')}
          </Button>
          <Anchor component={Link} to="/inloggen">
            {t('activate.haveAccount')}
          </Anchor>
        </Stack>
      </form>
    </>
  );
}
