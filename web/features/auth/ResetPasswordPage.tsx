import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { resetPasswordBody } from '#shared/auth';
import { FormError } from '../../components/FormError';
import { NewPasswordInput } from '../../components/NewPasswordInput';
import { PageTitle } from '../../components/PageTitle';
import { api } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';

/** Reached from the link in a reset or invitation mail: /wachtwoord-herstellen?token=… */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = useSearch({ from: '/public/wachtwoord-herstellen' });
  const form = useSchemaForm({
    schema: resetPasswordBody,
    initialValues: { newPassword: '' },
    toBody: (values) => ({ token: token ?? '', newPassword: values.newPassword }),
  });
  const { onSubmit, error, pending } = useSubmit(form, api.auth.resetPassword, async () => {
    notify(t('reset.done'));
    await navigate({ to: '/inloggen' });
  });

  return (
    <>
      <PageTitle>{t('reset.title')}</PageTitle>
      {token ? (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <NewPasswordInput label={t('fields.newPassword')} required {...form.getInputProps('newPassword')} />
            <FormError message={error} />
            <Button type="submit" loading={pending}>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      ) : (
        <Alert color="red" variant="light" role="alert">
          {t('errors.invalid_token')}
        </Alert>
      )}
      <Anchor component={Link} to="/wachtwoord-vergeten" display="block" mt="md">
        {t('reset.askNewLink')}
      </Anchor>
    </>
  );
}
