import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { loginBody } from '#shared/auth';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { PasswordField } from '../../components/PasswordField';
import { api } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { sessionQuery } from '../../lib/session';
import { SessionEndedNotice } from './SessionEndedNotice';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: loginBody,
    initialValues: { identifier: '', password: '' },
    toBody: (values) => values,
  });
  const { onSubmit, error, pending } = useSubmit(form, api.auth.login, async ({ user }) => {
    // Whatever the previous person left in the cache is not for this one.
    queryClient.clear();
    queryClient.setQueryData(sessionQuery.queryKey, user);
    await navigate({ to: '/' });
  });

  return (
    <>
      <PageTitle>{t('login.title')}</PageTitle>
      <SessionEndedNotice />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('login.identifier')}
            description={t('login.identifierHint')}
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps('identifier')}
          />
          <PasswordField
            label={t('fields.password')}
            required
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <FormError message={error} />
          <Button type="submit" loading={pending}>
            {t('login.submit')}
          </Button>
          <Anchor component={Link} to="/wachtwoord-vergeten">
            {t('login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </>
  );
}
