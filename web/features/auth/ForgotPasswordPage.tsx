import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgotPasswordBody } from '#shared/auth';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { api } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const form = useSchemaForm({
    schema: forgotPasswordBody,
    initialValues: { email: '' },
    toBody: (values) => values,
  });
  const { onSubmit, error, pending } = useSubmit(form, api.auth.forgotPassword, () => setSent(true));

  return (
    <>
      <PageTitle>{t('forgot.title')}</PageTitle>
      {sent ? (
        <Alert color="groen" variant="light" role="status" mb="md">
          {t('forgot.sent')}
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Text>{t('forgot.intro')}</Text>
            <TextInput
              label={t('fields.email')}
              type="email"
              required
              autoComplete="email"
              {...form.getInputProps('email')}
            />
            <FormError message={error} />
            <Button type="submit" loading={pending}>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/inloggen" display="block" mt="md">
        {t('forgot.backToLogin')}
      </Anchor>
    </>
  );
}
